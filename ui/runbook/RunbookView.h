#pragma once

#include "run/RunOptions.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QSplitter;
class QToolButton;

namespace cutover {

class PasswordProvider;
class PresentationWindow;
struct RunProgress;
class ProjectDocument;
class AuditTrailView;
class RunbookChecklist;
class RunbookExportActions;
class RunbookHeader;
class RunbookSession;
class RunbookStepPanel;
class RunbookTimeline;

// The runbook page of the window: the header (plan, execution, RAG, go / no-go), the checklist
// with the plan's edits, the chosen step with its gate, evidence and buttons, and the timeline
// below. Everything it shows comes from the session's document; every change goes to the
// session (the runbook's progress, in the audit trail) or the project document (the plan, on
// the undo stack). Engine work of an automated step that has a view of its own goes out as a
// signal: a run to the run monitor, a reconciliation to the report viewer.
class RunbookView : public QWidget
{
    Q_OBJECT

public:
    RunbookView(ProjectDocument &document, RunbookSession &session, QWidget *parent = nullptr);

    void selectStep(const QString &stepId);
    QString currentStep() const;
    // The strategy advisor, modal; the audit trail in a window of its own.
    void openAdvisor();
    void openAuditTrail();
    // Presentation mode from this step (empty: the step in progress), on a second screen when
    // there is one.
    void present(const QString &stepId = {});
    PresentationWindow *presentation() const { return m_presentation; }
    // The run monitor's run, for presentation mode's header.
    void showRunProgress(const cutover::RunProgress &progress);
    void clearRunProgress();

    RunbookSession &session() const { return m_session; }
    RunbookHeader *header() const { return m_header; }
    RunbookChecklist *checklist() const { return m_checklist; }
    RunbookStepPanel *stepPanel() const { return m_panel; }
    RunbookTimeline *timeline() const { return m_timeline; }
    RunbookExportActions *exports() const { return m_exports; }
    QLabel *messageLine() const { return m_message; }

Q_SIGNALS:
    // A Run, DryRun or IncrementalSync step to run in the run monitor with these options.
    void runStepRequested(const QString &stepId, const cutover::RunOptions &options);
    // A Reconcile step: reconcile in the report viewer.
    void reconcileStepRequested(const QString &stepId);
    void openRunRequested(const QString &runId);
    void openReportRequested(const QString &reportId);

private:
    QWidget *createToolBar();
    void connectSession();
    void connectPanel();
    void showDocument();
    void showStep(const QString &stepId);
    void runStep(const QString &stepId);
    void addNote(const QString &stepId);
    void signOff(const QString &stepId);
    void say(const QString &text, bool problem);

    ProjectDocument &m_document;
    RunbookSession &m_session;
    RunbookHeader *m_header = nullptr;
    RunbookChecklist *m_checklist = nullptr;
    RunbookStepPanel *m_panel = nullptr;
    RunbookTimeline *m_timeline = nullptr;
    RunbookExportActions *m_exports = nullptr;
    QSplitter *m_split = nullptr;
    QScrollArea *m_timelineScroll = nullptr;
    QLabel *m_message = nullptr;
    AuditTrailView *m_trail = nullptr;
    PresentationWindow *m_presentation = nullptr;
};

} // namespace cutover
