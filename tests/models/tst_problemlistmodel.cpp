#include "ProblemListModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace cutover;

namespace {

Problem problem(Problem::Severity severity, const QString &location, const QString &code,
                const QString &table = {}, const QString &column = {})
{
    Problem p;
    p.severity = severity;
    p.location = location;
    p.code = code;
    p.message = QStringLiteral("%1 at %2").arg(code, location);
    p.table = table;
    p.column = column;
    p.path = QStringLiteral("mappings[0]");
    return p;
}

QList<Problem> someProblems()
{
    return {
        problem(Problem::Severity::Warning, QStringLiteral("mapping b"), QStringLiteral("lossy")),
        problem(Problem::Severity::Info, QStringLiteral("mapping a"), QStringLiteral("note")),
        problem(Problem::Severity::Error, QStringLiteral("mapping c"),
                QStringLiteral("unknown-column"), QStringLiteral("patient"),
                QStringLiteral("nmae")),
        problem(Problem::Severity::Warning, QStringLiteral("mapping a"), QStringLiteral("lossy")),
        problem(Problem::Severity::Error, QStringLiteral("mapping a"),
                QStringLiteral("unknown-table")),
    };
}

} // namespace

class TestProblemListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.summary(), QStringLiteral("No problems"));
        QCOMPARE(model.headerData(ProblemListModel::SeverityColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Severity"));
        QCOMPARE(model.headerData(ProblemListModel::LocationColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Location"));
        QCOMPARE(model.headerData(ProblemListModel::MessageColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Message"));
        QCOMPARE(model.headerData(ProblemListModel::CodeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Code"));
    }

    void sortedBySeverityThenLocation()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProblems(someProblems());
        QCOMPARE(model.rowCount(), 5);
        const auto cell = [&model](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        QCOMPARE(cell(0, ProblemListModel::SeverityColumn), QStringLiteral("Error"));
        QCOMPARE(cell(0, ProblemListModel::LocationColumn), QStringLiteral("mapping a"));
        QCOMPARE(cell(0, ProblemListModel::CodeColumn), QStringLiteral("unknown-table"));
        QCOMPARE(cell(1, ProblemListModel::LocationColumn), QStringLiteral("mapping c"));
        QCOMPARE(cell(2, ProblemListModel::SeverityColumn), QStringLiteral("Warning"));
        QCOMPARE(cell(2, ProblemListModel::LocationColumn), QStringLiteral("mapping a"));
        QCOMPARE(cell(3, ProblemListModel::LocationColumn), QStringLiteral("mapping b"));
        QCOMPARE(cell(4, ProblemListModel::SeverityColumn), QStringLiteral("Info"));
        QCOMPARE(cell(1, ProblemListModel::MessageColumn),
                 QStringLiteral("unknown-column at mapping c"));
        QCOMPARE(model.problem(1).column, QStringLiteral("nmae"));
    }

    void roles()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProblems(someProblems());
        const QModelIndex row = model.index(1, ProblemListModel::MessageColumn);
        QCOMPARE(model.data(row, ProblemListModel::SeverityRole).toInt(),
                 int(Problem::Severity::Error));
        QCOMPARE(model.data(row, ProblemListModel::CodeRole).toString(),
                 QStringLiteral("unknown-column"));
        QCOMPARE(model.data(row, ProblemListModel::TableRole).toString(),
                 QStringLiteral("patient"));
        QCOMPARE(model.data(row, ProblemListModel::ColumnRole).toString(), QStringLiteral("nmae"));
        QCOMPARE(model.data(row, ProblemListModel::PathRole).toString(),
                 QStringLiteral("mappings[0]"));
        QCOMPARE(model.data(row, ProblemListModel::OffsetRole).toInt(), -1);
        QCOMPARE(model.data(row, ProblemListModel::SeverityColourRole).value<QColor>(),
                 ProblemListModel::severityColour(Problem::Severity::Error));
        QVERIFY(
            model.data(row, Qt::ToolTipRole).toString().contains(QStringLiteral("mappings[0]")));
        const QModelIndex severity = model.index(1, ProblemListModel::SeverityColumn);
        QCOMPARE(model.data(severity, Qt::DecorationRole).metaType(), QMetaType::fromType<QIcon>());
        QCOMPARE(model.data(severity, Qt::ForegroundRole).value<QColor>(),
                 ProblemListModel::severityColour(Problem::Severity::Error));
        QVERIFY(!model.data(row, Qt::DecorationRole).isValid());
        QVERIFY(ProblemListModel::severityColour(Problem::Severity::Error) !=
                ProblemListModel::severityColour(Problem::Severity::Warning));
    }

    void countsAndSummary()
    {
        ProblemListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &ProblemListModel::countsChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setProblems(someProblems());
        QCOMPARE(counts.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.count(Problem::Severity::Error), 2);
        QCOMPARE(model.count(Problem::Severity::Warning), 2);
        QCOMPARE(model.count(Problem::Severity::Info), 1);
        QCOMPARE(model.summary(), QStringLiteral("2 errors, 2 warnings, 1 note"));
        model.setProblems(
            {problem(Problem::Severity::Error, QStringLiteral("x"), QStringLiteral("bad"))});
        QCOMPARE(model.summary(), QStringLiteral("1 error"));
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 3);
        QCOMPARE(model.summary(), QStringLiteral("No problems"));
    }
};

QTEST_MAIN(TestProblemListModel)
#include "tst_problemlistmodel.moc"
