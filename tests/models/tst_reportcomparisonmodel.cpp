// The report viewer's comparison with an earlier report under QAbstractItemModelTester: per table
// the status then and now, the counts with their change, the new and resolved differences and
// the rows named; a table in only one of the reports; nothing without an earlier report.
#include "ReportComparisonModel.h"
#include "ReportFixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cutover;
using test::ReportFixture;
using M = ReportComparisonModel;

namespace {

TableReconciliation *tableOf(ReconcileReport &report, const QString &name)
{
    for (TableReconciliation &t : report.tables)
        if (t.table == name)
            return &t;
    return nullptr;
}

} // namespace

class TestReportComparisonModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newAndResolvedDifferencesPerTable()
    {
        const ReconcileReport now = ReportFixture::report();
        ReconcileReport earlier = now;
        earlier.createdAt = now.createdAt.addDays(-1);
        TableReconciliation *patient = tableOf(earlier, QStringLiteral("patient"));
        patient->missing = 0;
        patient->missingSamples.clear();
        patient->modified = 7;
        ModifiedRow resolved;
        resolved.row.targetKey = QStringLiteral("99");
        resolved.columns = {QStringLiteral("name")};
        resolved.expected = {QStringLiteral("a")};
        resolved.actual = {QStringLiteral("b")};
        patient->modifiedSamples.append(resolved);
        patient->status = ReconcileStatus::Pass;
        TableReconciliation gone = ReportFixture::passingTable();
        gone.table = QStringLiteral("invoice");
        earlier.tables.append(gone);

        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReports(now, ReportComparison(earlier));
        QVERIFY(model.hasPrevious());
        QCOMPARE(model.rowCount(), 3); // practitioner, patient, and invoice from before

        const int row = model.rowOf(QStringLiteral("patient"));
        QCOMPARE(model.index(row, M::NewColumn).data(M::NewRole).toLongLong(), 3); // missing +3
        QCOMPARE(model.index(row, M::ResolvedColumn).data(M::ResolvedRole).toLongLong(),
                 2); // modified 7 -> 5
        QCOMPARE(model.index(row, M::MissingColumn).data().toString(),
                 QStringLiteral("%1 (+3)").arg(QLocale().toString(3)));
        QVERIFY(model.index(row, M::NowColumn).data().toString().contains(QStringLiteral("Fail")));
        QVERIFY(model.index(row, M::WasColumn).data().toString().contains(QStringLiteral("Pass")));
        const QStringList added = model.index(row, 0).data(M::NewRowsRole).toStringList();
        QVERIFY(added.contains(QStringLiteral("missing 17")));
        QVERIFY(!added.contains(QStringLiteral("modified 42"))); // in both
        QCOMPARE(model.index(row, 0).data(M::ResolvedRowsRole).toStringList(),
                 QStringList{QStringLiteral("modified 99")});
        QVERIFY(model.index(row, M::RowsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("resolved: modified 99")));

        const int unchanged = model.rowOf(QStringLiteral("practitioner"));
        QCOMPARE(model.index(unchanged, M::NewColumn).data(M::NewRole).toLongLong(), 0);
        QCOMPARE(model.index(unchanged, M::ResolvedColumn).data(M::ResolvedRole).toLongLong(), 0);
        const int invoice = model.rowOf(QStringLiteral("invoice"));
        QCOMPARE(model.index(invoice, M::NowColumn).data().toString(),
                 QStringLiteral("not in this report"));
        QVERIFY2(model.summary().startsWith(QStringLiteral("3 new and 2 resolved")),
                 qPrintable(model.summary()));
    }

    void nothingWithoutAnEarlierReport()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReports(ReportFixture::report(), ReportComparison());
        QVERIFY(!model.hasPrevious());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.summary(), QStringLiteral("No earlier report to compare with."));
        model.setReports(ReportFixture::report(), ReportComparison(ReportFixture::report()));
        QCOMPARE(model.rowCount(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReportComparisonModel)
#include "tst_reportcomparisonmodel.moc"
