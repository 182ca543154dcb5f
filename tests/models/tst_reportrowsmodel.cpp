// The report viewer's drill-down into a table's rows under QAbstractItemModelTester, on a
// hand-built report: the missing, extra and modified rows with their values before and after,
// the differing columns marked; the random sample; sensitive columns masked in a masked report
// (no value of theirs anywhere in the model) and shown in an unmasked one.
#include "ReportFixture.h"
#include "ReportPalette.h"
#include "ReportRowsModel.h"
#include "report/ReportFacts.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cutover;
using test::ReportFixture;
using Kind = ReportRowsModel::Kind;

namespace {

// Every text the model holds, in every row and column, at every level.
QStringList allText(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            texts << index.data().toString() << index.data(Qt::ToolTipRole).toString();
        }
        texts << allText(model, model.index(row, 0, parent));
    }
    return texts;
}

// The child of a row's item for column, or an invalid index.
QModelIndex columnItem(const ReportRowsModel &model, int row, const QString &column)
{
    const QModelIndex parent = model.index(row, 0);
    for (int r = 0; r < model.rowCount(parent); ++r)
        if (model.index(r, 0, parent).data(ReportRowsModel::ColumnNameRole) == column)
            return model.index(r, 0, parent);
    return {};
}

QModelIndex sibling(const QModelIndex &index, int column)
{
    return index.sibling(index.row(), column);
}

} // namespace

class TestReportRowsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differencesWithValuesBeforeAndAfter()
    {
        ReportRowsModel model(ReportRowsModel::Content::Differences);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ReconcileReport report = ReportFixture::report();
        model.setTable(report, QStringLiteral("patient"));
        QCOMPARE(model.rowCount(), 3 + 1 + 1); // missing, extra, modified rows sampled
        QCOMPARE(model.rowsOf(Kind::Missing), 3);
        QCOMPARE(model.rowsOf(Kind::Extra), 1);
        QCOMPARE(model.rowsOf(Kind::Modified), 1);

        const int missing = model.rowOf(Kind::Missing, QStringLiteral("17"));
        QVERIFY(missing >= 0);
        QCOMPARE(model.index(missing, ReportRowsModel::SourceKeyColumn).data().toString(),
                 QStringLiteral("P-17"));
        QCOMPARE(model.index(missing, ReportRowsModel::KindColumn).data(ReportRowsModel::KindRole),
                 QVariant(int(Kind::Missing)));
        QVERIFY(model.index(missing, ReportRowsModel::KindColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Missing")));
        QVERIFY(model.rowOf(Kind::Extra, QStringLiteral("9001")) >= 0);

        const int modified = model.rowOf(Kind::Modified, QStringLiteral("42"));
        QVERIFY(modified >= 0);
        QCOMPARE(model.index(modified, ReportRowsModel::ColumnColumn).data().toString(),
                 QStringLiteral("name, email"));
        const QModelIndex name = columnItem(model, modified, QStringLiteral("name"));
        QVERIFY(name.isValid());
        QVERIFY(name.data(ReportRowsModel::DifferingRole).toBool());
        const QModelIndex expected = sibling(name, ReportRowsModel::ExpectedColumn);
        const QModelIndex actual = sibling(name, ReportRowsModel::ActualColumn);
        QCOMPARE(expected.data().toString(), QStringLiteral("Ada | Lovelace"));
        QCOMPARE(actual.data().toString(), QStringLiteral("<script>alert(1)</script>"));
        QCOMPARE(actual.data(Qt::BackgroundRole).value<QColor>(), ReportPalette::differTint());
        QVERIFY(sibling(name, ReportRowsModel::ColumnColumn)
                    .data()
                    .toString()
                    .startsWith(ReportPalette::differMark()));
        QVERIFY(!name.data(ReportRowsModel::MaskedRole).toBool());
        QVERIFY(model.summary().contains(QStringLiteral("3 missing")));
        QVERIFY2(model.summary().contains(QStringLiteral("first 1 of 5 modified")),
                 qPrintable(model.summary()));
    }

    void sensitiveColumnsStayMasked()
    {
        ReportRowsModel model(ReportRowsModel::Content::Differences);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ReconcileReport report = ReportFixture::report();
        model.setTable(report, QStringLiteral("patient"));
        const int modified = model.rowOf(Kind::Modified, QStringLiteral("42"));
        const QModelIndex email = columnItem(model, modified, QStringLiteral("email"));
        QVERIFY(email.data(ReportRowsModel::MaskedRole).toBool());
        QVERIFY(email.data(ReportRowsModel::DifferingRole).toBool());
        const QString mask = QString::fromUtf16(ReportFacts::kMask);
        QCOMPARE(sibling(email, ReportRowsModel::ExpectedColumn).data().toString(), mask);
        QCOMPARE(sibling(email, ReportRowsModel::ActualColumn).data().toString(), mask);
        for (const QString &text : allText(model))
            QVERIFY2(!text.contains(QStringLiteral("@example.org")), qPrintable(text));

        report.masked = false;
        model.setTable(report, QStringLiteral("patient"));
        const QModelIndex shown = columnItem(
            model, model.rowOf(Kind::Modified, QStringLiteral("42")), QStringLiteral("email"));
        QVERIFY(!shown.data(ReportRowsModel::MaskedRole).toBool());
        QCOMPARE(sibling(shown, ReportRowsModel::ActualColumn).data().toString(),
                 QStringLiteral("eve@example.org"));
    }

    void sampleComparedFieldByField()
    {
        ReportRowsModel model(ReportRowsModel::Content::Sample);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(ReportFixture::report(), QStringLiteral("patient"));
        QCOMPARE(model.rowCount(), 2);
        const int matched = model.rowOf(Kind::Matched, QStringLiteral("5"));
        QVERIFY(matched >= 0);
        QCOMPARE(model.rowCount(model.index(matched, 0)), 2);
        QVERIFY(!columnItem(model, matched, QStringLiteral("name"))
                     .data(ReportRowsModel::DifferingRole)
                     .toBool());
        QCOMPARE(model.index(matched, ReportRowsModel::ColumnColumn).data().toString(),
                 QStringLiteral("all 2 columns equal"));
        const int modified = model.rowOf(Kind::Modified, QStringLiteral("42"));
        QVERIFY(columnItem(model, modified, QStringLiteral("email"))
                    .data(ReportRowsModel::DifferingRole)
                    .toBool());
        QVERIFY(!columnItem(model, modified, QStringLiteral("name"))
                     .data(ReportRowsModel::DifferingRole)
                     .toBool());
        // a table the report does not hold, and back to nothing
        model.setTable(ReportFixture::report(), QStringLiteral("no_such_table"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.table().isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReportRowsModel)
#include "tst_reportrowsmodel.moc"
