#include "reconcile/SegmentChecksumStrategy.h"

#include "reconcile/ColumnProfiler.h"
#include "reconcile/ExactMergeStrategy.h"
#include "reconcile/ReconcileContext.h"

namespace cutover {

SegmentChecksumStrategy::SegmentChecksumStrategy(ReconcileContext &context,
                                                 ExactMergeStrategy &merge)
    : m_context(context)
    , m_merge(merge)
{}

bool SegmentChecksumStrategy::applies(const ReconcileContext &context)
{
    using Method = ReconcileOptions::Method;
    const TableReconciler::Setup &setup = context.setup;
    const auto kind = setup.targetSpec.kind();
    const bool remote =
        kind == ConnectionSpec::Kind::PostgreSql || kind == ConnectionSpec::Kind::MySql;
    return setup.targetDb && !context.keyColumns.isEmpty() &&
           (setup.method == Method::Checksums || (setup.method == Method::Auto && remote));
}

Result<void> SegmentChecksumStrategy::run()
{
    if (auto ok = m_merge.openSpool(); !ok)
        return ok;
    if (auto ok = spoolThenCompare(); !ok)
        return ok;
    return m_merge.mergeSpooled();
}

Result<void> SegmentChecksumStrategy::spoolThenCompare()
{
    if (auto ok = m_merge.spoolExpected(); !ok || m_context.cancelled())
        return ok;
    auto done = compare();
    if (!done)
        return done.error();
    return *done ? Result<void>() : m_merge.spoolTarget(m_context.setup.targetLookup);
}

// False when the table cannot be compared by checksums (then the exact merge reads it all).
Result<bool> SegmentChecksumStrategy::compare()
{
    const SegmentChecksums::Setup setup = checksumSetup();
    SegmentChecksums checksums(setup);
    if (setup.columns.size() != m_context.comparers.size() || !checksums.unsupported().isEmpty()) {
        m_context.result.notes.append(QStringLiteral("exact merge instead of segment checksums: %1")
                                          .arg(checksums.unsupported()));
        return false;
    }
    if (auto ok = m_context.spool->finishWriting(); !ok)
        return ok.error();
    m_context.report(QStringLiteral("checksums"), 0);
    auto outcome = checksums.run(*m_context.spool);
    if (!outcome)
        return outcome.error();
    m_context.result.method = QStringLiteral("segment checksums");
    if (!outcome->fetchFilter.isEmpty())
        if (auto ok = m_merge.spoolTarget(m_context.setup.targetLookup, outcome->fetchFilter); !ok)
            return ok.error();
    noteOutcome(*outcome);
    return true;
}

SegmentChecksums::Setup SegmentChecksumStrategy::checksumSetup() const
{
    const TableReconciler::Setup &from = m_context.setup;
    SegmentChecksums::Setup setup;
    setup.db = *from.targetDb;
    setup.kind = from.targetSpec.kind();
    setup.table = from.mapping->target;
    for (const ValueComparer &c : std::as_const(m_context.comparers))
        if (const ColumnInfo *column = from.target.column(c.column()))
            setup.columns.append(*column);
    setup.keyColumns = m_context.keyColumns;
    setup.cancelled = from.cancelled;
    setup.copied = [&context = m_context](const QVariantList &canonical) {
        context.targetProfile->add(canonical);
    };
    return setup;
}

void SegmentChecksumStrategy::noteOutcome(const SegmentChecksums::Outcome &outcome)
{
    TableReconciliation &result = m_context.result;
    result.targetRows = outcome.targetRows;
    result.notes.append(
        QStringLiteral("segment checksums in the database: %1 of %2 segments and %3 of %4 "
                       "leaves differed; %5 target rows were read and compared row by row, and "
                       "rule checks ran on those rows only (the other target rows equal expected "
                       "rows, which passed the rules)")
            .arg(outcome.differingSegments)
            .arg(outcome.segments)
            .arg(outcome.differingLeaves)
            .arg(outcome.leaves)
            .arg(result.rowsTransferred));
}

} // namespace cutover
