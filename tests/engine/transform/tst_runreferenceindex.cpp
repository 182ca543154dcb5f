#include "transform/rules/RunReferenceIndex.h"

#include <QTest>
#include <QThread>
#include <QUuid>

using namespace cutover;

namespace {

QString uuidOf(int i)
{
    return QUuid::createUuidV5(QUuid(), QByteArray::number(i)).toString(QUuid::WithoutBraces);
}

RowBatch idBatch(int first, int count)
{
    RowBatch batch;
    batch.columns = {QStringLiteral("id"), QStringLiteral("name")};
    for (int i = first; i < first + count; ++i)
        batch.rows.append({uuidOf(i), QStringLiteral("name %1").arg(i)});
    return batch;
}

} // namespace

class TestRunReferenceIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Past its memory budget the index keeps keys on disk: every key added is found, in memory
    // or spilled, nothing else is, and the sizes count each key once.
    void keysBeyondTheMemoryBudgetAreSpilled()
    {
        RunReferenceIndex index(100);
        const QString table = QStringLiteral("patient");
        const QString id = QStringLiteral("id");
        index.addBatch(table, id, idBatch(0, 60));
        index.addBatch(table, id, idBatch(40, 160)); // 40..59 again: already there
        index.add(QStringLiteral("encounter"), id, 7);
        index.add(QStringLiteral("encounter"), id, 7);
        index.add(QStringLiteral("encounter"), id, QStringLiteral("x\u00e9"));
        QCOMPARE(index.size(table, id), 200);
        QCOMPARE(index.size(QStringLiteral("encounter"), id), 2);
        for (int i = 0; i < 200; ++i)
            QVERIFY2(index.exists(table, id, uuidOf(i)).value(), qPrintable(QString::number(i)));
        QVERIFY(!index.exists(table, id, uuidOf(200)).value());
        QVERIFY(!index.exists(table, QStringLiteral("name"), uuidOf(1)).value());
        QVERIFY(index.exists(QStringLiteral("encounter"), id, 7).value());
        QVERIFY(index.exists(QStringLiteral("encounter"), id, QStringLiteral("x\u00e9")).value());
        QVERIFY(!index.exists(QStringLiteral("encounter"), id, 8).value());
        QVERIFY(!index.exists(QStringLiteral("encounter"), id, uuidOf(150)).value());
        index.addBatch(table, id, idBatch(1000, 5)); // adding after asking
        QVERIFY(index.exists(table, id, uuidOf(1004)).value());
        QCOMPARE(index.size(table, id), 205);
    }

    // The writer adds while checkers ask, on other threads, across the spill.
    void addsAndLookupsOnTwoThreads()
    {
        RunReferenceIndex index(1000);
        const QString table = QStringLiteral("patient");
        const QString id = QStringLiteral("id");
        std::unique_ptr<QThread> writer(QThread::create([&] {
            for (int first = 0; first < 5000; first += 250)
                index.addBatch(table, id, idBatch(first, 250));
        }));
        writer->start();
        int wrong = 0;
        for (int round = 0; round < 20; ++round)
            for (int i = 6000; i < 6050; ++i)
                wrong += index.exists(table, id, uuidOf(i)).value() ? 1 : 0;
        QVERIFY(writer->wait(60000));
        QCOMPARE(wrong, 0);
        for (int i = 0; i < 5000; i += 7)
            QVERIFY(index.exists(table, id, uuidOf(i)).value());
        QCOMPARE(index.size(table, id), 5000);
    }
};

QTEST_GUILESS_MAIN(TestRunReferenceIndex)
#include "tst_runreferenceindex.moc"
