#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "source/RowQuery.h"

#include <atomic>

namespace cutover {

class PasswordProvider;

// Counts a table mapping's source rows for the run's row ledger and its ETA: all rows (no filter
// at all) and the rows the run will read (the mapping's filter and the query's filters). SQL
// sources count inside the database (SELECT count(*) over the same SELECT the run reads);
// a CSV file is read through once. Opens its own connection on the calling thread.
class SourceCounter
{
public:
    struct Counts
    {
        qint64 all = 0;
        qint64 selected = 0;
    };

    static Result<Counts> count(const Project &project, const TableMapping &mapping,
                                const RowQuery &query, const PasswordProvider *passwords,
                                const std::atomic<bool> *cancelled = nullptr);

private:
    static Result<qint64> countSql(const Project &project, const TableMapping &mapping,
                                   const RowQuery &query, const PasswordProvider *passwords);
    static Result<qint64> countByReading(const Project &project, const TableMapping &mapping,
                                         const RowQuery &query, const PasswordProvider *passwords,
                                         const std::atomic<bool> *cancelled);
};

} // namespace cutover
