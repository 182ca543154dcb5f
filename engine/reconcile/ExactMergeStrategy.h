#pragma once

#include "core/Result.h"
#include "reconcile/ReconcileSpool.h"

namespace cutover {

class ExpectedRows;
class ReferenceLookup;
class TargetChecks;
struct LoadBatch;
struct ReconcileContext;

// Every row compared: the source, read in source-key order, goes through the mapping
// (ExpectedRows) and the rows that would load are spooled with their target key; the target's
// rows are spooled the same way, at the same time on a second thread, with the rule checks
// (TargetChecks); SpoolMerger merges both in key order; duplicates are counted on the spool.
// SegmentChecksumStrategy fills the spool its own way and shares the rest.
class ExactMergeStrategy
{
public:
    ExactMergeStrategy(ReconcileContext &context, TargetChecks &checks);

    Result<void> run();

    Result<void> openSpool();
    Result<void> spoolExpected();
    // filter: SQL for the target rows to read (none: all).
    Result<void> spoolTarget(ReferenceLookup *lookup, const QString &filter = {});
    // Both sides spooled: merged, profiled and checked for duplicates.
    Result<void> mergeSpooled();

private:
    Result<void> spoolBothSides();
    Result<void> targetSide();
    Result<void> spoolLoaded(const ExpectedRows &expected, const LoadBatch &loaded);
    void addToReferenceIndex(const LoadBatch &loaded);
    Result<void> countDistinct(ReconcileSpool::Side side);
    Result<void> finishProfiles();

    ReconcileContext &m_context;
    TargetChecks &m_checks;
    QList<qint64> m_expectedDistinct; // per compared column, once counted
    QList<qint64> m_targetDistinct;
};

} // namespace cutover
