#pragma once

#include "transform/RowDigest.h"

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <cstring>
#include <vector>

struct sqlite3_stmt;

namespace cutover {

struct SqliteCell;

// Hashes one row at a time (xxHash's XXH3, 128 bits) for RowDigest, over the values as SQLite
// holds them: NULL, INTEGER, REAL, TEXT (UTF-8) and BLOB, each with its type. A run hashes the
// rows it binds as the target will store them (addStored, which follows SqliteValue::bind and the
// column's type affinity) and the source rows it reads (addSource); reconciliation hashes what a
// table scan returns (addColumn), so equal digests mean the target holds exactly what the run
// wrote. Where SQLite's conversion of a value cannot be foretold exactly (a REAL into a TEXT
// column, text that may turn into a number), addStored says so and the digest is not used.
class RowHasher
{
public:
    enum class Affinity
    {
        Text,
        Numeric,
        Integer,
        Real,
        Blob
    };
    // SQLite's rules for a column's declared type ("Determination Of Column Affinity").
    static Affinity affinityOf(const QString &declaredType);
    // The value a column's default stores, when it is a literal (SqlLiteral), else none.
    static QVariant literalDefault(const QString &defaultSql);

    void addNull();
    void addInteger(qint64 value);
    void addReal(double value);
    void addText(const char *utf8, qsizetype size);
    void addText(const QString &text);
    void addBlob(const char *bytes, qsizetype size);
    // A value as a RowSource gives it.
    void addSource(const QVariant &value);
    // A value as the target stores it once bound; false when that cannot be foretold.
    [[nodiscard]] bool addStored(const QVariant &value, Affinity affinity);
    // Column c of the statement's current row.
    void addColumn(sqlite3_stmt *statement, int column);
    void addCell(const SqliteCell &cell);

    // The row's hash; the hasher starts a new row.
    RowDigest::Hash finish();

private:
    void addBytes(char tag, const char *bytes, qsizetype size);
    void put(const void *data, std::size_t size)
    {
        if (m_size + size > m_row.size())
            grow(size);
        std::memcpy(m_row.data() + m_size, data, size);
        m_size += size;
    }
    void putTag(char tag) { put(&tag, 1); }
    void grow(std::size_t size);
    bool addStoredText(const QString &text, Affinity affinity);

    std::vector<char> m_row; // the row's encoding so far, m_size bytes of it
    std::size_t m_size = 0;
};

} // namespace cutover
