#include "run/RunController.h"

#include "run/RunControl.h"
#include "run/RunEngine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QThread>

namespace cutover {

RunController::RunController(const PasswordProvider *passwords, QObject *parent)
    : QObject(parent)
    , m_passwords(passwords)
{
    qRegisterMetaType<cutover::RunProgress>();
    qRegisterMetaType<cutover::RunRecord>();
    qRegisterMetaType<cutover::Error>("cutover::Error");
    m_timer.setInterval(kProgressIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RunController::sample);
}

RunController::~RunController()
{
    if (m_control)
        m_control->cancel();
    if (m_thread)
        m_thread->wait();
}

bool RunController::start(const Project &project, const RunOptions &options)
{
    if (m_thread)
        return false;
    m_control = std::make_unique<RunControl>();
    m_engine = std::make_unique<RunEngine>(project, options, m_passwords);
    m_engine->setNotice([this](const QString &message) {
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT notice(message); }, Qt::QueuedConnection);
    });
    m_result.reset();
    m_thread.reset(QThread::create(
        [this] { m_result = std::make_unique<Result<RunRecord>>(m_engine->run(*m_control)); }));
    connect(m_thread.get(), &QThread::finished, this, &RunController::done, Qt::QueuedConnection);
    m_thread->start();
    m_timer.start();
    return true;
}

bool RunController::isPaused() const
{
    return m_control && m_control->isPaused();
}

void RunController::pause()
{
    if (m_control)
        m_control->pause();
}

void RunController::resume()
{
    if (m_control)
        m_control->resume();
}

void RunController::cancel()
{
    if (m_control)
        m_control->cancel();
}

void RunController::sample()
{
    if (!m_engine)
        return;
    RunProgress p = m_engine->progress();
    p.paused = isPaused();
    Q_EMIT progress(p);
}

void RunController::done()
{
    if (!m_thread)
        return;
    m_timer.stop();
    m_thread->wait();
    sample();
    m_thread.reset();
    const std::unique_ptr<Result<RunRecord>> result = std::move(m_result);
    m_engine.reset();
    m_control.reset();
    if (result && *result)
        Q_EMIT finished(**result);
    else
        Q_EMIT failed(result ? result->error()
                             : Error(Error::Code::Internal,
                                     QStringLiteral("the run ended without a result")));
}

bool RunController::waitForFinished(int msecs)
{
    QDeadlineTimer deadline(msecs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(msecs));
    while (m_thread) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

} // namespace cutover
