// The run workflow through the whole window, as a user goes through it: a run from the Run
// menu, its quarantined rows in the browser, a row's Open mapping leading to the transform
// editor on the column that rejected it with the preview of that row alone (and a differing row
// of a reconciliation report taking the same way), a fix of the expression, and the browser's
// retry loading the rows it had quarantined.
#include "MainWindow.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "QuarantineModel.h"
#include "ReportRowsModel.h"
#include "demo/DemoGenerator.h"
#include "editor/TransformEditor.h"
#include "mapping/TableMappingEditor.h"
#include "preview/PreviewPane.h"
#include "project/EditorArea.h"
#include "quarantine/QuarantineBrowser.h"
#include "report/ReportTableDetail.h"
#include "report/ReportViewer.h"
#include "run/RunActions.h"
#include "run/RunMonitor.h"
#include "run/RunStartBar.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace cutover;

class TestRunWorkflow : public QObject
{
    Q_OBJECT

    static bool isStatusLookup(const QuarantinedRow &row)
    {
        if (row.tableName != QStringLiteral("patient"))
            return false;
        for (const Violation &v : row.violations)
            if (v.column == QStringLiteral("status") && v.source == QStringLiteral("lookup"))
                return row.violations.size() == 1;
        return false;
    }

    // Waits for the browser's read, then reads every page.
    static void fetchAll(QuarantineModel &model)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() > 0, 30000);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000);
        }
    }

private Q_SLOTS:
    void quarantinedRowToFixedMappingToRetry()
    {
        QTemporaryDir dir;
        DemoGenerator::Options demo;
        demo.directory = dir.path();
        demo.patients = 400;
        QVERIFY(DemoGenerator::generate(demo).ok());
        MainWindow window(nullptr);
        window.resize(MainWindow::kPreferredSize);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openProject(dir.filePath(DemoGenerator::projectFileName()));
        QVERIFY(loaded.wait(60000));
        EditorArea *area = window.editorArea();

        // a run from the Run menu
        RunMonitor *monitor = area->runMonitor();
        RunOptions options;
        options.batchSize = 50;
        options.maxErrorRate = 0.5;
        monitor->startBar()->setOptions(options);
        QSignalSpy ended(monitor, &RunMonitor::runEnded);
        window.runActions()->startAction()->trigger();
        QCOMPARE(area->currentWidget(), monitor);
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.takeFirst().first().value<RunRecord>().status, RunStatus::Succeeded);

        // its quarantined rows, one refused by the status lookup chosen
        window.runActions()->showQuarantineAction()->trigger();
        QuarantineBrowser *browser = area->quarantine();
        QCOMPARE(area->currentWidget(), browser);
        QuarantineModel *model = browser->model();
        fetchAll(*model);
        QStringList lookupKeys;
        int chosen = -1;
        for (int row = 0; row < model->rowCount(); ++row)
            if (isStatusLookup(model->quarantinedRow(row))) {
                lookupKeys << model->quarantinedRow(row).sourceKey;
                if (chosen < 0)
                    chosen = row;
            }
        QVERIFY2(chosen >= 0, "the demo has patients whose status code the lookup lacks");
        const QString key = model->quarantinedRow(chosen).sourceKey;
        browser->rowsView()->selectRow(chosen);

        // Open mapping: the patient mapping's status expression, the preview of that row alone
        QTest::mouseClick(browser->jumpButton(), Qt::LeftButton);
        TableMappingEditor *editor = area->mappingEditor();
        QCOMPARE(area->currentWidget(), editor);
        QCOMPARE(window.document()->project().mappings.at(editor->mapping()).target,
                 QStringLiteral("patient"));
        QCOMPARE(editor->transformEditor()->column(), QStringLiteral("status"));
        const SampleSpec sample = editor->previewPane()->sample();
        QCOMPARE(sample.kind, SampleSpec::Kind::Filter);
        QVERIFY2(sample.filter.contains(QStringLiteral("PAT_ID")), qPrintable(sample.filter));
        QVERIFY2(sample.filter.contains(key.mid(1).chopped(1)), qPrintable(sample.filter));

        // a report's row modified in the target, double-clicked, takes the same way: the
        // mapping at the row's first differing column, the preview of that row alone
        ReconcileReport report;
        TableReconciliation patient;
        patient.table = QStringLiteral("patient");
        patient.modified = 1;
        patient.modifiedSamples = {{{QStringLiteral("p-1"), key},
                                    {QStringLiteral("full_name")},
                                    {QStringLiteral("Ada")},
                                    {QStringLiteral("Eve")}}};
        patient.status = ReconcileStatus::Fail;
        report.tables = {patient};
        ReportViewer *viewer = area->reportViewer();
        viewer->setReport(report);
        area->showReportViewer();
        editor->previewPane()->setSample(SampleSpec::first(20));
        QTreeView *differences = viewer->detail()->differencesView();
        const QModelIndex modified =
            differences->model()->index(0, ReportRowsModel::TargetKeyColumn);
        const QPoint at = differences->visualRect(modified).center();
        QTest::mouseClick(differences->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(differences->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(area->currentWidget(), editor);
        QCOMPARE(window.document()->project().mappings.at(editor->mapping()).target,
                 QStringLiteral("patient"));
        QCOMPARE(editor->transformEditor()->column(), QStringLiteral("full_name"));
        QCOMPARE(editor->previewPane()->sample().kind, SampleSpec::Kind::Filter);
        QCOMPARE(editor->previewPane()->sample().filter, sample.filter);

        // the fix: unknown codes become 'inactive'; then the browser's retry of the table
        ProjectEdits(*window.document())
            .setExpression(editor->mapping(), QStringLiteral("status"),
                           QStringLiteral("lookup('patient_status', upper(trim(STATUS)), "
                                          "'inactive')"));
        window.runActions()->showQuarantineAction()->trigger();
        fetchAll(*model);
        browser->rowsView()->selectRow(chosen);
        QCOMPARE(model->quarantinedRow(chosen).sourceKey, key);
        QVERIFY(browser->retryButton()->isEnabled());
        QTest::mouseClick(browser->retryButton(), Qt::LeftButton);
        QCOMPARE(area->currentWidget(), monitor);
        QVERIFY(ended.wait(120000));
        const auto retry = ended.takeFirst().first().value<RunRecord>();
        QVERIFY2(retry.status == RunStatus::Succeeded, qPrintable(retry.message));
        QVERIFY(retry.isRetry());
        const RunTableRecord *patients = retry.table(QStringLiteral("patient"));
        QVERIFY(patients);
        QVERIFY2(patients->loaded >= lookupKeys.size(),
                 qPrintable(QStringLiteral("%1 loaded, %2 refused by the lookup")
                                .arg(patients->loaded)
                                .arg(lookupKeys.size())));

        // the browser marks them loaded again
        window.runActions()->showQuarantineAction()->trigger();
        fetchAll(*model);
        int retried = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            if (lookupKeys.contains(model->quarantinedRow(row).sourceKey) &&
                model->index(row, 0).data(QuarantineModel::RetriedRole).toBool())
                ++retried;
        QCOMPARE(retried, int(lookupKeys.size()));
    }
};

QTEST_MAIN(TestRunWorkflow)
#include "tst_runworkflow.moc"
