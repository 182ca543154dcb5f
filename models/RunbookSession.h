#pragma once

#include "core/Error.h"
#include "runbook/RunbookDocument.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbookService.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <optional>

namespace cutover {

class PasswordProvider;
class ProjectDocument;
struct ReconcileReport;
struct RunRecord;

// The runbook as the window shows it and changes it. Its RunbookDocument (the plan as the project
// document holds it, the state from the audit trail, the gate facts from the target) is read on
// a pool thread whenever the plan changes, the trail changes (the CLI or another window appended
// to it), a run or report may have changed the gates' facts, or a minute has passed (forecasts
// move with the clock); a newer read makes an older one stale and its result is dropped.
//
// Changes (start an execution, start or finish a step, note, sign off, evidence) go through
// RunbookService on the same pool, one at a time and in order, so a read queued after a change
// sees it. A refusal comes back as refused() with the service's reasons in words. The runbook's
// state lives in the audit trail, not in the project file, so changes need a saved project.
class RunbookSession : public QObject
{
    Q_OBJECT

public:
    RunbookSession(ProjectDocument &document, const PasswordProvider *passwords,
                   QObject *parent = nullptr);
    ~RunbookSession() override;

    // The newest document read; nullopt before the first read ends or while none can be made.
    const std::optional<RunbookDocument> &document() const { return m_document; }
    // Why no document could be read (a plan whose steps wait for each other in a cycle).
    const QString &readError() const { return m_readError; }
    QString projectPath() const;
    const PasswordProvider *passwords() const { return m_passwords; }
    // A change is under way.
    bool isBusy() const { return m_pendingChanges > 0; }

    // Reads the document again (coalesced: many calls in a row read once).
    void refresh();

    void startExecution(RunbookExecution::Mode mode);
    void endExecution();
    void startStep(const QString &id, const StepChange &change = {});
    void finishStep(const QString &id, StepStatus status, const StepChange &change = {});
    void addNote(const QString &id, const QString &text);
    void signOff(const QString &id, const SignOff &signoff);
    void addEvidence(const QString &id, const Evidence &evidence);
    // An automated step's engine work done by the window (its run monitor or report viewer): the
    // run or report becomes the step's evidence and the step is done or failed by its result.
    void recordRun(const QString &id, const RunRecord &run);
    void recordReport(const QString &id, const ReconcileReport &report);
    // Carries out a step whose action has no view of its own (backup, rollback) with the engine's
    // RunbookRunner on the pool.
    void runInBackground(const QString &id);

    // How often the document is read again while nothing else happens.
    static constexpr int kClockRefreshMs = 60'000;

Q_SIGNALS:
    void documentChanged();
    // A change was made: what was done, in words ("Step backup-target started").
    void changed(const QString &what);
    // A change was refused or failed: the reasons in words.
    void refused(const QString &message);
    void busyChanged(bool busy);

private:
    using Change = std::function<Result<QString>(RunbookService &)>;
    using RunnerWork =
        std::function<Result<RunbookRunner::Outcome>(RunbookRunner &, const RunbookStep &)>;
    struct Read
    {
        std::optional<RunbookDocument> document;
        QString error;
    };

    void apply(Change change);
    void applyRunner(const QString &id, RunnerWork work);
    void changeDone(const Result<QString> &result);
    void startRead();
    void readDone(quint64 generation, const Read &read);
    void watchTrail();

    ProjectDocument &m_project;
    const PasswordProvider *m_passwords;
    QThreadPool m_pool; // one thread: changes and reads in the order asked
    std::optional<RunbookDocument> m_document;
    QString m_readError;
    quint64 m_generation = 0;
    int m_pendingChanges = 0;
    QTimer m_readSoon;
    QTimer m_clock;
    QFileSystemWatcher m_trailWatcher;
};

} // namespace cutover
