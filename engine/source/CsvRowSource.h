#pragma once

#include "connect/csv/CsvReader.h"
#include "connect/csv/CsvRecord.h"
#include "dialect/ConnectionSpec.h"
#include "project/LookupMap.h"
#include "project/TableMapping.h"
#include "source/RowQuery.h"
#include "source/RowSource.h"

#include <QSet>
#include <atomic>
#include <memory>

namespace cutover {

class TransformProgram;

// Rows of one file of a CSV folder connection (the mapping's source table is the file name
// without .csv/.tsv), streamed through CsvReader.
//
// Values: a NULL field (see CsvOptions' null text) is a null QVariant. A column whose first
// `sample` records all hold integers (CsvTypeInferrer's rules: no leading zero, within int64)
// delivers its integer fields as qint64, so `id > 0` and uuid5('x', id) behave as on a database;
// any other field, in any column, is text exactly as written (no trimming, decimals stay exact
// text). The target type conversion after the transform does the rest.
//
// Filters (the mapping's and RowQuery::filters) cannot be SQL for a file: they are evaluated as
// SQLite expressions over the row by a TransformProgram, the same engine as transforms (so
// `SITE_CODE = 'BER'` works, a PostgreSQL-only function does not); there, decimal and real
// columns read as numbers so comparisons are numeric. RowQuery::orderBy is ignored:
// rows come in file order, which is stable. A mapping query is refused.
//
// A field holding bytes that are not valid in the file's encoding is a QByteArray of its exact
// bytes, which a text column refuses with them in hex (as a SQLite source's text that is not
// UTF-8). A bad record (wrong field count, broken quotes, bad UTF-16) stops reading with its
// file, line and problem (CsvRecord::error()), as introspection refuses the file: it is never
// left out without a word, and no row has been made of it.
class CsvRowSource : public RowSource
{
public:
    ~CsvRowSource() override;
    static Result<std::unique_ptr<CsvRowSource>> open(const ConnectionSpec &spec,
                                                      const TableMapping &mapping,
                                                      const RowQuery &query,
                                                      const QList<LookupMap> &lookups = {});

    QStringList columns() const override { return m_columns; }
    Result<RowBatch> next(int maxRows) override;
    void cancel() override;
    const TextEncoding *textEncoding() const override
    {
        return m_encoding ? &*m_encoding : nullptr;
    }

    QString path() const { return m_path; }

private:
    CsvRowSource() = default;
    Result<void> start(const ConnectionSpec &spec, const TableMapping &mapping,
                       const RowQuery &query, const QList<LookupMap> &lookups);
    Result<void> inferIntegerColumns();
    Result<void> compileFilter(const QStringList &filters, const QList<LookupMap> &lookups);
    Result<RowBatch> readChunk(int maxRows);
    Result<RowBatch> keepMatching(RowBatch chunk);
    RowBatch numericView(const RowBatch &chunk) const;
    QVariant typed(qsizetype column, const QString &field) const;
    QString keyOfRow(const QVariantList &row) const;
    static QString keyOfTuple(const QVariantList &tuple);

    QString m_path;
    CsvOptions m_options;
    std::optional<TextEncoding> m_encoding; // the file's, where CsvReader keeps bad bytes
    std::unique_ptr<CsvReader> m_reader;
    QStringList m_fileColumns;
    QList<bool> m_integer;      // per file column
    QList<bool> m_fractional;   // per file column: inferred decimal or real
    QList<qsizetype> m_project; // file column of each output column
    QStringList m_columns;
    std::unique_ptr<TransformProgram> m_filter;
    QList<qsizetype> m_keyColumns; // file columns of RowQuery::keyColumns
    QSet<QString> m_keys;
    bool m_restrictKeys = false;
    qint64 m_limit = -1;
    qint64 m_returned = 0;
    bool m_done = false;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cutover
