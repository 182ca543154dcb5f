#include "RunbookView.h"

#include "AdvisorDialog.h"
#include "AuditTrailView.h"
#include "PresentationWindow.h"
#include "ProjectDocument.h"
#include "RunbookChecklist.h"
#include "RunbookExportActions.h"
#include "RunbookHeader.h"
#include "RunbookSession.h"
#include "RunbookStepPanel.h"
#include "RunbookTimeline.h"
#include "SignOffDialog.h"
#include "run/RunProgress.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbookText.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

namespace {

QToolButton *toolButton(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

RunbookView::RunbookView(ProjectDocument &document, RunbookSession &session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_session(session)
    , m_header(new RunbookHeader(this))
    , m_checklist(new RunbookChecklist(document, this))
    , m_panel(new RunbookStepPanel(this))
    , m_timeline(new RunbookTimeline(this))
    , m_exports(new RunbookExportActions(
          [this]() -> const RunbookDocument * {
              return m_session.document() ? &*m_session.document() : nullptr;
          },
          this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("runbookView"));
    m_message->setObjectName(QStringLiteral("runbookMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_split->addWidget(m_checklist);
    m_split->addWidget(m_panel);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_timeline->setObjectName(QStringLiteral("runbookTimeline"));
    m_timelineScroll = new QScrollArea(this);
    m_timelineScroll->setWidget(m_timeline);
    m_timelineScroll->setWidgetResizable(true);
    auto *rows = new QSplitter(Qt::Vertical, this);
    rows->setObjectName(QStringLiteral("runbookRows"));
    rows->addWidget(m_split);
    rows->addWidget(m_timelineScroll);
    rows->setStretchFactor(0, 1);
    rows->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(createToolBar());
    layout->addWidget(rows, 1);
    connectSession();
    connectPanel();
    connect(m_checklist, &RunbookChecklist::currentStepChanged, this, &RunbookView::showStep);
    connect(m_timeline, &RunbookTimeline::stepClicked, this, &RunbookView::selectStep);
    connect(m_timeline, &RunbookTimeline::stepActivated, m_checklist, &RunbookChecklist::editStep);
    showDocument();
}

QWidget *RunbookView::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *advisor = toolButton(tr("Strategy advisor…"), "runbookAdvisor", bar);
    auto *present = toolButton(tr("▶ Present"), "runbookPresent", bar);
    present->setToolTip(tr("Presentation mode for the cutover meeting (F5)"));
    auto *exports = toolButton(tr("Status update and export"), "runbookExports", bar);
    exports->setMenu(m_exports->menu());
    exports->setPopupMode(QToolButton::InstantPopup);
    auto *trail = toolButton(tr("Audit trail…"), "runbookAuditTrail", bar);
    connect(advisor, &QToolButton::clicked, this, &RunbookView::openAdvisor);
    connect(present, &QToolButton::clicked, this, [this] { this->present(currentStep()); });
    connect(trail, &QToolButton::clicked, this, &RunbookView::openAuditTrail);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(6, 0, 6, 0);
    for (QToolButton *b : {advisor, present, exports, trail})
        layout->addWidget(b);
    layout->addWidget(m_message, 1);
    connect(m_exports, &RunbookExportActions::copied, this, [this](const QString &what) {
        say(tr("Copied %1 to the clipboard").arg(what), false);
    });
    connect(m_exports, &RunbookExportActions::exported, this,
            [this](const QString &file) { say(tr("Exported %1").arg(file), false); });
    connect(m_exports, &RunbookExportActions::exportFailed, this,
            [this](const Error &error) { say(error.toString(), true); });
    return bar;
}

void RunbookView::connectSession()
{
    connect(&m_session, &RunbookSession::documentChanged, this, &RunbookView::showDocument);
    connect(&m_session, &RunbookSession::changed, this,
            [this](const QString &what) { say(what, false); });
    connect(&m_session, &RunbookSession::refused, this,
            [this](const QString &message) { say(message, true); });
    connect(m_header, &RunbookHeader::startRequested, &m_session, &RunbookSession::startExecution);
    connect(m_header, &RunbookHeader::endRequested, &m_session, &RunbookSession::endExecution);
}

void RunbookView::connectPanel()
{
    connect(m_panel, &RunbookStepPanel::startRequested, this,
            [this](const QString &id) { m_session.startStep(id); });
    connect(m_panel, &RunbookStepPanel::finishRequested, this,
            [this](const QString &id, StepStatus status) { m_session.finishStep(id, status); });
    connect(m_panel, &RunbookStepPanel::runRequested, this, &RunbookView::runStep);
    connect(m_panel, &RunbookStepPanel::noteRequested, this, &RunbookView::addNote);
    connect(m_panel, &RunbookStepPanel::signOffRequested, this, &RunbookView::signOff);
    connect(m_panel, &RunbookStepPanel::openRunRequested, this, &RunbookView::openRunRequested);
    connect(m_panel, &RunbookStepPanel::openReportRequested, this,
            &RunbookView::openReportRequested);
}

void RunbookView::showDocument()
{
    const auto &document = m_session.document();
    const RunbookDocument *shown = document ? &*document : nullptr;
    m_header->setDocument(shown);
    m_checklist->setDocument(shown);
    if (shown)
        m_timeline->setDocument(*shown);
    if (!shown && !m_session.readError().isEmpty())
        say(m_session.readError(), true);
    showStep(currentStep());
}

void RunbookView::showStep(const QString &stepId)
{
    const auto &document = m_session.document();
    m_panel->show(document ? &*document : nullptr, stepId);
    m_timeline->setCurrentStep(stepId);
    if (const QRect bar = m_timeline->barRect(stepId); bar.isValid())
        m_timelineScroll->ensureVisible(bar.center().x(), bar.center().y(), 0, bar.height() * 2);
}

void RunbookView::selectStep(const QString &stepId)
{
    m_checklist->selectStep(stepId);
}

QString RunbookView::currentStep() const
{
    return m_checklist->currentStep();
}

void RunbookView::runStep(const QString &stepId)
{
    const RunbookStep *step = m_document.project().runbook.step(stepId);
    if (!step)
        return;
    switch (step->action) {
    case RunbookStep::Action::Run:
    case RunbookStep::Action::DryRun:
    case RunbookStep::Action::IncrementalSync:
        Q_EMIT runStepRequested(stepId, RunbookRunner::runOptions(*step));
        return;
    case RunbookStep::Action::Reconcile:
        Q_EMIT reconcileStepRequested(stepId);
        return;
    case RunbookStep::Action::Backup:
    case RunbookStep::Action::Rollback:
        say(tr("Running step %1…").arg(stepId), false);
        m_session.runInBackground(stepId);
        return;
    case RunbookStep::Action::Manual:
        return;
    }
}

void RunbookView::openAdvisor()
{
    AdvisorDialog dialog(m_document, m_session.passwords(), this);
    dialog.resize(1280, 800);
    connect(&dialog, &AdvisorDialog::runbookGenerated, this, [this](const QString &strategy) {
        say(tr("Generated the %1 runbook (Edit > Undo takes it back)").arg(strategy), false);
    });
    dialog.exec();
}

void RunbookView::openAuditTrail()
{
    if (!m_trail) {
        m_trail = new AuditTrailView(this);
        m_trail->setWindowFlag(Qt::Window);
        m_trail->setWindowTitle(tr("Audit trail"));
        m_trail->resize(1400, 700);
        connect(&m_document, &ProjectDocument::filePathChanged, m_trail,
                &AuditTrailView::setProjectPath);
    }
    m_trail->setProjectPath(m_document.filePath());
    m_trail->show();
    m_trail->raise();
    m_trail->activateWindow();
}

void RunbookView::addNote(const QString &stepId)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Add a note"), tr("Note on step %1, kept in the audit trail:").arg(stepId), {},
        &ok);
    if (ok && !text.trimmed().isEmpty())
        m_session.addNote(stepId, text.trimmed());
}

void RunbookView::signOff(const QString &stepId)
{
    const auto &document = m_session.document();
    if (!document)
        return;
    if (const auto signoff = SignOffDialog::ask(this, *document, stepId))
        m_session.signOff(stepId, *signoff);
}

void RunbookView::present(const QString &stepId)
{
    if (!m_presentation) {
        m_presentation = new PresentationWindow(m_session, this);
        connect(m_presentation, &PresentationWindow::currentStepChanged, this,
                &RunbookView::selectStep);
    }
    m_presentation->present(stepId, window());
}

// "Run 1a2b3c4d: 12,345 of 50,000 rows, 12 quarantined".
void RunbookView::showRunProgress(const RunProgress &progress)
{
    if (!m_presentation)
        return;
    const qint64 done = progress.written() + progress.quarantined();
    const qint64 expected = progress.expected();
    const QString rows =
        expected > 0
            ? tr("%1 of %2 rows").arg(RunbookText::count(done), RunbookText::count(expected))
            : tr("%1 rows").arg(RunbookText::count(done));
    m_presentation->setRunProgress(
        tr("Run %1: %2, %3 quarantined")
            .arg(progress.runId.left(8), rows, RunbookText::count(progress.quarantined())),
        expected > 0 ? double(done) / double(expected) : -1);
}

void RunbookView::clearRunProgress()
{
    if (m_presentation)
        m_presentation->clearRunProgress();
}

void RunbookView::say(const QString &text, bool problem)
{
    m_message->setText(QStringLiteral("%1  %2 %3")
                           .arg(QTime::currentTime().toString(QStringLiteral("HH:mm")),
                                problem ? QStringLiteral("✕") : QStringLiteral("✓"), text));
    m_message->setStyleSheet(problem ? QStringLiteral("color:#9b1c1c;") : QString());
    m_message->setToolTip(text);
}

} // namespace cutover
