// The runbook page through real widgets on the real demo: the checklist, every plan edit
// undoable, a rehearsal started with the header's button, a manual step carried out with the
// step panel's buttons, an automated step run in the run monitor with its run as evidence, and
// the go / no-go gate blocked, with its reasons shown live, until a Pass report and both
// sign-offs exist, then passed with the Done button and the decision shown in the header.
#include "ProjectDocument.h"
#include "RunbookSession.h"
#include "RunbookStepsModel.h"
#include "demo/DemoGenerator.h"
#include "project/EditorArea.h"
#include "project/RunbookVocabulary.h"
#include "report/ReportViewer.h"
#include "run/RunMonitor.h"
#include "runbook/RunbookChecklist.h"
#include "runbook/RunbookExportActions.h"
#include "runbook/RunbookHeader.h"
#include "runbook/RunbookStepDialog.h"
#include "runbook/RunbookStepPanel.h"
#include "runbook/RunbookView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace cutover;

namespace {

constexpr int kWait = 60000;

const RunbookDocument::Step *step(RunbookSession &session, const QString &id)
{
    return session.document() ? session.document()->step(id) : nullptr;
}

StepStatus statusOf(RunbookSession &session, const QString &id)
{
    const RunbookDocument::Step *s = step(session, id);
    return s ? s->state.status : StepStatus::Pending;
}

// Does what a modal dialog's user does, once it is shown.
void whenDialogShows(const std::function<void(QDialog &)> &act)
{
    QTimer::singleShot(0, [act] {
        QTRY_VERIFY(qobject_cast<QDialog *>(QApplication::activeModalWidget()));
        act(*qobject_cast<QDialog *>(QApplication::activeModalWidget()));
    });
}

} // namespace

class TestRunbookView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<EditorArea> m_area;

    RunbookView &view() { return *m_area->runbook(); }
    RunbookSession &session() { return *m_area->runbookSession(); }
    const Project &project() { return m_document->project(); }

    void waitForStatus(const QString &id, StepStatus status)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(
            statusOf(session(), id) == status,
            qPrintable(id + QStringLiteral(": ") + view().messageLine()->text()), kWait);
    }

    // A Reconcile step's Run step: the report viewer reconciles, its report is the evidence.
    void reconcileInTheReportViewer(const RunbookStep &reconcile)
    {
        for (const QString &before : reconcile.after)
            waitForStatus(before, StepStatus::Done);
        m_area->showRunbook(reconcile.id);
        RunbookStepPanel *panel = view().stepPanel();
        QTRY_VERIFY(panel->runButton()->isEnabled());
        QSignalSpy shown(m_area->reportViewer(), &ReportViewer::reportShown);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QCOMPARE(m_area->currentWidget(), m_area->reportViewer());
        QVERIFY(shown.wait(kWait));
        waitForStatus(reconcile.id, StepStatus::Done);
        const StepState state = step(session(), reconcile.id)->state;
        QCOMPARE(state.evidence.size(), 1);
        QCOMPARE(state.evidence.first().kind, Evidence::Kind::Report);
        QCOMPARE(state.evidence.first().ref, shown.first().first().toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoGenerator::Options demo;
        demo.directory = m_dir.path();
        demo.patients = 300;
        QVERIFY(DemoGenerator::generate(demo).ok());
        m_document = std::make_unique<ProjectDocument>();
        QVERIFY(m_document->open(m_dir.filePath(DemoGenerator::projectFileName())).ok());
        m_area = std::make_unique<EditorArea>(*m_document, nullptr);
        m_area->resize(1400, 900);
        m_area->QWidget::show();
        m_area->showRunbook();
        QTRY_VERIFY_WITH_TIMEOUT(session().document().has_value(), kWait);
    }

    void checklistGroupsTheStepsBySection()
    {
        RunbookStepsModel *model = view().checklist()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        int steps = 0;
        for (int s = 0; s < model->rowCount(); ++s)
            steps += model->rowCount(model->index(s, 0));
        QCOMPARE(steps, project().runbook.steps.size());
        QVERIFY(model->rowCount() >= 5);
        const QModelIndex gate = model->indexOf(QStringLiteral("go-no-go"));
        QVERIFY(gate.isValid());
        QVERIFY(gate.data().toString().startsWith(QStringLiteral("◆")));
        QCOMPARE(gate.parent().data().toString(),
                 RunbookVocabulary::sectionTitle(RunbookStep::Section::Decision));
        // the header says what the plan is, before any execution
        QVERIFY(view().header()->planLine()->text().contains(QStringLiteral("16 steps")));
        QVERIFY(view().header()->startRehearsalButton()->isEnabled());
        QVERIFY(!view().header()->endButton()->isEnabled());
    }

    void everyPlanEditIsUndoable()
    {
        QUndoStack *undo = m_document->undoStack();
        const RunbookPlan before = project().runbook;
        RunbookChecklist *checklist = view().checklist();
        checklist->selectStep(QStringLiteral("freeze"));

        // add through the dialog, typed as a user types
        whenDialogShows([](QDialog &dialog) {
            auto *title = dialog.findChild<QLineEdit *>(QStringLiteral("stepTitleEdit"));
            QTest::keyClicks(title, QStringLiteral("Check the VPN"));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("stepOwnerEdit")),
                             QStringLiteral("Kim"));
            dialog.accept();
        });
        checklist->addAction()->trigger();
        QCOMPARE(project().runbook.steps.size(), before.steps.size() + 1);
        const RunbookStep added = project().runbook.steps.last();
        QCOMPARE(added.id, QStringLiteral("check-the-vpn"));
        QCOMPARE(added.after, QStringList{QStringLiteral("freeze")});
        QCOMPARE(added.owner.name, QStringLiteral("Kim"));
        QCOMPARE(undo->undoText(), QStringLiteral("Add runbook step Check the VPN"));
        // the session reads the new plan and the checklist selects the new step
        QTRY_COMPARE_WITH_TIMEOUT(checklist->currentStep(), QStringLiteral("check-the-vpn"), kWait);
        undo->undo();
        QCOMPARE(project().runbook, before);

        // edit: the owner of a step
        checklist->selectStep(QStringLiteral("freeze"));
        whenDialogShows([](QDialog &dialog) {
            auto *owner = dialog.findChild<QLineEdit *>(QStringLiteral("stepOwnerEdit"));
            owner->selectAll();
            QTest::keyClicks(owner, QStringLiteral("Rui Costa"));
            dialog.accept();
        });
        checklist->editAction()->trigger();
        QCOMPARE(project().runbook.step(QStringLiteral("freeze"))->owner.name,
                 QStringLiteral("Rui Costa"));
        QVERIFY(undo->undoText().contains(QStringLiteral("the owner")));
        undo->undo();
        QCOMPARE(project().runbook, before);

        // move down, then delete a step others wait for: they stop waiting, in one undo step
        checklist->selectStep(QStringLiteral("freeze"));
        checklist->moveDownAction()->trigger();
        QCOMPARE(project().runbook.steps.at(1).id, QStringLiteral("freeze"));
        undo->undo();
        QCOMPARE(project().runbook, before);
        whenDialogShows([](QDialog &box) {
            qobject_cast<QMessageBox *>(&box)->button(QMessageBox::Yes)->click();
        });
        checklist->removeStep(QStringLiteral("freeze"));
        QVERIFY(!project().runbook.step(QStringLiteral("freeze")));
        for (const RunbookStep &s : project().runbook.steps)
            QVERIFY(!s.after.contains(QStringLiteral("freeze")));
        undo->undo();
        QCOMPARE(project().runbook, before);

        // the plan's settings: the window, typed into the dialog
        whenDialogShows([](QDialog &dialog) {
            auto *window = dialog.findChild<QSpinBox *>(QStringLiteral("runbookWindowSpin"));
            window->selectAll();
            QTest::keyClicks(window, QStringLiteral("360"));
            dialog.accept();
        });
        checklist->planAction()->trigger();
        QCOMPARE(project().runbook.windowMinutes, 360);
        QCOMPARE(project().runbook.steps, before.steps);
        QTRY_VERIFY(view().header()->planLine()->text().contains(QStringLiteral("window 6 h")));
        undo->undo();
        QCOMPARE(project().runbook, before);
        QVERIFY(!m_document->isModified());
        QVERIFY(m_document->save().ok());
    }

    void manualStepWithThePanelsButtons()
    {
        QSignalSpy changed(&session(), &RunbookSession::changed);
        QTest::mouseClick(view().header()->startRehearsalButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session().document() && session().document()->execution &&
                                     session().document()->execution->isOpen(),
                                 kWait);
        QVERIFY(view().header()->executionLine()->text().contains(QStringLiteral("under way")));
        QVERIFY(view().header()->endButton()->isEnabled());

        view().selectStep(QStringLiteral("freeze"));
        RunbookStepPanel *panel = view().stepPanel();
        QCOMPARE(panel->stepId(), QStringLiteral("freeze"));
        QTRY_VERIFY(panel->startButton()->isEnabled());
        QVERIFY(!panel->runButton()->isEnabled()); // a manual step
        QTest::mouseClick(panel->startButton(), Qt::LeftButton);
        waitForStatus(QStringLiteral("freeze"), StepStatus::InProgress);
        QTRY_VERIFY(panel->doneButton()->isEnabled());
        QTest::mouseClick(panel->doneButton(), Qt::LeftButton);
        waitForStatus(QStringLiteral("freeze"), StepStatus::Done);
        QVERIFY(view().messageLine()->text().contains(QStringLiteral("freeze")));
        // the checklist shows it: its status cell, its section's count
        const QModelIndex status = view().checklist()->model()->indexOf(
            QStringLiteral("freeze"), RunbookStepsModel::StatusColumn);
        QVERIFY(status.data().toString().contains(QStringLiteral("Done")));
    }

    void automatedStepRunsInTheRunMonitor()
    {
        // the steps before the dry run, ticked off as their owners would
        for (const QString &id : {QStringLiteral("notify-stakeholders")})
            session().finishStep(id, StepStatus::Done);
        session().runInBackground(QStringLiteral("backup-target"));
        waitForStatus(QStringLiteral("backup-target"), StepStatus::Done);

        view().selectStep(QStringLiteral("dry-run"));
        RunbookStepPanel *panel = view().stepPanel();
        QTRY_VERIFY(panel->runButton()->isEnabled());
        QSignalSpy ended(m_area->runMonitor(), &RunMonitor::runEnded);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QCOMPARE(m_area->currentWidget(), m_area->runMonitor());
        QVERIFY(ended.wait(kWait));
        waitForStatus(QStringLiteral("dry-run"), StepStatus::Done);
        const RunbookDocument::Step *dryRun = step(session(), QStringLiteral("dry-run"));
        QCOMPARE(dryRun->state.evidence.size(), 1);
        QCOMPARE(dryRun->state.evidence.first().kind, Evidence::Kind::Run);
        const QString runId = ended.first().first().value<RunRecord>().runId;
        QCOMPARE(dryRun->state.evidence.first().ref, runId);

        // its evidence opens the run in the history
        m_area->showRunbook(QStringLiteral("dry-run"));
        QListWidget *evidence = panel->evidenceList();
        QTRY_COMPARE(evidence->count(), 1);
        QSignalSpy opened(&view(), &RunbookView::openRunRequested);
        Q_EMIT evidence->itemActivated(evidence->item(0));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), runId);
    }

    void gateStaysBlockedUntilPassAndSignoffs()
    {
        // every other step before the gate: the waves and syncs through the engine
        for (const RunbookStep &s : project().runbook.steps) {
            if (s.gate.enabled)
                break;
            if (s.isOutsideCutover() || statusOf(session(), s.id) == StepStatus::Done)
                continue;
            if (s.action == RunbookStep::Action::Reconcile &&
                s.id == QLatin1String("reconcile-wave-1")) {
                reconcileInTheReportViewer(s);
                continue;
            }
            if (s.isAutomated())
                session().runInBackground(s.id);
            else
                session().finishStep(s.id, StepStatus::Done);
        }
        waitForStatus(QStringLiteral("final-reconcile"), StepStatus::Done);

        m_area->showRunbook(QStringLiteral("go-no-go"));
        RunbookStepPanel *panel = view().stepPanel();
        QCOMPARE(panel->stepId(), QStringLiteral("go-no-go"));
        // no sign-off yet: blocked, with both roles named, and the Pass report met
        QTRY_VERIFY(panel->gateLabel()->text().contains(QStringLiteral("Clinical director")));
        QVERIFY(!panel->doneButton()->isEnabled());
        QVERIFY(panel->doneButton()->toolTip().contains(QStringLiteral("Data steward")));
        QVERIFY(panel->signOffButton()->isEnabled());

        SignOff director;
        director.name = QStringLiteral("Dr. Ines Roth");
        director.role = QStringLiteral("Clinical director");
        session().signOff(QStringLiteral("go-no-go"), director);
        QTRY_VERIFY(panel->gateLabel()->text().contains(QStringLiteral("Dr. Ines Roth")));
        QVERIFY(!panel->doneButton()->isEnabled());

        SignOff steward;
        steward.name = QStringLiteral("Ole Berg");
        steward.role = QStringLiteral("Data steward");
        session().signOff(QStringLiteral("go-no-go"), steward);
        QTRY_VERIFY_WITH_TIMEOUT(panel->doneButton()->isEnabled(), kWait);
        QVERIFY(panel->gateLabel()->text().contains(QStringLiteral("The gate is open")));
        QTest::mouseClick(panel->doneButton(), Qt::LeftButton);
        waitForStatus(QStringLiteral("go-no-go"), StepStatus::Done);
        QTRY_VERIFY(view().header()->decisionLine()->isVisibleTo(&view()));
        QVERIFY(view().header()->decisionLine()->text().contains(QStringLiteral("GO")));
    }

    // Each export as the CLI writes it: the same writers, so the same parts.
    void exportsWriteEveryFormat()
    {
        RunbookExportActions *exports = view().exports();
        using Format = RunbookExport::Format;
        using What = RunbookExportActions::What;
        const QList<std::tuple<What, Format, QByteArray>> cases{
            {What::Runbook, Format::Markdown, "Go / no-go decision"},
            {What::Runbook, Format::Html, "<html"},
            {What::Runbook, Format::Pdf, "%PDF"},
            {What::StatusUpdate, Format::Markdown, "Rehearsal Status"},
            {What::StatusUpdate, Format::Html, "<html"},
            {What::StatusUpdate, Format::Pdf, "%PDF"},
        };
        for (const auto &[what, format, expected] : cases) {
            const QString file = m_dir.filePath(
                QStringLiteral("export-%1.%2").arg(int(what)).arg(RunbookExport::suffix(format)));
            QSignalSpy exported(exports, &RunbookExportActions::exported);
            exports->exportTo(file, what, format);
            QVERIFY(exported.wait(kWait));
            QFile out(file);
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray bytes = out.readAll();
            QVERIFY2(bytes.contains(expected), qPrintable(file));
        }
    }

    void statusUpdateIsCopiedAsText()
    {
        QVERIFY(view().exports()->copyStatusUpdate());
        const QString text = QApplication::clipboard()->text();
        QVERIFY(text.contains(QStringLiteral("Rehearsal Status")));
        QVERIFY(text.contains(QStringLiteral("Go / no-go")) ||
                text.contains(QStringLiteral("go-no-go")) ||
                text.contains(QStringLiteral("Go/no-go")));
    }
};

QTEST_MAIN(TestRunbookView)
#include "tst_runbookview.moc"
