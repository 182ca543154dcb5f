#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "run/DroppedIndexes.h"
#include "run/RunLock.h"
#include "run/RunOptions.h"
#include "run/RunPlanner.h"
#include "run/RunProgress.h"
#include "run/TableLoader.h"
#include "run/ledger/RunLedger.h"
#include "run/ledger/RunRecord.h"
#include "run/target/SqliteCheckpointer.h"
#include "run/target/TargetSession.h"
#include "transform/rules/RunReferenceIndex.h"

#include <QElapsedTimer>
#include <QMutex>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace cutover {

class PasswordProvider;
class RunControl;

// Runs a project, blocking (RunController runs it on a worker thread for the window; the CLI
// on its main thread):
//  1. takes the target's run lock (RunLock: one run at a time, a second one is refused), opens
//     the target, creates the run ledger, and resumes the project's interrupted run (same
//     mapping version, phase and mode) unless told to start fresh; a run a threshold stopped
//     is resumed too, and a fresh start refused while it left rows in insert-mode tables;
//  2. backs up a SQLite target (SqliteBackup), creates missing tables, drops secondary indexes
//     and defers foreign keys when asked, empties truncate-and-load tables;
//  3. loads the planned tables (RunPlanner) with up to parallelTables TableLoaders at once, a
//     table starting once the tables it refers to are done;
//  4. checks the project's thresholds (or the run's own) after every batch and stops the run at
//     that boundary when one is crossed: the rollback triggers of the migration template. A
//     share is judged on the evidence of the rows it rests on (QuarantineShare);
//  5. rebuilds indexes and foreign keys, and records each table's row ledger and the run's end.
// progress() may be called from any thread while run() works.
class RunEngine
{
public:
    using Notice = std::function<void(const QString &)>;

    RunEngine(Project project, RunOptions options, const PasswordProvider *passwords = nullptr);
    ~RunEngine();

    Result<RunRecord> run(RunControl &control);
    RunProgress progress() const;
    // Messages for the log: resumed from, prepared, retried, thresholds.
    void setNotice(Notice notice) { m_notice = std::move(notice); }
    // Tests: called before each write attempt of every batch.
    void setBeforeWriteAttempt(std::function<void(TargetSession &, int)> hook)
    {
        m_beforeWriteAttempt = std::move(hook);
    }

private:
    Result<RunRecord> execute(RunControl &control);
    struct Slot;
    Result<void> openTarget();
    Result<QList<TableInfo>> wantedTables();
    bool continues(const RunRecord &old) const;
    QStringList insertedBy(const RunRecord &old) const;
    Result<void> startOrResume();
    void inheritLoadOptions(const RunRecord &interrupted);
    QList<TableInfo> plannedTargets() const;
    Result<void> backup();
    Result<void> keepJournalMode(const QString &found);
    Result<void> prepare();
    Result<void> recordCreatedTables(const QStringList &createdNow, bool indexesLater);
    Result<void> collectRetryKeys();
    // The tables progress() shows from now on: the planned ones, in a retry those with rows to
    // retry.
    void announcePlan();
    bool indexesParents() const;
    Result<void> findEmptyTables();
    Result<void> createLoaders(RunControl &control);
    Result<QString> previousWatermark(const QString &table);
    bool watermarkCovers(const RunRecord &earlier) const;
    void loadTables(RunControl &control);
    Result<void> collect(Slot &slot, RunControl &control);
    QString thresholdExceeded() const;
    void checkThresholds(RunControl &control);
    Result<void> finish(RunControl &control);
    void restoreJournalMode();
    void notice(const QString &message) const;
    void setStage(const QString &stage);

    Project m_project;
    RunOptions m_options;
    const PasswordProvider *m_passwords;
    Notice m_notice;
    std::function<void(TargetSession &, int)> m_beforeWriteAttempt;
    ConnectionSpec m_targetSpec;
    std::unique_ptr<RunLock> m_lock; // held from before the ledger is read until the end
    std::unique_ptr<TargetSession> m_session;
    std::unique_ptr<RunLedger> m_ledger;
    QString m_runId;
    std::optional<RunRecord> m_resumed;
    QList<RunPlanner::Table> m_plan;
    QStringList m_existing;          // planned tables already in the target
    QStringList m_created;           // tables this run created
    QStringList m_emptyBefore;       // planned tables without a row before the load
    QJsonObject m_runOptions;        // as in the run's ledger record
    DroppedIndexes m_droppedIndexes; // to rebuild after the load, this run's and interrupted ones'
    QString m_journalMode; // a SQLite target's journal mode before the run switched it to WAL
    QString m_inheritedJournalMode; // the one an interrupted run found, which it left in WAL
    std::unique_ptr<SqliteCheckpointer> m_checkpointer; // while a SQLite target is in WAL mode
    QHash<QString, QJsonObject> m_prepareTimings;
    QHash<QString, QHash<QString, QStringList>> m_retryKeys; // table -> key -> runs
    QStringList m_problems;
    RunReferenceIndex m_index;
    std::vector<std::unique_ptr<Slot>> m_slots;
    mutable QMutex m_mutex; // guards m_stage, m_planned and the slots' records
    QString m_stage;
    QStringList m_planned;      // target tables, in the order of m_plan (announcePlan)
    QString m_thresholdMessage; // a dry run does not stop: it reports what would have
    QElapsedTimer m_clock;
};

} // namespace cutover
