#pragma once

#include "core/Result.h"
#include "reconcile/SegmentChecksums.h"

namespace cutover {

class ExactMergeStrategy;
struct ReconcileContext;

// Every row compared, for a keyed table in PostgreSQL or MySQL, without reading all the target's
// rows: the expected side is spooled first (ExactMergeStrategy), then SegmentChecksums compares
// it with the target inside the database, and only the target rows of differing segments are
// read and spooled before the merge. A table the checksums cannot compare is read whole.
class SegmentChecksumStrategy
{
public:
    SegmentChecksumStrategy(ReconcileContext &context, ExactMergeStrategy &merge);

    // Checksums chosen, or Auto on a PostgreSQL or MySQL target; the table keyed and its
    // database open on this thread.
    static bool applies(const ReconcileContext &context);
    Result<void> run();

private:
    Result<void> spoolThenCompare();
    Result<bool> compare();
    SegmentChecksums::Setup checksumSetup() const;
    void noteOutcome(const SegmentChecksums::Outcome &outcome);

    ReconcileContext &m_context;
    ExactMergeStrategy &m_merge;
};

} // namespace cutover
