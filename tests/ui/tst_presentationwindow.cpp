// The presentation on a real demo: a rehearsal started through the window's RunbookSession, the
// presentation opened on the step in progress, turned with the arrow keys and a presenter
// remote's PageUp / PageDown, following the session (a step finished elsewhere shows as done),
// showing the run's live progress, and on the go / no-go step the gate's conditions and
// sign-offs: blocked without a Pass report and the two sign-offs, signed off through the dialog,
// opened by a real run and reconciliation of the demo (cutover-cli), and GO recorded. Escape
// leaves. With CUTOVER_SHOT_DIR=DIR it saves presentation.png, presentation-gonogo.png and
// signoff-presentation.png at 1920x1080.
#include "CliRunner.h"
#include "ProjectDocument.h"
#include "RunbookSession.h"
#include "WidgetShot.h"
#include "demo/DemoGenerator.h"
#include "runbook/PresentationGatePanel.h"
#include "runbook/PresentationHeader.h"
#include "runbook/PresentationStepPage.h"
#include "runbook/PresentationWindow.h"
#include "runbook/SignOffDialog.h"

#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::CliRunner;

namespace {

constexpr int kTimeout = 60000;
const QString kGate = QStringLiteral("go-no-go");

QString lines(const QStringList &texts)
{
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestPresentationWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ProjectDocument m_project;
    std::unique_ptr<RunbookSession> m_session;
    std::unique_ptr<PresentationWindow> m_window;

    const RunbookDocument &document() const { return *m_session->document(); }

    StepStatus statusOf(const QString &id) const
    {
        if (!m_session->document() || !document().step(id))
            return StepStatus::Pending;
        return document().step(id)->state.status;
    }

    // Waits until the session has carried out `count` more changes, none refused.
    void waitForChanges(QSignalSpy &changed, qsizetype count, QSignalSpy &refused)
    {
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= count || !refused.isEmpty(), kTimeout);
        if (!refused.isEmpty())
            QFAIL(qPrintable(refused.first().first().toString()));
        m_session->refresh();
        QSignalSpy read(m_session.get(), &RunbookSession::documentChanged);
        QVERIFY(read.wait(kTimeout));
    }

    void signOffThroughTheDialog(const QString &name, const QString &expectedRole)
    {
        QPushButton *signOff = m_window->gatePanel()->signOffButton();
        QVERIFY(signOff->isEnabled());
        QTest::mouseClick(signOff, Qt::LeftButton);
        SignOffDialog *dialog = m_window->signOffDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->roleBox()->currentText(), expectedRole);
        QVERIFY(!dialog->okButton()->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), name);
        QVERIFY(dialog->okButton()->isEnabled());
        if (expectedRole == QLatin1String("Data steward"))
            saveShot(*dialog, QStringLiteral("signoff-presentation.png"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            lines(m_window->gatePanel()->signOffTexts())
                .contains(QStringLiteral("\u2713 Approve \u00b7 %1 (%2)").arg(name, expectedRole)),
            kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 300;
        QVERIFY(DemoGenerator::generate(options).ok());
        QVERIFY(m_project.open(m_dir.filePath(DemoGenerator::projectFileName())).ok());
        m_session = std::make_unique<RunbookSession>(m_project, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->document().has_value(), kTimeout);
        QCOMPARE(document().steps.size(), 16);

        QSignalSpy changed(m_session.get(), &RunbookSession::changed);
        QSignalSpy refused(m_session.get(), &RunbookSession::refused);
        m_session->startExecution(RunbookExecution::Mode::Rehearsal);
        m_session->startStep(QStringLiteral("freeze"));
        waitForChanges(changed, 2, refused);
        QVERIFY(document().execution && document().execution->isOpen());
        QCOMPARE(statusOf(QStringLiteral("freeze")), StepStatus::InProgress);
    }

    void opensOnTheStepInProgress()
    {
        m_window = std::make_unique<PresentationWindow>(*m_session);
        m_window->present();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->isFullScreen());
        QCOMPARE(m_window->screen(), PresentationWindow::screenFor(nullptr));
        QCOMPARE(m_window->currentStepId(), QStringLiteral("freeze"));
        PresentationStepPage *page = m_window->stepPage();
        QCOMPARE(page->titleText(), QStringLiteral("Freeze changes to the legacy system"));
        QCOMPARE(page->positionText(), QStringLiteral("Step 1 of 16 \u00b7 Pre-migration"));
        QCOMPARE(page->statusText(), QStringLiteral("\u25b6 In progress"));
        QCOMPARE(page->ownerText(), QStringLiteral("Owner: Clinic operations lead"));
        QVERIFY2(page->timesText().contains(QStringLiteral("since")),
                 qPrintable(page->timesText()));
        const QString header = lines(m_window->header()->texts());
        QVERIFY2(header.contains(QStringLiteral("Rehearsal ")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("0 of 15 steps done")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("No reconciliation report yet")),
                 qPrintable(header));
        QVERIFY(m_window->gatePanel()->isHidden());

        // large type: the title at least 48 px at 1080 lines
        // the offscreen screen is smaller than a projector's: shown as one for the checks and shots
        m_window->showNormal();
        m_window->setGeometry(0, 0, 1920, 1080);
        QTRY_COMPARE(m_window->height(), 1080);
        int titlePixels = 0;
        for (QLabel *label : m_window->stepPage()->findChildren<QLabel *>())
            if (label->text() == page->titleText())
                titlePixels = QFontInfo(label->font()).pixelSize();
        QVERIFY2(titlePixels >= 48, qPrintable(QString::number(titlePixels)));
    }

    void keysTurnThePages()
    {
        QSignalSpy moved(m_window.get(), &PresentationWindow::currentStepChanged);
        QTest::keyClick(m_window.get(), Qt::Key_Right);
        QCOMPARE(m_window->currentStepId(), QStringLiteral("notify-stakeholders"));
        QCOMPARE(m_window->stepPage()->titleText(),
                 QStringLiteral("Notify stakeholders and brief support"));
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QCOMPARE(m_window->currentStepId(), QStringLiteral("backup-target"));
        QCOMPARE(m_window->stepPage()->positionText(),
                 QStringLiteral("Step 3 of 16 \u00b7 Pre-migration"));
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QCOMPARE(m_window->currentStepId(), QStringLiteral("notify-stakeholders"));
        QTest::keyClick(m_window.get(), Qt::Key_Left);
        QCOMPARE(m_window->currentStepId(), QStringLiteral("freeze"));
        QTest::keyClick(m_window.get(), Qt::Key_Left); // stays on the first
        QCOMPARE(m_window->currentStepId(), QStringLiteral("freeze"));
        QTest::keyClick(m_window.get(), Qt::Key_End);
        QCOMPARE(m_window->currentStepId(), QStringLiteral("decommission-legacy"));
        QTest::keyClick(m_window.get(), Qt::Key_Home);
        QCOMPARE(m_window->currentStepId(), QStringLiteral("freeze"));
        QCOMPARE(moved.size(), 6);
    }

    void followsTheSessionLive()
    {
        QCOMPARE(m_window->currentStepId(), QStringLiteral("freeze"));
        QVERIFY(m_window->stepPage()->evidenceText().contains(QStringLiteral("No evidence yet")));
        // as the main window would: evidence, a note, the step done
        Evidence mail;
        mail.kind = Evidence::Kind::File;
        mail.ref = QStringLiteral("freeze-announcement.eml");
        mail.summary = QStringLiteral("Freeze announced to 42 clinic staff");
        m_session->addEvidence(QStringLiteral("freeze"), mail);
        m_session->addNote(QStringLiteral("freeze"),
                           QStringLiteral("Front end read-only at 20:14"));
        m_session->finishStep(QStringLiteral("freeze"), StepStatus::Done);
        // no key pressed: the page shows it by itself
        QTRY_COMPARE_WITH_TIMEOUT(m_window->stepPage()->statusText(), QStringLiteral("\u2713 Done"),
                                  kTimeout);
        QVERIFY2(m_window->stepPage()->evidenceText().contains(mail.summary),
                 qPrintable(m_window->stepPage()->evidenceText()));
        QVERIFY(lines(m_window->header()->texts()).contains(QStringLiteral("1 of 15 steps done")));
        QVERIFY(m_window->messageText().contains(QStringLiteral("freeze")));

        // the next step under way, with evidence, during a run
        QSignalSpy changed(m_session.get(), &RunbookSession::changed);
        QSignalSpy refused(m_session.get(), &RunbookSession::refused);
        const QString dryRun = QStringLiteral("dry-run");
        m_session->startStep(dryRun);
        Evidence run;
        run.kind = Evidence::Kind::Run;
        run.ref = QStringLiteral("7c41d2e9-dry");
        run.summary = QStringLiteral("dry run 7c41d2e9: 5 tables, 2,914 rows checked, 37 "
                                     "quarantined");
        m_session->addEvidence(dryRun, run);
        waitForChanges(changed, 2, refused);
        QTest::keyClick(m_window.get(), Qt::Key_Down);
        QTest::keyClick(m_window.get(), Qt::Key_Down);
        QTest::keyClick(m_window.get(), Qt::Key_Down);
        QCOMPARE(m_window->currentStepId(), dryRun);
        QCOMPARE(m_window->stepPage()->statusText(), QStringLiteral("\u25b6 In progress"));
        QVERIFY(m_window->stepPage()->evidenceText().contains(QStringLiteral("2,914 rows")));

        m_window->setRunProgress(QStringLiteral("Dry run: 1,480 of 2,914 rows"), 0.51);
        QVERIFY(lines(m_window->header()->texts()).contains(QStringLiteral("1,480 of 2,914")));
        QCOMPARE(m_window->height(), 1080);
        saveShot(*m_window, QStringLiteral("presentation.png"));
        m_window->clearRunProgress();
        QVERIFY(!lines(m_window->header()->texts()).contains(QStringLiteral("1,480")));
    }

    void gateShowsWhatBlocksIt()
    {
        // every step before the gate done, as the main window would tick them off
        QSignalSpy changed(m_session.get(), &RunbookSession::changed);
        QSignalSpy refused(m_session.get(), &RunbookSession::refused);
        int asked = 0;
        for (const auto &step : document().steps) {
            if (step.plan.id == kGate)
                break;
            if (step.state.status != StepStatus::Done) {
                m_session->finishStep(step.plan.id, StepStatus::Done);
                ++asked;
            }
        }
        waitForChanges(changed, asked, refused);

        m_window->showStep(kGate);
        QCOMPARE(m_window->stepPage()->titleText(), QStringLiteral("Go / no-go decision"));
        PresentationGatePanel *gate = m_window->gatePanel();
        QVERIFY(gate->isVisible());
        const QString conditions = lines(gate->conditionTexts());
        QVERIFY2(conditions.contains(QStringLiteral("\u2713 Every step before it is done")),
                 qPrintable(conditions));
        QVERIFY(conditions.contains(QStringLiteral("\u2715 No reconciliation report yet")));
        QVERIFY(
            conditions.contains(QStringLiteral("\u2715 No sign-off from Clinical director yet")));
        QVERIFY(conditions.contains(QStringLiteral("\u2715 No sign-off from Data steward yet")));
        const QString signoffs = lines(gate->signOffTexts());
        QVERIFY(signoffs.contains(QStringLiteral("Awaiting Clinical director")));
        QVERIFY(signoffs.contains(QStringLiteral("Awaiting Data steward")));
        QVERIFY(!gate->goButton()->isEnabled());
        QVERIFY(gate->noGoButton()->isEnabled());
        QVERIFY(gate->signOffButton()->isEnabled());

        // Record GO is disabled; the session refuses it anyway, and says so on screen
        m_session->finishStep(kGate, StepStatus::Done);
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), kTimeout);
        QVERIFY2(m_window->messageText().contains(QStringLiteral("is blocked")),
                 qPrintable(m_window->messageText()));
    }

    void signOffsThroughTheDialog()
    {
        signOffThroughTheDialog(QStringLiteral("Dana Reyes"), QStringLiteral("Clinical director"));
        QTRY_VERIFY_WITH_TIMEOUT(
            lines(m_window->gatePanel()->conditionTexts())
                .contains(QStringLiteral("\u2713 Clinical director signed off: Dana Reyes")),
            kTimeout);
        QVERIFY(!m_window->gatePanel()->goButton()->isEnabled());
        QVERIFY2(m_window->minimumSizeHint().height() <= 1080,
                 qPrintable(QString::number(m_window->minimumSizeHint().height())));
        QCOMPARE(m_window->height(), 1080);
        saveShot(*m_window, QStringLiteral("presentation-gonogo.png"));
        // a 720-line projector: everything scaled down, still inside the screen
        m_window->setGeometry(0, 0, 1280, 720);
        QTRY_COMPARE(m_window->height(), 720);
        QVERIFY2(m_window->minimumSizeHint().height() <= 720,
                 qPrintable(QString::number(m_window->minimumSizeHint().height())));
        m_window->setGeometry(0, 0, 1920, 1080);
        QTRY_COMPARE(m_window->height(), 1080);
        signOffThroughTheDialog(QStringLiteral("Sam Okafor"), QStringLiteral("Data steward"));
        QVERIFY(!m_window->gatePanel()->goButton()->isEnabled()); // still no report
    }

    void passReportOpensTheGateAndGoIsRecorded()
    {
        for (const char *command : {"run", "reconcile"}) {
            const auto done = CliRunner::run(
                {QLatin1String(command), QStringLiteral("demo.cutover")}, m_dir.path());
            QVERIFY2(done.exitCode == 0, qPrintable(done.out + done.err));
        }
        m_session->refresh();
        PresentationGatePanel *gate = m_window->gatePanel();
        QTRY_VERIFY_WITH_TIMEOUT(gate->goButton()->isEnabled(), kTimeout);
        const QString conditions = lines(gate->conditionTexts());
        QVERIFY2(!conditions.contains(QStringLiteral("\u2715")), qPrintable(conditions));
        QVERIFY(conditions.contains(QStringLiteral("is Pass and newer than the newest run")));
        QVERIFY(lines(m_window->header()->texts())
                    .contains(QStringLiteral("Reconciliation \u2713 Pass")));

        QTest::mouseClick(gate->goButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(document().execution && document().execution->decision, kTimeout);
        QVERIFY(document().execution->decision->go);
        QCOMPARE(document().execution->decision->step, kGate);
        QTRY_VERIFY_WITH_TIMEOUT(gate->decisionText().contains(QStringLiteral("\u2713 GO by")),
                                 kTimeout);
        QCOMPARE(m_window->stepPage()->statusText(), QStringLiteral("\u2713 Done"));
        QVERIFY(!gate->goButton()->isVisible()); // the decision stands
        QCOMPARE(m_window->height(), 1080);
        saveShot(*m_window, QStringLiteral("presentation-go.png"));
    }

    // In the next rehearsal the gate is refused from the presentation, with the reason asked.
    void noGoIsRecordedWithItsReason()
    {
        QSignalSpy changed(m_session.get(), &RunbookSession::changed);
        QSignalSpy refused(m_session.get(), &RunbookSession::refused);
        const QString first = document().execution->id;
        m_session->endExecution();
        m_session->startExecution(RunbookExecution::Mode::Rehearsal);
        waitForChanges(changed, 2, refused);
        QTRY_VERIFY_WITH_TIMEOUT(document().execution && document().execution->id != first &&
                                     document().execution->isOpen(),
                                 kTimeout);
        PresentationGatePanel *gate = m_window->gatePanel();
        QCOMPARE(m_window->currentStepId(), kGate);
        QVERIFY(gate->noGoButton()->isVisible());
        QVERIFY(!gate->goButton()->isEnabled());
        QVERIFY(gate->decisionText().isEmpty());

        QTest::mouseClick(gate->noGoButton(), Qt::LeftButton);
        auto *ask = m_window->findChild<QInputDialog *>();
        QVERIFY(ask);
        QVERIFY(QTest::qWaitForWindowExposed(ask));
        ask->setTextValue(QStringLiteral("Smoke tests of the new application failed"));
        ask->accept();
        QTRY_VERIFY_WITH_TIMEOUT(document().execution->decision.has_value(), kTimeout);
        QVERIFY(!document().execution->decision->go);
        QCOMPARE(document().execution->decision->comment,
                 QStringLiteral("Smoke tests of the new application failed"));
        QTRY_VERIFY_WITH_TIMEOUT(gate->decisionText().contains(QStringLiteral("\u2717 NO-GO by")),
                                 kTimeout);
        QCOMPARE(m_window->stepPage()->statusText(), QStringLiteral("\u2717 Failed"));
    }

    void escapeLeaves()
    {
        QSignalSpy closed(m_window.get(), &PresentationWindow::closed);
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QCOMPARE(closed.size(), 1);
        QVERIFY(!m_window->isVisible());
    }

    void choosesAnotherScreenThanTheMainWindows()
    {
        const QList<QScreen *> screens = QGuiApplication::screens();
        QWidget main;
        main.show();
        QScreen *chosen = PresentationWindow::screenFor(&main);
        QVERIFY(chosen);
        if (screens.size() >= 2)
            QVERIFY(chosen != main.screen());
        else
            QCOMPARE(chosen, main.screen());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
    }
};

QTEST_MAIN(TestPresentationWindow)
#include "tst_presentationwindow.moc"
