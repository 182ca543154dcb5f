// The report viewer's findings of a table under QAbstractItemModelTester, on a hand-built report:
// duplicates, orphaned references and rule violations, a row each with its rows and sample values,
// masked for a sensitive column.
#include "ReportFindingsModel.h"
#include "ReportFixture.h"
#include "report/ReportFacts.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cutover;
using test::ReportFixture;
using M = ReportFindingsModel;

namespace {

int rowOfKind(const M &model, M::Kind kind)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(M::KindRole).toInt() == int(kind))
            return row;
    return -1;
}

} // namespace

class TestReportFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindOfFinding()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ReconcileReport report = ReportFixture::report();
        model.setTable(report, QStringLiteral("patient"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowsOf(M::Kind::Duplicate), 1);
        QCOMPARE(model.rowsOf(M::Kind::Orphan), 1);
        QCOMPARE(model.rowsOf(M::Kind::RuleViolation), 1);

        const int duplicate = rowOfKind(model, M::Kind::Duplicate);
        QCOMPARE(model.index(duplicate, M::ColumnsColumn).data().toString(), QStringLiteral("id"));
        QCOMPARE(model.index(duplicate, M::ValuesColumn).data().toString(), QStringLiteral("42"));
        const int orphan = rowOfKind(model, M::Kind::Orphan);
        QCOMPARE(model.index(orphan, M::DetailColumn).data().toString(),
                 QStringLiteral("references practitioner(id)"));
        QCOMPARE(model.index(orphan, M::RowsColumn).data(M::RowsRole).toLongLong(), 2);
        QCOMPARE(model.index(orphan, M::ValuesColumn).data().toString(), QStringLiteral("77, 78"));

        // email is sensitive: its rule's sample values stay masked
        const int rule = rowOfKind(model, M::Kind::RuleViolation);
        QVERIFY(model.index(rule, M::DetailColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("email_format")));
        QCOMPARE(model.index(rule, M::ValuesColumn).data().toString(),
                 QString::fromUtf16(ReportFacts::kMask));
        QVERIFY(model.index(rule, M::ValuesColumn).data(M::MaskedRole).toBool());
        report.masked = false;
        model.setTable(report, QStringLiteral("patient"));
        QCOMPARE(model.index(rowOfKind(model, M::Kind::RuleViolation), M::ValuesColumn)
                     .data()
                     .toString(),
                 QStringLiteral("not-an-email"));

        model.setTable(report, QStringLiteral("practitioner"));
        QCOMPARE(model.rowCount(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReportFindingsModel)
#include "tst_reportfindingsmodel.moc"
