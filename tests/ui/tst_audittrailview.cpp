// The audit trail view on a real trail written with AuditTrail::append (a saved project, a run, a
// reconciliation, runbook steps, a rollback): it lists the entries newest first, filters them by
// family and by text with clicks and typing, shows the chosen entry's data as indented JSON, and
// Verify says the chain is intact with the head's hash. One line of the file then changed (a
// summary), Verify names that entry and its line, selects and marks it. An entry appended from
// outside (another window, cutover-cli) shows without a click; a project never saved says so.
// With CUTOVER_SHOT_DIR set it saves screenshots there.
#include "AuditTrailFilterModel.h"
#include "AuditTrailModel.h"
#include "VerifyOk.h"
#include "WidgetShot.h"
#include "audit/AuditTrail.h"
#include "runbook/AuditTrailView.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace cutover;
using Family = AuditTrailModel::Family;

namespace {

constexpr int kTimeout = 10000;

struct Written
{
    QString kind;
    QString summary;
    QJsonObject data;
};

const QList<Written> kEntries = {
    {QStringLiteral("project.save"),
     QStringLiteral("Saved: mappings changed"),
     {{QStringLiteral("changes"), QJsonArray{QStringLiteral("mappings")}}}},
    {QStringLiteral("run"),
     QStringLiteral("run 1a2b3c4d succeeded: 1,204 rows loaded"),
     {{QStringLiteral("run"), QStringLiteral("1a2b3c4d")}, {QStringLiteral("loaded"), 1204}}},
    {QStringLiteral("reconcile"),
     QStringLiteral("report 9f8e: pass"),
     {{QStringLiteral("report"), QStringLiteral("9f8e")}, {QStringLiteral("missing"), 0}}},
    {QStringLiteral("runbook.start"),
     QStringLiteral("Rehearsal ab12 started"),
     {{QStringLiteral("execution"), QStringLiteral("ab12")}}},
    {QStringLiteral("runbook.step"),
     QStringLiteral("Step backup-target: done"),
     {{QStringLiteral("execution"), QStringLiteral("ab12")},
      {QStringLiteral("step"), QStringLiteral("backup-target")}}},
    {QStringLiteral("rollback"),
     QStringLiteral("run 1a2b3c4d rolled back"),
     {{QStringLiteral("run"), QStringLiteral("1a2b3c4d")},
      {QStringLiteral("backup"), QStringLiteral("modern.sqlite.bak")}}},
};

// The entry numbers the view shows, top to bottom.
QList<qint64> shownSeqs(const AuditTrailView &view)
{
    QList<qint64> seqs;
    const QAbstractItemModel *model = view.table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        seqs << model->index(row, 0).data(AuditTrailModel::SeqRole).toLongLong();
    return seqs;
}

void clickRow(AuditTrailView &view, int row)
{
    QTableView *table = view.table();
    const QRect rect = table->visualRect(table->model()->index(row, AuditTrailModel::KindColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestAuditTrailView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QList<AuditEntry> m_written;

    // A fresh project with the six entries in its trail.
    void writeTrail()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        m_project = m_dir.filePath(QStringLiteral("clinic-%1.cutover").arg(++n));
        QFile project(m_project);
        QVERIFY(project.open(QIODevice::WriteOnly));
        project.write("{}\n");
        project.close();
        AuditTrail trail = AuditTrail::forProject(m_project);
        m_written.clear();
        for (const Written &w : kEntries) {
            const auto entry = trail.append(w.kind, w.summary, w.data, QStringLiteral("alice"));
            VERIFY_OK(entry);
            m_written << *entry;
        }
    }

    void open(AuditTrailView &view)
    {
        QSignalSpy loaded(&view, &AuditTrailView::loaded);
        view.setProjectPath(m_project);
        view.resize(1400, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(loaded.count() > 0 || loaded.wait(kTimeout));
        QCOMPARE(view.model()->rowCount(), int(kEntries.size()));
    }

    static bool verifyByClick(AuditTrailView &view)
    {
        QSignalSpy verified(&view, &AuditTrailView::verified);
        QTest::mouseClick(view.verifyButton(), Qt::LeftButton);
        if (!verified.wait(kTimeout))
            return false;
        return verified.last().at(0).toBool();
    }

private Q_SLOTS:
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void listsNewestFirstAndFiltersByClicks()
    {
        writeTrail();
        AuditTrailView view;
        open(view);
        QCOMPARE(shownSeqs(view), (QList<qint64>{6, 5, 4, 3, 2, 1}));
        const QModelIndex top = view.table()->model()->index(0, AuditTrailModel::SummaryColumn);
        QCOMPARE(top.data().toString(), kEntries.last().summary);

        QTest::mouseClick(view.familyButton(Family::Runbook), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{5, 4}));
        QTest::mouseClick(view.familyButton(Family::Runs), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{6, 2}));
        QTest::mouseClick(view.familyButton(Family::Reports), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{3}));
        QTest::mouseClick(view.familyButton(Family::Project), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{1}));
        QTest::mouseClick(view.familyButton(std::nullopt), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{6, 5, 4, 3, 2, 1}));

        QTest::mouseClick(view.textFilter(), Qt::LeftButton);
        QTest::keyClicks(view.textFilter(), QStringLiteral("1a2b3c4d"));
        QCOMPARE(shownSeqs(view), (QList<qint64>{6, 2}));
        QTest::mouseClick(view.familyButton(Family::Runs), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{6, 2}));
        QTest::keyClick(view.textFilter(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(view.textFilter(), QStringLiteral("backup-target")); // only in the data
        QCOMPARE(shownSeqs(view), QList<qint64>{});
        QTest::mouseClick(view.familyButton(std::nullopt), Qt::LeftButton);
        QCOMPARE(shownSeqs(view), (QList<qint64>{5}));
        QTest::keyClick(view.textFilter(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(view.textFilter(), Qt::Key_Delete);
        QCOMPARE(shownSeqs(view), (QList<qint64>{6, 5, 4, 3, 2, 1}));
    }

    void showsTheChosenEntrysDataAsIndentedJson()
    {
        writeTrail();
        AuditTrailView view;
        open(view);
        clickRow(view, 4); // entry 2, the run
        QCOMPARE(view.selectedSeq(), qint64(2));
        const QString json = view.detail()->toPlainText();
        QVERIFY2(
            json.contains(QStringLiteral("{\n    \"loaded\": 1204,\n    \"run\": \"1a2b3c4d\"\n}")),
            qPrintable(json));
        const auto *title = view.findChild<QLabel *>(QStringLiteral("auditEntryTitle"));
        QVERIFY(title->text().contains(kEntries.at(1).summary));
        QVERIFY(title->text().contains(m_written.at(1).hash.left(12)));
    }

    void verifySaysIntactThenNamesTheChangedEntry()
    {
        writeTrail();
        AuditTrailView view;
        open(view);
        QVERIFY(verifyByClick(view));
        const auto head = AuditTrail::forProject(m_project).head();
        QVERIFY(head);
        const QString intact = view.verdictText();
        QVERIFY2(intact.startsWith(QStringLiteral("\u2713 Chain intact: 6 entries, head ") +
                                   head->hash.left(12)),
                 qPrintable(intact));
        QCOMPARE(view.model()->brokenSeq(), qint64(0));
        saveShot(view, QStringLiteral("audit-trail-intact.png"));

        // Change the fourth entry's summary, as someone covering a step up would.
        const QString path = AuditTrail::forProject(m_project).path();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QVERIFY(lines.at(3).contains("Rehearsal ab12 started"));
        lines[3].replace("Rehearsal ab12 started", "Rehearsal ab12 never started");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
        file.close();

        clickRow(view, 0);
        QCOMPARE(view.selectedSeq(), qint64(6));
        QVERIFY(!verifyByClick(view));
        const QString broken = view.verdictText();
        QVERIFY2(broken.startsWith(QStringLiteral("\u2715 Broken at entry 4 (line 4): ")),
                 qPrintable(broken));
        QCOMPARE(view.selectedSeq(), qint64(4));
        QCOMPARE(view.model()->brokenSeq(), qint64(4));
        const QModelIndex row = view.filter()->shownIndex(4);
        QVERIFY(row.data(AuditTrailModel::BrokenRole).toBool());
        QVERIFY(row.data().toString().startsWith(AuditTrailModel::brokenMark()));
        QCOMPARE(row.siblingAtColumn(AuditTrailModel::SummaryColumn).data().toString(),
                 QStringLiteral("Rehearsal ab12 never started"));
        QVERIFY(view.table()->viewport()->rect().intersects(view.table()->visualRect(row)));
        saveShot(view, QStringLiteral("audit-trail-broken.png"));
    }

    void verifyShowsABrokenEntryTheFiltersHid()
    {
        writeTrail();
        AuditTrailView view;
        open(view);
        const QString path = AuditTrail::forProject(m_project).path();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        bytes.replace("report 9f8e: pass", "report 9f8e: PASS");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        QTest::mouseClick(view.familyButton(Family::Runbook), Qt::LeftButton);
        QVERIFY(!verifyByClick(view));
        QCOMPARE(view.selectedSeq(), qint64(3));
        QVERIFY(view.familyButton(std::nullopt)->isChecked());
    }

    void anEntryAppendedFromOutsideShowsWithoutAClick()
    {
        writeTrail();
        AuditTrailView view;
        open(view);
        clickRow(view, 2); // entry 4
        QCOMPARE(view.selectedSeq(), qint64(4));
        VERIFY_OK(AuditTrail::forProject(m_project).append(QStringLiteral("runbook.signoff"),
                                                           QStringLiteral("Go signed by bob"), {},
                                                           QStringLiteral("bob")));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 7, kTimeout);
        QCOMPARE(shownSeqs(view).first(), qint64(7));
        QCOMPARE(view.selectedSeq(), qint64(4)); // the place stays
    }

    void aTrailCreatedLaterShowsToo()
    {
        QVERIFY(m_dir.isValid());
        const QString project = m_dir.filePath(QStringLiteral("fresh.cutover"));
        AuditTrailView view;
        QSignalSpy loaded(&view, &AuditTrailView::loaded);
        view.setProjectPath(project);
        QVERIFY(loaded.wait(kTimeout));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.message()->isVisibleTo(&view));
        QVERIFY(view.message()->text().startsWith(QStringLiteral("No entries yet")));
        VERIFY_OK(AuditTrail::forProject(project).append(QStringLiteral("project.save"),
                                                         QStringLiteral("Saved")));
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, kTimeout);
        QVERIFY(view.table()->isVisibleTo(&view));
    }

    void aProjectNeverSavedSaysSo()
    {
        AuditTrailView view;
        view.setProjectPath({});
        QVERIFY(view.message()->isVisibleTo(&view));
        QVERIFY(view.message()->text().contains(QStringLiteral("not been saved")));
        QVERIFY(!view.verifyButton()->isEnabled());
        QVERIFY(!view.table()->isVisibleTo(&view));
    }
};

QTEST_MAIN(TestAuditTrailView)
#include "tst_audittrailview.moc"
