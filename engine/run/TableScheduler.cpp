#include "run/TableScheduler.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <algorithm>
#include <memory>
#include <vector>

namespace cutover {

namespace {

// The jobs whose work returned, handed from their threads to run()'s.
class Finished
{
public:
    void add(qsizetype job)
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.append(job);
        m_condition.wakeAll();
    }
    QList<qsizetype> takeOrWait()
    {
        QMutexLocker lock(&m_mutex);
        while (m_jobs.isEmpty())
            m_condition.wait(&m_mutex);
        return std::exchange(m_jobs, {});
    }

private:
    QMutex m_mutex;
    QWaitCondition m_condition;
    QList<qsizetype> m_jobs;
};

} // namespace

TableScheduler::TableScheduler(QList<Job> jobs, int parallel)
    : m_jobs(std::move(jobs))
    , m_parallel(qMax(1, parallel))
{
    for (const Job &job : std::as_const(m_jobs))
        m_states.append(job.done ? State::Succeeded : State::Waiting);
}

bool TableScheduler::ready(qsizetype job) const
{
    if (m_states.at(job) != State::Waiting)
        return false;
    const QStringList &parents = m_jobs.at(job).dependsOn;
    return std::all_of(parents.cbegin(), parents.cend(), [&](const QString &parent) {
        for (qsizetype i = 0; i < m_jobs.size(); ++i)
            if (m_jobs.at(i).name == parent)
                return m_states.at(i) == State::Succeeded;
        return true; // not among the jobs: nothing to wait for
    });
}

qsizetype TableScheduler::running() const
{
    return std::count(m_states.cbegin(), m_states.cend(), State::Running);
}

void TableScheduler::run(const Steps &steps)
{
    Finished finished;
    std::vector<std::unique_ptr<QThread>> threads(m_jobs.size());
    for (;;) {
        for (qsizetype job = 0; job < m_jobs.size() && !steps.stopped(); ++job) {
            if (running() >= m_parallel || !ready(job))
                continue;
            if (!steps.begin(job)) {
                m_states[job] = State::Failed;
                continue;
            }
            m_states[job] = State::Running;
            threads[job].reset(QThread::create([&steps, &finished, job] {
                steps.work(job);
                finished.add(job);
            }));
            threads[job]->setObjectName(m_jobs.at(job).name);
            threads[job]->start();
        }
        if (running() == 0)
            return; // nothing runs, so nothing can become ready any more
        for (qsizetype job : finished.takeOrWait()) {
            threads[job]->wait();
            threads[job].reset();
            m_states[job] = steps.end(job) ? State::Succeeded : State::Failed;
        }
    }
}

QStringList TableScheduler::neverStarted() const
{
    QStringList names;
    for (qsizetype i = 0; i < m_jobs.size(); ++i)
        if (m_states.at(i) == State::Waiting)
            names.append(m_jobs.at(i).name);
    return names;
}

} // namespace cutover
