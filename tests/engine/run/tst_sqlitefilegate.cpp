#include "run/target/SqliteFileGate.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <thread>

using cutover::SqliteFileGate;

// The turn to write a SQLite file, without a database: one gate per path, taken by one thread at
// a time, first come first served, a timeout, and never a wait for the thread that holds it.
class TestSqliteFileGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneGatePerPath()
    {
        const auto a = SqliteFileGate::of(QStringLiteral("/tmp/a.db"));
        QCOMPARE(SqliteFileGate::of(QStringLiteral("/tmp/a.db")), a);
        QVERIFY(SqliteFileGate::of(QStringLiteral("/tmp/b.db")) != a);
    }

    void theHolderDoesNotWaitForItself()
    {
        const auto gate = SqliteFileGate::of(QStringLiteral("/tmp/self.db"));
        QVERIFY(gate->take(1000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!gate->take(5000)); // at once, not after 5 s
        QVERIFY(timer.elapsed() < 1000);
        gate->give();
    }

    void anotherThreadWaitsForItsTurn()
    {
        const auto gate = SqliteFileGate::of(QStringLiteral("/tmp/turns.db"));
        QVERIFY(gate->take(1000));
        std::atomic<bool> taken{false};
        std::thread other([&] {
            taken = gate->take(5000);
            if (taken)
                gate->give();
        });
        QTest::qWait(200);
        QVERIFY(!taken); // still waiting while this thread holds it
        gate->give();
        other.join();
        QVERIFY(taken);
    }

    void aWaitEndsAtItsTimeout()
    {
        const auto gate = SqliteFileGate::of(QStringLiteral("/tmp/timeout.db"));
        QVERIFY(gate->take(1000));
        bool taken = true;
        qint64 waited = 0;
        std::thread other([&] {
            QElapsedTimer timer;
            timer.start();
            taken = gate->take(150);
            waited = timer.elapsed();
        });
        other.join();
        QVERIFY(!taken);
        QVERIFY2(waited >= 140 && waited < 2000, qPrintable(QString::number(waited)));
        gate->give();
        QVERIFY(gate->take(100)); // free again after the timed-out waiter left the queue
        gate->give();
    }
};

QTEST_GUILESS_MAIN(TestSqliteFileGate)
#include "tst_sqlitefilegate.moc"
