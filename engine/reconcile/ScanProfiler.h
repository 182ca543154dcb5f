#pragma once

#include "reconcile/DistinctHashes.h"
#include "reconcile/ValueComparer.h"

#include <QByteArray>
#include <QList>
#include <QVariant>

struct sqlite3_stmt;

namespace cutover {

class ColumnProfiler;
struct SqliteCell;

// The column profiles of a SQLite table scan (NULLs, minimum, maximum, distinct values), read from
// the statement's columns as they are where a column's canonical form (ValueComparer) is the
// stored value itself: an integer column's INTEGER, a real column's REAL, a text column's TEXT or
// BLOB. Any other value goes through ValueComparer::canonical, as the exact merge's profiles do,
// so both give the same figures. Minimum and maximum follow ValueComparer::compare (text in
// UTF-16 order, as QString compares). Distinct values are counted by hashes (DistinctHashes);
// a column that is unique in the table (a one-column primary key or unique constraint) has as
// many as it has non-NULL values, as long as every value was its own canonical form.
class ScanProfiler
{
public:
    // Per comparer: its column in the statement, whether the table keeps it unique on its own,
    // and whether a primary key or unique constraint covers it.
    ScanProfiler(const QList<ValueComparer> &comparers, const QList<int> &statementColumns,
                 const QList<bool> &unique, const QList<bool> &keyed);

    // The row's cells, indexed by statement column (a scan that hashes them too reads them once).
    void addRow(const SqliteCell *cells);
    void addRow(sqlite3_stmt *statement);
    // False when a column that a key or unique constraint covers held a value that is not its
    // canonical form (the database's uniqueness then says nothing about canonical values).
    bool keysCanonical() const { return m_keysCanonical; }
    // NULLs in any of these comparers' columns?
    bool hasNulls(const QList<int> &comparers) const;
    void fill(ColumnProfiler &profiler) const;
    qint64 memoryBytes() const;

private:
    enum class Native
    {
        Integer,
        Real,
        Text, // TEXT and BLOB
        None
    };
    struct Column
    {
        int at = 0;
        Native native = Native::None;
        bool unique = false;
        bool keyed = false;
        qint64 nulls = 0;
        qint64 values = 0;
        bool anyInteger = false;
        qint64 minInteger = 0;
        qint64 maxInteger = 0;
        bool anyReal = false;
        double minReal = 0;
        double maxReal = 0;
        bool anyText = false;
        QByteArray minText;
        QByteArray maxText;
        bool anyBlob = false;
        QByteArray minBlob;
        QByteArray maxBlob;
        QVariant minOther;
        QVariant maxOther;
        bool other = false; // a value went through canonical()
        DistinctHashes distinct;
    };

    void addNative(Column &column, const SqliteCell &cell);
    void addCanonical(Column &column, const ValueComparer &comparer, const QVariant &canonical);
    static void keepText(QByteArray &min, QByteArray &max, bool &any, const char *bytes, int size,
                         bool utf16Order);

    const QList<ValueComparer> &m_comparers;
    QList<Column> m_columns;
    bool m_keysCanonical = true;
    int m_width = 0; // statement columns read
};

} // namespace cutover
