#pragma once

#include "core/Result.h"
#include "reconcile/DigestProof.h"
#include "reconcile/ReconcileSpool.h"
#include "reconcile/SampleReservoir.h"

#include <QHash>

namespace cutover {

struct ReconcileContext;

// The fast way for a table the newest run loaded whole under today's mapping (DigestProof): when
// the source and the target still hash to what the run read and wrote, the target holds exactly
// the expected rows, which the run computed then, and only the sampled rows go through the
// mapping again.
class DigestProofStrategy
{
public:
    explicit DigestProofStrategy(ReconcileContext &context);

    // True when the table is proven and its reconciliation filled; false (and a note) when the
    // proof does not hold or cannot be tried: every row is compared then.
    Result<bool> run();

private:
    using SampledRows = QList<SampleReservoir<ReconcileSpool::Row>::Entry>;

    bool applies() const;
    DigestProof::Setup proofSetup() const;
    Result<void> checkBeyondDigests(DigestProof::Outcome &outcome);
    Result<bool> sampleProven(const DigestProof::Outcome &outcome);
    Result<SampledRows> pickSample(const DigestProof::Outcome &outcome) const;
    Result<QHash<QByteArray, ReconcileSpool::Row>> targetRowsByKey(const SampledRows &rows) const;
    bool compareSample(const SampledRows &expected,
                       const QHash<QByteArray, ReconcileSpool::Row> &actual);
    void compareEveryRowInstead(const QString &reason);
    void acceptProof(const DigestProof::Outcome &outcome);
    Result<void> indexProvenTable();

    ReconcileContext &m_context;
};

} // namespace cutover
