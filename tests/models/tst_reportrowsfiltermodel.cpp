// The report viewer's filter of a table's differing rows by kind, under QAbstractItemModelTester,
// on a hand-built report (3 missing, 1 extra and the first 1 of 5 modified rows listed): each
// kind shows only its rows with their columns, All shows every row, the labels count what each
// choice shows ("Missing (3)", "Modified (1 of 5)"), and a new table keeps the kind chosen. The
// rows model's roles the jump to a mapping reads: the source key and the differing columns.
#include "ReportFixture.h"
#include "ReportRowsFilterModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cutover;
using test::ReportFixture;
using Kind = ReportRowsModel::Kind;

namespace {

// The kinds of the rows shown, top to bottom.
QList<int> kindsShown(const QAbstractItemModel &model)
{
    QList<int> kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds << model.index(row, 0).data(ReportRowsModel::KindRole).toInt();
    return kinds;
}

} // namespace

class TestReportRowsFilterModel : public QObject
{
    Q_OBJECT

private:
    ReportRowsModel m_rows{ReportRowsModel::Content::Differences};

private Q_SLOTS:
    void init() { m_rows.setTable(ReportFixture::report(), QStringLiteral("patient")); }

    void eachKindShowsOnlyItsRows_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("label");
        QTest::newRow("missing") << int(Kind::Missing) << 3 << QStringLiteral("Missing (3)");
        QTest::newRow("extra") << int(Kind::Extra) << 1 << QStringLiteral("Extra (1)");
        QTest::newRow("modified") << int(Kind::Modified) << 1
                                  << QStringLiteral("Modified (1 of 5)");
    }

    void eachKindShowsOnlyItsRows()
    {
        QFETCH(int, kind);
        QFETCH(int, rows);
        QFETCH(QString, label);
        ReportRowsFilterModel filter(&m_rows);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&filter, &ReportRowsFilterModel::kindChanged);
        QCOMPARE(filter.rowCount(), 5);
        filter.setKind(Kind(kind));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(filter.kind(), std::optional<Kind>(Kind(kind)));
        QCOMPARE(filter.rowCount(), rows);
        QCOMPARE(kindsShown(filter), QList<int>(rows, kind));
        QCOMPARE(filter.label(Kind(kind)), label);
        // a row's columns come with it
        for (int row = 0; row < filter.rowCount(); ++row) {
            const QModelIndex shown = filter.index(row, 0);
            const QModelIndex source = filter.mapToSource(shown);
            QCOMPARE(filter.rowCount(shown), m_rows.rowCount(source));
        }
        filter.setKind(Kind(kind)); // the same again: nothing changes
        QCOMPARE(changed.size(), 1);
        filter.setKind(std::nullopt);
        QCOMPARE(filter.rowCount(), 5);
        QCOMPARE(kindsShown(filter), kindsShown(m_rows));
    }

    void labelsCountWhatEachChoiceShows()
    {
        ReportRowsFilterModel filter(&m_rows);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.label(std::nullopt), QStringLiteral("All (5 of 9)"));
        QCOMPARE(filter.listed(std::nullopt), 5);
        QCOMPARE(filter.found(std::nullopt), 9);
        QCOMPARE(filter.found(Kind::Modified), 5);
        QCOMPARE(filter.listed(Kind::Modified), 1);
        QCOMPARE(ReportRowsFilterModel::title(Kind::Missing), QStringLiteral("Missing"));
        QVERIFY(filter.shows(Kind::Extra));
        filter.setKind(Kind::Missing);
        QVERIFY(filter.shows(Kind::Missing));
        QVERIFY(!filter.shows(Kind::Extra));
        // where a row of the rows model is shown, if at all
        const int extra = m_rows.rowOf(Kind::Extra, QStringLiteral("9001"));
        QVERIFY(!filter.shownIndex(extra).isValid());
        const int missing = m_rows.rowOf(Kind::Missing, QStringLiteral("18"));
        QCOMPARE(filter.shownIndex(missing).data(ReportRowsModel::TargetKeyRole).toString(),
                 QStringLiteral("18"));
    }

    void aNewTableKeepsTheKindChosen()
    {
        ReportRowsFilterModel filter(&m_rows);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setKind(Kind::Missing);
        m_rows.setTable(ReportFixture::report(), QStringLiteral("practitioner"));
        QCOMPARE(filter.rowCount(), 0);
        QCOMPARE(filter.label(Kind::Missing), QStringLiteral("Missing (0)"));
        QCOMPARE(filter.label(std::nullopt), QStringLiteral("All (0)"));
        m_rows.setTable(ReportFixture::report(), QStringLiteral("patient"));
        QCOMPARE(filter.kind(), std::optional<Kind>(Kind::Missing));
        QCOMPARE(filter.rowCount(), 3);
        m_rows.clear();
        QCOMPARE(filter.rowCount(), 0);
    }

    void rowsCarryTheirSourceKeyAndDifferingColumns()
    {
        ReportRowsFilterModel filter(&m_rows);
        filter.setKind(Kind::Modified);
        const QModelIndex modified = filter.index(0, ReportRowsModel::TargetKeyColumn);
        QCOMPARE(modified.data().toString(), QStringLiteral("42"));
        QCOMPARE(modified.data(ReportRowsModel::SourceKeyRole).toString(), QStringLiteral("P-42"));
        QCOMPARE(modified.data(ReportRowsModel::DifferingColumnsRole).toStringList(),
                 QStringList({QStringLiteral("name"), QStringLiteral("email")}));
        // its column items know the key too
        const QModelIndex column = filter.index(0, 0, filter.index(0, 0));
        QCOMPARE(column.data(ReportRowsModel::SourceKeyRole).toString(), QStringLiteral("P-42"));
        filter.setKind(Kind::Extra);
        QVERIFY(filter.index(0, 0).data(ReportRowsModel::SourceKeyRole).toString().isEmpty());
        QVERIFY(filter.index(0, 0)
                    .data(ReportRowsModel::DifferingColumnsRole)
                    .toStringList()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReportRowsFilterModel)
#include "tst_reportrowsfiltermodel.moc"
