#include "demo/DemoGenerator.h"
#include "preview/PreviewService.h"
#include "project/ProjectReader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

// PreviewService: results arrive as queued signals, a newer request makes the older one's result
// never arrive, and cancel() ends a request with a Cancelled failure.
class TstPreviewService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Project m_project;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 200;
        QVERIFY(DemoGenerator::generate(options));
        auto project =
            ProjectReader::load(QDir(m_dir.path()).filePath(DemoGenerator::projectFileName()));
        QVERIFY(project);
        m_project = *project;
    }

    void resultArrives()
    {
        PreviewService service;
        QSignalSpy ready(&service, &PreviewService::previewReady);
        QSignalSpy failed(&service, &PreviewService::previewFailed);
        const int generation =
            service.request(m_project, QStringLiteral("patient"), SampleSpec::first(10));
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.first().at(0).toInt(), generation);
        const auto result = ready.first().at(1).value<PreviewResult>();
        QCOMPARE(result.rows.size(), 10);
        QCOMPARE(result.table, QStringLiteral("patient"));
        QCOMPARE(failed.count(), 0);
    }

    void staleResultIsDropped()
    {
        PreviewService service;
        QSignalSpy ready(&service, &PreviewService::previewReady);
        QSignalSpy failed(&service, &PreviewService::previewFailed);
        const int first =
            service.request(m_project, QStringLiteral("patient"), SampleSpec::edgeCases(50));
        const int second =
            service.request(m_project, QStringLiteral("encounter"), SampleSpec::first(5));
        QVERIFY(second > first);
        QVERIFY(ready.wait(10000));
        QVERIFY(service.waitForIdle(10000));
        QCoreApplication::processEvents(); // deliver anything the workers queued
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.first().at(0).toInt(), second);
        QCOMPARE(ready.first().at(1).value<PreviewResult>().table, QStringLiteral("encounter"));
        QCOMPARE(failed.count(), 0);
    }

    void cancelEndsTheRequest()
    {
        PreviewService service;
        QSignalSpy ready(&service, &PreviewService::previewReady);
        QSignalSpy failed(&service, &PreviewService::previewFailed);
        const int generation =
            service.request(m_project, QStringLiteral("patient"), SampleSpec::edgeCases(50));
        service.cancel();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toInt(), generation);
        QCOMPARE(failed.first().at(1).value<Error>().code(), Error::Code::Cancelled);
        QVERIFY(service.waitForIdle(10000));
        QCoreApplication::processEvents();
        QCOMPARE(ready.count(), 0);
    }

    void failureArrives()
    {
        PreviewService service;
        QSignalSpy failed(&service, &PreviewService::previewFailed);
        const int generation =
            service.request(m_project, QStringLiteral("nope"), SampleSpec::first(5));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toInt(), generation);
        QCOMPARE(failed.first().at(1).value<Error>().code(), Error::Code::Usage);
    }

    void destroyingWhileRunningIsSafe()
    {
        auto service = std::make_unique<PreviewService>();
        QObject receiver; // outlives the service
        int arrived = 0;
        connect(service.get(), &PreviewService::previewReady, &receiver, [&] { ++arrived; });
        connect(service.get(), &PreviewService::previewFailed, &receiver, [&] { ++arrived; });
        service->request(m_project, QStringLiteral("patient"), SampleSpec::edgeCases(50));
        QElapsedTimer timer;
        timer.start();
        service.reset(); // cancels and waits for its worker
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QTest::qWait(300); // a result queued by the worker would be delivered now
        QCOMPARE(arrived, 0);
    }
};

QTEST_GUILESS_MAIN(TstPreviewService)
#include "tst_previewservice.moc"
