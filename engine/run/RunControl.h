#pragma once

#include "run/ledger/RunStatus.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <atomic>

namespace cutover {

// Pause, resume and stop for a run, shared by its stages and safe to call from any thread (the
// GUI's, a signal handler's thread). Stages call waitAtBoundary() between batches: it blocks
// while the run is paused and returns false once the run is stopped, so a run always stops at a
// batch boundary. The first stop wins: its status and reason are what the run record says.
class RunControl
{
public:
    void pause();
    void resume();
    // Stops the run: cancel() by the user (status cancelled, resumable), stop() for anything
    // else (a threshold: failed; a lost connection: interrupted).
    void cancel(const QString &reason = {});
    void stop(RunStatus status, const QString &reason);

    bool isPaused() const { return m_paused.load(); }
    bool isStopped() const { return m_stopped.load(); }
    RunStatus stopStatus() const;
    QString stopReason() const;

    // Blocks while paused; false when the run is stopped.
    bool waitAtBoundary();

private:
    mutable QMutex m_mutex;
    QWaitCondition m_resumed;
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stopped{false};
    RunStatus m_status = RunStatus::Running;
    QString m_reason;
};

} // namespace cutover
