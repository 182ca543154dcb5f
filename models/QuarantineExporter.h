#pragma once

#include "project/Project.h"
#include "run/ledger/QuarantineFilter.h"

#include <QFuture>
#include <QObject>
#include <atomic>
#include <memory>

namespace cutover {

class PasswordProvider;

// Writes a project's quarantined rows to a file on a worker thread, as `cutover-cli quarantine
// --export` does (RunHistory::exportQuarantine: CSV, or JSON for a .json file, streamed a
// chunk at a time, the file written whole or not at all), so a million rows never hold up the
// window. Progress comes as queued signals, at most about ten a second; cancel() stops it at
// the next chunk. Destroying the exporter cancels a running export and waits for it.
class QuarantineExporter : public QObject
{
    Q_OBJECT

public:
    explicit QuarantineExporter(QObject *parent = nullptr);
    ~QuarantineExporter() override;

    void setPasswordProvider(const PasswordProvider *passwords) { m_passwords = passwords; }
    // Starts the export; false (and nothing started) while another is running.
    bool start(const Project &project, const QuarantineFilter &filter, const QString &file);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(qint64 written, qint64 total);
    void finished(const QString &file, qint64 rows);
    void failed(const QString &file, const QString &message);

private:
    struct Outcome
    {
        qint64 rows = 0;
        QString error;
    };
    void report(qint64 written, qint64 total);
    void done(const QString &file, const Outcome &outcome);

    const PasswordProvider *m_passwords = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFuture<Outcome> m_future;
    bool m_running = false;
};

} // namespace cutover
