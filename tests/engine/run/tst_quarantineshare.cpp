#include "run/QuarantineShare.h"

#include <QTest>
#include <cmath>

using cutover::QuarantineShare;

// The binomial test behind the share thresholds, against figures worked out by hand.
class TestQuarantineShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tailProbability_data()
    {
        QTest::addColumn<qint64>("quarantined");
        QTest::addColumn<qint64>("read");
        QTest::addColumn<double>("limit");
        QTest::addColumn<double>("expected");
        QTest::newRow("1 of 3 at 5%") << qint64(1) << qint64(3) << 0.05 << 1 - std::pow(0.95, 3);
        QTest::newRow("2 of 2 at 5%") << qint64(2) << qint64(2) << 0.05 << 0.0025;
        QTest::newRow("2 of 3 at 5%")
            << qint64(2) << qint64(3) << 0.05 << 3 * 0.05 * 0.05 * 0.95 + std::pow(0.05, 3);
        QTest::newRow("none") << qint64(0) << qint64(10) << 0.05 << 1.0;
        QTest::newRow("at limit 0") << qint64(1) << qint64(10) << 0.0 << 0.0;
        QTest::newRow("at limit 1") << qint64(10) << qint64(10) << 1.0 << 1.0;
    }

    void tailProbability()
    {
        QFETCH(qint64, quarantined);
        QFETCH(qint64, read);
        QFETCH(double, limit);
        QFETCH(double, expected);
        QVERIFY2(
            std::abs(QuarantineShare::tailProbability(quarantined, read, limit) - expected) < 1e-9,
            qPrintable(QString::number(QuarantineShare::tailProbability(quarantined, read, limit),
                                       'g', 12)));
    }

    void isOverLimit_data()
    {
        QTest::addColumn<qint64>("quarantined");
        QTest::addColumn<qint64>("read");
        QTest::addColumn<double>("limit");
        QTest::addColumn<bool>("over");
        QTest::newRow("1 of 3: no evidence") << qint64(1) << qint64(3) << 0.05 << false;
        QTest::newRow("1 of 1: no evidence") << qint64(1) << qint64(1) << 0.05 << false;
        QTest::newRow("2 of 3") << qint64(2) << qint64(3) << 0.05 << true;
        QTest::newRow("2,000 of 10,000") << qint64(2000) << qint64(10000) << 0.05 << true;
        // 5.5% of 10,000: 500 expected, sd 21.8, 550 is 2.3 sd above.
        QTest::newRow("550 of 10,000") << qint64(550) << qint64(10000) << 0.05 << true;
        QTest::newRow("520 of 10,000") << qint64(520) << qint64(10000) << 0.05 << false;
        QTest::newRow("below the limit") << qint64(4) << qint64(100) << 0.05 << false;
        QTest::newRow("limit 0, one row") << qint64(1) << qint64(1000000) << 0.0 << true;
        QTest::newRow("no limit") << qint64(1000) << qint64(1000) << -1.0 << false;
        QTest::newRow("limit 1") << qint64(1000) << qint64(1000) << 1.0 << false;
    }

    void isOverLimit()
    {
        QFETCH(qint64, quarantined);
        QFETCH(qint64, read);
        QFETCH(double, limit);
        QFETCH(bool, over);
        QCOMPARE(QuarantineShare::isOverLimit(quarantined, read, limit), over);
    }
};

QTEST_GUILESS_MAIN(TestQuarantineShare)
#include "tst_quarantineshare.moc"
