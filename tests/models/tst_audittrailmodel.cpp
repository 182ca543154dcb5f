// The audit trail's table model and its filter, under QAbstractItemModelTester, on entries built
// by hand: the columns (number, local time, who, kind, summary) and the data as indented JSON in
// the tooltip, each kind's family, entries added at the end inserted (not a reset, so a view
// keeps its selection) and a changed entry resetting, the broken entry marked by a cross and its
// reason; the filter newest first, by family and by text found in the data too.
#include "AuditTrailFilterModel.h"
#include "AuditTrailModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cutover;
using Family = AuditTrailModel::Family;

namespace {

const QDateTime kStart(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

AuditEntry entry(qint64 seq, const QString &kind, const QString &summary,
                 const QJsonObject &data = {})
{
    AuditEntry e;
    e.seq = seq;
    e.time = kStart.addSecs(60 * seq);
    e.who = seq % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
    e.kind = kind;
    e.summary = summary;
    e.data = data;
    e.prev = seq == 1 ? AuditEntry::genesis() : QString(64, QLatin1Char('a' + char(seq % 6)));
    e.hash = e.computeHash();
    return e;
}

QList<AuditEntry> trail()
{
    return {entry(1, QStringLiteral("project.save"), QStringLiteral("Saved: 2 mappings changed"),
                  {{QStringLiteral("changes"), QStringLiteral("mappings")}}),
            entry(2, QStringLiteral("run"), QStringLiteral("run 1a2b3c4d succeeded"),
                  {{QStringLiteral("run"), QStringLiteral("1a2b3c4d")},
                   {QStringLiteral("loaded"), 1204}}),
            entry(3, QStringLiteral("reconcile"), QStringLiteral("report r1: pass"),
                  {{QStringLiteral("report"), QStringLiteral("r1")}}),
            entry(4, QStringLiteral("runbook.step"), QStringLiteral("Step backup: done"),
                  {{QStringLiteral("step"), QStringLiteral("backup")}}),
            entry(5, QStringLiteral("rollback"), QStringLiteral("run 1a2b3c4d rolled back"),
                  {{QStringLiteral("backup"), QStringLiteral("modern.sqlite.bak")}})};
}

QList<qint64> shownSeqs(const QAbstractItemModel &model)
{
    QList<qint64> seqs;
    for (int row = 0; row < model.rowCount(); ++row)
        seqs << model.index(row, 0).data(AuditTrailModel::SeqRole).toLongLong();
    return seqs;
}

} // namespace

class TestAuditTrailModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachEntrysColumnsAndData()
    {
        AuditTrailModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(trail());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(AuditTrailModel::ColumnCount));
        QCOMPARE(model.headerData(AuditTrailModel::SummaryColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Summary"));
        const QModelIndex run = model.index(1, 0);
        QCOMPARE(run.data().toString(), QStringLiteral("2"));
        QCOMPARE(run.siblingAtColumn(AuditTrailModel::TimeColumn).data().toString(),
                 kStart.addSecs(120).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(run.siblingAtColumn(AuditTrailModel::WhoColumn).data().toString(),
                 QStringLiteral("bob"));
        QCOMPARE(run.siblingAtColumn(AuditTrailModel::KindColumn).data().toString(),
                 QStringLiteral("run"));
        QCOMPARE(run.siblingAtColumn(AuditTrailModel::SummaryColumn).data().toString(),
                 QStringLiteral("run 1a2b3c4d succeeded"));
        const QString json = run.data(AuditTrailModel::DataTextRole).toString();
        QVERIFY2(json.contains(QStringLiteral("\n    \"loaded\": 1204")), qPrintable(json));
        const QString tip =
            run.siblingAtColumn(AuditTrailModel::SummaryColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(json) && tip.contains(QStringLiteral("2024-05-01T12:02:00.000Z")),
                 qPrintable(tip));
        QCOMPARE(AuditTrailModel::dataText(AuditEntry{}), QStringLiteral("{\n}"));
    }

    void family_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("family");
        QTest::newRow("runbook.start") << "runbook.start" << int(Family::Runbook);
        QTest::newRow("runbook.signoff") << "runbook.signoff" << int(Family::Runbook);
        QTest::newRow("run") << "run" << int(Family::Runs);
        QTest::newRow("rollback") << "rollback" << int(Family::Runs);
        QTest::newRow("quarantine") << "quarantine" << int(Family::Runs);
        QTest::newRow("reconcile") << "reconcile" << int(Family::Reports);
        QTest::newRow("project.save") << "project.save" << int(Family::Project);
        QTest::newRow("other") << "login" << int(Family::Other);
        QTest::newRow("runner is no run") << "runner" << int(Family::Other);
    }

    void family()
    {
        QFETCH(QString, kind);
        QFETCH(int, family);
        QCOMPARE(int(AuditTrailModel::family(kind)), family);
    }

    void entriesAddedAtTheEndAreInserted()
    {
        AuditTrailModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<AuditEntry> entries = trail();
        model.setEntries(entries.mid(0, 3));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setEntries(entries);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 3);
        QCOMPARE(inserted.first().at(2).toInt(), 4);
        model.setEntries(entries); // the same again: nothing happens
        QCOMPARE(reset.count() + inserted.count(), 1);

        entries[1].summary = QStringLiteral("changed"); // its hash kept, as a tampered line's
        model.setEntries(entries);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.index(1, AuditTrailModel::SummaryColumn).data().toString(),
                 QStringLiteral("changed"));
    }

    void marksTheBrokenEntry()
    {
        AuditTrailModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(trail());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setBroken(3, QStringLiteral("its content no longer matches its hash"));
        QCOMPARE(changed.count(), 1);
        const QModelIndex broken = model.index(2, 0);
        QVERIFY(broken.data(AuditTrailModel::BrokenRole).toBool());
        QCOMPARE(broken.data().toString(), QStringLiteral("\u2716 3"));
        QVERIFY(broken.data(Qt::BackgroundRole).isValid());
        QVERIFY(broken.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("its content no longer matches its hash")));
        QVERIFY(!model.index(1, 0).data(AuditTrailModel::BrokenRole).toBool());
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("2"));
        model.setBroken(0, {});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(broken.data().toString(), QStringLiteral("3"));
    }

    void filterShowsNewestFirstByFamilyAndText()
    {
        AuditTrailModel model;
        AuditTrailFilterModel filter(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(trail());
        QCOMPARE(shownSeqs(filter), (QList<qint64>{5, 4, 3, 2, 1}));
        filter.setFamily(Family::Runs);
        QCOMPARE(shownSeqs(filter), (QList<qint64>{5, 2}));
        filter.setFamily(Family::Runbook);
        QCOMPARE(shownSeqs(filter), (QList<qint64>{4}));
        filter.setFamily(std::nullopt);
        filter.setText(QStringLiteral("ALICE"));
        QCOMPARE(shownSeqs(filter), (QList<qint64>{5, 3, 1}));
        filter.setText(QStringLiteral("modern.sqlite.bak")); // only in the data
        QCOMPARE(shownSeqs(filter), (QList<qint64>{5}));
        filter.setFamily(Family::Reports);
        QCOMPARE(shownSeqs(filter), QList<qint64>{});
        filter.setText({});
        QCOMPARE(shownSeqs(filter), (QList<qint64>{3}));
        QVERIFY(!filter.shownIndex(4).isValid());
        QCOMPARE(filter.shownIndex(3).row(), 0);
        model.setEntries(trail() << entry(6, QStringLiteral("reconcile"), QStringLiteral("r2")));
        QCOMPARE(shownSeqs(filter), (QList<qint64>{6, 3}));
    }
};

QTEST_GUILESS_MAIN(TestAuditTrailModel)
#include "tst_audittrailmodel.moc"
