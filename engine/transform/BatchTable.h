#pragma once

#include "core/RowBatch.h"

#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <memory>
#include <vector>

struct sqlite3;

namespace cutover {

// A read-only SQLite virtual table over the RowBatch being transformed, so a batch reaches the
// transform statement without being copied into a table first (measured against a temporary
// table: see tests/bench/bench_transform.cpp). Rowids are 1-based row positions; the table
// answers "rowid > ?" and "ORDER BY rowid" itself, so a batch can resume after a failed row.
// Text reaches SQLite as UTF-8 written into blocks the table keeps until clear(), handed over
// without a copy (SQLITE_STATIC): the blocks are reused batch after batch, so a cell costs no
// allocation.
class BatchTable
{
public:
    // Creates the module and `CREATE VIRTUAL TABLE name USING ...` with the given columns.
    // The BatchTable must outlive the connection's use of the table.
    bool create(sqlite3 *db, const char *name, const QStringList &columns);
    // Points the table at batch; order[i] is the batch column that feeds table column i.
    void setBatch(const RowBatch *batch, QList<int> order);
    void clear();

    const QStringList &columns() const { return m_columns; }
    const RowBatch *batch() const { return m_batch; }
    const QVariant &value(qsizetype row, int column) const
    {
        return m_batch->rows[row][m_order[column]];
    }
    // The UTF-8 of text (what text.toUtf8() gives), valid until clear().
    QByteArrayView utf8(const QString &text);

private:
    char *reserve(qsizetype bytes);

    QStringList m_columns;
    const RowBatch *m_batch = nullptr;
    QList<int> m_order;
    std::vector<std::pair<std::unique_ptr<char[]>, qsizetype>> m_blocks; // memory, size
    size_t m_block = 0;                                                  // the block being filled
    qsizetype m_used = 0;                                                // bytes used in it
};

} // namespace cutover
