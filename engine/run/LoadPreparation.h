#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "run/RunOptions.h"
#include "run/RunPlanner.h"
#include "run/RunState.h"

#include <QHash>
#include <QJsonObject>
#include <functional>
#include <memory>

namespace cutover {

class RunLedger;
class SqliteCheckpointer;
class TargetSession;

// Gets the target ready around a run's load, on the run's own session: before it, a SQLite
// target is backed up and switched to write-ahead logging with a checkpointer beside the
// writers; missing tables are created (their plain indexes left for after the load), secondary
// indexes dropped and foreign keys deferred when asked, truncate-and-load tables emptied. After
// it, indexes, foreign keys and identity sequences are restored and the journal mode put back,
// also the one a killed run left behind. What it does is kept in the run's ledger record first,
// so that whichever run comes next can finish it.
class LoadPreparation
{
public:
    using Notice = std::function<void(const QString &)>;

    LoadPreparation(const ConnectionSpec &target, const RunOptions &options,
                    const QList<RunPlanner::Table> &plan, TargetSession &session, RunLedger &ledger,
                    RunState &state, Notice notice);
    ~LoadPreparation();

    Result<void> backup();
    Result<void> beforeLoad();
    // The planned tables that hold no row before the load.
    Result<QStringList> emptyTables();
    void afterLoad();
    void restoreJournalMode();
    // Per table, the milliseconds its preparation took, for the run's table records.
    QJsonObject timings(const QString &table) const { return m_timings.value(table); }

private:
    Result<void> switchToWal();
    Result<void> keepJournalMode(const QString &found);
    Result<void> recordCreatedTables(const QStringList &createdNow, bool indexesLater);
    Result<void> emptyTruncatedTables(class TargetPreparer &preparer);

    ConnectionSpec m_target;
    const RunOptions &m_options;
    const QList<RunPlanner::Table> &m_plan;
    TargetSession &m_session;
    RunLedger &m_ledger;
    RunState &m_state;
    Notice m_notice;
    QString m_journalMode; // a SQLite target's journal mode before the run switched it to WAL
    std::unique_ptr<SqliteCheckpointer> m_checkpointer; // while a SQLite target is in WAL mode
    QHash<QString, QJsonObject> m_timings;
};

} // namespace cutover
