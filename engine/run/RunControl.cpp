#include "run/RunControl.h"

namespace cutover {

void RunControl::pause()
{
    QMutexLocker lock(&m_mutex);
    m_paused = true;
}

void RunControl::resume()
{
    QMutexLocker lock(&m_mutex);
    m_paused = false;
    m_resumed.wakeAll();
}

void RunControl::cancel(const QString &reason)
{
    stop(RunStatus::Cancelled,
         reason.isEmpty() ? QStringLiteral("cancelled; run again to resume from the last batch")
                          : reason);
}

void RunControl::stop(RunStatus status, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    if (!m_stopped) {
        m_status = status;
        m_reason = reason;
        m_stopped = true;
    }
    m_resumed.wakeAll();
}

RunStatus RunControl::stopStatus() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

QString RunControl::stopReason() const
{
    QMutexLocker lock(&m_mutex);
    return m_reason;
}

bool RunControl::waitAtBoundary()
{
    QMutexLocker lock(&m_mutex);
    while (m_paused && !m_stopped)
        m_resumed.wait(&m_mutex);
    return !m_stopped;
}

} // namespace cutover
