#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace cutover {

// Runs a run's table jobs on threads of their own: at most `parallel` at once, each once every
// job it depends on succeeded, never one whose parent failed. run() blocks until no job can start
// any more and the started ones finished; once stopped() says so, it starts no more. Knows
// nothing of tables or databases: the steps say what a job does.
class TableScheduler
{
public:
    struct Job
    {
        QString name; // the job's thread is named after it
        QStringList dependsOn;
        bool done = false; // counts as succeeded without running (resumed, nothing to retry)
    };
    struct Steps
    {
        std::function<bool()> stopped;
        // On run()'s thread, before the job's thread starts; false: the job does not run.
        std::function<bool(qsizetype job)> begin;
        // On the job's own thread.
        std::function<void(qsizetype job)> work;
        // On run()'s thread once work returned; true: the job succeeded, its children may start.
        std::function<bool(qsizetype job)> end;
    };

    TableScheduler(QList<Job> jobs, int parallel);

    void run(const Steps &steps);
    // Jobs that never ran: their parents failed, or the run stopped first.
    QStringList neverStarted() const;

private:
    enum class State
    {
        Waiting,
        Running,
        Succeeded,
        Failed
    };

    bool ready(qsizetype job) const;
    qsizetype running() const;

    QList<Job> m_jobs;
    QList<State> m_states;
    int m_parallel;
};

} // namespace cutover
