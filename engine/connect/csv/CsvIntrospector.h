#pragma once

#include "connect/csv/CsvOptions.h"
#include "connect/introspect/Introspector.h"
#include "dialect/ConnectionSpec.h"

class QFileInfo;

namespace cutover {

// A folder of CSV files as a database: one table per *.csv or *.tsv file, named after the file
// without its suffix. Columns come from the header (or are column_1 ... column_N), with types
// inferred from the first `sample` records; declaredType reads "csv:<type>". Each file is streamed
// once to count its records exactly, so rowEstimate is exact. CSV has no keys or indexes.
class CsvIntrospector : public Introspector
{
public:
    explicit CsvIntrospector(ConnectionSpec spec)
        : m_spec(std::move(spec))
    {}
    Result<DatabaseSchema> introspect() override;

private:
    Result<TableInfo> readTable(const QFileInfo &file, const CsvOptions &options) const;

    ConnectionSpec m_spec;
};

} // namespace cutover
