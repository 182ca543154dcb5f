#include "run/RunEngine.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ForeignTableDefinition.h"
#include "dialect/SqlDialect.h"
#include "run/RunControl.h"
#include "run/RunThresholds.h"
#include "run/ledger/KeyCrosswalk.h"
#include "run/target/SqliteBackup.h"
#include "run/target/SqliteJournalMode.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSessionFactory.h"

#include <QJsonArray>
#include <QThread>
#include <QWaitCondition>

namespace cutover {

// One planned table: its loader, and its thread and result while it runs.
struct RunEngine::Slot
{
    RunPlanner::Table plan;
    std::unique_ptr<TableLoader> loader;
    std::unique_ptr<QThread> thread;
    std::optional<Result<RunTableRecord>> result;
    bool skip = false; // already done in the run being resumed, or nothing to retry
    bool started = false;
    bool finished = false;
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
    p.runId = m_runId;
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
    if (auto recorded = m_lock->recordRun(*m_ledger, m_runId); !recorded)
        notice(recorded.error().toString());
    Result<void> ready = m_options.retryQuarantined ? collectRetryKeys() : Result<void>();
    if (ready)
        announcePlan();
    if (ready)
        ready = backup();
    if (ready)
        ready = prepare();
    if (ready)
        ready = findEmptyTables();
    if (ready)
        ready = createLoaders(control);
    if (!ready) {
        restoreJournalMode(); // prepare() may have switched it before failing
        (void)m_ledger->finishRun(m_runId, RunStatus::Failed, ready.error().toString());
        return ready.error();
    }
    setStage(QStringLiteral("loading"));
    loadTables(control);
    setStage(QStringLiteral("finishing"));
    if (auto finished = finish(control); !finished)
        return finished.error();
    setStage(QStringLiteral("done"));
    auto record = m_ledger->run(m_runId);
    if (!record)
        return record.error();
    if (!record->has_value())
        return Error(Error::Code::Internal,
                     QStringLiteral("run %1 vanished from the ledger").arg(m_runId));
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
            m_existing.append(m.target);
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

// Whether this run continues old, which did not finish. A failed run is continued when it left
// rows and a planned table is not done (a threshold stopped it, a source failed): starting over
// would insert its rows again. A failed dry run or retry leaves nothing to continue.
bool RunEngine::continues(const RunRecord &old) const
{
    if (old.status != RunStatus::Failed)
        return true;
    if (old.mode == RunMode::DryRun || old.isRetry())
        return false;
    const bool leftRows = std::any_of(old.tables.cbegin(), old.tables.cend(),
                                      [](const auto &t) { return t.loaded + t.quarantined > 0; });
    return leftRows && std::any_of(m_plan.cbegin(), m_plan.cend(), [&](const auto &planned) {
               return std::none_of(old.tables.cbegin(), old.tables.cend(), [&](const auto &t) {
                   return t.tableName == planned.mapping->target &&
                          t.status == RunStatus::Succeeded;
               });
           });
}

// The planned insert-mode tables old loaded rows into: a fresh run would insert them again, and
// the target would refuse them as duplicate keys.
QStringList RunEngine::insertedBy(const RunRecord &old) const
{
    QStringList tables;
    for (const RunTableRecord &t : old.tables) {
        const TableMapping *mapping = m_project.mapping(t.tableName);
        const bool planned = std::any_of(m_plan.cbegin(), m_plan.cend(), [&](const auto &p) {
            return p.mapping->target == t.tableName;
        });
        if (planned && mapping && mapping->mode == TableMapping::Mode::Insert && t.loaded > 0)
            tables.append(QStringLiteral("%1 (%2 rows)").arg(t.tableName).arg(t.loaded));
    }
    return tables;
}

Result<void> RunEngine::startOrResume()
{
    const QString version = RunPlanner::mappingVersion(m_project);
    const bool mayResume = m_options.mode != RunMode::DryRun && !m_options.retryQuarantined;
    auto interrupted = m_ledger->interruptedRun(m_project.name);
    if (!interrupted)
        return interrupted.error();
    if (interrupted->has_value() && !continues(**interrupted))
        interrupted->reset();
    if (interrupted->has_value() && mayResume && !m_options.fresh) {
        const RunRecord &old = **interrupted;
        const bool failed = old.status == RunStatus::Failed;
        const auto refuse = [&](const QString &why) {
            return Error(
                Error::Code::Usage,
                QStringLiteral("run %1 %2 %3")
                    .arg(old.runId,
                         failed ? QStringLiteral("stopped") : QStringLiteral("was interrupted"),
                         why),
                m_project.name,
                QStringLiteral("run with --fresh to start over, or roll it back first "
                               "with 'cutover-cli rollback'"));
        };
        if (old.mappingVersion != version)
            return refuse(QStringLiteral("with another version of the mappings (%1, now %2)")
                              .arg(old.mappingVersion, version));
        if (old.phase != m_options.phase)
            return refuse(old.phase.isEmpty() ? QStringLiteral("without a phase")
                                              : QStringLiteral("in phase '%1'").arg(old.phase));
        if (old.mode != m_options.mode)
            return refuse(QStringLiteral("as a %1").arg(runModeName(old.mode)));
        inheritLoadOptions(old);
        m_runId = old.runId;
        m_resumed = old;
        m_runOptions = old.options;
        notice(QStringLiteral("resuming run %1 (%2 since %3)")
                   .arg(old.runId, runStatusName(old.status), old.startedAt.toString(Qt::ISODate)));
        if (failed)
            notice(QStringLiteral("run %1 stopped: %2. Its tables go on from their last "
                                  "checkpoint, the rows it loaded stay and are not loaded again, "
                                  "and its quarantined rows count toward the thresholds again "
                                  "(--max-error-rate and --max-quarantined set them for one run)")
                       .arg(old.runId, old.message.section(QLatin1Char('\n'), 0, 0)));
        return m_ledger->reopenRun(m_runId);
    }
    if (interrupted->has_value() && m_options.fresh && mayResume) {
        const QString old = (*interrupted)->runId;
        if (const QStringList tables = insertedBy(**interrupted); !tables.isEmpty())
            return Error(Error::Code::Usage,
                         QStringLiteral("run %1 did not finish and left rows in insert-mode "
                                        "tables: %2. A fresh run would insert them again and the "
                                        "target would refuse them as duplicate keys")
                             .arg(old, tables.join(QStringLiteral(", "))),
                         m_project.name,
                         QStringLiteral("run without --fresh to continue run %1, or roll it back "
                                        "first with 'cutover-cli rollback'")
                             .arg(old));
        QString message = QStringLiteral("abandoned: a later run started fresh (--fresh)");
        if (!(*interrupted)->message.isEmpty())
            message = (*interrupted)->message + QLatin1Char('\n') + message;
        if (auto closed = m_ledger->finishRun(old, RunStatus::Failed, message); !closed)
            return closed;
        notice(QStringLiteral("abandoned interrupted run %1 (--fresh)").arg(old));
        inheritLoadOptions(**interrupted);
    }
    RunRecord run;
    run.project = m_project.name;
    run.phase = m_options.phase;
    run.mappingVersion = version;
    run.mode = m_options.mode;
    run.options = m_options.toJson();
    if (m_options.dropSecondaryIndexes)
        m_droppedIndexes.add(DroppedIndexes::ofTables(plannedTargets()));
    if (!m_droppedIndexes.isEmpty())
        run.options[QLatin1String("droppedIndexes")] = m_droppedIndexes.toJson();
    auto id = m_ledger->startRun(run);
    if (!id)
        return id.error();
    m_runId = *id;
    m_runOptions = run.options;
    notice(QStringLiteral("run %1 started (%2)").arg(m_runId, runModeName(m_options.mode)));
    return {};
}

QList<TableInfo> RunEngine::plannedTargets() const
{
    QList<TableInfo> tables;
    for (const RunPlanner::Table &t : m_plan)
        tables.append(t.target);
    return tables;
}

// A run killed during its load leaves the target without the secondary indexes it dropped, or
// with rows whose foreign keys nobody checked. Whichever run comes next, resumed or fresh, does
// the same and rebuilds and checks them after its own load, even when not asked to.
void RunEngine::inheritLoadOptions(const RunRecord &interrupted)
{
    m_inheritedJournalMode = interrupted.options.value(QLatin1String("journalMode")).toString();
    m_droppedIndexes.add(DroppedIndexes::fromJson(
        interrupted.options.value(QLatin1String("droppedIndexes")).toArray()));
    const auto inherit = [&](bool &option, QLatin1String key, const QString &what) {
        if (option || !interrupted.options.value(key).toBool())
            return;
        option = true;
        notice(QStringLiteral("run %1 %2 and did not finish: this run does the same and "
                              "restores them after its load")
                   .arg(interrupted.runId, what));
    };
    inherit(m_options.dropSecondaryIndexes, QLatin1String("dropSecondaryIndexes"),
            QStringLiteral("dropped the secondary indexes"));
    inherit(m_options.deferForeignKeys, QLatin1String("deferForeignKeys"),
            QStringLiteral("turned foreign key checks off"));
}

// The tables the run created, kept in its record before any row is written: rollback drops them,
// so the run records no row keys for them, and a resumed run must know them although they
// exist by then. So are the indexes it left out of them, for whichever run finishes the load.
Result<void> RunEngine::recordCreatedTables(const QStringList &createdNow, bool indexesLater)
{
    m_created = createdNow;
    const QString key = QStringLiteral("createdTables");
    for (const QJsonValue &table : m_runOptions.value(key).toArray())
        if (!m_created.contains(table.toString()))
            m_created.append(table.toString());
    QJsonObject options = m_runOptions;
    options[key] = QJsonArray::fromStringList(m_created);
    if (indexesLater) {
        QList<TableInfo> created = plannedTargets();
        created.removeIf([&](const TableInfo &t) { return !createdNow.contains(t.name); });
        m_droppedIndexes.add(DroppedIndexes::plainOf(created));
        options[QLatin1String("droppedIndexes")] = m_droppedIndexes.toJson();
    }
    if (m_created.isEmpty() || options == m_runOptions)
        return {};
    m_runOptions = options;
    return m_ledger->updateRunOptions(m_runId, m_runOptions);
}

// The mode to put back after the load, kept in the run's record: a run killed during its load
// leaves the file in WAL mode, and the next run, resumed or fresh, puts back the one before.
Result<void> RunEngine::keepJournalMode(const QString &found)
{
    const bool leftByKilledRun = found == QLatin1String("wal") && !m_inheritedJournalMode.isEmpty();
    m_journalMode = leftByKilledRun ? m_inheritedJournalMode : found;
    const QString key = QStringLiteral("journalMode");
    if (m_runOptions.value(key).toString() == m_journalMode)
        return {};
    m_runOptions[key] = m_journalMode;
    return m_ledger->updateRunOptions(m_runId, m_runOptions);
}

Result<void> RunEngine::backup()
{
    if (m_targetSpec.kind() != ConnectionSpec::Kind::Sqlite || m_resumed ||
        m_options.mode == RunMode::DryRun || !m_options.backupSqliteTarget)
        return {};
    QElapsedTimer timer;
    timer.start();
    const QString path = m_targetSpec.path();
    const QString file = SqliteBackup::backupPath(path, m_runId);
    if (auto done = SqliteBackup::backup(path, file); !done)
        return done;
    notice(QStringLiteral("backed up the target to %1 in %2 ms").arg(file).arg(timer.elapsed()));
    return {};
}

Result<void> RunEngine::prepare()
{
    const QList<TableInfo> tables = plannedTargets();
    if (m_options.mode == RunMode::DryRun) {
        for (const RunPlanner::Table &t : std::as_const(m_plan))
            if (!m_existing.contains(t.mapping->target))
                notice(QStringLiteral("dry run: %1 does not exist in the target; its rows are "
                                      "checked but not test-written")
                           .arg(t.mapping->target));
        return {};
    }
    if (m_targetSpec.kind() == ConnectionSpec::Kind::Sqlite) {
        auto mode = SqliteJournalMode::switchToWal(*m_session);
        if (!mode)
            return mode.error();
        if (auto kept = keepJournalMode(*mode); !kept)
            return kept;
        auto checkpointer = SqliteCheckpointer::start(m_targetSpec.path());
        if (!checkpointer)
            return checkpointer.error();
        m_checkpointer = std::move(*checkpointer);
    }
    TargetPreparer::Options options;
    options.createMissing = true;
    options.dropSecondaryIndexes = m_options.dropSecondaryIndexes;
    options.deferForeignKeys = m_options.deferForeignKeys;
    // Not on MySQL, which cannot create an index only if it is missing (a resumed run's case).
    options.indexesAfterLoad = m_targetSpec.kind() != ConnectionSpec::Kind::MySql;
    TargetPreparer preparer(*m_session, tables, options);
    auto report = preparer.beforeLoad();
    if (!report)
        return report.error();
    if (auto recorded = recordCreatedTables(report->created, options.indexesAfterLoad); !recorded)
        return recorded;
    // Created here, once: parallel writers creating it at the same moment race on PostgreSQL.
    if (m_options.keyCrosswalk)
        if (auto ready = KeyCrosswalk(*m_session).ensureTable(); !ready)
            return ready;
    for (const TargetPreparer::Step &step : std::as_const(report->steps)) {
        QJsonObject &timings = m_prepareTimings[step.table];
        timings[QStringLiteral("prepare_ms")] =
            timings.value(QStringLiteral("prepare_ms")).toInteger() + step.milliseconds;
        notice(
            QStringLiteral("%1: %2 (%3 ms)").arg(step.table, step.action).arg(step.milliseconds));
    }
    m_problems += report->problems;
    if (m_resumed || m_options.retryQuarantined || m_options.mode == RunMode::Incremental)
        return {};
    QStringList truncate;
    for (const RunPlanner::Table &t : std::as_const(m_plan))
        if (t.mapping->mode == TableMapping::Mode::TruncateLoad &&
            !m_created.contains(t.mapping->target))
            truncate.append(t.mapping->target);
    if (truncate.isEmpty())
        return {};
    auto emptied = preparer.truncate(truncate);
    if (!emptied)
        return emptied.error();
    notice(QStringLiteral("emptied %1 for truncate-and-load").arg(truncate.join(", ")));
    return {};
}

Result<void> RunEngine::collectRetryKeys()
{
    auto runs = m_ledger->runs(m_project.name);
    if (!runs)
        return runs.error();
    // A dry run's quarantine is a rehearsal's finding, and a rolled-back run's rows are gone:
    // neither is a row to load now.
    QSet<QString> ids;
    for (const RunRecord &r : std::as_const(*runs))
        if (r.leftRows())
            ids.insert(r.runId);
    auto rows = m_ledger->quarantine();
    if (!rows)
        return rows.error();
    qint64 count = 0;
    for (const QuarantinedRow &row : std::as_const(*rows)) {
        if (!ids.contains(row.runId) || !row.retriedInRun.isEmpty() || row.runId == m_runId ||
            row.sourceKey.startsWith(QLatin1Char('#')))
            continue;
        m_retryKeys[row.tableName][row.sourceKey].append(row.runId);
        ++count;
    }
    notice(QStringLiteral("retrying %1 quarantined rows of %2 tables")
               .arg(count)
               .arg(m_retryKeys.size()));
    return {};
}

Result<QString> RunEngine::previousWatermark(const QString &table)
{
    auto runs = m_ledger->runs(m_project.name);
    if (!runs)
        return runs.error();
    for (const RunRecord &r : std::as_const(*runs)) {
        if (r.runId == m_runId || !r.leftRows() || !watermarkCovers(r))
            continue;
        for (const RunTableRecord &t : r.tables)
            if (t.tableName == table && t.status == RunStatus::Succeeded && !t.watermark.isEmpty())
                return t.watermark;
    }
    return QString();
}

// An earlier run's watermark may start this run only if that run read every row this one reads
// below it. A retry read only quarantined rows, and a phase with a filter only that filter's
// rows: after wave-1, wave-2's rows below wave-1's watermark were never read.
bool RunEngine::watermarkCovers(const RunRecord &earlier) const
{
    if (earlier.isRetry())
        return false;
    if (earlier.phase.isEmpty() || earlier.phase == m_options.phase)
        return true;
    const Phase *phase = m_project.phase(earlier.phase);
    return phase && phase->filter.trimmed().isEmpty();
}

// Which tables' loaded keys the run keeps in m_index for the reference rules of later tables.
// A dry run commits nothing, so the target cannot answer. A database server answers a batch
// with a round trip and, on a table without statistics yet, a scan per lookup; a SQLite target
// answers in-process, and the index would cost the run memory (or a spill) instead.
bool RunEngine::indexesParents() const
{
    return m_options.mode == RunMode::DryRun || m_targetSpec.kind() != ConnectionSpec::Kind::Sqlite;
}

// The planned tables that hold no row before the load. Such a table holds only what this run
// writes: when the run indexes the keys it loads (indexesParents()), the target need not be asked
// about its keys at all (not even for the orphans), and its unique values are all claims of
// this run. A table that had rows is asked about both.
Result<void> RunEngine::findEmptyTables()
{
    m_emptyBefore.clear();
    for (const RunPlanner::Table &planned : std::as_const(m_plan)) {
        const QString &table = planned.mapping->target;
        if (!m_existing.contains(table) && !m_created.contains(table)) {
            m_emptyBefore.append(table); // a dry run's table that does not exist
            continue;
        }
        auto rows =
            m_session->query(QStringLiteral("SELECT 1 FROM %1 LIMIT 1")
                                 .arg(SqlDialect::quoteIdentifier(table, m_targetSpec.kind())));
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            m_emptyBefore.append(table);
    }
    return {};
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
        s.runId = m_runId;
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
        s.writeRows = !s.dryRun || m_existing.contains(table);
        // Rollback drops a table the run created, so the keys of its rows are not needed (on
        // PostgreSQL writing them cost the server a sixth of its time).
        s.recordWrittenKeys =
            m_targetSpec.kind() != ConnectionSpec::Kind::Sqlite && !m_created.contains(table);
        s.deferForeignKeys = m_options.deferForeignKeys;
        s.keyCrosswalk = m_options.keyCrosswalk;
        s.createdTable = m_created.contains(table);
        s.connectionRetries = m_options.connectionRetries;
        s.retryBackoffMs = m_options.retryBackoffMs;
        s.beforeWriteAttempt = m_beforeWriteAttempt;
        s.notice = m_notice;
        s.afterBatch = [this, &control] {
            checkThresholds(control);
        };
        if (m_options.mode == RunMode::Incremental) {
            s.upsert = true;
            s.syncDeletes = planned.mapping->syncDeletes;
            if (s.syncDeletes && !planned.filters.isEmpty()) {
                // The phase's filter hides rows that still exist: they are not deletions.
                s.syncDeletes = false;
                notice(QStringLiteral("%1: deletions are not synced within a phase").arg(table));
            }
            if (!planned.mapping->watermark.isEmpty()) {
                auto mark = previousWatermark(table);
                if (!mark)
                    return mark.error();
                s.watermark = *mark;
                notice(
                    mark->isEmpty()
                        ? QStringLiteral("%1: no earlier watermark, reading every row").arg(table)
                        : QStringLiteral("%1: reading rows with %2 > %3")
                              .arg(table, planned.mapping->watermark, *mark));
            }
        }
        if (m_options.retryQuarantined) {
            s.upsert = true;
            s.retryKeys = m_retryKeys.value(table);
            slot->skip = s.retryKeys.isEmpty();
        }
        if (m_resumed) {
            for (const RunTableRecord &t : m_resumed->tables)
                if (t.tableName == table && t.status == RunStatus::Succeeded)
                    slot->skip = true;
            auto last = m_ledger->lastCheckpoint(m_runId, table);
            if (!last)
                return last.error();
            s.resumeFrom = *last;
            if (last->has_value() && !slot->skip)
                notice(QStringLiteral("%1: resuming after batch %2 (%3 rows read)")
                           .arg(table)
                           .arg((*last)->batchNo)
                           .arg((*last)->rowsRead));
        }
        slot->loader = std::make_unique<TableLoader>(std::move(s));
        QMutexLocker lock(&m_mutex);
        m_slots.push_back(std::move(slot));
    }
    return {};
}

void RunEngine::loadTables(RunControl &control)
{
    QMutex doneMutex;
    QWaitCondition doneCondition;
    QSet<QString> succeeded;
    for (const auto &slot : m_slots)
        if (slot->skip) {
            slot->finished = slot->succeeded = true;
            succeeded.insert(slot->plan.mapping->target);
        }
    for (;;) {
        int running = 0;
        for (const auto &slot : m_slots)
            if (slot->started && !slot->finished)
                ++running;
        bool waiting = false;
        for (const auto &slot : m_slots) {
            if (slot->started || slot->finished)
                continue;
            const bool ready =
                std::all_of(slot->plan.dependsOn.cbegin(), slot->plan.dependsOn.cend(),
                            [&](const QString &parent) { return succeeded.contains(parent); });
            if (!ready || control.isStopped()) {
                waiting = waiting || !control.isStopped();
                continue;
            }
            if (running >= m_options.parallelTables) {
                waiting = true;
                continue;
            }
            const QString &target = slot->plan.mapping->target;
            if (auto started = m_ledger->startTable(m_runId, target, m_created.contains(target));
                !started) {
                control.stop(RunStatus::Failed, started.error().toString());
                continue;
            }
            slot->started = true;
            ++running;
            Slot *raw = slot.get();
            slot->thread.reset(QThread::create([raw, &doneMutex, &doneCondition] {
                auto result = raw->loader->run();
                QMutexLocker lock(&doneMutex);
                raw->result = std::move(result);
                doneCondition.wakeAll();
            }));
            slot->thread->setObjectName(QStringLiteral("write ") + slot->plan.mapping->target);
            slot->thread->start();
        }
        if (running == 0 && (!waiting || control.isStopped()))
            break;
        {
            QMutexLocker lock(&doneMutex);
            const bool any = std::any_of(m_slots.cbegin(), m_slots.cend(), [](const auto &s) {
                return s->started && !s->finished && s->result.has_value();
            });
            if (!any)
                doneCondition.wait(&doneMutex, 200);
        }
        for (const auto &slot : m_slots) {
            bool ready = false;
            {
                QMutexLocker lock(&doneMutex);
                ready = slot->started && !slot->finished && slot->result.has_value();
            }
            if (!ready)
                continue;
            slot->thread->wait();
            slot->finished = true;
            if (auto recorded = collect(*slot, control); recorded && slot->succeeded)
                succeeded.insert(slot->plan.mapping->target);
        }
        if (running == 0 && waiting && !control.isStopped()) {
            // Tables whose parents failed can never start.
            bool progress = false;
            for (const auto &slot : m_slots)
                if (!slot->started && !slot->finished &&
                    std::all_of(slot->plan.dependsOn.cbegin(), slot->plan.dependsOn.cend(),
                                [&](const QString &p) { return succeeded.contains(p); }))
                    progress = true;
            if (!progress)
                break;
        }
    }
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
        failed.runId = m_runId;
        failed.tableName = table;
        const TableProgress p = slot.loader->progress();
        failed.loaded = p.written;
        failed.quarantined = p.quarantined;
        failed.status = status;
        failed.createdTable = m_created.contains(table);
        return m_ledger->finishTable(failed);
    }
    RunTableRecord record = *result;
    const QJsonObject prepared = m_prepareTimings.value(table);
    for (auto it = prepared.constBegin(); it != prepared.constEnd(); ++it)
        record.timings[it.key()] = it.value();
    slot.succeeded = record.status == RunStatus::Succeeded;
    if (slot.succeeded && !record.balances())
        m_problems.append(QStringLiteral("%1: the row ledger does not balance: %2 source rows, "
                                         "%3 loaded + %4 quarantined + %5 skipped")
                              .arg(table)
                              .arg(record.sourceRows)
                              .arg(record.loaded)
                              .arg(record.quarantined)
                              .arg(record.skipped));
    return m_ledger->finishTable(record);
}

// The project's automatic rollback triggers (or this run's), on every table's progress.
QString RunEngine::thresholdExceeded() const
{
    QList<RunThresholds::Table> tables;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &slot : m_slots)
            tables.append({slot->loader->progress(), slot->plan.mapping});
    }
    return RunThresholds(m_project.settings, m_options).exceeded(tables);
}

void RunEngine::checkThresholds(RunControl &control)
{
    const QString message = thresholdExceeded();
    if (message.isEmpty())
        return;
    if (m_options.mode == RunMode::DryRun) {
        QMutexLocker lock(&m_mutex);
        if (m_thresholdMessage.isEmpty())
            m_thresholdMessage = QStringLiteral("a real run would stop here: ") + message;
        return;
    }
    control.stop(RunStatus::Failed,
                 QStringLiteral("stopped at a batch boundary: %1. This is a rollback trigger: "
                                "review the rows with 'cutover-cli quarantine', then roll the run "
                                "back, or fix the source and run again to continue it "
                                "(--max-error-rate and --max-quarantined set the limits for one "
                                "run)")
                     .arg(message));
}

void RunEngine::restoreJournalMode()
{
    if (m_checkpointer) { // its connection would keep the file from leaving WAL mode
        m_checkpointer->stop();
        if (const QString error = m_checkpointer->lastError(); !error.isEmpty())
            notice(error);
        m_checkpointer.reset();
    }
    if (auto restored = SqliteJournalMode::restore(*m_session, m_journalMode); !restored)
        notice(restored.error().toString());
    m_journalMode.clear();
}

Result<void> RunEngine::finish(RunControl &control)
{
    // PostgreSQL's identity sequences do not follow the key values a run inserts.
    const bool identities = m_session->kind() == ConnectionSpec::Kind::PostgreSql;
    if (m_options.mode != RunMode::DryRun &&
        (m_options.dropSecondaryIndexes || identities || m_options.deferForeignKeys ||
         !m_droppedIndexes.isEmpty())) {
        QList<TableInfo> tables = plannedTargets();
        m_droppedIndexes.restoreInto(tables);
        TargetPreparer::Options options;
        options.dropSecondaryIndexes = m_options.dropSecondaryIndexes;
        options.deferForeignKeys = m_options.deferForeignKeys;
        options.laterIndexes = m_droppedIndexes;
        TargetPreparer preparer(*m_session, tables, options);
        auto report = preparer.afterLoad();
        if (!report) {
            m_problems.append(report.error().toString());
        } else {
            for (const TargetPreparer::Step &step : std::as_const(report->steps))
                notice(QStringLiteral("%1: %2 (%3 ms)")
                           .arg(step.table, step.action)
                           .arg(step.milliseconds));
            m_problems += report->problems;
        }
    }
    restoreJournalMode();
    for (const QString &problem : std::as_const(m_problems))
        notice(problem);
    RunStatus status = RunStatus::Succeeded;
    QStringList message;
    if (control.isStopped()) {
        status = control.stopStatus();
        message.append(control.stopReason());
    }
    if (!m_thresholdMessage.isEmpty())
        message.append(m_thresholdMessage);
    message += m_problems;
    if (status == RunStatus::Succeeded && !m_problems.isEmpty())
        status = RunStatus::Failed;
    return m_ledger->finishRun(m_runId, status, message.join(QStringLiteral("\n")));
}

} // namespace cutover
