#include "ReportService.h"

#include "reconcile/Reconciler.h"
#include "report/ReportFacts.h"
#include "report/ReportStore.h"
#include "run/ledger/RunHistory.h"
#include "runbook/AuditEvents.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

struct ReportService::Job
{
    explicit Job(Project p)
        : project(std::move(p))
    {}
    const Project project;
    std::unique_ptr<Reconciler> reconciler; // a reconciliation's, for cancel()
};

ReportService::ReportService(QObject *parent)
    : QObject(parent)
{}

ReportService::~ReportService()
{
    // a reconciliation still running stops at its next check; its watcher, and so its result,
    // goes with this object; nothing is signalled from here
    if (m_running && m_running->reconciler)
        m_running->reconciler->cancel();
}

quint64 ReportService::load(const Project &project, const QString &reportId)
{
    const quint64 generation = ++m_generation;
    const PasswordProvider *passwords = m_passwords;
    start(
        generation, std::make_shared<Job>(project),
        [passwords, reportId](Job &job, const auto &) {
            Outcome outcome;
            if (auto loaded = readStored(job.project, passwords, reportId); loaded)
                outcome.loaded = std::move(*loaded);
            else
                outcome.error = loaded.error();
            return outcome;
        },
        false);
    return generation;
}

quint64 ReportService::reconcile(const Project &project, const ReconcileOptions &options)
{
    const quint64 generation = ++m_generation;
    const PasswordProvider *passwords = m_passwords;
    const QString auditProject = m_auditProject;
    auto job = std::make_shared<Job>(project);
    job->reconciler = std::make_unique<Reconciler>(job->project, passwords);
    start(
        generation, job,
        [passwords, options, auditProject](Job &job, const auto &progress) {
            job.reconciler->setProgress([&progress](const Reconciler::Progress &p) {
                progress(progressText(p.table, p.stage, p.rows, p.tablesDone, p.tablesTotal));
            });
            Outcome outcome;
            auto report = job.reconciler->run(options);
            if (!report) {
                outcome.error = report.error();
                return outcome;
            }
            recordInTrail(auditProject, *report);
            auto loaded =
                storeAndCompare(job.project, passwords, std::move(*report), options.store);
            if (loaded)
                outcome.loaded = std::move(*loaded);
            else
                outcome.error = loaded.error();
            return outcome;
        },
        false);
    return generation;
}

quint64 ReportService::loadEarlier(const Project &project, const QString &reportId)
{
    const quint64 generation = ++m_earlierGeneration;
    const PasswordProvider *passwords = m_passwords;
    start(
        generation, std::make_shared<Job>(project),
        [passwords, reportId](Job &job, const auto &) {
            Outcome outcome;
            RunHistory history(job.project, passwords);
            if (auto opened = history.open(); !opened) {
                outcome.error = opened.error();
                return outcome;
            }
            auto report = ReportStore(history.session()).load(reportId, job.project.name);
            if (report)
                outcome.loaded = Loaded{std::move(*report), std::nullopt, {}, {}};
            else
                outcome.error = report.error();
            return outcome;
        },
        true);
    return generation;
}

void ReportService::cancel()
{
    ++m_generation;
    ++m_earlierGeneration;
    if (m_running && m_running->reconciler)
        m_running->reconciler->cancel();
    m_running.reset();
    setBusy(false);
}

void ReportService::start(quint64 generation, std::shared_ptr<Job> job, Work work, bool earlier)
{
    if (!earlier) {
        if (m_running && m_running->reconciler)
            m_running->reconciler->cancel(); // stale now
        m_running = job;
        setBusy(true);
    }
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
            [this, generation, earlier](const QString &text) {
                if (!earlier && generation == m_generation)
                    Q_EMIT progressed(text);
            });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, earlier] {
        watcher->deleteLater();
        finish(generation, watcher->result(), earlier);
    });
    watcher->setFuture(QtConcurrent::run([job, work = std::move(work)](QPromise<Outcome> &promise) {
        int step = 0;
        const std::function<void(const QString &)> progress = [&promise,
                                                               &step](const QString &text) {
            promise.setProgressValueAndText(++step, text);
        };
        promise.addResult(work(*job, progress));
    }));
}

void ReportService::finish(quint64 generation, const Outcome &outcome, bool earlier)
{
    if (generation != (earlier ? m_earlierGeneration : m_generation))
        return; // stale: a newer request was made, or it was cancelled
    if (!earlier) {
        m_running.reset();
        setBusy(false);
    }
    if (!outcome.loaded)
        Q_EMIT failed(outcome.error);
    else if (earlier)
        Q_EMIT earlierReady(outcome.loaded->report);
    else
        Q_EMIT reportReady(*outcome.loaded);
}

void ReportService::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

Result<ReportService::Loaded> ReportService::readStored(const Project &project,
                                                        const PasswordProvider *passwords,
                                                        const QString &reportId)
{
    auto spec = RunHistory::targetSpec(project);
    if (!spec)
        return spec.error();
    if (!spec->isServer() && !QFileInfo::exists(spec->path()))
        return Error(Error::Code::Connection,
                     QStringLiteral("the target database does not exist yet"), spec->path(),
                     QStringLiteral("run the migration, then reconcile it"));
    RunHistory history(project, passwords);
    if (auto opened = history.open(); !opened)
        return opened.error();
    ReportStore store(history.session());
    auto stored = store.list(project.name);
    if (!stored)
        return stored.error();
    if (reportId.isEmpty() && stored->isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no reconciliation report stored yet"),
                     project.name, QStringLiteral("reconcile the target first"));
    auto report =
        store.load(reportId.isEmpty() ? stored->first().reportId : reportId, project.name);
    if (!report)
        return report.error();
    auto previous = store.previous(project.name, report->reportId);
    if (!previous)
        return previous.error();
    return Loaded{std::move(*report), std::move(*previous), std::move(*stored), {}};
}

Result<ReportService::Loaded> ReportService::storeAndCompare(const Project &project,
                                                             const PasswordProvider *passwords,
                                                             ReconcileReport report, bool store)
{
    Loaded loaded;
    loaded.report = std::move(report);
    RunHistory history(project, passwords);
    if (auto opened = history.open(); !opened) {
        loaded.notice = QStringLiteral("report not stored: %1").arg(opened.error().toString());
        return loaded;
    }
    ReportStore reports(history.session());
    if (store)
        if (auto saved = reports.save(loaded.report); !saved)
            loaded.notice = QStringLiteral("report not stored: %1").arg(saved.error().toString());
    if (auto previous = reports.previous(project.name, loaded.report.reportId); previous)
        loaded.previous = std::move(*previous);
    else
        loaded.notice =
            QStringLiteral("cannot read the previous report: %1").arg(previous.error().toString());
    if (auto stored = reports.list(project.name); stored)
        loaded.stored = std::move(*stored);
    return loaded;
}

void ReportService::recordInTrail(const QString &projectPath, const ReconcileReport &report)
{
    if (projectPath.isEmpty())
        return;
    if (auto logged = AuditEvents::reconciled(AuditTrail::forProject(projectPath), report); !logged)
        qWarning("not recorded in the audit trail: %s", qPrintable(logged.error().toString()));
}

QString ReportService::progressText(const QString &table, const QString &stage, qint64 rows,
                                    int tablesDone, int tablesTotal)
{
    QString text = table.isEmpty() ? tr("Reconciling") : tr("Reconciling %1").arg(table);
    if (!stage.isEmpty())
        text += QStringLiteral(": ") + stage;
    if (rows > 0)
        text += tr(", %1 rows").arg(ReportFacts::count(rows));
    if (tablesTotal > 0)
        text += tr(" (table %1 of %2)").arg(qMin(tablesDone + 1, tablesTotal)).arg(tablesTotal);
    return text;
}

} // namespace cutover
