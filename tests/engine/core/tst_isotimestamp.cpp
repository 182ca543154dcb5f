#include "core/IsoTimestamp.h"

#include <QTest>

using namespace cutover;

// ISO dates and timestamps: the forms databases write are read by hand, the rest by the
// regular expression, with the same results.
class TestIsoTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("fraction");
        QTest::addColumn<bool>("hasTime");
        QTest::addColumn<int>("offset"); // seconds, or -1 without one
        QTest::newRow("date") << "2021-03-04"
                              << "2021-03-04"
                              << "00:00:00"
                              << "" << false << -1;
        QTest::newRow("short date") << "2021-3-4"
                                    << "2021-03-04"
                                    << "00:00:00"
                                    << "" << false << -1;
        QTest::newRow("space") << "2021-03-04 05:06:07"
                               << "2021-03-04"
                               << "05:06:07"
                               << "" << true << -1;
        QTest::newRow("T, minutes") << "2021-03-04T5:06"
                                    << "2021-03-04"
                                    << "05:06:00"
                                    << "" << true << -1;
        QTest::newRow("fraction") << "2021-03-04T05:06:07.120"
                                  << "2021-03-04"
                                  << "05:06:07"
                                  << "120" << true << -1;
        QTest::newRow("comma") << "2021-03-04 05:06:07,5"
                               << "2021-03-04"
                               << "05:06:07"
                               << "5" << true << -1;
        QTest::newRow("nine digits") << "2021-03-04 05:06:07.123456789"
                                     << "2021-03-04"
                                     << "05:06:07"
                                     << "123456789" << true << -1;
        QTest::newRow("offset") << "2021-03-04 05:06:07+01:30"
                                << "2021-03-04"
                                << "05:06:07"
                                << "" << true << 5400;
        QTest::newRow("Z") << "2021-03-04T05:06:07Z"
                           << "2021-03-04"
                           << "05:06:07"
                           << "" << true << 0;
        QTest::newRow("spaces") << "  2021-03-04 05:06 "
                                << "2021-03-04"
                                << "05:06:00"
                                << "" << true << -1;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, date);
        QFETCH(QString, time);
        QFETCH(QString, fraction);
        QFETCH(bool, hasTime);
        QFETCH(int, offset);
        auto t = IsoTimestamp::parse(text);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
        QCOMPARE(t->date.toString(Qt::ISODate), date);
        QCOMPARE(t->time.toString(Qt::ISODate), time);
        QCOMPARE(t->fraction, fraction);
        QCOMPARE(t->hasTime, hasTime);
        QCOMPARE(t->hasOffset, offset >= 0);
        if (offset >= 0)
            QCOMPARE(t->offsetSeconds, offset);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no date") << "yesterday"
                                 << "not a date or timestamp";
        QTest::newRow("day") << "2021-02-30"
                             << "2021-02-30 is not a valid date";
        QTest::newRow("hour") << "2021-02-03 25:00"
                              << "25:00 is not a valid time of day";
        QTest::newRow("ten digits") << "2021-02-03 10:00:00.1234567890"
                                    << "not a date or timestamp";
        QTest::newRow("five-digit year") << "12021-02-03"
                                         << "not a date or timestamp";
        QTest::newRow("seconds") << "2021-02-03 10:00:0"
                                 << "not a date or timestamp";
        QTest::newRow("trailing") << "2021-02-03x"
                                  << "not a date or timestamp";
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        auto t = IsoTimestamp::parse(text);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message().contains(message), qPrintable(t.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestIsoTimestamp)
#include "tst_isotimestamp.moc"
