#include "FunctionHarness.h"

#include <QTest>

using namespace cutover;
using namespace cutover::test;

class TestValueFunctions : public QObject
{
    Q_OBJECT

    static void addMaps(FunctionHarness &harness)
    {
        LookupMap status{QStringLiteral("status_codes"),
                         {{QStringLiteral("A"), QStringLiteral("active")},
                          {QStringLiteral("I"), QStringLiteral("inactive")},
                          {QStringLiteral("1"), QStringLiteral("one")},
                          {QStringLiteral("Ä"), QStringLiteral("umlaut")}},
                         QString(),
                         false};
        LookupMap country{QStringLiteral("country"),
                          {{QStringLiteral("DE"), QStringLiteral("Germany")}},
                          QStringLiteral("unknown"),
                          true};
        harness.env.lookups.insert(status.name, status);
        harness.env.lookups.insert(country.name, country);
    }

private Q_SLOTS:
    void lookup_data()
    {
        addFunctionColumns();
        QTest::newRow("mapped") << "lookup('status_codes', 'A')" << text("active") << 0;
        QTest::newRow("exact case") << "lookup('status_codes', 'a')" << null() << 1;
        QTest::newRow("non-ASCII key") << "lookup('status_codes', 'Ä')" << text("umlaut") << 0;
        QTest::newRow("integer key as text") << "lookup('status_codes', 1)" << text("one") << 0;
        QTest::newRow("unmapped") << "lookup('status_codes', 'ZZ')" << null() << 1;
        QTest::newRow("empty is not NULL") << "lookup('status_codes', '')" << null() << 1;
        QTest::newRow("NULL") << "lookup('status_codes', NULL)" << null() << 0;
        QTest::newRow("argument default")
            << "lookup('status_codes', 'ZZ', 'other')" << text("other") << 0;
        QTest::newRow("argument default NULL")
            << "lookup('status_codes', 'ZZ', NULL)" << null() << 0;
        QTest::newRow("map default") << "lookup('country', 'FR')" << text("unknown") << 0;
        QTest::newRow("argument default wins")
            << "lookup('country', 'FR', 'n/a')" << text("n/a") << 0;
        QTest::newRow("unknown map") << "lookup('nope', 'A')" << null() << 1;
    }
    void lookup()
    {
        FunctionHarness harness;
        addMaps(harness);
        verifyFunctionRow(harness);
    }

    void unmappedMessage()
    {
        FunctionHarness harness;
        addMaps(harness);
        harness.eval(QStringLiteral("lookup('status_codes', 'ZZ')"));
        const QList<Violation> violations = harness.claim();
        QCOMPARE(violations.size(), 1);
        QCOMPARE(violations.first().source, QStringLiteral("lookup"));
        QCOMPARE(violations.first().value, QStringLiteral("ZZ"));
        QCOMPARE(violations.first().reason,
                 QStringLiteral("value 'ZZ' is not in lookup 'status_codes'"));
        QVERIFY(violations.first().blocking);
    }

    // A call with constant arguments must run per row (no SQLITE_DETERMINISTIC hoisting).
    void constantCallReportsOncePerRow_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("lookup") << "lookup('status_codes', 'ZZ')";
        QTest::newRow("to_int") << "to_int('x')";
        QTest::newRow("to_utc") << "to_utc('2021-03-28 02:30', 'Europe/Berlin')";
        QTest::newRow("parse_datetime") << "parse_datetime('x', 'yyyy')";
        QTest::newRow("regexp") << "regexp('(', 'x')";
        QTest::newRow("mask") << "mask('x', -1)";
    }
    void constantCallReportsOncePerRow()
    {
        QFETCH(QString, expression);
        FunctionHarness harness;
        addMaps(harness);
        const QVariantList values =
            harness.rows(QStringLiteral("SELECT %1 FROM (VALUES (1), (2), (3))").arg(expression));
        QCOMPARE(values.size(), 3);
        QCOMPARE(harness.claim().size(), 3);
    }

    void toInt_data()
    {
        addFunctionColumns();
        QTest::newRow("text") << "to_int('42')" << integer(42) << 0;
        QTest::newRow("spaces and sign") << "to_int(' +42 ')" << integer(42) << 0;
        QTest::newRow("negative") << "to_int('-17')" << integer(-17) << 0;
        QTest::newRow("integer") << "to_int(42)" << integer(42) << 0;
        QTest::newRow("whole real") << "to_int(42.0)" << integer(42) << 0;
        QTest::newRow("zero fraction text") << "to_int('42.00')" << integer(42) << 0;
        QTest::newRow("max") << "to_int('9223372036854775807')" << integer(INT64_MAX) << 0;
        QTest::newRow("min") << "to_int('-9223372036854775808')" << integer(INT64_MIN) << 0;
        QTest::newRow("overflow") << "to_int('9223372036854775808')" << null() << 1;
        QTest::newRow("huge real") << "to_int(1e300)" << null() << 1;
        QTest::newRow("fraction") << "to_int('4.2')" << null() << 1;
        QTest::newRow("real fraction") << "to_int(4.2)" << null() << 1;
        QTest::newRow("junk suffix") << "to_int('42abc')" << null() << 1;
        QTest::newRow("grouping") << "to_int('1,000')" << null() << 1;
        QTest::newRow("empty") << "to_int('')" << null() << 1;
        QTest::newRow("blank") << "to_int('  ')" << null() << 1;
        QTest::newRow("blob") << "to_int(x'01')" << null() << 1;
        QTest::newRow("NULL") << "to_int(NULL)" << null() << 0;
    }
    void toInt()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void toDecimal_data()
    {
        addFunctionColumns();
        QTest::newRow("pads") << "to_decimal('1234.5', 2)" << text("1234.50") << 0;
        QTest::newRow("european") << "to_decimal('1.234,50', 2)" << text("1234.50") << 0;
        QTest::newRow("english grouping") << "to_decimal('1,234.50', 2)" << text("1234.50") << 0;
        QTest::newRow("millions") << "to_decimal('1.234.567', 0)" << text("1234567") << 0;
        QTest::newRow("decimal comma") << "to_decimal('12,5', 2)" << text("12.50") << 0;
        QTest::newRow("leading zero comma") << "to_decimal('0,125', 3)" << text("0.125") << 0;
        QTest::newRow("ambiguous comma") << "to_decimal('1,234', 2)" << null() << 1;
        QTest::newRow("euro sign") << "to_decimal('€ 12.00', 2)" << text("12.00") << 0;
        QTest::newRow("currency code") << "to_decimal('12.00 EUR', 2)" << text("12.00") << 0;
        QTest::newRow("space grouping")
            << QString::fromUtf8("to_decimal('1\u00a0234,50', 2)") << text("1234.50") << 0;
        QTest::newRow("negative") << "to_decimal('-3', 2)" << text("-3.00") << 0;
        QTest::newRow("negative zero") << "to_decimal('-0.00', 2)" << text("0.00") << 0;
        QTest::newRow("leading point") << "to_decimal('.5', 2)" << text("0.50") << 0;
        QTest::newRow("leading zeros") << "to_decimal('007.1', 1)" << text("7.1") << 0;
        QTest::newRow("scale 0") << "to_decimal('42', 0)" << text("42") << 0;
        QTest::newRow("trailing zeros cut") << "to_decimal('1.500', 2)" << text("1.50") << 0;
        QTest::newRow("would round") << "to_decimal('1.005', 2)" << null() << 1;
        QTest::newRow("huge") << "to_decimal('123456789012345678901234567890.12', 2)"
                              << text("123456789012345678901234567890.12") << 0;
        QTest::newRow("real") << "to_decimal(0.1, 2)" << text("0.10") << 0;
        // 0.30000000000000004: binary noise past a REAL's 15 digits, not a third decimal.
        QTest::newRow("real sum") << "to_decimal(0.1 + 0.2, 2)" << text("0.30") << 0;
        QTest::newRow("real cents noise") << "to_decimal(4305 * 0.01, 2)" << text("43.05") << 0;
        QTest::newRow("real would round") << "to_decimal(0.125, 2)" << null() << 1;
        QTest::newRow("integer") << "to_decimal(-5, 1)" << text("-5.0") << 0;
        QTest::newRow("junk") << "to_decimal('12abc', 2)" << null() << 1;
        QTest::newRow("bad grouping") << "to_decimal('1,23,456.00', 2)" << null() << 1;
        QTest::newRow("exponent") << "to_decimal('1e5', 2)" << null() << 1;
        QTest::newRow("empty") << "to_decimal('', 2)" << null() << 1;
        QTest::newRow("NULL") << "to_decimal(NULL, 2)" << null() << 0;
        QTest::newRow("negative scale") << "to_decimal('1', -1)" << null() << 1;
        QTest::newRow("text scale") << "to_decimal('1', 'two')" << null() << 1;
    }
    void toDecimal()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void toBool_data()
    {
        addFunctionColumns();
        QTest::newRow("yes") << "to_bool('Yes')" << integer(1) << 0;
        QTest::newRow("no") << "to_bool('NO')" << integer(0) << 0;
        QTest::newRow("true") << "to_bool(' true ')" << integer(1) << 0;
        QTest::newRow("f") << "to_bool('f')" << integer(0) << 0;
        QTest::newRow("on") << "to_bool('on')" << integer(1) << 0;
        QTest::newRow("off") << "to_bool('Off')" << integer(0) << 0;
        QTest::newRow("ja") << "to_bool('ja')" << integer(1) << 0;
        QTest::newRow("nein") << "to_bool('Nein')" << integer(0) << 0;
        QTest::newRow("integer 1") << "to_bool(1)" << integer(1) << 0;
        QTest::newRow("integer 0") << "to_bool(0)" << integer(0) << 0;
        QTest::newRow("real 1") << "to_bool(1.0)" << integer(1) << 0;
        QTest::newRow("integer 2") << "to_bool(2)" << null() << 1;
        QTest::newRow("maybe") << "to_bool('maybe')" << null() << 1;
        QTest::newRow("empty") << "to_bool('')" << null() << 1;
        QTest::newRow("NULL") << "to_bool(NULL)" << null() << 0;
    }
    void toBool()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }
};

QTEST_GUILESS_MAIN(TestValueFunctions)
#include "tst_valuefunctions.moc"
