#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "run/LoadPreparation.h"
#include "run/RunContinuation.h"
#include "run/RunLock.h"
#include "run/RunOptions.h"
#include "run/RunPlanner.h"
#include "run/RunProgress.h"
#include "run/RunState.h"
#include "run/TableLoader.h"
#include "run/ThresholdWatch.h"
#include "run/ledger/RunLedger.h"
#include "run/ledger/RunRecord.h"
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
//     the target and creates the run ledger;
//  2. plans the tables (RunPlanner) and resumes the project's interrupted run or starts a new
//     one (RunContinuation);
//  3. prepares the target (LoadPreparation);
//  4. loads the planned tables with up to parallelTables TableLoaders at once, a table starting
//     once the tables it refers to are done (TableScheduler), the thresholds checked after
//     every batch (ThresholdWatch);
//  5. restores the target and records each table's row ledger and the run's end.
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
    struct Slot;

    Result<RunRecord> execute(RunControl &control);
    Result<void> openTarget();
    Result<QList<TableInfo>> wantedTables();
    Result<void> startOrResume();
    Result<void> prepareLoad();
    // The tables progress() shows from now on: the planned ones, in a retry those with rows to
    // retry.
    void announcePlan();
    bool indexesParents() const;
    Result<void> createLoaders(RunControl &control);
    Result<void> resumeAt(Slot &slot, TableLoader::Setup &setup);
    Result<void> readAfterWatermark(const RunPlanner::Table &planned, TableLoader::Setup &setup);
    void loadTables(RunControl &control);
    bool beginTable(Slot &slot, RunControl &control);
    Result<void> collect(Slot &slot, RunControl &control);
    void checkThresholds(RunControl &control);
    Result<void> finish(RunControl &control);
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
    RunState m_state;
    QList<RunPlanner::Table> m_plan;
    std::unique_ptr<RunContinuation> m_continuation;
    std::unique_ptr<LoadPreparation> m_preparation;
    std::unique_ptr<ThresholdWatch> m_thresholds;
    QStringList m_emptyBefore; // planned tables without a row before the load
    RunContinuation::RetryKeys m_retryKeys;
    RunReferenceIndex m_index;
    std::vector<std::unique_ptr<Slot>> m_slots;
    mutable QMutex m_mutex; // guards m_stage, m_planned and the slots' records
    QString m_stage;
    QStringList m_planned; // target tables, in the order of m_plan (announcePlan)
    QElapsedTimer m_clock;
};

} // namespace cutover
