// The sign-off dialog on the demo's runbook (its plan as the demo project holds it, its go / no-go
// gate needing the clinical director and the data steward): it offers the sign-offs not given
// yet, keeps Sign off disabled until a name is entered and until a rejection or conditions say
// why, and returns the entry with the role chosen. With CUTOVER_SHOT_DIR=DIR it saves
// signoff.png there, at a large application font.
#include "WidgetShot.h"
#include "demo/DemoRunbook.h"
#include "runbook/RunbookDocument.h"
#include "runbook/SignOffDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>

using namespace cutover;

namespace {

const QString kGate = QStringLiteral("go-no-go");
const QString kDirector = QStringLiteral("Clinical director");
const QString kSteward = QStringLiteral("Data steward");

RunbookDocument document(const QList<SignOff> &signoffs = {})
{
    RunbookDocument::Inputs inputs;
    inputs.projectName = QStringLiteral("Clinic");
    inputs.plan = DemoRunbook::plan();
    inputs.now = QDateTime(QDate(2026, 12, 12), QTime(22, 0), Qt::UTC);
    RunbookExecution e;
    e.id = QStringLiteral("r1");
    e.started = inputs.now.addSecs(-3600);
    e.signoffs = signoffs;
    inputs.state.executions = {e};
    auto made = RunbookDocument::assemble(inputs);
    if (!made)
        qFatal("%s", qPrintable(made.error().toString()));
    return *made;
}

SignOff approval(const QString &name, const QString &role)
{
    SignOff s;
    s.step = kGate;
    s.name = name;
    s.role = role;
    return s;
}

QStringList items(const QComboBox *box)
{
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}

} // namespace

class TestSignOffDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offersTheSignOffsNotGivenYet()
    {
        SignOffDialog none(document(), kGate);
        QCOMPARE(items(none.roleBox()), (QStringList{kDirector, kSteward}));
        QCOMPARE(none.roleBox()->currentText(), kDirector);

        SignOffDialog one(document({approval(QStringLiteral("Dana Reyes"), kDirector)}), kGate);
        QCOMPARE(items(one.roleBox()), QStringList{kSteward});
        QCOMPARE(one.roleBox()->currentText(), kSteward);

        // a rejection does not count as given: the director may sign off again
        SignOff rejected = approval(QStringLiteral("Dana Reyes"), kDirector);
        rejected.decision = SignOff::Decision::Reject;
        SignOffDialog again(document({rejected}), kGate);
        QCOMPARE(items(again.roleBox()), (QStringList{kDirector, kSteward}));
    }

    void showsTheGateAndWhatTheSignOffIsFor()
    {
        SignOffDialog dialog(document(), kGate);
        QStringList texts;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            texts << label->text();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("Go / no-go decision")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("It needs sign-offs from: Clinical director, Data "
                                             "steward.")),
                 qPrintable(all));
    }

    void okDisabledUntilANameIsGiven()
    {
        SignOffDialog dialog(document(), kGate);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("name")));
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("   "));
        QVERIFY(!dialog.okButton()->isEnabled()); // blanks are no name
        dialog.nameEdit()->clear();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Dana Reyes"));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.problem().isEmpty());

        // the role may be typed; none at all is refused
        dialog.roleBox()->setCurrentIndex(-1);
        dialog.roleBox()->lineEdit()->clear();
        QVERIFY(!dialog.okButton()->isEnabled());
        QTest::keyClicks(dialog.roleBox()->lineEdit(), QStringLiteral("Chief nurse"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.signOff().role, QStringLiteral("Chief nurse"));
    }

    void rejectAndConditionsNeedAComment()
    {
        SignOffDialog dialog(document(), kGate);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Sam Okafor"));
        QVERIFY(dialog.okButton()->isEnabled());

        QRadioButton *reject = dialog.decisionButton(SignOff::Decision::Reject);
        QVERIFY(reject->text().contains(QStringLiteral("\u2717 Reject")));
        QTest::mouseClick(reject, Qt::LeftButton, {}, QPoint(8, reject->height() / 2));
        QVERIFY(reject->isChecked());
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("why you reject")));
        QTest::keyClick(&dialog, Qt::Key_Return); // Enter does not record it either
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        QRadioButton *conditions = dialog.decisionButton(SignOff::Decision::ApproveWithConditions);
        QTest::mouseClick(conditions, Qt::LeftButton, {}, QPoint(8, conditions->height() / 2));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("conditions")));
        QTest::keyClicks(dialog.commentEdit(), QStringLiteral("Smoke tests rerun at 07:00"));
        QVERIFY(dialog.okButton()->isEnabled());

        QTest::mouseClick(reject, Qt::LeftButton, {}, QPoint(8, reject->height() / 2));
        QVERIFY(dialog.okButton()->isEnabled()); // the comment says why
        const SignOff s = dialog.signOff();
        QCOMPARE(s.decision, SignOff::Decision::Reject);
        QCOMPARE(s.comment, QStringLiteral("Smoke tests rerun at 07:00"));
        QCOMPARE(s.step, kGate);
    }

    void askReturnsTheSignOffWithTheChosenRole()
    {
        bool answered = false;
        QTimer::singleShot(0, this, [&answered] {
            auto *dialog = qobject_cast<SignOffDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            answered = true;
            QTest::keyClicks(dialog->nameEdit(), QStringLiteral("  Sam Okafor "));
            dialog->roleBox()->setCurrentIndex(1);
            QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        });
        const std::optional<SignOff> s = SignOffDialog::ask(nullptr, document(), kGate);
        QVERIFY(answered);
        QVERIFY(s.has_value());
        QCOMPARE(s->name, QStringLiteral("Sam Okafor"));
        QCOMPARE(s->role, kSteward);
        QCOMPARE(s->decision, SignOff::Decision::Approve);
        QCOMPARE(s->step, kGate);

        QTimer::singleShot(0, this, [] {
            if (auto *dialog = QApplication::activeModalWidget())
                QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QVERIFY(!SignOffDialog::ask(nullptr, document(), kGate).has_value());
    }

    // A presentation's large font: everything stays inside the dialog.
    void fitsALargeFont()
    {
        const QFont old = QApplication::font();
        QFont large = old;
        large.setPixelSize(28);
        QApplication::setFont(large);
        {
            SignOffDialog dialog(document({approval(QStringLiteral("Dana Reyes"), kDirector)}),
                                 kGate);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Sam Okafor"));
            QRadioButton *conditions =
                dialog.decisionButton(SignOff::Decision::ApproveWithConditions);
            conditions->setChecked(true);
            saveShot(dialog, QStringLiteral("signoff.png"));
            QVERIFY(dialog.width() >= dialog.minimumSizeHint().width());
            QVERIFY(dialog.height() >= dialog.minimumSizeHint().height());
            for (QWidget *w :
                 {static_cast<QWidget *>(dialog.okButton()), static_cast<QWidget *>(conditions),
                  static_cast<QWidget *>(dialog.commentEdit())}) {
                const QRect r(w->mapTo(&dialog, QPoint(0, 0)), w->size());
                const QString what = QStringLiteral("%1 %2x%3 font %4 px")
                                         .arg(QLatin1String(w->metaObject()->className()))
                                         .arg(w->width())
                                         .arg(w->height())
                                         .arg(QFontInfo(w->font()).pixelSize());
                QVERIFY2(dialog.rect().contains(r), qPrintable(what));
                QVERIFY2(w->height() >= QFontMetrics(large).height(), qPrintable(what));
            }
        }
        QApplication::setFont(old);
    }
};

QTEST_MAIN(TestSignOffDialog)
#include "tst_signoffdialog.moc"
