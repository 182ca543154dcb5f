// TableScheduler without a database: jobs are sleeps and counters, so the order, the parallelism
// and the stops it promises are seen directly.
#include "run/TableScheduler.h"

#include <QMutex>
#include <QThread>
#include <QtTest>
#include <atomic>

using namespace cutover;

namespace {

// Records what the scheduler did, from every thread.
struct Trace
{
    QMutex mutex;
    QStringList events; // "begin X", "work X", "end X"
    std::atomic<int> running = 0;
    std::atomic<int> mostRunning = 0;

    void add(const QString &event)
    {
        QMutexLocker lock(&mutex);
        events.append(event);
    }
    qsizetype at(const QString &event)
    {
        QMutexLocker lock(&mutex);
        return events.indexOf(event);
    }
};

TableScheduler::Steps steps(const QList<TableScheduler::Job> &jobs, Trace &trace,
                            QSet<QString> failing = {}, std::atomic<bool> *stop = nullptr)
{
    TableScheduler::Steps s;
    s.stopped = [stop] {
        return stop && stop->load();
    };
    s.begin = [&jobs, &trace](qsizetype job) {
        trace.add(QStringLiteral("begin ") + jobs.at(job).name);
        return true;
    };
    s.work = [&jobs, &trace](qsizetype job) {
        const int now = ++trace.running;
        int most = trace.mostRunning;
        while (now > most && !trace.mostRunning.compare_exchange_weak(most, now)) {
        }
        trace.add(QStringLiteral("work ") + jobs.at(job).name);
        QThread::msleep(30);
        --trace.running;
    };
    s.end = [&jobs, &trace, failing](qsizetype job) {
        trace.add(QStringLiteral("end ") + jobs.at(job).name);
        return !failing.contains(jobs.at(job).name);
    };
    return s;
}

} // namespace

class TestTableScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void childrenStartAfterTheirParentsEnded()
    {
        const QList<TableScheduler::Job> jobs = {
            {QStringLiteral("visit"), {QStringLiteral("patient"), QStringLiteral("doctor")}},
            {QStringLiteral("patient"), {}},
            {QStringLiteral("doctor"), {}},
        };
        Trace trace;
        TableScheduler scheduler(jobs, 4);
        scheduler.run(steps(jobs, trace));
        QCOMPARE(trace.events.size(), 9);
        QVERIFY(trace.at(QStringLiteral("begin visit")) > trace.at(QStringLiteral("end patient")));
        QVERIFY(trace.at(QStringLiteral("begin visit")) > trace.at(QStringLiteral("end doctor")));
        QVERIFY(scheduler.neverStarted().isEmpty());
    }

    void runsAtMostParallelJobsAtOnce_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::newRow("one") << 1;
        QTest::newRow("three") << 3;
    }
    void runsAtMostParallelJobsAtOnce()
    {
        QFETCH(int, parallel);
        QList<TableScheduler::Job> jobs;
        for (int i = 0; i < 8; ++i)
            jobs.append({QStringLiteral("t%1").arg(i), {}});
        Trace trace;
        TableScheduler(jobs, parallel).run(steps(jobs, trace));
        QCOMPARE(trace.events.count(), 24);
        QCOMPARE(trace.mostRunning.load(), parallel);
    }

    void aFailedParentKeepsItsChildrenFromStarting()
    {
        const QList<TableScheduler::Job> jobs = {
            {QStringLiteral("patient"), {}},
            {QStringLiteral("visit"), {QStringLiteral("patient")}},
            {QStringLiteral("note"), {QStringLiteral("visit")}},
            {QStringLiteral("doctor"), {}},
        };
        Trace trace;
        TableScheduler scheduler(jobs, 2);
        scheduler.run(steps(jobs, trace, {QStringLiteral("patient")}));
        QCOMPARE(trace.at(QStringLiteral("begin visit")), -1);
        QVERIFY(trace.at(QStringLiteral("end doctor")) >= 0);
        QCOMPARE(scheduler.neverStarted(), (QStringList{"visit", "note"}));
    }

    void doneJobsCountAsSucceededWithoutRunning()
    {
        QList<TableScheduler::Job> jobs = {
            {QStringLiteral("patient"), {}, true},
            {QStringLiteral("visit"), {QStringLiteral("patient")}},
        };
        Trace trace;
        TableScheduler(jobs, 2).run(steps(jobs, trace));
        QCOMPARE(trace.events, (QStringList{"begin visit", "work visit", "end visit"}));
    }

    void aStopStartsNothingMoreButLetsRunningJobsEnd()
    {
        QList<TableScheduler::Job> jobs;
        for (int i = 0; i < 6; ++i)
            jobs.append({QStringLiteral("t%1").arg(i), {}});
        Trace trace;
        std::atomic<bool> stop = false;
        TableScheduler::Steps s = steps(jobs, trace, {}, &stop);
        const auto work = s.work;
        s.work = [&](qsizetype job) {
            work(job);
            stop = true;
        };
        TableScheduler scheduler(jobs, 2);
        scheduler.run(s);
        QCOMPARE(trace.events.filter(QRegularExpression("^begin")).size(), 2);
        QCOMPARE(trace.events.filter(QRegularExpression("^end")).size(), 2);
        QCOMPARE(scheduler.neverStarted().size(), 4);
    }

    void aRefusedBeginCountsAsFailed()
    {
        const QList<TableScheduler::Job> jobs = {
            {QStringLiteral("patient"), {}},
            {QStringLiteral("visit"), {QStringLiteral("patient")}},
        };
        Trace trace;
        TableScheduler::Steps s = steps(jobs, trace);
        s.begin = [](qsizetype job) {
            return job != 0;
        };
        TableScheduler scheduler(jobs, 2);
        scheduler.run(s);
        QVERIFY(trace.events.isEmpty());
        QCOMPARE(scheduler.neverStarted(), QStringList{"visit"});
    }
};

QTEST_GUILESS_MAIN(TestTableScheduler)
#include "tst_tablescheduler.moc"
