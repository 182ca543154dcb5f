#include "QuarantineExporter.h"

#include "run/ledger/RunHistory.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

QuarantineExporter::QuarantineExporter(QObject *parent)
    : QObject(parent)
{}

QuarantineExporter::~QuarantineExporter()
{
    cancel();
    m_future.waitForFinished();
}

void QuarantineExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool QuarantineExporter::start(const Project &project, const QuarantineFilter &filter,
                               const QString &file)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancelled = m_cancel;
    const PasswordProvider *passwords = m_passwords;
    // the destructor waits for the job, so `this` outlives it; queued calls die with it
    m_future = QtConcurrent::run([this, project, filter, file, passwords, cancelled] {
        QElapsedTimer sinceReport;
        sinceReport.start();
        auto progress = [&](qint64 written, qint64 total) {
            if (sinceReport.elapsed() >= 100) {
                sinceReport.restart();
                QMetaObject::invokeMethod(
                    this, [this, written, total] { report(written, total); }, Qt::QueuedConnection);
            }
            return !cancelled->load();
        };
        Outcome outcome;
        RunHistory history(project, passwords);
        auto rows = history.exportQuarantine(filter, file, progress);
        if (rows)
            outcome.rows = *rows;
        else
            outcome.error = rows.error().toString();
        return outcome;
    });
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        done(file, watcher->result());
    });
    watcher->setFuture(m_future);
    return true;
}

void QuarantineExporter::report(qint64 written, qint64 total)
{
    if (m_running)
        Q_EMIT progressed(written, total);
}

void QuarantineExporter::done(const QString &file, const Outcome &outcome)
{
    m_running = false;
    if (outcome.error.isEmpty())
        Q_EMIT finished(file, outcome.rows);
    else
        Q_EMIT failed(file, outcome.error);
}

} // namespace cutover
