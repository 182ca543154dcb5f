#pragma once

#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "source/RowQuery.h"
#include "source/RowSource.h"

#include <memory>

namespace cutover {

class PasswordProvider;

// Opens the right RowSource for a table mapping's source connection: SqlRowSource for SQLite,
// PostgreSQL and MySQL, CsvRowSource for a CSV folder. The source is opened on the calling thread
// and must be read there. Source columns that column mappings give an encoding are decoded with
// it (ColumnEncodings, DecodingRowSource), for every reader alike: preview, run, reconciliation.
class RowSourceFactory
{
public:
    static Result<std::unique_ptr<RowSource>> open(const Project &project,
                                                   const TableMapping &mapping,
                                                   const RowQuery &query,
                                                   const PasswordProvider *passwords = nullptr);
    // The project's source connection, parsed.
    static Result<ConnectionSpec> sourceSpec(const Project &project);
    // The mapping's source key columns: its sourceKey, else the source table's primary key
    // (introspected), else none (a CSV file, a query or a table without a key).
    static Result<QStringList> keyColumns(const Project &project, const TableMapping &mapping,
                                          const PasswordProvider *passwords = nullptr);

private:
    static Result<std::unique_ptr<RowSource>> openPlain(const Project &project,
                                                        const TableMapping &mapping,
                                                        const RowQuery &query,
                                                        const PasswordProvider *passwords);
};

} // namespace cutover
