#include "reconcile/Reconciler.h"

#include "connect/SqlConnection.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "reconcile/ReconcileJudge.h"
#include "reconcile/TableReconciler.h"
#include "run/RunOptions.h"
#include "run/RunPlanner.h"
#include "run/ledger/LedgerSchema.h"
#include "run/ledger/RunLedger.h"
#include "run/target/TargetSession.h"
#include "run/target/TargetSessionFactory.h"
#include "transform/rules/RunReferenceIndex.h"
#include "transform/rules/SqlReferenceLookup.h"

#include <QElapsedTimer>
#include <QUuid>

namespace cutover {

namespace {

// The run whose ledger the report checks: the one asked for (an id or a unique prefix), else the
// newest that left rows in the target.
Result<std::optional<RunRecord>> chosenRun(const QList<RunRecord> &runs, const QString &wanted)
{
    if (wanted.isEmpty()) {
        for (const RunRecord &run : runs)
            if (run.leftRows())
                return std::optional<RunRecord>(run);
        return std::optional<RunRecord>();
    }
    QList<RunRecord> matching;
    for (const RunRecord &run : runs)
        if (run.runId.startsWith(wanted))
            matching.append(run);
    if (matching.size() == 1)
        return std::optional<RunRecord>(matching.first());
    return Error(Error::Code::Usage,
                 matching.isEmpty() ? QStringLiteral("no run '%1' in this target").arg(wanted)
                                    : QStringLiteral("'%1' names %2 runs; give more of the id")
                                          .arg(wanted)
                                          .arg(matching.size()),
                 QString(), QStringLiteral("cutover-cli runs PROJECT lists them"));
}

std::optional<LedgerCheck> ledgerOf(const QList<RunRecord> &runs,
                                    const std::optional<RunRecord> &chosen, const QString &table)
{
    QList<RunRecord> candidates;
    if (chosen)
        candidates.append(*chosen);
    for (const RunRecord &run : runs)
        if (run.leftRows())
            candidates.append(run);
    for (const RunRecord &run : std::as_const(candidates))
        for (const RunTableRecord &t : run.tables)
            if (t.tableName == table && t.status != RunStatus::Running)
                return LedgerCheck{run.runId, t.sourceRows, t.loaded, t.quarantined, t.skipped};
    return std::nullopt;
}

} // namespace

Reconciler::Reconciler(const Project &project, const PasswordProvider *passwords)
    : m_project(project)
    , m_passwords(passwords)
{}

void Reconciler::setProgress(std::function<void(const Progress &)> progress)
{
    m_progress = std::move(progress);
}

Result<ConnectionSpec> Reconciler::targetSpec() const
{
    auto spec = m_project.targetSpec();
    if (spec && spec->kind() == ConnectionSpec::Kind::Csv)
        return Error(Error::Code::Usage,
                     QStringLiteral("a CSV folder cannot be reconciled as a target"), spec->url());
    return spec;
}

Result<void> Reconciler::readLedger(const ConnectionSpec &spec, const QList<TableInfo> &tables,
                                    const ReconcileOptions &options)
{
    const QString &runId = options.runId;
    const bool hasLedger = std::any_of(tables.cbegin(), tables.cend(), [](const TableInfo &t) {
        return t.name == LedgerSchema::name(LedgerSchema::Table::Runs);
    });
    if (!hasLedger) {
        if (!runId.isEmpty())
            return Error(Error::Code::Usage,
                         QStringLiteral("the target has no run ledger, so no run '%1'").arg(runId));
        return {};
    }
    auto session = TargetSessionFactory::open(spec, m_passwords);
    if (!session)
        return session.error();
    RunLedger ledger(**session);
    auto runs = ledger.runs(m_project.name);
    if (!runs)
        return runs.error();
    m_runs = *runs;
    m_scope = options.wholeProject ? PhaseScope() : PhaseScope::loadedSoFar(m_project, m_runs);
    for (const QString &table : options.tables)
        if (!m_scope.covers(table))
            return Error(
                Error::Code::Usage,
                QStringLiteral("table '%1' is only in phases not loaded yet (%2)")
                    .arg(table, m_scope.pending().join(QStringLiteral(", "))),
                m_project.name,
                QStringLiteral("reconcile the whole project (--whole) to expect it anyway"));
    auto chosen = chosenRun(m_runs, runId);
    if (!chosen)
        return chosen.error();
    m_run = *chosen;
    if (auto ok = readDigests(ledger); !ok)
        return ok;
    return readQuarantinedKeys(ledger, options.tables);
}

Result<void> Reconciler::readQuarantinedKeys(RunLedger &ledger, const QStringList &tables)
{
    auto keys = ledger.quarantinedKeys(tables);
    if (!keys)
        return keys.error();
    QSet<QString> dryRuns; // their quarantine is a rehearsal's finding, not a row left out
    for (const RunRecord &run : std::as_const(m_runs))
        if (run.mode == RunMode::DryRun)
            dryRuns.insert(run.runId);
    for (const QuarantinedRow &key : std::as_const(*keys))
        if (!dryRuns.contains(key.runId))
            m_runQuarantined[key.tableName].insert(key.sourceKey);
    return {};
}

// A table's digests count only when the newest run that wrote it recorded them, under the mapping
// version of today: any later write, or another mapping, and every row is compared.
Result<void> Reconciler::readDigests(RunLedger &ledger)
{
    const QString version = RunPlanner::mappingVersion(m_project);
    QSet<QString> seen;
    for (const RunRecord &run : std::as_const(m_runs)) {
        if (!run.leftRows())
            continue;
        for (const RunTableRecord &table : run.tables) {
            if (seen.contains(table.tableName))
                continue;
            seen.insert(table.tableName);
            if (table.status != RunStatus::Succeeded || run.mappingVersion != version)
                continue;
            auto digests = ledger.digests(run.runId, table.tableName);
            if (!digests)
                return digests.error();
            if (*digests)
                m_digests.insert(table.tableName, {run.runId, **digests});
        }
    }
    return {};
}

Result<ReconcileReport> Reconciler::run(const ReconcileOptions &options)
{
    QElapsedTimer clock;
    clock.start();
    auto spec = targetSpec();
    if (!spec)
        return spec.error();
    auto schema = IntrospectorFactory::create(*spec, m_passwords)->introspect();
    if (!schema)
        return schema.error();
    if (auto ok = readLedger(*spec, schema->tables, options); !ok)
        return ok.error();
    RunOptions planned;
    planned.tables = options.tables;
    auto plan = RunPlanner::plan(m_project, planned, schema->tables);
    if (!plan)
        return plan.error();
    plan->removeIf([&](const RunPlanner::Table &t) { // their phases are not loaded yet
        return !m_scope.covers(t.mapping->target);
    });
    auto connection = SqlConnection::open(*spec, m_passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    ReconcileReport report = emptyReport(*spec, options);
    if (auto ok = reconcileTables(*plan, {*spec, (*connection)->database()}, options, report); !ok)
        return ok.error();
    report.status = report.worstStatus();
    report.durationMs = clock.elapsed();
    return report;
}

ReconcileReport Reconciler::emptyReport(const ConnectionSpec &target,
                                        const ReconcileOptions &options) const
{
    ReconcileReport report;
    report.reportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    report.project = m_project.name;
    report.runId = m_run ? m_run->runId : QString();
    report.createdAt = QDateTime::currentDateTimeUtc();
    report.target = target.displayName();
    if (const ConnectionDef *source = m_project.connection(m_project.sourceConnection))
        if (auto parsed = ConnectionSpec::parse(source->url, m_project.baseDir))
            report.source = parsed->displayName();
    report.masked = options.mask;
    report.phases = m_scope.phases();
    report.pendingPhases = m_scope.pending();
    report.settings = m_project.reconcile;
    if (options.sampleRows)
        report.settings.sampleRows = *options.sampleRows;
    if (options.seed)
        report.settings.seed = *options.seed;
    return report;
}

// Parents first: a child's reference rules find the expected parents in the index the parents'
// expected rows fed, then in the target.
Result<void> Reconciler::reconcileTables(const QList<RunPlanner::Table> &plan, const Target &target,
                                         const ReconcileOptions &options, ReconcileReport &report)
{
    RunReferenceIndex index;
    SqlReferenceLookup targetLookup(target.db.connectionName(),
                                    SqlReferenceLookup::Missing::Remember);
    int done = 0;
    for (const RunPlanner::Table &table : plan) {
        if (m_cancelled)
            return Error(Error::Code::Cancelled, QStringLiteral("reconciliation cancelled"));
        TableReconciler::Setup setup = tableSetup(table, target, options, report.settings);
        setup.references = {&index, &targetLookup};
        setup.referenceIndex = &index;
        setup.targetLookup = &targetLookup;
        setup.progress = [&, name = table.mapping->target,
                          total = int(plan.size())](const QString &stage, qint64 rows) {
            if (m_progress)
                m_progress(Progress{name, stage, rows, done, total});
        };
        auto result = TableReconciler(setup).run();
        if (!result)
            return result.error();
        result->ledger = ledgerOf(m_runs, m_run, table.mapping->target);
        ReconcileJudge::judge(*result, report.settings.thresholds, m_project.settings.maxErrorRate);
        report.tables.append(*result);
        ++done;
    }
    return {};
}

TableReconciler::Setup Reconciler::tableSetup(const RunPlanner::Table &table, const Target &target,
                                              const ReconcileOptions &options,
                                              const ReconcileSettings &settings)
{
    const QString &name = table.mapping->target;
    TableReconciler::Setup setup;
    setup.project = &m_project;
    setup.mapping = table.mapping;
    setup.target = table.target;
    setup.targetSpec = target.spec;
    setup.passwords = m_passwords;
    setup.targetDb = &target.db;
    setup.indexedColumns = table.indexedColumns;
    setup.runQuarantined = m_runQuarantined.value(name);
    setup.sourceFilters = m_scope.sourceFilters(name);
    setup.sampleRows = settings.sampleRows;
    setup.seed = settings.seed;
    setup.mask = options.mask;
    setup.batchSize = m_project.settings.batchSize;
    setup.method = options.method;
    if (const auto digests = m_digests.constFind(name); digests != m_digests.cend()) {
        setup.digestRunId = digests->first;
        setup.digests = digests->second;
    }
    setup.cancelled = &m_cancelled;
    return setup;
}

} // namespace cutover
