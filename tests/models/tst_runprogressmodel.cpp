// The run monitor's table of tables, fed by a real run of the demo through RunController under
// QAbstractItemModelTester: a row per table, updated in place while the run goes, every table
// done at the end with the counts the run recorded; a different set of tables resets it.
#include "RunProgressModel.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "run/RunController.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using Stage = TableProgress::Stage;

class TestRunProgressModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsARealRunToItsEnd()
    {
        QTemporaryDir dir;
        DemoGenerator::Options options;
        options.directory = dir.path();
        options.patients = 300;
        QVERIFY(DemoGenerator::generate(options).ok());
        auto project = ProjectReader::load(dir.filePath(DemoGenerator::projectFileName()));
        QVERIFY(project.ok());
        project->settings.maxErrorRate = 0.5;

        RunProgressModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunController controller;
        connect(&controller, &RunController::progress, &model, &RunProgressModel::setProgress);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&controller, &RunController::finished);
        RunOptions run;
        run.batchSize = 50;
        QVERIFY(controller.start(*project, run));
        QVERIFY(finished.wait(120000));

        const auto record = finished.first().first().value<RunRecord>();
        QCOMPARE(model.rowCount(), int(record.tables.size()));
        QVERIFY(resets.size() <= 2); // the tables came once (and maybe once more, counted)
        QVERIFY(!changes.isEmpty()); // then the cells changed in place
        for (const RunTableRecord &t : record.tables) {
            int row = -1;
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.index(r, 0).data(RunProgressModel::TableNameRole) == t.tableName)
                    row = r;
            QVERIFY2(row >= 0, qPrintable(t.tableName));
            QCOMPARE(model.index(row, 0).data(RunProgressModel::StageRole).toInt(),
                     int(Stage::Done));
            QCOMPARE(model.index(row, 0).data(RunProgressModel::PercentRole).toInt(), 100);
            QCOMPARE(model.index(row, RunProgressModel::WrittenColumn).data().toString(),
                     QLocale().toString(t.loaded));
            QCOMPARE(model.index(row, RunProgressModel::QuarantinedColumn).data().toString(),
                     QLocale().toString(t.quarantined));
        }
        qint64 quarantined = 0;
        for (const RunTableRecord &t : record.tables)
            quarantined += t.quarantined;
        QVERIFY(quarantined > 0); // the demo's dirty rows

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void cellsSayWhereATableStands()
    {
        TableProgress loading;
        loading.table = QStringLiteral("patient");
        loading.stage = Stage::Loading;
        loading.expectedRows = 4000;
        loading.read = 1000;
        loading.written = 990;
        loading.quarantined = 10;
        loading.rowsPerSecond = 2500.4;
        loading.etaSeconds = 125;
        RunProgress progress;
        progress.tables = {loading};
        RunProgressModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProgress(progress);
        QCOMPARE(model.index(0, 0).data(RunProgressModel::PercentRole), QVariant(25));
        QCOMPARE(model.index(0, RunProgressModel::ProgressColumn).data().toString(),
                 QStringLiteral("%1 of %2 (25%)")
                     .arg(QLocale().toString(1000), QLocale().toString(4000)));
        QCOMPARE(model.index(0, RunProgressModel::SpeedColumn).data().toString(),
                 QLocale().toString(2500));
        QCOMPARE(model.index(0, RunProgressModel::EtaColumn).data().toString(),
                 QStringLiteral("2 min 05 s"));
        QCOMPARE(RunProgressModel::durationText(3725), QStringLiteral("1 h 02 min"));
        QCOMPARE(RunProgressModel::durationText(-1), QString());

        // not counted yet: no percentage, the rows read so far
        progress.tables[0].expectedRows = -1;
        model.setProgress(progress);
        QCOMPARE(model.index(0, 0).data(RunProgressModel::PercentRole), QVariant(-1));
        QCOMPARE(model.index(0, RunProgressModel::ProgressColumn).data().toString(),
                 QStringLiteral("%1 read").arg(QLocale().toString(1000)));

        // other tables: a reset
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        TableProgress other = loading;
        other.table = QStringLiteral("encounter");
        progress.tables.append(other);
        model.setProgress(progress);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRunProgressModel)
#include "tst_runprogressmodel.moc"
