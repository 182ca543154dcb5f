// The run history on real runs of the demo: the runs listed newest first with their counts; one
// chosen shows its ledger; two chosen are compared table by table, with the mapping edit made
// between them named; a rollback from here undoes a run, and refuses what cutover-cli refuses,
// in the same words.
#include "CliRunner.h"
#include "ProjectDocument.h"
#include "ProjectHistory.h"
#include "RunComparisonModel.h"
#include "RunHistoryModel.h"
#include "RunTablesModel.h"
#include "demo/DemoGenerator.h"
#include "run/RunComparisonView.h"
#include "run/RunController.h"
#include "run/RunHistoryView.h"

#include <QAbstractItemModelTester>
#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

RunRecord runProject(const Project &project, RunMode mode)
{
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    RunOptions options;
    options.mode = mode;
    options.batchSize = 50;
    options.maxErrorRate = 0.5;
    if (!controller.start(project, options) || !finished.wait(120000))
        return {};
    return finished.first().first().value<RunRecord>();
}

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ProjectDocument m_document;
    QString m_projectFile;
    RunRecord m_first;
    RunRecord m_second;
    RunRecord m_dry;

private Q_SLOTS:
    void initTestCase()
    {
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 200;
        QVERIFY(DemoGenerator::generate(options).ok());
        m_projectFile = m_dir.filePath(DemoGenerator::projectFileName());
        QVERIFY(m_document.open(m_projectFile).ok());
        m_first = runProject(m_document.project(), RunMode::Run);
        QCOMPARE(m_first.status, RunStatus::Succeeded);
        QTest::qWait(20); // the runs' start times differ
        Project edited = m_document.project();
        TableMapping *patient = nullptr;
        for (TableMapping &m : edited.mappings)
            if (m.target == QStringLiteral("patient"))
                patient = &m;
        QVERIFY(patient);
        for (ColumnMapping &c : patient->columns)
            if (c.target == QStringLiteral("full_name"))
                c.expression = QStringLiteral("upper(%1)").arg(c.expression);
        m_second = runProject(edited, RunMode::Run);
        QCOMPARE(m_second.status, RunStatus::Succeeded);
        QTest::qWait(20);
        m_dry = runProject(m_document.project(), RunMode::DryRun);
        QCOMPARE(m_dry.status, RunStatus::Succeeded);
    }

    void listsTheRunsNewestFirst()
    {
        RunHistoryView view(m_document, nullptr);
        QAbstractItemModelTester tester(view.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto history = ProjectHistory::read(m_document.project(), nullptr);
        QVERIFY2(history.error.isEmpty(), qPrintable(history.error));
        view.setRuns(history.runs);
        QCOMPARE(view.model()->rowCount(), 3);
        QTableView *table = view.view();
        QCOMPARE(table->model()->index(0, 0).data(RunHistoryModel::RunIdRole).toString(),
                 m_dry.runId);
        QCOMPARE(table->model()->index(0, RunHistoryModel::ModeColumn).data().toString(),
                 QStringLiteral("dry run"));
        QCOMPARE(table->model()->index(2, 0).data(RunHistoryModel::RunIdRole).toString(),
                 m_first.runId);
        qint64 loaded = 0;
        for (const RunTableRecord &t : m_first.tables)
            loaded += t.loaded;
        QCOMPARE(table->model()->index(2, RunHistoryModel::LoadedColumn).data().toString(),
                 QLocale().toString(loaded));

        // one run chosen with the mouse: its ledger
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRect row = table->visualRect(table->model()->index(1, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(view.selectedRunIds(), QStringList{m_second.runId});
        QCOMPARE(view.details()->currentIndex(), 1);
        QCOMPARE(view.ledger()->rowCount(), int(m_second.tables.size()));
        QVERIFY(view.ledger()->balances());
        // a second one with Ctrl: the two compared
        const QRect other = table->visualRect(table->model()->index(2, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, other.center());
        QCOMPARE(view.selectedRunIds().size(), 2);
        QCOMPARE(view.details()->currentWidget(), view.comparison());
    }

    void comparesTwoRunsAndNamesTheMappingEdit()
    {
        RunHistoryView view(m_document, nullptr);
        view.setRuns(ProjectHistory::read(m_document.project(), nullptr).runs);
        view.selectRuns({m_second.runId, m_first.runId});
        RunComparisonModel *model = view.comparison()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->earlier().runId, m_first.runId);
        QCOMPARE(model->later().runId, m_second.runId);
        QCOMPARE(model->rowCount(), int(m_first.tables.size()));
        QVERIFY(model->headerData(RunComparisonModel::SecondsA, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(m_first.runId));
        const QStringList changes = model->mappingChanges();
        QCOMPARE(changes.size(), 1);
        QVERIFY2(changes.first().startsWith(QStringLiteral("patient.full_name: expression")),
                 qPrintable(changes.first()));
        QVERIFY(changes.first().contains(QStringLiteral("upper(")));
        QCOMPARE(view.comparison()->changes()->count(), 1);

        view.selectRuns({m_first.runId, m_dry.runId}); // the same mappings
        QVERIFY(
            model->mappingChanges().first().startsWith(QStringLiteral("The mappings, lookups "
                                                                      "and rules are the same")));
    }

    void rollbackRefusesLikeTheCliThenUndoesARun()
    {
        RunHistoryView view(m_document, nullptr);
        view.setRuns(ProjectHistory::read(m_document.project(), nullptr).runs);
        QSignalSpy refused(&view, &RunHistoryView::rollbackRefused);
        QSignalSpy done(&view, &RunHistoryView::rolledBack);
        QSignalSpy refresh(&view, &RunHistoryView::refreshRequested);

        view.rollBack(m_dry.runId, false); // a dry run left nothing to undo
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 30000);
        const QString reason = refused.first().at(1).toString();
        const auto cli =
            test::CliRunner::run({QStringLiteral("rollback"), m_projectFile, m_dry.runId});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains(reason), qPrintable(cli.err + QStringLiteral(" / ") + reason));

        view.rollBack(m_second.runId, false);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        const QStringList lines = done.first().at(1).toStringList();
        QVERIFY2(lines.first().startsWith(QStringLiteral("Rolled back run ") + m_second.runId),
                 qPrintable(lines.join('\n')));
        QCOMPARE(refresh.size(), 1);
        const auto history = ProjectHistory::read(m_document.project(), nullptr);
        bool rolledBack = false;
        for (const RunRecord &run : history.runs)
            if (run.runId == m_second.runId)
                rolledBack = run.status == RunStatus::RolledBack;
        QVERIFY(rolledBack);
    }
};

QTEST_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
