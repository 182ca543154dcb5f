#include "reconcile/ExactMergeStrategy.h"

#include "connect/SqlConnection.h"
#include "reconcile/ColumnProfiler.h"
#include "reconcile/ExpectedRows.h"
#include "reconcile/ReconcileContext.h"
#include "reconcile/SpoolMerger.h"
#include "reconcile/TargetChecks.h"
#include "source/RowSourceFactory.h"
#include "source/SqlRowSource.h"
#include "transform/rules/RuleChecker.h"
#include "transform/rules/RunReferenceIndex.h"
#include "transform/rules/SqlReferenceLookup.h"

#include <QThread>

namespace cutover {

namespace {

Error cancelledError()
{
    return Error(Error::Code::Cancelled, QStringLiteral("reconciliation cancelled"));
}

} // namespace

ExactMergeStrategy::ExactMergeStrategy(ReconcileContext &context, TargetChecks &checks)
    : m_context(context)
    , m_checks(checks)
{}

Result<void> ExactMergeStrategy::run()
{
    if (auto ok = openSpool(); !ok)
        return ok;
    if (auto ok = spoolBothSides(); !ok)
        return ok;
    return mergeSpooled();
}

Result<void> ExactMergeStrategy::openSpool()
{
    auto spool = ReconcileSpool::create(int(m_context.comparers.size()));
    if (!spool)
        return spool.error();
    m_context.spool = std::move(*spool);
    return {};
}

Result<void> ExactMergeStrategy::mergeSpooled()
{
    if (m_context.cancelled())
        return cancelledError();
    if (auto ok = m_context.spool->finishWriting(); !ok)
        return ok;

    m_context.report(QStringLiteral("compare"), m_context.result.targetRows);
    if (auto ok = SpoolMerger(m_context.mergeSetup()).merge(*m_context.spool, m_context.result);
        !ok)
        return ok;

    m_context.report(QStringLiteral("checks"), m_context.result.targetRows);
    if (auto ok = finishProfiles(); !ok)
        return ok;
    if (auto ok = m_checks.findDuplicates(); !ok)
        return ok;
    m_context.spool.reset();
    return {};
}

Result<void> ExactMergeStrategy::spoolExpected()
{
    const TableReconciler::Setup &setup = m_context.setup;
    auto keyColumns = RowSourceFactory::keyColumns(*setup.project, *setup.mapping, setup.passwords);
    if (!keyColumns)
        return keyColumns.error();
    RowQuery query;
    query.filters = setup.sourceFilters;
    query.orderBy = *keyColumns;
    auto source = RowSourceFactory::open(*setup.project, *setup.mapping, query, setup.passwords);
    if (!source)
        return source.error();
    ExpectedRows expected(m_context, *keyColumns);
    qint64 batchNo = 0;
    qint64 read = 0;
    while (!m_context.cancelled()) {
        auto batch = (*source)->next(setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        auto loaded = expected.transform(*batch, ++batchNo, read);
        if (!loaded)
            return loaded.error();
        read += batch->size();
        m_context.result.quarantined += loaded->quarantined.size();
        if (auto ok = spoolLoaded(expected, *loaded); !ok)
            return ok;
        addToReferenceIndex(*loaded);
        m_context.report(QStringLiteral("expected"), read);
    }
    return {};
}

Result<void> ExactMergeStrategy::spoolLoaded(const ExpectedRows &expected, const LoadBatch &loaded)
{
    for (qsizetype r = 0; r < loaded.rows.size(); ++r) {
        const ReconcileSpool::Row row = expected.row(loaded, r);
        if (auto ok = m_context.spool->add(ReconcileSpool::Side::Expected, row); !ok)
            return ok;
        m_context.expectedProfile->add(row.values);
    }
    return {};
}

void ExactMergeStrategy::addToReferenceIndex(const LoadBatch &loaded)
{
    const TableReconciler::Setup &setup = m_context.setup;
    if (setup.referenceIndex)
        for (const QString &column : std::as_const(setup.indexedColumns))
            setup.referenceIndex->addBatch(setup.mapping->target, column,
                                           RowBatch{loaded.columns, loaded.rows});
}

// The target's rows are read on a thread of their own while this one sends the source through
// the mapping; the sides share nothing but the progress (and the index, which locks).
Result<void> ExactMergeStrategy::spoolBothSides()
{
    Result<void> target;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        target = targetSide();
        if (!target)
            m_context.abandoned = true;
    }));
    reader->start();
    Result<void> expected = spoolExpected();
    if (expected)
        expected = m_context.spool->finishWriting(ReconcileSpool::Side::Expected);
    if (expected)
        expected = countDistinct(ReconcileSpool::Side::Expected);
    if (!expected)
        m_context.abandoned = true;
    reader->wait();
    return expected ? target : expected;
}

// The target side on its own thread, with its own connection for the reference rules (a
// QSqlDatabase belongs to the thread that opened it).
Result<void> ExactMergeStrategy::targetSide()
{
    const TableReconciler::Setup &setup = m_context.setup;
    std::unique_ptr<SqlConnection> connection;
    std::unique_ptr<SqlReferenceLookup> lookup;
    if (setup.targetLookup) {
        auto opened =
            SqlConnection::open(setup.targetSpec, setup.passwords, SqlConnection::Mode::ReadOnly);
        if (!opened)
            return opened.error();
        connection = std::move(opened.value());
        lookup = std::make_unique<SqlReferenceLookup>(connection->database().connectionName(),
                                                      SqlReferenceLookup::Missing::Remember);
    }
    Result<void> done = spoolTarget(lookup.get());
    if (done)
        done = m_context.spool->finishWriting(ReconcileSpool::Side::Actual);
    if (done)
        done = countDistinct(ReconcileSpool::Side::Actual);
    lookup.reset(); // its prepared queries go before the connection
    return done;
}

Result<void> ExactMergeStrategy::spoolTarget(ReferenceLookup *lookup, const QString &filter)
{
    RowQuery query = m_context.comparedColumns();
    if (!filter.isEmpty())
        query.filters.append(filter);
    auto source = m_context.openTarget(query);
    if (!source)
        return source.error();
    auto checker = m_checks.createRuleChecker(lookup);
    if (!checker)
        return checker.error();
    TableReconciliation &result = m_context.result;
    while (!m_context.cancelled()) {
        auto batch = (*source)->next(m_context.setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QVariantList &values : std::as_const(batch->rows)) {
            const QVariantList canonical = m_context.canonicalOf(values);
            if (auto ok =
                    m_context.spool->add(ReconcileSpool::Side::Actual, m_context.rowOf(canonical));
                !ok)
                return ok;
            m_context.targetProfile->add(canonical);
        }
        result.targetRows += batch->size();
        result.rowsTransferred += batch->size();
        if (auto ok = m_checks.checkRules(*batch, **checker); !ok)
            return ok;
        m_context.report(QStringLiteral("target"), result.targetRows);
    }
    return {};
}

Result<void> ExactMergeStrategy::countDistinct(ReconcileSpool::Side side)
{
    if (m_context.cancelled())
        return {};
    auto counts = m_context.spool->distinctCounts(side);
    if (!counts)
        return counts.error();
    (side == ReconcileSpool::Side::Expected ? m_expectedDistinct : m_targetDistinct) = *counts;
    return {};
}

// Distinct values come from the spool: the sides not counted yet (SegmentChecksumStrategy counts
// neither) are counted now.
Result<void> ExactMergeStrategy::finishProfiles()
{
    for (auto side : {ReconcileSpool::Side::Expected, ReconcileSpool::Side::Actual})
        if ((side == ReconcileSpool::Side::Expected ? m_expectedDistinct : m_targetDistinct)
                .isEmpty())
            if (auto ok = countDistinct(side); !ok)
                return ok;
    TableReconciliation &result = m_context.result;
    m_context.expectedProfile->setDistinct(m_expectedDistinct);
    m_context.targetProfile->setDistinct(m_targetDistinct);
    result.expectedProfiles = m_context.expectedProfile->profiles();
    result.targetProfiles = m_context.targetProfile->profiles();
    result.expectedNulls = m_context.expectedProfile->nulls();
    result.targetNulls = m_context.targetProfile->nulls();
    return {};
}

} // namespace cutover
