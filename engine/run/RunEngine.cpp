#include "run/RunEngine.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ForeignTableDefinition.h"
#include "dialect/SqlDialect.h"
#include "run/RunControl.h"
#include "run/RunThresholds.h"
#include "run/TableScheduler.h"
#include "run/target/TargetSessionFactory.h"

namespace cutover {

// One planned table: its loader, and its result once it ran.
struct RunEngine::Slot
{
    RunPlanner::Table plan;
    std::unique_ptr<TableLoader> loader;
    std::optional<Result<RunTableRecord>> result;
    bool skip = false; // already done in the run being resumed, or nothing to retry
    bool succeeded = false;
};

RunEngine::RunEngine(Project project, RunOptions options, const PasswordProvider *passwords)
    : m_project(std::move(project))
    , m_options(std::move(options))
    , m_passwords(passwords)
{
    if (m_options.batchSize <= 0)
        m_options.batchSize = qMax(1, m_project.settings.batchSize);
    if (m_options.parallelTables <= 0)
        m_options.parallelTables = qMax(1, m_project.settings.parallelTables);
}

RunEngine::~RunEngine() = default;

void RunEngine::notice(const QString &message) const
{
    if (m_notice)
        m_notice(message);
}

void RunEngine::setStage(const QString &stage)
{
    QMutexLocker lock(&m_mutex);
    m_stage = stage;
}

RunProgress RunEngine::progress() const
{
    RunProgress p;
    QMutexLocker lock(&m_mutex);
    p.runId = m_state.runId;
    p.mode = m_options.mode;
    p.stage = m_stage;
    p.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    for (const auto &slot : m_slots) {
        if (slot->skip && m_options.retryQuarantined)
            continue;
        TableProgress t = slot->loader->progress();
        if (slot->skip) {
            t.stage = TableProgress::Stage::Done;
            t.expectedRows = t.read;
        }
        p.tables.append(t);
    }
    // Tables whose loaders are still being made wait: the total is known from the plan on.
    for (qsizetype i = p.tables.size(); i < m_planned.size(); ++i) {
        TableProgress t;
        t.table = m_planned.at(i);
        p.tables.append(t);
    }
    return p;
}

void RunEngine::announcePlan()
{
    QMutexLocker lock(&m_mutex);
    for (const RunPlanner::Table &t : std::as_const(m_plan))
        if (!m_options.retryQuarantined || m_retryKeys.contains(t.mapping->target))
            m_planned.append(t.mapping->target);
}

Result<RunRecord> RunEngine::run(RunControl &control)
{
    auto record = execute(control);
    // On the thread that opened it: a Qt SQL connection (MySQL's) belongs to its thread, and the
    // engine is often destroyed on another one (the CLI's and the window's main thread).
    m_preparation.reset();
    m_continuation.reset();
    m_ledger.reset();
    m_session.reset();
    m_lock.reset();
    return record;
}

Result<RunRecord> RunEngine::execute(RunControl &control)
{
    m_clock.start();
    setStage(QStringLiteral("preparing"));
    if (auto opened = openTarget(); !opened)
        return opened.error();
    auto wanted = wantedTables();
    if (!wanted)
        return wanted.error();
    auto plan = RunPlanner::plan(m_project, m_options, *wanted);
    if (!plan)
        return plan.error();
    m_plan = *plan;
    if (auto started = startOrResume(); !started)
        return started.error();
    Result<void> ready = prepareLoad();
    if (ready)
        ready = createLoaders(control);
    if (!ready) {
        m_preparation->restoreJournalMode(); // it may have been switched before the failure
        (void)m_ledger->finishRun(m_state.runId, RunStatus::Failed, ready.error().toString());
        return ready.error();
    }
    setStage(QStringLiteral("loading"));
    loadTables(control);
    setStage(QStringLiteral("finishing"));
    if (auto finished = finish(control); !finished)
        return finished.error();
    setStage(QStringLiteral("done"));
    auto record = m_ledger->run(m_state.runId);
    if (!record)
        return record.error();
    if (!record->has_value())
        return Error(Error::Code::Internal,
                     QStringLiteral("run %1 vanished from the ledger").arg(m_state.runId));
    return **record;
}

Result<void> RunEngine::openTarget()
{
    auto spec = m_project.targetSpec();
    if (!spec)
        return spec.error();
    if (spec->kind() == ConnectionSpec::Kind::Csv)
        return Error(Error::Code::Usage, QStringLiteral("a run cannot write into a CSV folder"),
                     spec->url(), QStringLiteral("target a SQLite, PostgreSQL or MySQL database"));
    m_targetSpec = *spec;
    auto lock =
        RunLock::acquire(m_targetSpec, m_passwords, RunLockHolder::thisProcess(m_project.name));
    if (!lock)
        return lock.error();
    m_lock = std::move(lock.value());
    auto session = TargetSessionFactory::open(m_targetSpec, m_passwords);
    if (!session)
        return session.error();
    m_session = std::move(session.value());
    m_ledger = std::make_unique<RunLedger>(*m_session);
    return m_ledger->ensureTables();
}

Result<QList<TableInfo>> RunEngine::wantedTables()
{
    auto target = IntrospectorFactory::create(m_targetSpec, m_passwords)->introspect();
    if (!target)
        return target.error();
    QList<TableInfo> tables;
    QList<TableInfo> fromSchema;
    ConnectionSpec::Kind fromKind = m_targetSpec.kind();
    if (!m_options.schemaFrom.isEmpty()) {
        auto spec = ConnectionSpec::parse(m_options.schemaFrom, m_project.baseDir);
        if (!spec)
            return spec.error();
        auto schema = IntrospectorFactory::create(*spec, m_passwords)->introspect();
        if (!schema)
            return schema.error();
        fromSchema = schema->tables;
        fromKind = spec->kind();
    }
    for (const TableMapping &m : m_project.mappings) {
        if (const TableInfo *info = target->table(m.target)) {
            tables.append(*info);
            m_state.existing.append(m.target);
            continue;
        }
        if (const TableInfo *planned = m_project.targetTable(m.target)) {
            tables.append(*planned);
            continue;
        }
        for (const TableInfo &t : std::as_const(fromSchema)) {
            if (t.name != m.target)
                continue;
            QStringList leftOut;
            tables.append(
                ForeignTableDefinition::forTarget(t, fromKind, m_targetSpec.kind(), leftOut));
            for (const QString &message : std::as_const(leftOut))
                notice(message);
        }
    }
    return tables;
}

Result<void> RunEngine::startOrResume()
{
    m_continuation =
        std::make_unique<RunContinuation>(m_project, m_options, m_plan, *m_ledger, m_state,
                                          [this](const QString &message) { notice(message); });
    if (auto started = m_continuation->startOrResume(); !started)
        return started;
    if (auto recorded = m_lock->recordRun(*m_ledger, m_state.runId); !recorded)
        notice(recorded.error().toString());
    m_preparation = std::make_unique<LoadPreparation>(
        m_targetSpec, m_options, m_plan, *m_session, *m_ledger, m_state,
        [this](const QString &message) { notice(message); });
    m_thresholds = std::make_unique<ThresholdWatch>(m_project.settings, m_options);
    return {};
}

Result<void> RunEngine::prepareLoad()
{
    if (m_options.retryQuarantined) {
        auto keys = m_continuation->keysToRetry();
        if (!keys)
            return keys.error();
        m_retryKeys = *keys;
    }
    announcePlan();
    if (auto backedUp = m_preparation->backup(); !backedUp)
        return backedUp;
    if (auto prepared = m_preparation->beforeLoad(); !prepared)
        return prepared;
    auto empty = m_preparation->emptyTables();
    if (!empty)
        return empty.error();
    m_emptyBefore = *empty;
    return {};
}

// Which tables' loaded keys the run keeps in m_index for the reference rules of later tables.
// A dry run commits nothing, so the target cannot answer. A database server answers a batch
// with a round trip and, on a table without statistics yet, a scan per lookup; a SQLite target
// answers in-process, and the index would cost the run memory (or a spill) instead.
bool RunEngine::indexesParents() const
{
    return m_options.mode == RunMode::DryRun || m_targetSpec.kind() != ConnectionSpec::Kind::Sqlite;
}

Result<void> RunEngine::createLoaders(RunControl &control)
{
    for (const RunPlanner::Table &planned : std::as_const(m_plan)) {
        auto slot = std::make_unique<Slot>();
        slot->plan = planned;
        const QString table = planned.mapping->target;
        TableLoader::Setup s;
        s.project = &m_project;
        s.mapping = planned.mapping;
        s.target = planned.target;
        s.targetSpec = m_targetSpec;
        s.passwords = m_passwords;
        s.control = &control;
        s.referenceIndex = &m_index;
        s.runId = m_state.runId;
        s.phaseFilters = planned.filters;
        s.batchSize = m_options.batchSize;
        s.queueDepth = m_options.queueDepth;
        s.commitRows = m_options.sqliteCommitRows;
        s.dryRun = m_options.mode == RunMode::DryRun;
        // A child table starts after its parents committed, so on a SQLite target its reference
        // rules find them in the target. Kept in memory there is what the target does not
        // show: a table's own rows not yet committed, for its references to itself.
        s.indexedColumns =
            indexesParents() ? planned.indexedColumns : planned.selfReferencedColumns;
        s.tablesIndexedWhole = indexesParents() ? m_emptyBefore : QStringList();
        s.targetHadRows = !m_emptyBefore.contains(table);
        s.secondaryIndexesDropped = m_options.dropSecondaryIndexes;
        s.writeRows = !s.dryRun || m_state.existing.contains(table);
        // Rollback drops a table the run created, so the keys of its rows are not needed (on
        // PostgreSQL writing them cost the server a sixth of its time).
        s.recordWrittenKeys =
            m_targetSpec.kind() != ConnectionSpec::Kind::Sqlite && !m_state.created.contains(table);
        s.deferForeignKeys = m_options.deferForeignKeys;
        s.keyCrosswalk = m_options.keyCrosswalk;
        s.createdTable = m_state.created.contains(table);
        s.connectionRetries = m_options.connectionRetries;
        s.retryBackoffMs = m_options.retryBackoffMs;
        s.beforeWriteAttempt = m_beforeWriteAttempt;
        s.notice = m_notice;
        s.afterBatch = [this, &control] {
            checkThresholds(control);
        };
        if (m_options.mode == RunMode::Incremental)
            if (auto read = readAfterWatermark(planned, s); !read)
                return read;
        if (m_options.retryQuarantined) {
            s.upsert = true;
            s.retryKeys = m_retryKeys.value(table);
            slot->skip = s.retryKeys.isEmpty();
        }
        if (m_state.resumed)
            if (auto resumed = resumeAt(*slot, s); !resumed)
                return resumed;
        slot->loader = std::make_unique<TableLoader>(std::move(s));
        QMutexLocker lock(&m_mutex);
        m_slots.push_back(std::move(slot));
    }
    return {};
}

Result<void> RunEngine::readAfterWatermark(const RunPlanner::Table &planned,
                                           TableLoader::Setup &setup)
{
    const QString &table = planned.mapping->target;
    setup.upsert = true;
    setup.syncDeletes = planned.mapping->syncDeletes;
    if (setup.syncDeletes && !planned.filters.isEmpty()) {
        // The phase's filter hides rows that still exist: they are not deletions.
        setup.syncDeletes = false;
        notice(QStringLiteral("%1: deletions are not synced within a phase").arg(table));
    }
    if (planned.mapping->watermark.isEmpty())
        return {};
    auto mark = m_continuation->watermark(table);
    if (!mark)
        return mark.error();
    setup.watermark = *mark;
    notice(mark->isEmpty()
               ? QStringLiteral("%1: no earlier watermark, reading every row").arg(table)
               : QStringLiteral("%1: reading rows with %2 > %3")
                     .arg(table, planned.mapping->watermark, *mark));
    return {};
}

Result<void> RunEngine::resumeAt(Slot &slot, TableLoader::Setup &setup)
{
    const QString &table = slot.plan.mapping->target;
    for (const RunTableRecord &t : m_state.resumed->tables)
        if (t.tableName == table && t.status == RunStatus::Succeeded)
            slot.skip = true;
    auto last = m_ledger->lastCheckpoint(m_state.runId, table);
    if (!last)
        return last.error();
    setup.resumeFrom = *last;
    if (last->has_value() && !slot.skip)
        notice(QStringLiteral("%1: resuming after batch %2 (%3 rows read)")
                   .arg(table)
                   .arg((*last)->batchNo)
                   .arg((*last)->rowsRead));
    return {};
}

void RunEngine::loadTables(RunControl &control)
{
    QList<TableScheduler::Job> jobs;
    for (const auto &slot : m_slots)
        jobs.append({slot->plan.mapping->target, slot->plan.dependsOn, slot->skip});
    TableScheduler::Steps steps;
    steps.stopped = [&control] {
        return control.isStopped();
    };
    steps.begin = [&](qsizetype job) {
        return beginTable(*m_slots.at(job), control);
    };
    steps.work = [&](qsizetype job) {
        Slot &slot = *m_slots.at(job);
        slot.result = slot.loader->run();
    };
    steps.end = [&](qsizetype job) {
        Slot &slot = *m_slots.at(job);
        return collect(slot, control) && slot.succeeded;
    };
    TableScheduler(jobs, m_options.parallelTables).run(steps);
}

bool RunEngine::beginTable(Slot &slot, RunControl &control)
{
    const QString &target = slot.plan.mapping->target;
    auto started = m_ledger->startTable(m_state.runId, target, m_state.created.contains(target));
    if (!started)
        control.stop(RunStatus::Failed, started.error().toString());
    return started.ok();
}

Result<void> RunEngine::collect(Slot &slot, RunControl &control)
{
    const QString table = slot.plan.mapping->target;
    Result<RunTableRecord> &result = *slot.result;
    if (!result) {
        const Error &error = result.error();
        const RunStatus status =
            error.code() == Error::Code::Connection ? RunStatus::Interrupted : RunStatus::Failed;
        control.stop(status, QStringLiteral("%1: %2").arg(table, error.toString()));
        RunTableRecord failed;
        failed.runId = m_state.runId;
        failed.tableName = table;
        const TableProgress p = slot.loader->progress();
        failed.loaded = p.written;
        failed.quarantined = p.quarantined;
        failed.status = status;
        failed.createdTable = m_state.created.contains(table);
        return m_ledger->finishTable(failed);
    }
    RunTableRecord record = *result;
    const QJsonObject prepared = m_preparation->timings(table);
    for (auto it = prepared.constBegin(); it != prepared.constEnd(); ++it)
        record.timings[it.key()] = it.value();
    slot.succeeded = record.status == RunStatus::Succeeded;
    if (slot.succeeded && !record.balances())
        m_state.problems.append(
            QStringLiteral("%1: the row ledger does not balance: %2 source rows, "
                           "%3 loaded + %4 quarantined + %5 skipped")
                .arg(table)
                .arg(record.sourceRows)
                .arg(record.loaded)
                .arg(record.quarantined)
                .arg(record.skipped));
    return m_ledger->finishTable(record);
}

void RunEngine::checkThresholds(RunControl &control)
{
    QList<RunThresholds::Table> tables;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &slot : m_slots)
            tables.append({slot->loader->progress(), slot->plan.mapping});
    }
    m_thresholds->check(tables, control);
}

Result<void> RunEngine::finish(RunControl &control)
{
    m_preparation->afterLoad();
    for (const QString &problem : std::as_const(m_state.problems))
        notice(problem);
    RunStatus status = RunStatus::Succeeded;
    QStringList message;
    if (control.isStopped()) {
        status = control.stopStatus();
        message.append(control.stopReason());
    }
    if (const QString finding = m_thresholds->dryRunFinding(); !finding.isEmpty())
        message.append(finding);
    message += m_state.problems;
    if (status == RunStatus::Succeeded && !m_state.problems.isEmpty())
        status = RunStatus::Failed;
    return m_ledger->finishRun(m_state.runId, status, message.join(QStringLiteral("\n")));
}

} // namespace cutover
