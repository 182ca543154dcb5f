#include "run/RunContinuation.h"

#include "run/ledger/RunSnapshot.h"

#include "run/ledger/RunLedger.h"

#include <QJsonArray>
#include <QSet>

namespace cutover {

RunContinuation::RunContinuation(const Project &project, RunOptions &options,
                                 const QList<RunPlanner::Table> &plan, RunLedger &ledger,
                                 RunState &state, Notice notice)
    : m_project(project)
    , m_options(options)
    , m_plan(plan)
    , m_ledger(ledger)
    , m_state(state)
    , m_notice(std::move(notice))
{}

// Whether this run continues old, which did not finish. A failed run is continued when it left
// rows and a planned table is not done (a threshold stopped it, a source failed): starting over
// would insert its rows again. A failed dry run or retry leaves nothing to continue.
bool RunContinuation::continues(const RunRecord &old) const
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
QStringList RunContinuation::insertedBy(const RunRecord &old) const
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

Result<void> RunContinuation::startOrResume()
{
    const QString version = RunPlanner::mappingVersion(m_project);
    const bool mayResume = m_options.mode != RunMode::DryRun && !m_options.retryQuarantined;
    auto interrupted = m_ledger.interruptedRun(m_project.name);
    if (!interrupted)
        return interrupted.error();
    if (interrupted->has_value() && !continues(**interrupted))
        interrupted->reset();
    if (interrupted->has_value() && mayResume && !m_options.fresh)
        return resume(**interrupted, version);
    if (interrupted->has_value() && m_options.fresh && mayResume)
        if (auto abandoned = abandon(**interrupted); !abandoned)
            return abandoned;
    return startNew(version);
}

Result<void> RunContinuation::resume(const RunRecord &old, const QString &version)
{
    const bool failed = old.status == RunStatus::Failed;
    const auto refuse = [&](const QString &why) {
        return Error(
            Error::Code::Usage,
            QStringLiteral("run %1 %2 %3")
                .arg(old.runId,
                     failed ? QStringLiteral("stopped") : QStringLiteral("was interrupted"), why),
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
    m_state.runId = old.runId;
    m_state.resumed = old;
    m_state.recordedOptions = old.options;
    m_notice(QStringLiteral("resuming run %1 (%2 since %3)")
                 .arg(old.runId, runStatusName(old.status), old.startedAt.toString(Qt::ISODate)));
    if (failed)
        m_notice(QStringLiteral("run %1 stopped: %2. Its tables go on from their last "
                                "checkpoint, the rows it loaded stay and are not loaded again, "
                                "and its quarantined rows count toward the thresholds again "
                                "(--max-error-rate and --max-quarantined set them for one run)")
                     .arg(old.runId, old.message.section(QLatin1Char('\n'), 0, 0)));
    return m_ledger.reopenRun(m_state.runId);
}

Result<void> RunContinuation::abandon(const RunRecord &old)
{
    if (const QStringList tables = insertedBy(old); !tables.isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("run %1 did not finish and left rows in insert-mode "
                                    "tables: %2. A fresh run would insert them again and the "
                                    "target would refuse them as duplicate keys")
                         .arg(old.runId, tables.join(QStringLiteral(", "))),
                     m_project.name,
                     QStringLiteral("run without --fresh to continue run %1, or roll it back "
                                    "first with 'cutover-cli rollback'")
                         .arg(old.runId));
    QString message = QStringLiteral("abandoned: a later run started fresh (--fresh)");
    if (!old.message.isEmpty())
        message = old.message + QLatin1Char('\n') + message;
    if (auto closed = m_ledger.finishRun(old.runId, RunStatus::Failed, message); !closed)
        return closed;
    m_notice(QStringLiteral("abandoned interrupted run %1 (--fresh)").arg(old.runId));
    inheritLoadOptions(old);
    return {};
}

Result<void> RunContinuation::startNew(const QString &version)
{
    RunRecord run;
    run.project = m_project.name;
    run.phase = m_options.phase;
    run.mappingVersion = version;
    run.mode = m_options.mode;
    run.options = m_options.toJson();
    run.options[QLatin1String(RunSnapshot::kKey)] = RunSnapshot::of(m_project);
    if (m_options.dropSecondaryIndexes)
        m_state.droppedIndexes.add(DroppedIndexes::ofTables(RunPlanner::targetsOf(m_plan)));
    if (!m_state.droppedIndexes.isEmpty())
        run.options[QLatin1String("droppedIndexes")] = m_state.droppedIndexes.toJson();
    auto id = m_ledger.startRun(run);
    if (!id)
        return id.error();
    m_state.runId = *id;
    m_state.recordedOptions = run.options;
    m_notice(QStringLiteral("run %1 started (%2)").arg(m_state.runId, runModeName(m_options.mode)));
    return {};
}

// A run killed during its load leaves the target without the secondary indexes it dropped, or
// with rows whose foreign keys nobody checked. Whichever run comes next, resumed or fresh, does
// the same and rebuilds and checks them after its own load, even when not asked to.
void RunContinuation::inheritLoadOptions(const RunRecord &interrupted)
{
    m_state.inheritedJournalMode =
        interrupted.options.value(QLatin1String("journalMode")).toString();
    m_state.droppedIndexes.add(DroppedIndexes::fromJson(
        interrupted.options.value(QLatin1String("droppedIndexes")).toArray()));
    const auto inherit = [&](bool &option, QLatin1String key, const QString &what) {
        if (option || !interrupted.options.value(key).toBool())
            return;
        option = true;
        m_notice(QStringLiteral("run %1 %2 and did not finish: this run does the same and "
                                "restores them after its load")
                     .arg(interrupted.runId, what));
    };
    inherit(m_options.dropSecondaryIndexes, QLatin1String("dropSecondaryIndexes"),
            QStringLiteral("dropped the secondary indexes"));
    inherit(m_options.deferForeignKeys, QLatin1String("deferForeignKeys"),
            QStringLiteral("turned foreign key checks off"));
}

Result<RunContinuation::RetryKeys> RunContinuation::keysToRetry()
{
    auto runs = m_ledger.runs(m_project.name);
    if (!runs)
        return runs.error();
    // A dry run's quarantine is a rehearsal's finding, and a rolled-back run's rows are gone:
    // neither is a row to load now.
    QSet<QString> ids;
    for (const RunRecord &r : std::as_const(*runs))
        if (r.leftRows())
            ids.insert(r.runId);
    auto rows = m_ledger.quarantine();
    if (!rows)
        return rows.error();
    RetryKeys keys;
    qint64 count = 0;
    for (const QuarantinedRow &row : std::as_const(*rows)) {
        if (!ids.contains(row.runId) || !row.retriedInRun.isEmpty() || row.runId == m_state.runId ||
            row.sourceKey.startsWith(QLatin1Char('#')))
            continue;
        keys[row.tableName][row.sourceKey].append(row.runId);
        ++count;
    }
    m_notice(
        QStringLiteral("retrying %1 quarantined rows of %2 tables").arg(count).arg(keys.size()));
    return keys;
}

Result<QString> RunContinuation::watermark(const QString &table)
{
    auto runs = m_ledger.runs(m_project.name);
    if (!runs)
        return runs.error();
    for (const RunRecord &r : std::as_const(*runs)) {
        if (r.runId == m_state.runId || !r.leftRows() || !watermarkCovers(r))
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
bool RunContinuation::watermarkCovers(const RunRecord &earlier) const
{
    if (earlier.isRetry())
        return false;
    if (earlier.phase.isEmpty() || earlier.phase == m_options.phase)
        return true;
    const Phase *phase = m_project.phase(earlier.phase);
    return phase && phase->filter.trimmed().isEmpty();
}

} // namespace cutover
