// The strategy advisor dialog on a real demo project (300 patients): the rows and size arrive
// from AdvisorMeasurements off the GUI thread ("measuring…" first), a stale measurement is
// dropped, an unreachable source is reported in words; answers typed and chosen with the keyboard
// change the recommendation as StrategyAdvisor::advise says for the same answers, with each
// strategy's score, its reasons for and against and the recommended one starred; a strategy
// clicked shows its description, pros and cons. Keep Answers stores the record and undo restores
// the old one; Generate Runbook asks before replacing the demo's 16 steps, writes the chosen
// strategy's template, and undo brings the 16 steps back. With CUTOVER_SHOT_DIR set it saves a
// screenshot there.
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "VerifyOk.h"
#include "WidgetShot.h"
#include "demo/DemoGenerator.h"
#include "project/RunbookVocabulary.h"
#include "runbook/AdvisorDialog.h"
#include "runbook/AdvisorMeasurements.h"
#include "runbook/RunbookTemplate.h"
#include "runbook/StrategyCatalog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace cutover;

namespace {

constexpr int kTimeout = 60000;

// Clicks a button of the next message box with objectName once it shows (it runs modal).
void answerBox(const QString &name, QMessageBox::StandardButton button, bool *seen)
{
    QTimer::singleShot(50, [name, button, seen] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w);
                box && box->objectName() == name && box->isVisible()) {
                *seen = true;
                box->button(button)->click();
                return;
            }
        answerBox(name, button, seen); // not up yet
    });
}

// Replaces what a spin box shows by typing text, as a user does.
void typeInto(QAbstractSpinBox *box, const QString &text)
{
    QTest::mouseClick(box->findChild<QLineEdit *>(), Qt::LeftButton);
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

// Chooses a combo box's item by typing its first letters, as a user does.
void choose(QComboBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClicks(box, text);
    QCOMPARE(box->currentText(), text);
}

QTreeWidgetItem *strategyItem(const AdvisorDialog &dialog, const QString &strategy)
{
    const QString title = RunbookVocabulary::strategyTitle(strategy);
    QTreeWidget *tree = dialog.strategies();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        if (item->text(0) == title || item->text(0).startsWith(QStringLiteral("\u2605 ") + title))
            return item;
    }
    return nullptr;
}

void clickItem(QTreeWidget *tree, QTreeWidgetItem *item)
{
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

} // namespace

class TestAdvisorDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;

    static void waitForMeasurements(AdvisorDialog &dialog)
    {
        if (!dialog.isMeasuring())
            return;
        QSignalSpy measured(&dialog, &AdvisorDialog::measured);
        QVERIFY(measured.wait(kTimeout));
    }

    // The recommendation shown matches StrategyAdvisor's for the answers shown.
    static void checkShown(const AdvisorDialog &dialog)
    {
        const StrategyAdvisor::Recommendation expected = StrategyAdvisor::advise(dialog.answers());
        QCOMPARE(dialog.recommendation().recommended, expected.recommended);
        QTreeWidget *tree = dialog.strategies();
        QCOMPARE(tree->topLevelItemCount(), int(expected.assessments.size()));
        QVERIFY2(dialog.headline()->text().startsWith(
                     QStringLiteral("Recommended: \u2605 %1, ")
                         .arg(RunbookVocabulary::strategyTitle(expected.recommended))),
                 qPrintable(dialog.headline()->text()));
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const StrategyAdvisor::Assessment &a = expected.assessments.at(i);
            const QTreeWidgetItem *item = tree->topLevelItem(i);
            const QString title = RunbookVocabulary::strategyTitle(a.strategy);
            QCOMPARE(item->text(0), a.strategy == expected.recommended
                                        ? QStringLiteral("\u2605 %1 — Recommended").arg(title)
                                        : title);
            QCOMPARE(item->text(2), QString::number(a.score));
            QCOMPARE(item->childCount(), int(a.reasons.size()));
            for (int r = 0; r < item->childCount(); ++r) {
                const StrategyAdvisor::Reason &reason = a.reasons.at(r);
                const QString text = item->child(r)->text(0);
                QVERIFY2(text.endsWith(reason.text), qPrintable(text));
                if (reason.points > 0) {
                    QVERIFY(text.startsWith(QStringLiteral("\u25b2")));
                    QCOMPARE(item->child(r)->text(2), QStringLiteral("+%1").arg(reason.points));
                } else if (reason.points < 0) {
                    QVERIFY(text.startsWith(QStringLiteral("\u25bc")));
                    QCOMPARE(item->child(r)->text(2),
                             QStringLiteral("\u2212%1").arg(-reason.points));
                }
            }
        }
        for (const QString &question : expected.notAnswered)
            QVERIFY2(dialog.notAnswered()->text().contains(question),
                     qPrintable(dialog.notAnswered()->text()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 300;
        VERIFY_OK(DemoGenerator::generate(options));
        m_projectFile = m_dir.filePath(DemoGenerator::projectFileName());
    }

    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void measurementsArriveOffTheGuiThread()
    {
        ProjectDocument document;
        VERIFY_OK(document.open(m_projectFile));
        QVERIFY(document.project().advisor.isEmpty());
        const auto volume = AdvisorMeasurements(document.project()).volume();
        VERIFY_OK(volume);
        QVERIFY(volume->rows > 300);
        const auto rehearsal = AdvisorMeasurements(document.project()).rehearsalMinutes();
        VERIFY_OK(rehearsal);

        AdvisorDialog dialog(document, nullptr);
        QCOMPARE(dialog.volumeStatus()->text(), QStringLiteral("measuring…"));
        QCOMPARE(dialog.rehearsalStatus()->text(), QStringLiteral("measuring…"));
        QCOMPARE(dialog.answers().rows, qint64(-1));
        QCOMPARE(dialog.rowsBox()->text(), QStringLiteral("not answered"));
        waitForMeasurements(dialog);
        QCOMPARE(dialog.answers().rows, volume->rows);
        QCOMPARE(dialog.rowsBox()->value(), double(volume->rows));
        QVERIFY(qAbs(dialog.answers().sizeMb - volume->sizeMb) < 0.006);
        QVERIFY2(dialog.volumeStatus()->text().startsWith(
                     QStringLiteral("measured: %1 rows").arg(QLocale().toString(volume->rows))),
                 qPrintable(dialog.volumeStatus()->text()));
        QVERIFY(*rehearsal < 0); // the demo has not run yet
        QCOMPARE(dialog.rehearsalStatus()->text(), QStringLiteral("no rehearsal run yet"));
        QCOMPARE(dialog.answers().rehearsalMinutes, -1.0);
        checkShown(dialog);

        // Asked again before the first answer came: only the newer answer counts.
        QSignalSpy measured(&dialog, &AdvisorDialog::measured);
        dialog.measure();
        dialog.measure();
        QVERIFY(measured.wait(kTimeout));
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(measured.count(), 1);
    }

    void anUnreachableSourceIsSaidInWords()
    {
        ProjectDocument document;
        VERIFY_OK(document.open(m_projectFile));
        AdvisorDialog dialog(document, nullptr);
        waitForMeasurements(dialog);
        ConnectionDef legacy = *document.project().connection(QStringLiteral("legacy"));
        legacy.url = QStringLiteral("sqlite:/nonexistent-cutover-folder/legacy.sqlite");
        QSignalSpy measured(&dialog, &AdvisorDialog::measured);
        ProjectEdits(document).replaceConnection(0, legacy);
        QVERIFY(dialog.isMeasuring());
        QVERIFY(measured.wait(kTimeout));
        QVERIFY2(
            dialog.volumeStatus()->text().startsWith(QStringLiteral("\u2715 Cannot measure: ")),
            qPrintable(dialog.volumeStatus()->text()));
    }

    void answersChangeTheRecommendation()
    {
        ProjectDocument document;
        VERIFY_OK(document.open(m_projectFile));
        AdvisorDialog dialog(document, nullptr);
        dialog.resize(1280, 800);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        waitForMeasurements(dialog);
        const QString before = dialog.recommendation().recommended;
        QSignalSpy changed(&dialog, &AdvisorDialog::recommendationChanged);

        typeInto(dialog.downtimeBox(), QStringLiteral("0"));
        QCOMPARE(dialog.answers().downtimeMinutes, 0);
        QVERIFY(!dialog.notAnswered()->text().contains(QStringLiteral("Downtime accepted")));
        checkShown(dialog);
        choose(dialog.sideBySideBox(), QStringLiteral("Yes"));
        choose(dialog.rollbackBox(), QStringLiteral("High"));
        const AdvisorAnswers a = dialog.answers();
        QCOMPARE(a.sideBySide, AdvisorAnswers::Answer::Yes);
        QCOMPARE(a.rollbackNeed, AdvisorAnswers::Level::High);
        checkShown(dialog);
        const QString after = StrategyAdvisor::advise(a).recommended;
        QCOMPARE(dialog.recommendation().recommended, after);
        QVERIFY2(after != before, qPrintable(after)); // the answers moved the scores
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toString(), after);
        QVERIFY(dialog.details()->toPlainText().contains(
            StrategyCatalog::strategy(after)->description));

        typeInto(dialog.growthBox(), QStringLiteral("12"));
        QCOMPARE(dialog.answers().growthPercentPerMonth, 12.0);
        choose(dialog.riskBox(), QStringLiteral("Low"));
        choose(dialog.hostingBox(), QStringLiteral("Cloud"));
        checkShown(dialog);

        // A strategy clicked shows what the planning documents say of it.
        const QString other = after == QStringLiteral("phased") ? QStringLiteral("big-bang")
                                                                : QStringLiteral("phased");
        clickItem(dialog.strategies(), strategyItem(dialog, other));
        QCOMPARE(dialog.selectedStrategy(), other);
        const StrategyCatalog::Strategy *s = StrategyCatalog::strategy(other);
        const QString details = dialog.details()->toPlainText();
        QVERIFY(details.contains(s->description));
        QVERIFY(details.contains(s->pros.first()));
        QVERIFY(details.contains(s->cons.first()));
        QVERIFY(details.contains(s->whenToUse.first()));
        QVERIFY(dialog.generateButton()->text().contains(RunbookVocabulary::strategyTitle(other)));
        // The choice stays while the answers change.
        choose(dialog.complexityBox(), QStringLiteral("Medium"));
        QCOMPARE(dialog.selectedStrategy(), other);
        checkShown(dialog);
        clickItem(dialog.strategies(), strategyItem(dialog, dialog.recommendation().recommended));
        saveShot(dialog, QStringLiteral("advisor-dialog.png"));
    }

    void keepAnswersIsOneUndoStep()
    {
        ProjectDocument document;
        VERIFY_OK(document.open(m_projectFile));
        const AdvisorRecord old = document.project().advisor;
        AdvisorDialog dialog(document, nullptr);
        dialog.show();
        waitForMeasurements(dialog);
        typeInto(dialog.downtimeBox(), QStringLiteral("30"));
        choose(dialog.riskBox(), QStringLiteral("Medium"));
        QVERIFY(dialog.keepButton()->isEnabled());
        QSignalSpy kept(&dialog, &AdvisorDialog::answersKept);
        QTest::mouseClick(dialog.keepButton(), Qt::LeftButton);
        QCOMPARE(kept.count(), 1);
        const AdvisorRecord &record = document.project().advisor;
        QCOMPARE(record.answers, dialog.answers());
        QCOMPARE(record.recommended, dialog.recommendation().recommended);
        QCOMPARE(record.scores, dialog.recommendation().scores());
        QVERIFY(record.decidedAt.isValid());
        QVERIFY(!dialog.keepButton()->isEnabled()); // nothing new to keep
        QVERIFY(document.isModified());
        QCOMPARE(document.undoStack()->count(), 1);

        document.undoStack()->undo();
        QCOMPARE(document.project().advisor, old);
        QVERIFY(dialog.keepButton()->isEnabled());
        document.undoStack()->redo();
        QCOMPARE(document.project().advisor.answers, dialog.answers());

        // A dialog opened later starts from the kept answers.
        AdvisorDialog again(document, nullptr);
        QCOMPARE(again.answers().downtimeMinutes, 30);
        QCOMPARE(again.answers().riskTolerance, AdvisorAnswers::Level::Medium);
    }

    void generateRunbookAsksThenReplacesTheSteps()
    {
        ProjectDocument document;
        VERIFY_OK(document.open(m_projectFile));
        const RunbookPlan demo = document.project().runbook;
        QCOMPARE(demo.steps.size(), 16);
        AdvisorDialog dialog(document, nullptr);
        dialog.resize(1280, 800);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        waitForMeasurements(dialog);
        typeInto(dialog.downtimeBox(), QStringLiteral("0"));
        choose(dialog.sideBySideBox(), QStringLiteral("Yes"));
        const QString strategy = QStringLiteral("blue-green");
        clickItem(dialog.strategies(), strategyItem(dialog, strategy));
        QCOMPARE(dialog.selectedStrategy(), strategy);
        const auto expected =
            RunbookTemplate::generate(strategy, document.project(), dialog.answers());
        VERIFY_OK(expected);
        QVERIFY(expected->steps != demo.steps);

        bool asked = false;
        answerBox(QStringLiteral("replaceRunbookBox"), QMessageBox::Cancel, &asked);
        QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(document.project().runbook, demo);
        QCOMPARE(document.undoStack()->count(), 0);

        asked = false;
        QSignalSpy generated(&dialog, &AdvisorDialog::runbookGenerated);
        answerBox(QStringLiteral("replaceRunbookBox"), QMessageBox::Yes, &asked);
        QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(generated.count(), 1);
        QCOMPARE(document.project().runbook, *expected);
        QCOMPARE(document.project().runbook.strategy, strategy);
        QVERIFY(dialog.status()->text().contains(QString::number(expected->steps.size())));
        QCOMPARE(document.undoStack()->count(), 1);

        document.undoStack()->undo();
        QCOMPARE(document.project().runbook.steps.size(), 16);
        QCOMPARE(document.project().runbook, demo);
    }

    void aStrategyThatCannotBeGeneratedSaysWhy()
    {
        ProjectDocument document;
        VERIFY_OK(document.open(m_projectFile));
        Project without = document.project();
        without.phases.clear();
        without.runbook.steps.clear();
        ProjectEdits(document).replaceProject(without, QStringLiteral("no phases"));
        AdvisorDialog dialog(document, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        clickItem(dialog.strategies(), strategyItem(dialog, QStringLiteral("phased")));
        QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
        QVERIFY2(dialog.status()->text().startsWith(
                     QStringLiteral("\u2715 Cannot generate the Phased runbook: ")),
                 qPrintable(dialog.status()->text()));
        QVERIFY(document.project().runbook.steps.isEmpty());
    }
};

QTEST_MAIN(TestAdvisorDialog)
#include "tst_advisordialog.moc"
