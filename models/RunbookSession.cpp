#include "RunbookSession.h"

#include "ProjectDocument.h"
#include "audit/AuditTrail.h"
#include "reconcile/ReconcileReport.h"
#include "run/RunControl.h"
#include "run/ledger/RunRecord.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbookStateVocabulary.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

namespace {

// Reads close together (a change, then the trail's file notice, then the document's signal)
// are read once.
constexpr int kReadDelayMs = 50;

Result<QString> said(const Result<void> &result, const QString &what)
{
    if (!result)
        return result.error();
    return what;
}

} // namespace

RunbookSession::RunbookSession(ProjectDocument &document, const PasswordProvider *passwords,
                               QObject *parent)
    : QObject(parent)
    , m_project(document)
    , m_passwords(passwords)
{
    m_pool.setMaxThreadCount(1);
    m_readSoon.setSingleShot(true);
    m_readSoon.setInterval(kReadDelayMs);
    connect(&m_readSoon, &QTimer::timeout, this, &RunbookSession::startRead);
    m_clock.setInterval(kClockRefreshMs);
    connect(&m_clock, &QTimer::timeout, this, &RunbookSession::refresh);
    m_clock.start();
    connect(&m_trailWatcher, &QFileSystemWatcher::fileChanged, this, [this] {
        watchTrail(); // a file replaced (not appended to) drops out of the watch
        refresh();
    });
    connect(&m_trailWatcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchTrail();
        refresh();
    });
    auto projectChanged = [this] {
        watchTrail();
        refresh();
    };
    connect(&document, &ProjectDocument::projectReplaced, this, projectChanged);
    connect(&document, &ProjectDocument::filePathChanged, this, projectChanged);
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Runbook || part == ProjectDocument::Part::Connections)
            refresh();
    });
    projectChanged();
}

RunbookSession::~RunbookSession()
{
    ++m_generation;
    m_pool.waitForDone();
}

QString RunbookSession::projectPath() const
{
    return m_project.filePath();
}

void RunbookSession::refresh()
{
    m_readSoon.start();
}

// The trail's file, once it exists, and the project's folder until then (the first append
// creates the file).
void RunbookSession::watchTrail()
{
    const QStringList watched = m_trailWatcher.files() + m_trailWatcher.directories();
    if (!watched.isEmpty())
        m_trailWatcher.removePaths(watched);
    if (projectPath().isEmpty())
        return;
    const QString trail = AuditTrail::forProject(projectPath()).path();
    if (QFileInfo::exists(trail))
        m_trailWatcher.addPath(trail);
    else
        m_trailWatcher.addPath(QFileInfo(trail).absolutePath());
}

void RunbookSession::startRead()
{
    const quint64 generation = ++m_generation;
    const Project project = m_project.project();
    const QString path = projectPath();
    const PasswordProvider *passwords = m_passwords;
    auto *watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        readDone(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [project, path, passwords] {
        Read read;
        auto document =
            RunbookDocument::read(project, path, passwords, QDateTime::currentDateTimeUtc());
        if (document)
            read.document = std::move(*document);
        else
            read.error = document.error().toString();
        return read;
    }));
}

void RunbookSession::readDone(quint64 generation, const Read &read)
{
    if (generation != m_generation)
        return;
    m_document = read.document;
    m_readError = read.error;
    Q_EMIT documentChanged();
}

void RunbookSession::apply(Change change)
{
    const QString path = projectPath();
    if (path.isEmpty()) {
        Q_EMIT refused(tr("Save the project first: the runbook's progress is kept in the audit "
                          "trail beside the project file."));
        return;
    }
    if (m_pendingChanges++ == 0)
        Q_EMIT busyChanged(true);
    const Project project = m_project.project();
    const PasswordProvider *passwords = m_passwords;
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        changeDone(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [project, path, passwords, change = std::move(change)] {
            RunbookService service(project, path, passwords);
            return change(service);
        }));
}

void RunbookSession::changeDone(const Result<QString> &result)
{
    if (--m_pendingChanges == 0)
        Q_EMIT busyChanged(false);
    if (result)
        Q_EMIT changed(*result);
    else
        Q_EMIT refused(result.error().message());
    watchTrail(); // the first change creates the trail's file
    refresh();
}

void RunbookSession::startExecution(RunbookExecution::Mode mode)
{
    apply([mode](RunbookService &service) -> Result<QString> {
        const auto started = service.start(mode);
        if (!started)
            return started.error();
        return mode == RunbookExecution::Mode::Live ? tr("The live cutover started")
                                                    : tr("A rehearsal started");
    });
}

void RunbookSession::endExecution()
{
    apply([](RunbookService &service) { return said(service.end(), tr("The execution ended")); });
}

void RunbookSession::startStep(const QString &id, const StepChange &change)
{
    apply([id, change](RunbookService &service) {
        return said(service.startStep(id, change), tr("Step %1 started").arg(id));
    });
}

void RunbookSession::finishStep(const QString &id, StepStatus status, const StepChange &change)
{
    apply([id, status, change](RunbookService &service) {
        return said(
            service.finishStep(id, status, change),
            tr("Step %1: %2").arg(id, RunbookStateVocabulary::statusTitle(status).toLower()));
    });
}

void RunbookSession::addNote(const QString &id, const QString &text)
{
    apply([id, text](RunbookService &service) {
        return said(service.note(id, text), tr("Note added to step %1").arg(id));
    });
}

void RunbookSession::signOff(const QString &id, const SignOff &signoff)
{
    apply([id, signoff](RunbookService &service) {
        return said(service.signOff(id, signoff),
                    tr("%1 signed off step %2: %3")
                        .arg(signoff.name, id,
                             RunbookStateVocabulary::decisionTitle(signoff.decision).toLower()));
    });
}

void RunbookSession::addEvidence(const QString &id, const Evidence &evidence)
{
    apply([id, evidence](RunbookService &service) {
        return said(service.addEvidence(id, evidence), tr("Evidence added to step %1").arg(id));
    });
}

void RunbookSession::recordRun(const QString &id, const RunRecord &run)
{
    applyRunner(id, [run](RunbookRunner &runner, const RunbookStep &step) {
        return runner.recordRun(step, run);
    });
}

void RunbookSession::recordReport(const QString &id, const ReconcileReport &report)
{
    applyRunner(id, [report](RunbookRunner &runner, const RunbookStep &step) {
        return runner.recordReport(step, report);
    });
}

void RunbookSession::runInBackground(const QString &id)
{
    applyRunner(id,
                [id](RunbookRunner &runner, const RunbookStep &) -> Result<RunbookRunner::Outcome> {
                    RunControl control;
                    auto outcome = runner.run(id, control);
                    if (outcome && !outcome->blockers.isEmpty())
                        return Error(Error::Code::Validation,
                                     tr("Step %1 ran but stays in progress: %2")
                                         .arg(id, outcome->blockers.join(QStringLiteral("; "))));
                    return outcome;
                });
}

// The step's RunbookRunner work on the pool, its outcome said in words: "Step dry-run: done".
void RunbookSession::applyRunner(const QString &id, RunnerWork work)
{
    const QString path = projectPath();
    const PasswordProvider *passwords = m_passwords;
    apply(
        [id, path, passwords, work = std::move(work)](RunbookService &service) -> Result<QString> {
            const auto step = service.step(id);
            if (!step)
                return step.error();
            RunbookRunner runner(service, path, passwords);
            const auto outcome = work(runner, **step);
            if (!outcome)
                return outcome.error();
            return tr("Step %1: %2")
                .arg(id, RunbookStateVocabulary::statusTitle(outcome->status).toLower());
        });
}

} // namespace cutover
