#include "reconcile/SegmentChecksums.h"

#include "reconcile/RowChecksum.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace cutover {

namespace {

Error cancelledError()
{
    return Error(Error::Code::Cancelled, QStringLiteral("reconciliation cancelled"));
}

bool anyBit(const QBitArray &bits)
{
    return bits.count(true) > 0;
}

} // namespace

SegmentChecksums::SegmentChecksums(Setup setup)
    : m_setup(std::move(setup))
    , m_sql(m_setup.kind, m_setup.table, m_setup.columns, m_setup.keyColumns)
{}

bool SegmentChecksums::cancelled() const
{
    return m_setup.cancelled && m_setup.cancelled->load();
}

QVariantList SegmentChecksums::keyOf(const ReconcileSpool::Row &row) const
{
    QVariantList key;
    for (int k : m_setup.keyColumns)
        key.append(row.values.value(k));
    return key;
}

Result<SegmentChecksums::Outcome> SegmentChecksums::run(ReconcileSpool &spool)
{
    Outcome outcome;
    if (auto ok = readExpected(spool); !ok)
        return ok.error();
    if (cancelled())
        return cancelledError();
    if (auto ok = compareSegments(outcome); !ok)
        return ok.error();
    outcome.leaves = int(m_leaves.size());
    outcome.fetchFilter = leafFilter([&](int leaf) { return !m_leaves.at(leaf).matched; },
                                     int(m_leaves.size()), [](int leaf) { return leaf; });
    for (const Leaf &leaf : std::as_const(m_leaves))
        outcome.differingLeaves += leaf.matched ? 0 : 1;
    if (cancelled())
        return cancelledError();
    if (auto ok = copyMatched(spool); !ok)
        return ok.error();
    return outcome;
}

// Leaves of m_leafRows expected rows (the run's quarantined ones included, which the target
// should not have), each starting at a key that can be written as a SQL literal.
Result<void> SegmentChecksums::readExpected(ReconcileSpool &spool)
{
    auto rows = spool.count(ReconcileSpool::Side::Expected);
    if (!rows)
        return rows.error();
    m_leafRows = std::clamp<qint64>(*rows / 64, m_setup.minLeafRows, m_setup.maxLeafRows);
    auto cursor = spool.rows(ReconcileSpool::Side::Expected);
    if (!cursor)
        return cursor.error();
    m_leaves = {Leaf()};
    qint64 inLeaf = 0;
    QByteArray lastKey;
    ReconcileSpool::Row row;
    while (cursor->next(row)) {
        if (inLeaf >= m_leafRows && row.key != lastKey) {
            if (auto literal = m_sql.keyLiteral(keyOf(row))) {
                m_leaves.append(Leaf{literal, row.key, {}, {}, false, false});
                inLeaf = 0;
            }
        }
        ++inLeaf;
        lastKey = row.key;
        if (row.runQuarantined)
            continue;
        Leaf &leaf = m_leaves.last();
        ++leaf.expected.rows;
        leaf.expected.sum += RowChecksum::ofRow(row.values);
        leaf.poisoned = leaf.poisoned || anyBit(row.databaseFilled);
    }
    if (cursor->error())
        return *cursor->error();
    return {};
}

Result<QHash<int, SegmentChecksums::Sum>> SegmentChecksums::sums(const QStringList &boundaries,
                                                                 const QString &where) const
{
    const QString sql = m_sql.bucketQuery(boundaries, where);
    QSqlQuery query(m_setup.db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return Error(Error::Code::Schema,
                     QStringLiteral("cannot compute segment checksums of %1: %2")
                         .arg(m_setup.table, query.lastError().text()),
                     sql.left(2000));
    QHash<int, Sum> result;
    while (query.next()) {
        const auto sum = RowChecksum::parseSum(query.value(2).toString());
        if (!sum)
            return Error(Error::Code::Internal,
                         QStringLiteral("segment checksum of %1 is not a number: %2")
                             .arg(m_setup.table, query.value(2).toString()));
        result.insert(query.value(0).toInt(), Sum{query.value(1).toLongLong(), *sum});
    }
    return result;
}

// One scan: every segment's count and checksum. Segments that differ are split into leaves.
Result<void> SegmentChecksums::compareSegments(Outcome &outcome)
{
    const int perSegment = qMax(1, m_setup.leavesPerSegment);
    const int segments = int((m_leaves.size() + perSegment - 1) / perSegment);
    QStringList boundaries;
    for (int s = 1; s < segments; ++s)
        boundaries.append(*m_leaves.at(s * perSegment).lo);
    auto found = sums(boundaries, QStringLiteral("1 = 1"));
    if (!found)
        return found.error();
    outcome.segments = segments;
    QList<int> differing;
    for (int s = 0; s < segments; ++s) {
        const int first = s * perSegment;
        const int end = qMin(int(m_leaves.size()), first + perSegment);
        Sum expected;
        bool poisoned = false;
        for (int l = first; l < end; ++l) {
            expected.rows += m_leaves.at(l).expected.rows;
            expected.sum += m_leaves.at(l).expected.sum;
            poisoned = poisoned || m_leaves.at(l).poisoned;
        }
        const Sum target = found->value(s);
        outcome.targetRows += target.rows;
        if (target == expected && !poisoned) {
            for (int l = first; l < end; ++l)
                m_leaves[l].matched = true;
        } else if (end - first == 1) {
            m_leaves[first].target = target;
            ++outcome.differingSegments;
        } else {
            differing.append(s);
            ++outcome.differingSegments;
        }
    }
    return differing.isEmpty() ? Result<void>() : compareLeaves(differing);
}

// One query over the differing segments only: each leaf's count and checksum.
Result<void> SegmentChecksums::compareLeaves(const QList<int> &segments)
{
    const int perSegment = qMax(1, m_setup.leavesPerSegment);
    QStringList boundaries;
    for (qsizetype l = 1; l < m_leaves.size(); ++l)
        boundaries.append(*m_leaves.at(l).lo);
    const QSet<int> chosen(segments.cbegin(), segments.cend());
    const int segmentCount = int((m_leaves.size() + perSegment - 1) / perSegment);
    const QString where = leafFilter([&](int s) { return chosen.contains(s); }, segmentCount,
                                     [&](int s) { return s * perSegment; });
    auto found = sums(boundaries, where);
    if (!found)
        return found.error();
    for (int s : segments)
        for (int l = s * perSegment; l < qMin(int(m_leaves.size()), (s + 1) * perSegment); ++l) {
            Leaf &leaf = m_leaves[l];
            leaf.target = found->value(l);
            leaf.matched = leaf.target == leaf.expected && !leaf.poisoned;
        }
    return {};
}

// The OR of the key ranges of the selected units (segments or leaves, firstLeaf giving a unit's
// first leaf), adjacent units joined into one range; empty when none is selected.
QString SegmentChecksums::leafFilter(const std::function<bool(int)> &selected, int count,
                                     const std::function<int(int)> &firstLeaf) const
{
    QStringList ranges;
    for (int u = 0; u < count;) {
        if (!selected(u)) {
            ++u;
            continue;
        }
        int end = u + 1;
        while (end < count && selected(end))
            ++end;
        const int endLeaf = end < count ? firstLeaf(end) : int(m_leaves.size());
        const auto lo = m_leaves.at(firstLeaf(u)).lo;
        const auto hi =
            endLeaf < m_leaves.size() ? m_leaves.at(endLeaf).lo : std::optional<QString>();
        ranges.append(m_sql.range(lo, hi));
        u = end;
    }
    return ranges.join(QStringLiteral(" OR "));
}

// The target's rows of a matching leaf are the expected ones: copied, not read.
Result<void> SegmentChecksums::copyMatched(ReconcileSpool &spool)
{
    auto cursor = spool.rows(ReconcileSpool::Side::Expected);
    if (!cursor)
        return cursor.error();
    qsizetype leaf = 0;
    ReconcileSpool::Row row;
    while (cursor->next(row)) {
        while (leaf + 1 < m_leaves.size() && m_leaves.at(leaf + 1).loKey <= row.key)
            ++leaf;
        if (row.runQuarantined || !m_leaves.at(leaf).matched)
            continue;
        ReconcileSpool::Row copy;
        copy.key = row.key;
        copy.keyText = row.keyText;
        copy.values = row.values;
        if (auto ok = spool.add(ReconcileSpool::Side::Actual, copy); !ok)
            return ok;
        if (m_setup.copied)
            m_setup.copied(copy.values);
    }
    if (cursor->error())
        return *cursor->error();
    return {};
}

} // namespace cutover
