#include "reconcile/DigestProofStrategy.h"

#include "reconcile/ColumnProfiler.h"
#include "reconcile/ExpectedRows.h"
#include "reconcile/ReconcileContext.h"
#include "reconcile/SamplePriority.h"
#include "reconcile/SpoolMerger.h"
#include "source/SqlRowSource.h"
#include "transform/rules/RunReferenceIndex.h"

namespace cutover {

namespace {

// Source rows the proof keeps beyond the sample (rows quarantined now, which should be none).
constexpr int kSampleMargin = 8;

} // namespace

DigestProofStrategy::DigestProofStrategy(ReconcileContext &context)
    : m_context(context)
{}

Result<bool> DigestProofStrategy::run()
{
    if (!applies())
        return false;
    auto outcome = DigestProof(proofSetup()).run(*m_context.targetProfile);
    if (!outcome)
        return outcome.error();
    m_context.report(QStringLiteral("digests"), outcome->targetRows);
    if (auto ok = checkBeyondDigests(*outcome); !ok)
        return ok.error();
    if (!outcome->proven || !outcome->reason.isEmpty()) {
        compareEveryRowInstead(outcome->reason);
        return false;
    }
    acceptProof(*outcome);
    if (auto ok = indexProvenTable(); !ok)
        return ok.error();
    return true;
}

bool DigestProofStrategy::applies() const
{
    const TableReconciler::Setup &setup = m_context.setup;
    return setup.digests && setup.method == ReconcileOptions::Method::Auto &&
           setup.sourceFilters.isEmpty(); // the digests cover every row the run read
}

DigestProof::Setup DigestProofStrategy::proofSetup() const
{
    const TableReconciler::Setup &from = m_context.setup;
    DigestProof::Setup setup;
    setup.project = from.project;
    setup.mapping = from.mapping;
    setup.target = from.target;
    setup.targetSpec = from.targetSpec;
    setup.passwords = from.passwords;
    setup.runId = from.digestRunId;
    setup.digests = *from.digests;
    setup.comparers = m_context.comparers;
    setup.keyColumns = m_context.keyColumns;
    setup.sampleCandidates = from.sampleRows > 0 ? from.sampleRows + kSampleMargin : 0;
    setup.excludedKeys = from.runQuarantined;
    setup.seed = from.seed;
    setup.cancelled = from.cancelled;
    return setup;
}

// What the digests leave open: whether the source still returns the rows this reconciliation
// counted, and whether the sample still goes through the mapping to the rows the target holds.
// Sets the outcome's reason when either does not hold.
Result<void> DigestProofStrategy::checkBeyondDigests(DigestProof::Outcome &outcome)
{
    const TableReconciliation &result = m_context.result;
    if (outcome.proven && outcome.sourceRows != result.sourceRows - result.skipped)
        outcome.reason = QStringLiteral("the source changed while it was read");
    if (outcome.proven && outcome.reason.isEmpty()) {
        auto sampled = sampleProven(outcome);
        if (!sampled)
            return sampled.error();
        if (!*sampled)
            outcome.reason = QStringLiteral("a sampled row did not match");
    }
    return {};
}

// The seeded sample of a proven table: the candidates through the mapping, the rows the exact
// merge would pick (SampleReservoir) read from the target by key. False when a row is not there
// or differs, or when too few candidates load.
Result<bool> DigestProofStrategy::sampleProven(const DigestProof::Outcome &outcome)
{
    const int sampleRows = m_context.setup.sampleRows;
    if (sampleRows <= 0 || outcome.candidates.isEmpty())
        return true;
    auto picked = pickSample(outcome);
    if (!picked)
        return picked.error();
    if (picked->size() < std::min<qint64>(sampleRows, outcome.loadedRows))
        return false;
    auto actual = targetRowsByKey(*picked);
    if (!actual)
        return actual.error();
    return compareSample(*picked, *actual);
}

Result<DigestProofStrategy::SampledRows>
DigestProofStrategy::pickSample(const DigestProof::Outcome &outcome) const
{
    ExpectedRows expected(m_context, outcome.sourceKey);
    auto loaded = expected.transform(outcome.candidates, 1, 0);
    if (!loaded)
        return loaded.error();
    SampleReservoir<ReconcileSpool::Row> picked(m_context.setup.sampleRows);
    for (qsizetype r = 0; r < loaded->rows.size(); ++r) {
        ReconcileSpool::Row row = expected.row(*loaded, r);
        if (row.runQuarantined)
            continue;
        const QByteArray tie = SpoolMerger::sampleTie(row);
        picked.offer(SamplePriority::of(tie, m_context.setup.seed), tie, std::move(row));
    }
    return picked.entries();
}

// The target rows of these expected rows, by their SortKey.
Result<QHash<QByteArray, ReconcileSpool::Row>>
DigestProofStrategy::targetRowsByKey(const SampledRows &rows) const
{
    RowQuery query = m_context.comparedColumns();
    query.keyColumns = m_context.result.key;
    for (const auto &entry : rows) {
        QVariantList key;
        for (int c : std::as_const(m_context.keyColumns))
            key.append(entry.value.values.at(c));
        query.keyIn.append(key);
    }
    auto source = m_context.openTarget(query);
    if (!source)
        return source.error();
    QHash<QByteArray, ReconcileSpool::Row> found;
    for (;;) {
        auto batch = (*source)->next(m_context.setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QVariantList &values : std::as_const(batch->rows)) {
            ReconcileSpool::Row row = m_context.rowOf(m_context.canonicalOf(values));
            found.insert(row.key, row);
        }
    }
    return found;
}

// Adds the sample to the reconciliation, in key order, when every row matched field by field.
bool DigestProofStrategy::compareSample(const SampledRows &expected,
                                        const QHash<QByteArray, ReconcileSpool::Row> &actual)
{
    const SpoolMerger merger(m_context.mergeSetup());
    QList<std::pair<QByteArray, SampleRow>> sample;
    for (const auto &entry : expected) {
        const auto found = actual.constFind(entry.value.key);
        if (found == actual.cend())
            return false;
        SampleRow row = merger.sampleOf(entry.value, &found.value(), QStringLiteral("matched"));
        if (row.equal.contains(false))
            return false;
        sample.append({entry.value.key, row});
    }
    std::sort(sample.begin(), sample.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[key, row] : std::as_const(sample))
        m_context.result.sample.append(row);
    return true;
}

void DigestProofStrategy::compareEveryRowInstead(const QString &reason)
{
    TableReconciliation &result = m_context.result;
    result.notes.append(
        QStringLiteral("run digests not used (%1): every row was compared").arg(reason));
    result.sample.clear();
    m_context.targetProfile = std::make_unique<ColumnProfiler>(m_context.comparers);
}

void DigestProofStrategy::acceptProof(const DigestProof::Outcome &outcome)
{
    TableReconciliation &result = m_context.result;
    result.method = QStringLiteral("run digests");
    result.expectedRows = outcome.loadedRows;
    result.matched = outcome.loadedRows;
    result.quarantined = outcome.sourceRows - outcome.loadedRows;
    result.targetRows = outcome.targetRows;
    result.rowsTransferred = outcome.targetRows;
    result.targetProfiles = m_context.targetProfile->profiles();
    result.expectedProfiles = result.targetProfiles;
    result.targetNulls = m_context.targetProfile->nulls();
    result.expectedNulls = result.targetNulls;
    result.notes.append(
        QStringLiteral("run digests: the source and the target hash to what run %1 read and wrote "
                       "under this mapping version, so the target holds exactly the expected rows "
                       "(those that passed the rules then); the %2 sampled rows were sent through "
                       "the mapping again and compared field by field, and the profiles come "
                       "from one scan of the target")
            .arg(m_context.setup.digestRunId.left(8))
            .arg(result.sample.size()));
}

// Reference rules of the tables after this one look up its indexed columns: a proven table's
// values are its expected values, read from the target.
Result<void> DigestProofStrategy::indexProvenTable()
{
    const TableReconciler::Setup &setup = m_context.setup;
    if (!setup.referenceIndex || setup.indexedColumns.isEmpty())
        return {};
    RowQuery query;
    query.columns = setup.indexedColumns;
    auto source = m_context.openTarget(query);
    if (!source)
        return source.error();
    while (!m_context.cancelled()) {
        auto batch = (*source)->next(setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QString &column : std::as_const(setup.indexedColumns))
            setup.referenceIndex->addBatch(setup.mapping->target, column, *batch);
    }
    return {};
}

} // namespace cutover
