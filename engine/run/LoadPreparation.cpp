#include "run/LoadPreparation.h"

#include "dialect/SqlDialect.h"
#include "run/ledger/KeyCrosswalk.h"
#include "run/ledger/RunLedger.h"
#include "run/target/SqliteBackup.h"
#include "run/target/SqliteCheckpointer.h"
#include "run/target/SqliteJournalMode.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSession.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace cutover {

LoadPreparation::LoadPreparation(const ConnectionSpec &target, const RunOptions &options,
                                 const QList<RunPlanner::Table> &plan, TargetSession &session,
                                 RunLedger &ledger, RunState &state, Notice notice)
    : m_target(target)
    , m_options(options)
    , m_plan(plan)
    , m_session(session)
    , m_ledger(ledger)
    , m_state(state)
    , m_notice(std::move(notice))
{}

LoadPreparation::~LoadPreparation() = default;

Result<void> LoadPreparation::backup()
{
    if (m_target.kind() != ConnectionSpec::Kind::Sqlite || m_state.resumed ||
        m_options.mode == RunMode::DryRun || !m_options.backupSqliteTarget)
        return {};
    QElapsedTimer timer;
    timer.start();
    const QString path = m_target.path();
    const QString file = SqliteBackup::backupPath(path, m_state.runId);
    if (auto done = SqliteBackup::backup(path, file); !done)
        return done;
    m_notice(QStringLiteral("backed up the target to %1 in %2 ms").arg(file).arg(timer.elapsed()));
    return {};
}

Result<void> LoadPreparation::beforeLoad()
{
    if (m_options.mode == RunMode::DryRun) {
        for (const RunPlanner::Table &t : m_plan)
            if (!m_state.existing.contains(t.mapping->target))
                m_notice(QStringLiteral("dry run: %1 does not exist in the target; its rows are "
                                        "checked but not test-written")
                             .arg(t.mapping->target));
        return {};
    }
    if (m_target.kind() == ConnectionSpec::Kind::Sqlite)
        if (auto switched = switchToWal(); !switched)
            return switched;
    TargetPreparer::Options options;
    options.createMissing = true;
    options.dropSecondaryIndexes = m_options.dropSecondaryIndexes;
    options.deferForeignKeys = m_options.deferForeignKeys;
    // Not on MySQL, which cannot create an index only if it is missing (a resumed run's case).
    options.indexesAfterLoad = m_target.kind() != ConnectionSpec::Kind::MySql;
    TargetPreparer preparer(m_session, RunPlanner::targetsOf(m_plan), options);
    auto report = preparer.beforeLoad();
    if (!report)
        return report.error();
    if (auto recorded = recordCreatedTables(report->created, options.indexesAfterLoad); !recorded)
        return recorded;
    // Created here, once: parallel writers creating it at the same moment race on PostgreSQL.
    if (m_options.keyCrosswalk)
        if (auto ready = KeyCrosswalk(m_session).ensureTable(); !ready)
            return ready;
    for (const TargetPreparer::Step &step : std::as_const(report->steps)) {
        QJsonObject &timings = m_timings[step.table];
        timings[QStringLiteral("prepare_ms")] =
            timings.value(QStringLiteral("prepare_ms")).toInteger() + step.milliseconds;
        m_notice(
            QStringLiteral("%1: %2 (%3 ms)").arg(step.table, step.action).arg(step.milliseconds));
    }
    m_state.problems += report->problems;
    return emptyTruncatedTables(preparer);
}

Result<void> LoadPreparation::switchToWal()
{
    auto mode = SqliteJournalMode::switchToWal(m_session);
    if (!mode)
        return mode.error();
    if (auto kept = keepJournalMode(*mode); !kept)
        return kept;
    auto checkpointer = SqliteCheckpointer::start(m_target.path());
    if (!checkpointer)
        return checkpointer.error();
    m_checkpointer = std::move(*checkpointer);
    return {};
}

Result<void> LoadPreparation::emptyTruncatedTables(TargetPreparer &preparer)
{
    if (m_state.resumed || m_options.retryQuarantined || m_options.mode == RunMode::Incremental)
        return {};
    QStringList truncate;
    for (const RunPlanner::Table &t : m_plan)
        if (t.mapping->mode == TableMapping::Mode::TruncateLoad &&
            !m_state.created.contains(t.mapping->target))
            truncate.append(t.mapping->target);
    if (truncate.isEmpty())
        return {};
    auto emptied = preparer.truncate(truncate);
    if (!emptied)
        return emptied.error();
    m_notice(QStringLiteral("emptied %1 for truncate-and-load").arg(truncate.join(", ")));
    return {};
}

// The tables the run created, kept in its record before any row is written: rollback drops them,
// so the run records no row keys for them, and a resumed run must know them although they
// exist by then. So are the indexes it left out of them, for whichever run finishes the load.
Result<void> LoadPreparation::recordCreatedTables(const QStringList &createdNow, bool indexesLater)
{
    m_state.created = createdNow;
    const QString key = QStringLiteral("createdTables");
    for (const QJsonValue &table : m_state.recordedOptions.value(key).toArray())
        if (!m_state.created.contains(table.toString()))
            m_state.created.append(table.toString());
    QJsonObject options = m_state.recordedOptions;
    options[key] = QJsonArray::fromStringList(m_state.created);
    if (indexesLater) {
        QList<TableInfo> created = RunPlanner::targetsOf(m_plan);
        created.removeIf([&](const TableInfo &t) { return !createdNow.contains(t.name); });
        m_state.droppedIndexes.add(DroppedIndexes::plainOf(created));
        options[QLatin1String("droppedIndexes")] = m_state.droppedIndexes.toJson();
    }
    if (m_state.created.isEmpty() || options == m_state.recordedOptions)
        return {};
    m_state.recordedOptions = options;
    return m_ledger.updateRunOptions(m_state.runId, m_state.recordedOptions);
}

// The mode to put back after the load, kept in the run's record: a run killed during its load
// leaves the file in WAL mode, and the next run, resumed or fresh, puts back the one before.
Result<void> LoadPreparation::keepJournalMode(const QString &found)
{
    const bool leftByKilledRun =
        found == QLatin1String("wal") && !m_state.inheritedJournalMode.isEmpty();
    m_journalMode = leftByKilledRun ? m_state.inheritedJournalMode : found;
    const QString key = QStringLiteral("journalMode");
    if (m_state.recordedOptions.value(key).toString() == m_journalMode)
        return {};
    m_state.recordedOptions[key] = m_journalMode;
    return m_ledger.updateRunOptions(m_state.runId, m_state.recordedOptions);
}

// A planned table that holds no row before the load holds only what this run writes: when the
// run indexes the keys it loads, the target need not be asked about its keys at all (not even
// for the orphans), and its unique values are all claims of this run. A table that had rows is
// asked about both.
Result<QStringList> LoadPreparation::emptyTables()
{
    QStringList empty;
    for (const RunPlanner::Table &planned : m_plan) {
        const QString &table = planned.mapping->target;
        if (!m_state.existing.contains(table) && !m_state.created.contains(table)) {
            empty.append(table); // a dry run's table that does not exist
            continue;
        }
        auto rows = m_session.query(QStringLiteral("SELECT 1 FROM %1 LIMIT 1")
                                        .arg(SqlDialect::quoteIdentifier(table, m_target.kind())));
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            empty.append(table);
    }
    return empty;
}

void LoadPreparation::afterLoad()
{
    // PostgreSQL's identity sequences do not follow the key values a run inserts.
    const bool identities = m_session.kind() == ConnectionSpec::Kind::PostgreSql;
    if (m_options.mode != RunMode::DryRun &&
        (m_options.dropSecondaryIndexes || identities || m_options.deferForeignKeys ||
         !m_state.droppedIndexes.isEmpty())) {
        QList<TableInfo> tables = RunPlanner::targetsOf(m_plan);
        m_state.droppedIndexes.restoreInto(tables);
        TargetPreparer::Options options;
        options.dropSecondaryIndexes = m_options.dropSecondaryIndexes;
        options.deferForeignKeys = m_options.deferForeignKeys;
        options.laterIndexes = m_state.droppedIndexes;
        TargetPreparer preparer(m_session, tables, options);
        auto report = preparer.afterLoad();
        if (!report) {
            m_state.problems.append(report.error().toString());
        } else {
            for (const TargetPreparer::Step &step : std::as_const(report->steps))
                m_notice(QStringLiteral("%1: %2 (%3 ms)")
                             .arg(step.table, step.action)
                             .arg(step.milliseconds));
            m_state.problems += report->problems;
        }
    }
    restoreJournalMode();
}

void LoadPreparation::restoreJournalMode()
{
    if (m_checkpointer) { // its connection would keep the file from leaving WAL mode
        m_checkpointer->stop();
        if (const QString error = m_checkpointer->lastError(); !error.isEmpty())
            m_notice(error);
        m_checkpointer.reset();
    }
    if (auto restored = SqliteJournalMode::restore(m_session, m_journalMode); !restored)
        m_notice(restored.error().toString());
    m_journalMode.clear();
}

} // namespace cutover
