#pragma once

#include "core/Result.h"
#include "reconcile/ChecksumSql.h"
#include "reconcile/ReconcileSpool.h"

#include <QSqlDatabase>
#include <atomic>
#include <functional>

namespace cutover {

// Compares a table's spooled expected rows with a PostgreSQL or MySQL target without reading
// the target's rows, as data-diff does: the expected keys are cut into leaves of about
// leafRows rows and the leaves grouped into segments; one GROUP BY query (one scan of the
// target) returns each segment's row count and checksum (RowChecksum, computed in SQL by
// ChecksumSql); the segments that differ are split into their leaves by a second query over
// those segments only, and the rows of the leaves that still differ are left to be fetched
// (fetchFilter). The expected rows of every leaf that matches are copied to the spool's actual
// side: equal checksums mean equal canonical rows, so the spool then holds what reading the
// whole target would have put there, and the exact merge gives the same result.
class SegmentChecksums
{
public:
    struct Setup
    {
        QSqlDatabase db; // the target, open on this thread
        ConnectionSpec::Kind kind = ConnectionSpec::Kind::PostgreSql;
        QString table;
        QList<ColumnInfo> columns; // compared, in comparer order
        QList<int> keyColumns;
        // Rows per leaf: a 64th of the table, at least minLeafRows and at most maxLeafRows.
        int minLeafRows = 16;
        int maxLeafRows = 1000;
        int leavesPerSegment = 32;
        const std::atomic<bool> *cancelled = nullptr;
        std::function<void(const QVariantList &canonical)> copied; // per row copied
    };
    struct Outcome
    {
        qint64 targetRows = 0;
        int segments = 0;
        int differingSegments = 0;
        int leaves = 0;
        int differingLeaves = 0;
        QString fetchFilter; // SQL for the target rows to read; empty: none
    };

    explicit SegmentChecksums(Setup setup);
    // Empty when the table can be compared by checksums; else why not.
    const QString &unsupported() const { return m_sql.unsupported(); }
    // The expected side must be written (finishWriting); adds the copies to the actual side.
    Result<Outcome> run(ReconcileSpool &spool);

private:
    struct Sum
    {
        qint64 rows = 0;
        quint64 sum = 0;
        bool operator==(const Sum &) const = default;
    };
    struct Leaf
    {
        std::optional<QString> lo; // SQL literal of the first key; none for the first leaf
        QByteArray loKey;          // its SortKey
        Sum expected;
        Sum target;
        bool poisoned = false; // holds a row whose database-filled columns are not known
        bool matched = false;
    };

    Result<void> readExpected(ReconcileSpool &spool);
    Result<QHash<int, Sum>> sums(const QStringList &boundaries, const QString &where) const;
    Result<void> compareSegments(Outcome &outcome);
    Result<void> compareLeaves(const QList<int> &segments);
    Result<void> copyMatched(ReconcileSpool &spool);
    QString leafFilter(const std::function<bool(int)> &selected, int count,
                       const std::function<int(int)> &firstLeaf) const;
    QVariantList keyOf(const ReconcileSpool::Row &row) const;
    bool cancelled() const;

    Setup m_setup;
    ChecksumSql m_sql;
    QList<Leaf> m_leaves;
    qint64 m_leafRows = 1000;
};

} // namespace cutover
