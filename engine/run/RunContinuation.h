#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "run/RunOptions.h"
#include "run/RunPlanner.h"
#include "run/RunState.h"

#include <QHash>
#include <functional>

namespace cutover {

class RunLedger;

// What a run takes over from the project's earlier runs in the ledger: the interrupted run it
// resumes (same mapping version, phase and mode; a run a threshold stopped too) or, under
// --fresh, abandons when that loses nothing; the load options a killed run left in force; the
// quarantined rows a retry loads again; the watermark an incremental table reads after.
class RunContinuation
{
public:
    using Notice = std::function<void(const QString &)>;
    using RetryKeys = QHash<QString, QHash<QString, QStringList>>; // table -> source key -> runs

    // options is the run's: an interrupted run's load options are inherited into it.
    RunContinuation(const Project &project, RunOptions &options,
                    const QList<RunPlanner::Table> &plan, RunLedger &ledger, RunState &state,
                    Notice notice);

    // Resumes the interrupted run or starts a new one: state.runId is set after it.
    Result<void> startOrResume();
    Result<RetryKeys> keysToRetry();
    Result<QString> watermark(const QString &table);

private:
    bool continues(const RunRecord &old) const;
    QStringList insertedBy(const RunRecord &old) const;
    Result<void> resume(const RunRecord &old, const QString &version);
    Result<void> abandon(const RunRecord &old);
    Result<void> startNew(const QString &version);
    void inheritLoadOptions(const RunRecord &interrupted);
    bool watermarkCovers(const RunRecord &earlier) const;

    const Project &m_project;
    RunOptions &m_options;
    const QList<RunPlanner::Table> &m_plan;
    RunLedger &m_ledger;
    RunState &m_state;
    Notice m_notice;
};

} // namespace cutover
