#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/ColumnInfo.h"

#include <QStringList>
#include <QVariantList>
#include <optional>

namespace cutover {

// The SQL of segment checksums for one target table in PostgreSQL or MySQL: per row the hash of
// RowChecksum, built in SQL from the columns' values in ValueComparer's canonical form, and the
// key compared in the order of SortKey (integers numerically, texts by their UTF-8 bytes:
// COLLATE "C" in PostgreSQL, binary strings in MySQL), so a segment of expected keys
// [lo, hi) selects the target rows that sort there. A value SQL cannot canonicalize exactly
// (a timestamp finer than Qt's milliseconds, an invalid UUID text, NaN) gets a piece no
// canonical row has, so its segment differs and is compared row by row; a column type SQL
// cannot canonicalize at all (JSON, blobs, times; reals but PostgreSQL's double precision)
// makes the table unsupported().
class ChecksumSql
{
public:
    // columns: the compared columns in comparer order; keyColumns: indexes into them.
    ChecksumSql(ConnectionSpec::Kind kind, const QString &table, const QList<ColumnInfo> &columns,
                const QList<int> &keyColumns);

    // Empty when the table can be checksummed in SQL; else why not, for a note.
    const QString &unsupported() const { return m_unsupported; }
    // The key as a SQL row value of literals; nullopt when a part cannot be written as one
    // (an expected key that does not fit the column's type): it is then no segment boundary.
    std::optional<QString> keyLiteral(const QVariantList &key) const;
    // Rows whose key lies in [lo, hi), a missing bound being open; NULL keys sort first.
    QString range(const std::optional<QString> &lo, const std::optional<QString> &hi) const;
    // SELECT bucket, COUNT(*), SUM(hash) over the rows matching where, GROUP BY bucket; bucket i
    // holds the keys below boundaries[i] and from boundaries[i - 1] on (literals, ascending).
    QString bucketQuery(const QStringList &boundaries, const QString &where) const;

private:
    QString piece(const ColumnInfo &column) const;
    QString postgresValue(const ColumnInfo &column, QString &valid) const;
    QString mySqlValue(const ColumnInfo &column, QString &valid) const;
    QString keyExpression() const;
    QString anyKeyNull() const;
    QString bucketOf(const QStringList &boundaries, qsizetype lo, qsizetype hi) const;
    QString rowHash() const;
    QString column(const ColumnInfo &column) const;
    bool isPostgres() const { return m_kind == ConnectionSpec::Kind::PostgreSql; }

    ConnectionSpec::Kind m_kind;
    QString m_table;
    QList<ColumnInfo> m_columns;
    QList<int> m_keyColumns;
    QString m_unsupported;
};

} // namespace cutover
