// The report viewer's column profiles under QAbstractItemModelTester, on a hand-built report:
// every compared or profiled column once, both sides' figures, the ones that differ marked, the
// min and max of a sensitive column masked though their difference is still judged.
#include "ReportFixture.h"
#include "ReportPalette.h"
#include "ReportProfilesModel.h"
#include "report/ReportFacts.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cutover;
using test::ReportFixture;
using M = ReportProfilesModel;

class TestReportProfilesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothSidesWithTheirDifferencesMarked()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(ReportFixture::report(), QStringLiteral("patient"));
        QCOMPARE(model.rowCount(), 5); // id, name, email, balance, born
        const int name = model.rowOf(QStringLiteral("name"));
        QVERIFY(name >= 0);
        QCOMPARE(model.index(name, M::RuleColumn).data().toString(),
                 QStringLiteral("ignoring trailing spaces"));
        QCOMPARE(model.index(name, M::DifferingColumn).data().toString(), QLocale().toString(4));
        // distinct: 990 expected, 988 in the target
        const QModelIndex distinct = model.index(name, M::DistinctTargetColumn);
        QVERIFY(distinct.data(M::DifferingRole).toBool());
        QVERIFY(model.index(name, M::DistinctExpectedColumn).data(M::DifferingRole).toBool());
        QCOMPARE(distinct.data().toString(),
                 ReportPalette::differMark() + QLatin1Char(' ') + QLocale().toString(988));
        QCOMPARE(distinct.data(Qt::BackgroundRole).value<QColor>(), ReportPalette::differTint());
        QVERIFY(!model.index(name, M::NullsTargetColumn).data(M::DifferingRole).toBool());
        QCOMPARE(model.index(name, M::RangeTargetColumn).data().toString(),
                 QStringLiteral("Aaron \u2026 Zoe"));

        const int born = model.rowOf(QStringLiteral("born"));
        QVERIFY(
            model.index(born, M::ColumnColumn).data().toString().contains(QStringLiteral("dates")));
        QVERIFY(!model.index(born, M::RangeTargetColumn).data(M::DifferingRole).toBool());
        // compared but not profiled: no figures
        const int id = model.rowOf(QStringLiteral("id"));
        QCOMPARE(model.index(id, M::NullsTargetColumn).data().toString(), QString());
        QCOMPARE(model.index(id, M::TypeColumn).data().toString(), QStringLiteral("uuid"));
        QCOMPARE(model.differingColumns(), 3); // name, email (rows and nulls), born (distinct)
    }

    void sensitiveRangesMasked()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ReconcileReport report = ReportFixture::report();
        model.setTable(report, QStringLiteral("patient"));
        const int email = model.rowOf(QStringLiteral("email"));
        const QString mask = QString::fromUtf16(ReportFacts::kMask);
        for (int column : {M::RangeExpectedColumn, M::RangeTargetColumn}) {
            const QModelIndex index = model.index(email, column);
            QVERIFY(index.data().toString().endsWith(mask));
            QVERIFY(!index.data().toString().contains(QStringLiteral("example.org")));
            QVERIFY(index.data(M::MaskedRole).toBool());
        }
        QVERIFY(model.index(email, M::NullsTargetColumn).data(M::DifferingRole).toBool());

        report.masked = false;
        model.setTable(report, QStringLiteral("patient"));
        QCOMPARE(model.index(email, M::RangeTargetColumn).data().toString(),
                 QStringLiteral("a@example.org \u2026 z@example.org"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReportProfilesModel)
#include "tst_reportprofilesmodel.moc"
