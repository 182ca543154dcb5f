#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "run/RunController.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

// RunController as the window drives it: a run on a worker thread, progress at most 10 times a
// second as queued signals, pause holding the run at a batch boundary, cancel stopping it.
class TestRunController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    int m_demos = 0;

    Project demo()
    {
        const QString dir = m_root.filePath(QStringLiteral("demo%1").arg(++m_demos));
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = 400;
        if (auto written = DemoGenerator::generate(options); !written)
            qFatal("demo: %s", qPrintable(written.error().toString()));
        auto project = ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        if (!project)
            qFatal("project: %s", qPrintable(project.error().toString()));
        project->settings.maxErrorRate = 0.5;
        return *project;
    }

    static RunOptions smallBatches()
    {
        RunOptions options;
        options.batchSize = 40;
        return options;
    }

private Q_SLOTS:
    void progressIsThrottledAndTheRunFinishes()
    {
        RunController controller;
        QSignalSpy progress(&controller, &RunController::progress);
        QSignalSpy finished(&controller, &RunController::finished);
        QSignalSpy notices(&controller, &RunController::notice);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(controller.start(demo(), smallBatches()));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(demo(), smallBatches())); // one run at a time
        QVERIFY(finished.wait(120000));
        const qint64 elapsed = clock.elapsed();
        QVERIFY(!controller.isRunning());
        QVERIFY(progress.size() >= 1);
        QVERIFY2(
            progress.size() <= elapsed / RunController::kProgressIntervalMs + 2,
            qPrintable(QStringLiteral("%1 events in %2 ms").arg(progress.size()).arg(elapsed)));
        const auto run = finished.first().first().value<RunRecord>();
        QCOMPARE(run.status, RunStatus::Succeeded);
        const auto last = progress.last().first().value<RunProgress>();
        QCOMPARE(last.runId, run.runId);
        qint64 loaded = 0;
        for (const RunTableRecord &t : run.tables)
            loaded += t.loaded;
        QCOMPARE(last.written(), loaded);
        QVERIFY(!notices.isEmpty());
    }

    void pauseHoldsAtABatchBoundaryAndResumeFinishes()
    {
        RunController controller;
        QSignalSpy progress(&controller, &RunController::progress);
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(demo(), smallBatches()));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() &&
                                     progress.last().first().value<RunProgress>().written() > 0,
                                 60000);
        controller.pause();
        QTest::qWait(400); // the batch being written when pause came may still commit
        const qint64 held = progress.last().first().value<RunProgress>().written();
        QTest::qWait(600);
        const auto paused = progress.last().first().value<RunProgress>();
        QVERIFY(paused.paused);
        QCOMPARE(paused.written(), held);
        QVERIFY(finished.isEmpty());
        controller.resume();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().value<RunRecord>().status, RunStatus::Succeeded);
    }

    void cancelStopsTheRunResumably()
    {
        RunController controller;
        QSignalSpy progress(&controller, &RunController::progress);
        QSignalSpy finished(&controller, &RunController::finished);
        QVERIFY(controller.start(demo(), smallBatches()));
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() &&
                                     progress.last().first().value<RunProgress>().written() > 0,
                                 60000);
        controller.cancel();
        QVERIFY(finished.wait(60000));
        const auto run = finished.first().first().value<RunRecord>();
        QCOMPARE(run.status, RunStatus::Cancelled);
        QVERIFY(run.message.contains(QStringLiteral("resume")));
    }

    void destroyingARunningControllerStopsIt()
    {
        auto controller = std::make_unique<RunController>();
        QVERIFY(controller->start(demo(), smallBatches()));
        controller.reset(); // cancels and waits: no crash, no signal afterwards
    }
};

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"
