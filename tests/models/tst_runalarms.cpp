// The run monitor's counters against the limits that stop a run: the project's, a mapping's own
// and the run's own, judged once a share rests on enough rows; and the ledger model of a run.
#include "RunAlarms.h"
#include "RunTablesModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cutover;
using Level = RunAlarms::Level;

namespace {

TableProgress table(const QString &name, qint64 read, qint64 quarantined, qint64 expected = -1)
{
    TableProgress t;
    t.table = name;
    t.stage = TableProgress::Stage::Loading;
    t.read = read;
    t.quarantined = quarantined;
    t.expectedRows = expected < 0 ? read * 2 : expected;
    return t;
}

Project project()
{
    Project p;
    p.settings.maxErrorRate = 0.10;
    p.settings.maxQuarantined = 1000;
    p.settings.maxRunErrorRate = -1;
    TableMapping strict;
    strict.target = QStringLiteral("strict");
    strict.maxErrorRate = 0.01;
    TableMapping loose;
    loose.target = QStringLiteral("loose");
    p.mappings = {strict, loose};
    return p;
}

} // namespace

class TestRunAlarms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void levelsByShareOfTheLimit()
    {
        QCOMPARE(RunAlarms::levelOf(0.2), Level::Ok);
        QCOMPARE(RunAlarms::levelOf(0.5), Level::Warning);
        QCOMPARE(RunAlarms::levelOf(0.79), Level::Warning);
        QCOMPARE(RunAlarms::levelOf(0.8), Level::Critical);
        QCOMPARE(RunAlarms::levelOf(3), Level::Critical);
    }

    void quarantinedCountAgainstTheProjectsOrTheRunsLimit()
    {
        RunProgress progress;
        progress.tables = {table(QStringLiteral("loose"), 5000, 450)};
        const RunAlarms byProject(project(), {});
        RunAlarms::Gauge gauge = byProject.quarantined(progress);
        QCOMPARE(gauge.level, Level::Ok); // 450 of 1,000
        QVERIFY(gauge.text.contains(QStringLiteral("settings.maxQuarantined")));
        progress.tables.first().quarantined = 850;
        QCOMPARE(byProject.quarantined(progress).level, Level::Critical);

        RunOptions own;
        own.maxQuarantined = -1; // none for this run
        QCOMPARE(RunAlarms(project(), own).quarantined(progress).level, Level::NoLimit);
        own.maxQuarantined = 1600;
        QCOMPARE(RunAlarms(project(), own).quarantined(progress).level, Level::Warning);
    }

    void errorRateTakesTheWorstTableAgainstItsOwnLimit()
    {
        RunProgress progress;
        progress.tables = {table(QStringLiteral("loose"), 5000, 250),  // 5% of 10%: warning
                           table(QStringLiteral("strict"), 5000, 45)}; // 0.9% of 1%: critical
        const RunAlarms alarms(project(), {});
        const RunAlarms::Gauge gauge = alarms.errorRate(progress);
        QCOMPARE(gauge.level, Level::Critical);
        QVERIFY2(gauge.text.contains(QStringLiteral("strict")), qPrintable(gauge.text));
        QCOMPARE(alarms.tableLevel(progress.tables.at(0)), Level::Warning);
        QCOMPARE(alarms.tableLevel(progress.tables.at(1)), Level::Critical);

        RunOptions own;
        own.maxErrorRate = 0.5; // overrides the mapping's 1% too
        QCOMPARE(RunAlarms(project(), own).errorRate(progress).level, Level::Ok);
    }

    void aShareIsNotJudgedOnTooFewRows()
    {
        RunProgress progress;
        progress.tables = {table(QStringLiteral("strict"), 30, 10, 50000)};
        const RunAlarms alarms(project(), {});
        QCOMPARE(alarms.tableLevel(progress.tables.first()), Level::Ok);
        QCOMPARE(alarms.errorRate(progress).level, Level::NoLimit);
        // a small table is judged once it is read whole
        progress.tables = {table(QStringLiteral("strict"), 30, 10, 30)};
        QCOMPARE(alarms.tableLevel(progress.tables.first()), Level::Critical);
    }

    void ledgerModelBalancesPerTable()
    {
        RunRecord run;
        run.runId = QStringLiteral("r1");
        RunTableRecord good;
        good.tableName = QStringLiteral("patient");
        good.status = RunStatus::Succeeded;
        good.sourceRows = 100;
        good.loaded = 90;
        good.quarantined = 7;
        good.skipped = 3;
        good.read = 100;
        good.timings.insert(QStringLiteral("total_ms"), 2000);
        RunTableRecord bad = good;
        bad.tableName = QStringLiteral("visit");
        bad.loaded = 80;
        RunTablesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(run);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.balances());
        run.tables = {good, bad};
        model.setRun(run);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(0, 0).data(RunTablesModel::BalancesRole).toBool());
        QVERIFY(!model.index(1, 0).data(RunTablesModel::BalancesRole).toBool());
        QVERIFY(!model.balances());
        QVERIFY(model.index(1, RunTablesModel::LedgerColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("DOES NOT BALANCE")));
        QCOMPARE(model.index(0, RunTablesModel::SecondsColumn).data(RunTablesModel::SortRole), 2.0);
        QCOMPARE(model.index(0, RunTablesModel::SpeedColumn).data(RunTablesModel::SortRole), 50.0);
    }
};

QTEST_MAIN(TestRunAlarms)
#include "tst_runalarms.moc"
