// The run monitor driven like a user would, on real runs of the demo: Start shows every table's
// progress and ends with the row ledger; Cancel stops at a batch boundary and Start resumes the
// same run without losing or doubling a row; Pause holds the run; the quarantine counter turns
// red near this run's own limit; the options dialog sets what the CLI's options set.
#include "ProjectDocument.h"
#include "RunProgressModel.h"
#include "RunTablesModel.h"
#include "demo/DemoGenerator.h"
#include "run/RunController.h"
#include "run/RunMonitor.h"
#include "run/RunOptionsDialog.h"
#include "run/RunOutcome.h"
#include "run/RunSpeedChart.h"
#include "run/RunStartBar.h"
#include "run/RunTotalsBar.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

qint64 targetRows(const QString &databaseFile, const QString &table)
{
    const QString name = QStringLiteral("count-%1").arg(quintptr(&databaseFile));
    qint64 rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databaseFile);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)) &&
                query.next())
                rows = query.value(0).toLongLong();
            else
                qWarning() << databaseFile << query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace

class TestRunMonitor : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        ProjectDocument document;
        std::unique_ptr<RunMonitor> monitor;
        QString targetFile;
    };

    std::unique_ptr<Fixture> open(int patients)
    {
        auto f = std::make_unique<Fixture>();
        DemoGenerator::Options options;
        options.directory = f->dir.path();
        options.patients = patients;
        if (!DemoGenerator::generate(options).ok())
            return nullptr;
        if (!f->document.open(f->dir.filePath(DemoGenerator::projectFileName())).ok())
            return nullptr;
        auto spec = f->document.project().targetSpec();
        if (!spec.ok())
            return nullptr;
        f->targetFile = spec->path();
        f->monitor = std::make_unique<RunMonitor>(f->document, nullptr);
        f->monitor->resize(1200, 800);
        f->monitor->show();
        RunOptions run;
        run.batchSize = 50;
        run.maxErrorRate = 0.5; // the demo's dirty rows are many in a small demo
        f->monitor->startBar()->setOptions(run);
        return f;
    }

    static RunRecord waitForEnd(RunMonitor &monitor)
    {
        QSignalSpy ended(&monitor, &RunMonitor::runEnded);
        if (!ended.wait(180000))
            return {};
        return ended.first().first().value<RunRecord>();
    }

    static qint64 sourceRows(const RunRecord &run)
    {
        qint64 rows = 0;
        for (const RunTableRecord &t : run.tables)
            rows += t.sourceRows;
        return rows;
    }

private Q_SLOTS:
    void startShowsProgressAndEndsWithTheLedger()
    {
        auto f = open(300);
        QVERIFY(f);
        RunMonitor &monitor = *f->monitor;
        QAbstractItemModelTester progressTester(
            monitor.progressModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester ledgerTester(
            monitor.outcome()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy progress(monitor.controller(), &RunController::progress);
        QSignalSpy started(&monitor, &RunMonitor::runStarted);
        QTest::mouseClick(monitor.startBar()->startButton(), Qt::LeftButton);
        QCOMPARE(started.size(), 1);
        QVERIFY(!monitor.startBar()->startButton()->isEnabled());
        QVERIFY(monitor.startBar()->cancelButton()->isEnabled());
        const RunRecord run = waitForEnd(monitor);
        QCOMPARE(run.status, RunStatus::Succeeded);
        QVERIFY(!progress.isEmpty());

        // every table's row, done, and the totals at 100%
        QCOMPARE(monitor.progressModel()->rowCount(), int(run.tables.size()));
        for (int row = 0; row < monitor.progressModel()->rowCount(); ++row)
            QCOMPARE(monitor.progressModel()->index(row, 0).data(RunProgressModel::PercentRole),
                     100);
        QCOMPARE(monitor.totals()->bar()->value(), 1000);
        QVERIFY2(monitor.totals()->bar()->text().contains(QLocale().toString(sourceRows(run))),
                 qPrintable(monitor.totals()->bar()->text()));
        // a line per table that loaded rows, and the whole run's, with a point at the end
        QVERIFY(monitor.chart()->series(QString()));
        QVERIFY(monitor.chart()->series(QString())->count() >= 2);
        for (const RunTableRecord &t : run.tables)
            if (t.read > 0)
                QVERIFY2(monitor.chart()->series(t.tableName), qPrintable(t.tableName));
        QVERIFY(monitor.notices()->toPlainText().contains(QStringLiteral("starting a run")));

        // the ledger: a row per table, each balanced, and the banner says so
        QCOMPARE(monitor.tabs()->currentWidget(), monitor.outcome());
        RunTablesModel *ledger = monitor.outcome()->model();
        QCOMPARE(ledger->rowCount(), int(run.tables.size()));
        for (int row = 0; row < ledger->rowCount(); ++row) {
            QVERIFY(ledger->index(row, 0).data(RunTablesModel::BalancesRole).toBool());
            QVERIFY(ledger->index(row, RunTablesModel::LedgerColumn)
                        .data()
                        .toString()
                        .contains(QStringLiteral("balances")));
        }
        const QString banner = monitor.outcome()->statusLabel()->text();
        QVERIFY2(banner.contains(QStringLiteral("succeeded")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("Every table's ledger balances")),
                 qPrintable(banner));
        QVERIFY(monitor.startBar()->startButton()->isEnabled());

        // one click to reconcile it, one to see its quarantined rows
        QSignalSpy reconcile(&monitor, &RunMonitor::reconcileRequested);
        QTest::mouseClick(monitor.outcome()->reconcileButton(), Qt::LeftButton);
        QCOMPARE(reconcile.size(), 1);
        QCOMPARE(reconcile.first().first().toString(), run.runId);
        QSignalSpy quarantine(&monitor, &RunMonitor::quarantineRequested);
        QVERIFY(monitor.outcome()->quarantineButton()->isEnabled()); // the demo's dirty rows
        QTest::mouseClick(monitor.outcome()->quarantineButton(), Qt::LeftButton);
        QCOMPARE(quarantine.size(), 1);

        // the rows the ledger says were loaded are in the target
        const RunTableRecord *patients = run.table(QStringLiteral("patient"));
        QVERIFY(patients);
        QCOMPARE(targetRows(f->targetFile, QStringLiteral("patient")), patients->loaded);
    }

    void cancelStopsAtABatchBoundaryAndStartResumes()
    {
        auto f = open(3000);
        QVERIFY(f);
        RunMonitor &monitor = *f->monitor;
        QSignalSpy ended(&monitor, &RunMonitor::runEnded);
        bool cancelled = false;
        connect(monitor.controller(), &RunController::progress, &monitor,
                [&](const RunProgress &p) {
                    if (!cancelled && p.read() > 500) {
                        cancelled = true;
                        QTest::mouseClick(monitor.startBar()->cancelButton(), Qt::LeftButton);
                    }
                });
        QTest::mouseClick(monitor.startBar()->startButton(), Qt::LeftButton);
        QVERIFY(ended.wait(180000));
        QVERIFY(cancelled);
        const auto stopped = ended.takeFirst().first().value<RunRecord>();
        QCOMPARE(stopped.status, RunStatus::Cancelled);
        QVERIFY(sourceRows(stopped) == 0 || stopped.tables.size() > 0);
        for (const RunTableRecord &t : stopped.tables)
            QVERIFY2(t.balances(), qPrintable(t.tableName)); // read = loaded + quarantined
        QVERIFY(monitor.notices()->toPlainText().contains(QStringLiteral("next batch boundary")));
        // Start now resumes the interrupted run, and says so
        QVERIFY(monitor.startBar()->resumeLabel()->isVisibleTo(&monitor));
        QVERIFY(monitor.startBar()->resumeLabel()->text().contains(stopped.runId.left(8)));
        QCOMPARE(monitor.startBar()->startButton()->text(), QStringLiteral("Resume run"));
        QVERIFY(monitor.outcome()->statusLabel()->text().contains(QStringLiteral("cancelled")));

        QTest::mouseClick(monitor.startBar()->startButton(), Qt::LeftButton);
        QVERIFY(ended.wait(180000));
        const auto resumed = ended.takeFirst().first().value<RunRecord>();
        QCOMPARE(resumed.runId, stopped.runId);
        QCOMPARE(resumed.status, RunStatus::Succeeded);
        QVERIFY(!monitor.startBar()->resumeLabel()->isVisibleTo(&monitor));
        for (const RunTableRecord &t : resumed.tables) {
            QVERIFY2(t.balances(), qPrintable(t.tableName));
            QCOMPARE(targetRows(f->targetFile, t.tableName), t.loaded); // nothing twice
        }
    }

    void pauseHoldsTheRunUntilResumed()
    {
        auto f = open(2000);
        QVERIFY(f);
        RunMonitor &monitor = *f->monitor;
        RunStartBar *bar = monitor.startBar();
        QSignalSpy states(bar, &RunStartBar::stateChanged);
        bool paused = false;
        connect(monitor.controller(), &RunController::progress, &monitor,
                [&](const RunProgress &p) {
                    if (!paused && p.read() > 200) {
                        paused = true;
                        QTest::mouseClick(bar->pauseButton(), Qt::LeftButton);
                    }
                });
        QTest::mouseClick(bar->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bar->state() == RunStartBar::State::Paused, 60000);
        QCOMPARE(bar->pauseButton()->text(), QStringLiteral("Resume"));
        const qint64 readWhenPaused = monitor.progressModel()->progress().read();
        QTest::qWait(700); // the run holds at its batch boundary
        QVERIFY(monitor.progressModel()->progress().read() <= readWhenPaused + 50 * 4);
        QVERIFY(monitor.totals()->timeLeftLabel()->isVisibleTo(&monitor)); // still loading
        QTest::mouseClick(bar->pauseButton(), Qt::LeftButton);             // Resume
        const RunRecord run = waitForEnd(monitor);
        QCOMPARE(run.status, RunStatus::Succeeded);
        QCOMPARE(bar->state(), RunStartBar::State::Idle);
    }

    void quarantineCounterTurnsRedNearThisRunsLimit()
    {
        auto f = open(300);
        QVERIFY(f);
        RunMonitor &monitor = *f->monitor;
        RunOptions dry = monitor.startBar()->options();
        dry.mode = RunMode::DryRun;
        QVERIFY(monitor.start(dry));
        const RunRecord first = waitForEnd(monitor);
        qint64 quarantined = 0;
        for (const RunTableRecord &t : first.tables)
            quarantined += t.quarantined;
        QVERIFY(quarantined > 10);
        QCOMPARE(monitor.totals()->quarantinedLevel(), RunAlarms::Level::NoLimit);

        dry.maxQuarantined = int(quarantined + quarantined / 10); // 91% of the limit
        QVERIFY(monitor.start(dry));
        const RunRecord second = waitForEnd(monitor);
        QCOMPARE(second.status, RunStatus::Succeeded);
        QCOMPARE(monitor.totals()->quarantinedLevel(), RunAlarms::Level::Critical);
        QVERIFY(monitor.totals()->quarantinedLabel()->text().startsWith(QStringLiteral("■")));
        QVERIFY(!monitor.totals()->quarantinedLabel()->styleSheet().isEmpty());
    }

    void optionsDialogSetsTheCliOptions()
    {
        auto f = open(50);
        QVERIFY(f);
        RunOptionsDialog dialog(f->document.project());
        RunOptions given;
        given.mode = RunMode::Incremental;
        given.phase = QStringLiteral("whatever");
        dialog.setOptions(given);
        QListWidget *tables = dialog.tableList();
        QVERIFY(tables->count() >= 3);
        tables->item(1)->setCheckState(Qt::Checked);
        dialog.freshBox()->setChecked(true);
        dialog.batchSizeBox()->setValue(250);
        const RunOptions options = dialog.options();
        QCOMPARE(options.tables, QStringList{tables->item(1)->text()});
        QVERIFY(options.fresh);
        QCOMPARE(options.batchSize, 250);
        QCOMPARE(options.mode, RunMode::Incremental); // the start bar's, kept
        QCOMPARE(options.phase, QStringLiteral("whatever"));
        QVERIFY(!options.maxErrorRate && !options.maxQuarantined);

        RunStartBar bar;
        bar.setProject(f->document.project());
        bar.setMode(RunStartBar::RetryQuarantined);
        QVERIFY(bar.options().retryQuarantined);
        QCOMPARE(bar.options().mode, RunMode::Run);
        bar.setMode(RunStartBar::DryRun);
        QCOMPARE(bar.options().mode, RunMode::DryRun);
        QVERIFY(!bar.options().retryQuarantined);
    }
};

QTEST_MAIN(TestRunMonitor)
#include "tst_runmonitor.moc"
