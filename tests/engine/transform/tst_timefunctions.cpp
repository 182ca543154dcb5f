#include "FunctionHarness.h"

#include <QTest>

using namespace cutover;
using namespace cutover::test;

class TestTimeFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toUtc_data()
    {
        addFunctionColumns();
        QTest::newRow("winter") << "to_utc('2021-01-15 10:00', 'Europe/Berlin')"
                                << text("2021-01-15T09:00:00Z") << 0;
        QTest::newRow("summer, T and seconds") << "to_utc('2021-07-01T12:34:56', 'Europe/Berlin')"
                                               << text("2021-07-01T10:34:56Z") << 0;
        QTest::newRow("fraction kept") << "to_utc('2021-07-01 12:00:00.250', 'Europe/Berlin')"
                                       << text("2021-07-01T10:00:00.250Z") << 0;
        QTest::newRow("microseconds kept") << "to_utc('2021-07-01 12:00:00.123456', 'UTC')"
                                           << text("2021-07-01T12:00:00.123456Z") << 0;
        QTest::newRow("zero fraction dropped")
            << "to_utc('2021-07-01 12:00:00.000', 'UTC')" << text("2021-07-01T12:00:00Z") << 0;
        QTest::newRow("date only is midnight")
            << "to_utc('2021-07-01', 'Europe/Berlin')" << text("2021-06-30T22:00:00Z") << 0;
        QTest::newRow("leap day") << "to_utc('2024-02-29 23:30', 'America/New_York')"
                                  << text("2024-03-01T04:30:00Z") << 0;
        QTest::newRow("offset honoured") << "to_utc('2021-03-28 02:30+05:30', 'Europe/Berlin')"
                                         << text("2021-03-27T21:00:00Z") << 0;
        QTest::newRow("Z honoured") << "to_utc('2021-03-28T02:30:00Z', 'Europe/Berlin')"
                                    << text("2021-03-28T02:30:00Z") << 0;
        // Europe/Berlin 2021-03-28: 02:00 CET -> 03:00 CEST.
        QTest::newRow("gap is an error")
            << "to_utc('2021-03-28 02:30', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("gap, explicit error")
            << "to_utc('2021-03-28 02:30', 'Europe/Berlin', 'error')" << null() << 1;
        QTest::newRow("gap earlier") << "to_utc('2021-03-28 02:30', 'Europe/Berlin', 'earlier')"
                                     << text("2021-03-28T00:30:00Z") << 0;
        QTest::newRow("gap later") << "to_utc('2021-03-28 02:30', 'Europe/Berlin', 'later')"
                                   << text("2021-03-28T01:30:00Z") << 0;
        QTest::newRow("just after gap")
            << "to_utc('2021-03-28 03:00', 'Europe/Berlin')" << text("2021-03-28T01:00:00Z") << 0;
        QTest::newRow("just before gap") << "to_utc('2021-03-28 01:59:59', 'Europe/Berlin')"
                                         << text("2021-03-28T00:59:59Z") << 0;
        // Europe/Berlin 2021-10-31: 03:00 CEST -> 02:00 CET.
        QTest::newRow("overlap is an error")
            << "to_utc('2021-10-31 02:30', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("overlap earlier") << "to_utc('2021-10-31 02:30', 'Europe/Berlin', 'earlier')"
                                         << text("2021-10-31T00:30:00Z") << 0;
        QTest::newRow("overlap later") << "to_utc('2021-10-31 02:30', 'Europe/Berlin', 'LATER')"
                                       << text("2021-10-31T01:30:00Z") << 0;
        // America/New_York 2021-03-14 02:00 EST -> 03:00 EDT; 2021-11-07 02:00 EDT -> 01:00 EST.
        QTest::newRow("NY gap") << "to_utc('2021-03-14 02:15', 'America/New_York')" << null() << 1;
        QTest::newRow("NY gap later") << "to_utc('2021-03-14 02:15', 'America/New_York', 'later')"
                                      << text("2021-03-14T07:15:00Z") << 0;
        QTest::newRow("NY overlap earlier")
            << "to_utc('2021-11-07 01:30', 'America/New_York', 'earlier')"
            << text("2021-11-07T05:30:00Z") << 0;
        QTest::newRow("NY overlap later")
            << "to_utc('2021-11-07 01:30', 'America/New_York', 'later')"
            << text("2021-11-07T06:30:00Z") << 0;
        QTest::newRow("NULL") << "to_utc(NULL, 'Europe/Berlin')" << null() << 0;
        QTest::newRow("empty") << "to_utc('', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("junk") << "to_utc('yesterday', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("invalid date")
            << "to_utc('2023-02-29 10:00', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("invalid time")
            << "to_utc('2023-02-28 25:00', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("unknown zone")
            << "to_utc('2021-01-01 10:00', 'Mars/Olympus')" << null() << 1;
        QTest::newRow("unknown rule")
            << "to_utc('2021-01-01 10:00', 'Europe/Berlin', 'sooner')" << null() << 1;
    }
    void toUtc()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void gapMessageSaysWhatHappened()
    {
        FunctionHarness harness;
        QVERIFY(
            harness.eval(QStringLiteral("to_utc('2021-03-28 02:30', 'Europe/Berlin')")).isNull());
        const QList<Violation> violations = harness.claim();
        QCOMPARE(violations.size(), 1);
        QCOMPARE(violations.first().source, QStringLiteral("to_utc"));
        QCOMPARE(violations.first().value, QStringLiteral("2021-03-28 02:30"));
        QVERIFY2(violations.first().reason.startsWith(QStringLiteral(
                     "2021-03-28 02:30 does not exist in Europe/Berlin (clocks went forward)")),
                 qPrintable(violations.first().reason));
    }

    void fromUtc_data()
    {
        addFunctionColumns();
        QTest::newRow("summer") << "from_utc('2021-07-01T10:34:56Z', 'Europe/Berlin')"
                                << text("2021-07-01T12:34:56") << 0;
        QTest::newRow("no offset is UTC")
            << "from_utc('2021-01-15 09:00', 'Europe/Berlin')" << text("2021-01-15T10:00:00") << 0;
        QTest::newRow("offset honoured")
            << "from_utc('2021-01-15T10:00:00+01:00', 'America/New_York')"
            << text("2021-01-15T04:00:00") << 0;
        QTest::newRow("overlap first") << "from_utc('2021-10-31T00:30:00Z', 'Europe/Berlin')"
                                       << text("2021-10-31T02:30:00") << 0;
        QTest::newRow("overlap second") << "from_utc('2021-10-31T01:30:00Z', 'Europe/Berlin')"
                                        << text("2021-10-31T02:30:00") << 0;
        QTest::newRow("fraction") << "from_utc('2021-01-15T09:00:00.5Z', 'Europe/Berlin')"
                                  << text("2021-01-15T10:00:00.500") << 0;
        QTest::newRow("NULL") << "from_utc(NULL, 'Europe/Berlin')" << null() << 0;
        QTest::newRow("empty") << "from_utc('', 'Europe/Berlin')" << null() << 1;
        QTest::newRow("unknown zone")
            << "from_utc('2021-01-15T09:00:00Z', 'Berlin')" << null() << 1;
    }
    void fromUtc()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void parseDatetime_data()
    {
        addFunctionColumns();
        QTest::newRow("german date")
            << "parse_datetime('31.12.1999', 'dd.MM.yyyy')" << text("1999-12-31") << 0;
        QTest::newRow("second format fits")
            << "parse_datetime('12/31/1999', 'dd.MM.yyyy', 'MM/dd/yyyy')" << text("1999-12-31")
            << 0;
        QTest::newRow("first fitting format wins")
            << "parse_datetime('01/02/2020', 'dd/MM/yyyy', 'MM/dd/yyyy')" << text("2020-02-01")
            << 0;
        QTest::newRow("english month")
            << "parse_datetime('5 Mar 2021', 'd MMM yyyy')" << text("2021-03-05") << 0;
        QTest::newRow("with time") << "parse_datetime('2021-03-05 14:07', 'yyyy-MM-dd HH:mm')"
                                   << text("2021-03-05T14:07:00") << 0;
        QTest::newRow("with milliseconds")
            << "parse_datetime('2021-03-05 14:07:01.250', 'yyyy-MM-dd HH:mm:ss.zzz')"
            << text("2021-03-05T14:07:01.250") << 0;
        QTest::newRow("local gap time is not refused")
            << "parse_datetime('2021-03-28 02:30', 'yyyy-MM-dd HH:mm')"
            << text("2021-03-28T02:30:00") << 0;
        QTest::newRow("12-hour clock")
            << "parse_datetime('03/05/2021 2:07 PM', 'MM/dd/yyyy h:mm AP')"
            << text("2021-03-05T14:07:00") << 0;
        QTest::newRow("leap day") << "parse_datetime('29.02.2024', 'dd.MM.yyyy')"
                                  << text("2024-02-29") << 0;
        QTest::newRow("no leap day") << "parse_datetime('29.02.2023', 'dd.MM.yyyy')" << null() << 1;
        QTest::newRow("month 13") << "parse_datetime('2021-13-01', 'yyyy-MM-dd')" << null() << 1;
        QTest::newRow("letter among digits")
            << "parse_datetime('2021-0a-05', 'yyyy-MM-dd')" << null() << 1;
        QTest::newRow("wrong separator")
            << "parse_datetime('2021/03/05', 'yyyy-MM-dd')" << null() << 1;
        QTest::newRow("sign among digits")
            << "parse_datetime('2021-+3-05', 'yyyy-MM-dd')" << null() << 1;
        QTest::newRow("two-digit year, old")
            << "parse_datetime('31.12.99', 'dd.MM.yy')" << text("1999-12-31") << 0;
        QTest::newRow("two-digit year, new")
            << "parse_datetime('31.12.21', 'dd.MM.yy')" << text("2021-12-31") << 0;
        QTest::newRow("surrounding spaces")
            << "parse_datetime(' 2021-03-05 ', 'yyyy-MM-dd')" << text("2021-03-05") << 0;
        QTest::newRow("integer input")
            << "parse_datetime(20210305, 'yyyyMMdd')" << text("2021-03-05") << 0;
        QTest::newRow("NULL") << "parse_datetime(NULL, 'yyyy-MM-dd')" << null() << 0;
        QTest::newRow("empty") << "parse_datetime('', 'yyyy-MM-dd')" << null() << 1;
        QTest::newRow("junk") << "parse_datetime('N/A', 'yyyy-MM-dd', 'dd.MM.yyyy')" << null() << 1;
    }
    void parseDatetime()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void parseFailureListsTheFormats()
    {
        FunctionHarness harness;
        harness.eval(QStringLiteral("parse_datetime('N/A', 'yyyy-MM-dd', 'dd.MM.yyyy')"));
        const QList<Violation> violations = harness.claim();
        QCOMPARE(violations.size(), 1);
        QCOMPARE(violations.first().reason,
                 QStringLiteral("'N/A' fits none of the formats 'yyyy-MM-dd', 'dd.MM.yyyy'"));
    }

    void formatDatetime_data()
    {
        addFunctionColumns();
        QTest::newRow("date") << "format_datetime('2021-03-05', 'dd.MM.yyyy')" << text("05.03.2021")
                              << 0;
        QTest::newRow("timestamp") << "format_datetime('2021-03-05T14:07:09', 'd MMM yyyy, HH:mm')"
                                   << text("5 Mar 2021, 14:07") << 0;
        QTest::newRow("milliseconds")
            << "format_datetime('2021-03-05 14:07:09.5', 'ss.zzz')" << text("09.500") << 0;
        QTest::newRow("NULL") << "format_datetime(NULL, 'yyyy')" << null() << 0;
        QTest::newRow("empty") << "format_datetime('', 'yyyy')" << null() << 1;
        QTest::newRow("invalid date") << "format_datetime('2021-02-30', 'yyyy')" << null() << 1;
    }
    void formatDatetime()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }
};

QTEST_GUILESS_MAIN(TestTimeFunctions)
#include "tst_timefunctions.moc"
