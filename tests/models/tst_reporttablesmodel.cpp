// The report viewer's overview of tables under QAbstractItemModelTester, on a hand-built report
// with a failing and a passing table: each row's verdict as a word, a tint and a role; findings
// marked; the worst table first to look at; the change since an earlier report in its own column.
#include "ReportFixture.h"
#include "ReportPalette.h"
#include "ReportTablesModel.h"
#include "report/ReportFacts.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace cutover;
using test::ReportFixture;

class TestReportTablesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowPerTableWithItsVerdict()
    {
        ReportTablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ReconcileReport report = ReportFixture::report();
        model.setReport(report);
        QCOMPARE(model.rowCount(), int(report.tables.size()));
        QCOMPARE(model.columnCount(), int(ReportTablesModel::ColumnCount) - 1); // no comparison

        const int patient = model.rowOf(QStringLiteral("patient"));
        const int practitioner = model.rowOf(QStringLiteral("practitioner"));
        QVERIFY(patient >= 0 && practitioner >= 0);
        QCOMPARE(model.worstRow(), patient);
        QCOMPARE(model.tableAt(patient), QStringLiteral("patient"));

        const QModelIndex failing = model.index(patient, ReportTablesModel::StatusColumn);
        QCOMPARE(failing.data().toString(), QStringLiteral("Fail"));
        QCOMPARE(failing.data(ReportTablesModel::StatusRole).toInt(), int(ReconcileStatus::Fail));
        QCOMPARE(failing.data(Qt::BackgroundRole).value<QColor>(),
                 ReportPalette::statusTint(ReconcileStatus::Fail));
        QVERIFY(
            failing.data(Qt::ToolTipRole).toString().contains(QStringLiteral("3 rows missing")));
        const QModelIndex passing = model.index(practitioner, ReportTablesModel::StatusColumn);
        QCOMPARE(passing.data().toString(), QStringLiteral("Pass"));
        QCOMPARE(passing.data(Qt::BackgroundRole).value<QColor>(),
                 ReportPalette::statusTint(ReconcileStatus::Pass));

        const QModelIndex missing = model.index(patient, ReportTablesModel::MissingColumn);
        QCOMPARE(missing.data(ReportTablesModel::CountRole).toLongLong(), 3);
        QCOMPARE(missing.data().toString(), QLocale().toString(3));
        QVERIFY(missing.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(missing.data(Qt::BackgroundRole).isValid());
        const QModelIndex none = model.index(practitioner, ReportTablesModel::MissingColumn);
        QVERIFY(!none.data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(patient, ReportTablesModel::ExpectedColumn)
                     .data(ReportTablesModel::CountRole)
                     .toLongLong(),
                 1003);
        QCOMPARE(model.index(patient, ReportTablesModel::DuplicatesColumn)
                     .data(ReportTablesModel::CountRole)
                     .toLongLong(),
                 ReportFacts::duplicates(*report.table(QStringLiteral("patient"))));
        QCOMPARE(model.headerData(ReportTablesModel::MissingColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Missing"));
    }

    void changeSinceAnEarlierReport()
    {
        ReportTablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ReconcileReport report = ReportFixture::report();
        ReconcileReport earlier = report;
        for (TableReconciliation &t : earlier.tables)
            if (t.table == QLatin1String("patient")) {
                t.missing = 0;
                t.status = ReconcileStatus::Pass;
            }
        model.setReport(report, ReportComparison(earlier));
        QCOMPARE(model.columnCount(), int(ReportTablesModel::ColumnCount));
        const QString change =
            model.index(model.rowOf(QStringLiteral("patient")), ReportTablesModel::ChangeColumn)
                .data()
                .toString();
        QVERIFY2(change.contains(QStringLiteral("missing +3")), qPrintable(change));
        QCOMPARE(
            model
                .index(model.rowOf(QStringLiteral("practitioner")), ReportTablesModel::ChangeColumn)
                .data()
                .toString(),
            QStringLiteral("unchanged"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.worstRow(), -1);
    }
};

QTEST_GUILESS_MAIN(TestReportTablesModel)
#include "tst_reporttablesmodel.moc"
