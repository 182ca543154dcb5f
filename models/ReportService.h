#pragma once

#include "core/Error.h"
#include "project/Project.h"
#include "reconcile/ReconcileOptions.h"
#include "reconcile/ReconcileReport.h"
#include "report/StoredReport.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace cutover {

class PasswordProvider;

// Reconciliation reports for the window, off the GUI thread (QtConcurrent): a stored report read
// from the target's cutover_reports, or a new reconciliation run by the engine's Reconciler and
// stored with its run there, as `cutover-cli reconcile` does. Either comes with the project's
// previous report, to compare with, and the list of its stored reports. A newer request makes
// an older one stale: its result is dropped (a generation counter), and a reconciliation made
// stale is cancelled. Progress of a reconciliation comes at most 25 times a second.
class ReportService : public QObject
{
    Q_OBJECT

public:
    struct Loaded
    {
        ReconcileReport report;
        std::optional<ReconcileReport> previous; // the project's newest report before it
        QList<StoredReport> stored;              // the project's stored reports, newest first
        QString notice; // what went wrong after the report was made (e.g. not stored)
    };

    explicit ReportService(QObject *parent = nullptr);
    ~ReportService() override;

    // Used from the worker threads; must outlive the service's requests.
    void setPasswordProvider(const PasswordProvider *passwords) { m_passwords = passwords; }

    // Reads the project's stored report whose id is reportId or starts with it (empty: the
    // newest) and the one before it: reportReady or failed. Returns the request's generation.
    quint64 load(const Project &project, const QString &reportId = {});
    // Reconciles the project now: progressed while it works, then reportReady or failed.
    quint64 reconcile(const Project &project, const ReconcileOptions &options = {});
    // Reconciliations are recorded in the audit trail of the project file at projectPath
    // (none while it is empty: a project not saved yet).
    void setAuditProject(const QString &projectPath) { m_auditProject = projectPath; }
    // Reads one stored report to compare the shown one with: earlierReady or failed.
    quint64 loadEarlier(const Project &project, const QString &reportId);
    // Cancels a reconciliation in progress (it fails with Error::Code::Cancelled) and drops any
    // request under way.
    void cancel();
    bool isBusy() const { return m_busy; }

    // The workers' jobs, blocking, on the calling thread.
    static Result<Loaded> readStored(const Project &project, const PasswordProvider *passwords,
                                     const QString &reportId);
    static Result<Loaded> storeAndCompare(const Project &project, const PasswordProvider *passwords,
                                          ReconcileReport report, bool store);
    // "patient: compare, 1,200 rows (table 2 of 5)".
    static QString progressText(const QString &table, const QString &stage, qint64 rows,
                                int tablesDone, int tablesTotal);

Q_SIGNALS:
    void reportReady(const cutover::ReportService::Loaded &loaded);
    void earlierReady(const cutover::ReconcileReport &report);
    void failed(const cutover::Error &error);
    void progressed(const QString &text);
    void busyChanged(bool busy);

private:
    static void recordInTrail(const QString &projectPath, const ReconcileReport &report);
    struct Job;
    struct Outcome
    {
        std::optional<Loaded> loaded;
        Error error;
    };

    using Work = std::function<Outcome(Job &, const std::function<void(const QString &)> &)>;

    // Runs work on the thread pool; the result comes back to finish() on this thread.
    void start(quint64 generation, std::shared_ptr<Job> job, Work work, bool earlier);
    void finish(quint64 generation, const Outcome &outcome, bool earlier);
    void setBusy(bool busy);

    const PasswordProvider *m_passwords = nullptr;
    quint64 m_generation = 0;        // of the report shown
    quint64 m_earlierGeneration = 0; // of the report compared with
    std::shared_ptr<Job> m_running;  // the newest report request, for cancel()
    bool m_busy = false;
    QString m_auditProject;
};

} // namespace cutover
