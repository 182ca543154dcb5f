#include "connect/csv/CsvTypeInferrer.h"

#include <QTest>

using namespace cutover;

class TestCsvTypeInferrer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infer_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("expected"); // NormalizedType::toString()
        QTest::addColumn<bool>("nullable");

        const QString null; // a NULL field as CsvReader returns it
        const QString empty = QStringLiteral("");

        // integers
        QTest::newRow("integers") << QStringList{"1", "2", "300"} << "integer" << false;
        QTest::newRow("negative integers") << QStringList{"-5", "0", "17"} << "integer" << false;
        QTest::newRow("zero and minus zero") << QStringList{"0", "-0"} << "integer" << false;
        QTest::newRow("0 and 1 stay integer") << QStringList{"0", "1", "1"} << "integer" << false;
        QTest::newRow("int64 max") << QStringList{"9223372036854775807"} << "integer" << false;
        QTest::newRow("int64 min") << QStringList{"-9223372036854775808"} << "integer" << false;
        QTest::newRow("beyond int64 is decimal")
            << QStringList{"1", "9223372036854775808"} << "decimal(19,0)" << false;
        QTest::newRow("huge negative")
            << QStringList{"-123456789012345678901234567890"} << "decimal(30,0)" << false;
        // leading zeros are identifiers (zip codes, account numbers): keep the text
        QTest::newRow("leading zeros") << QStringList{"007", "123"} << "text" << false;
        QTest::newRow("zip codes") << QStringList{"01067", "80331", "10115"} << "text" << false;
        QTest::newRow("leading zero decimal") << QStringList{"00.5"} << "text" << false;
        QTest::newRow("plus sign") << QStringList{"+5"} << "text" << false;
        QTest::newRow("surrounding space") << QStringList{" 42", "7"} << "text" << false;
        QTest::newRow("thousands separator") << QStringList{"1,000"} << "text" << false;
        QTest::newRow("arabic-indic digits") << QStringList{"١٢٣"} << "text" << false;

        // decimals: exact digits
        QTest::newRow("money") << QStringList{"12.50", "3.99", "100.00"} << "decimal(5,2)" << false;
        QTest::newRow("scale from widest")
            << QStringList{"1.5", "2.125"} << "decimal(4,3)" << false;
        QTest::newRow("integers and decimals")
            << QStringList{"1000", "0.25"} << "decimal(6,2)" << false;
        QTest::newRow("leading zero point")
            << QStringList{"0.5", "-0.75"} << "decimal(2,2)" << false;
        QTest::newRow("no integer part") << QStringList{".5"} << "decimal(1,1)" << false;
        QTest::newRow("negative decimal") << QStringList{"-12.5"} << "decimal(3,1)" << false;
        QTest::newRow("trailing point") << QStringList{"5."} << "text" << false;

        // reals: exponent forms
        QTest::newRow("1e10") << QStringList{"1e10"} << "real" << false;
        QTest::newRow("exponents") << QStringList{"-2.5E-3", "6.02e+23"} << "real" << false;
        QTest::newRow("integers and reals") << QStringList{"1", "2.5", "1e3"} << "real" << false;
        QTest::newRow("overflowing exponent") << QStringList{"1e999"} << "text" << false;
        QTest::newRow("NaN") << QStringList{"NaN"} << "text" << false;

        // booleans
        QTest::newRow("true/false") << QStringList{"true", "false", "TRUE"} << "boolean" << false;
        QTest::newRow("yes/no") << QStringList{"yes", "No"} << "boolean" << false;
        QTest::newRow("t/f/y/n") << QStringList{"t", "F", "y", "n"} << "boolean" << false;
        QTest::newRow("booleans and 0/1 mix") << QStringList{"true", "0"} << "text" << false;
        QTest::newRow("not a boolean") << QStringList{"yes", "maybe"} << "text" << false;

        // dates and times
        QTest::newRow("dates") << QStringList{"2024-02-29", "1999-12-31"} << "date" << false;
        QTest::newRow("invalid date") << QStringList{"2023-02-29"} << "text" << false;
        QTest::newRow("other date format") << QStringList{"31.12.1999"} << "text" << false;
        QTest::newRow("US date") << QStringList{"12/31/1999"} << "text" << false;
        QTest::newRow("timestamp T") << QStringList{"2024-03-31T02:30:00"} << "timestamp" << false;
        QTest::newRow("timestamp space fraction")
            << QStringList{"2024-03-31 02:30:00.123456", "2024-01-01 00:00"} << "timestamp"
            << false;
        QTest::newRow("dates and timestamps")
            << QStringList{"2024-01-01", "2024-01-02 10:00:00"} << "timestamp" << false;
        QTest::newRow("bad hour") << QStringList{"2024-01-01 24:00:00"} << "text" << false;
        QTest::newRow("timestamptz Z")
            << QStringList{"2024-01-01T10:00:00Z"} << "timestamptz" << false;
        QTest::newRow("timestamptz offsets")
            << QStringList{"2024-01-01T10:00:00+01:00", "2024-06-01 10:00:00.5-05:30",
                           "2024-06-01T10:00:00+0200"}
            << "timestamptz" << false;
        QTest::newRow("naive and zoned mix")
            << QStringList{"2024-01-01T10:00:00", "2024-01-01T10:00:00Z"} << "text" << false;
        QTest::newRow("times") << QStringList{"08:15", "23:59:59", "12:00:00.250"} << "time"
                               << false;
        QTest::newRow("bad time") << QStringList{"25:00"} << "text" << false;

        // uuid, json
        QTest::newRow("uuids") << QStringList{"3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                                              "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"}
                               << "uuid" << false;
        QTest::newRow("uuid without dashes")
            << QStringList{"3f2504e04f8911d39a0c0305e82c3301"} << "text" << false;
        QTest::newRow("json") << QStringList{"{\"a\": 1}", "[1, 2, {\"b\": null}]"} << "json"
                              << false;
        QTest::newRow("broken json") << QStringList{"{\"a\": 1}", "{not json}"} << "text" << false;
        QTest::newRow("json scalar is not json") << QStringList{"\"x\""} << "text" << false;

        // text
        QTest::newRow("names") << QStringList{"Ann", "Bob"} << "text" << false;
        QTest::newRow("non-ASCII")
            << QStringList{"Müller", "Øre", "日本", "Ελένη"} << "text" << false;
        QTest::newRow("numbers then text") << QStringList{"1", "2", "three"} << "text" << false;

        // nulls and empties
        QTest::newRow("NULL makes nullable") << QStringList{"1", null, "3"} << "integer" << true;
        QTest::newRow("empty string makes nullable")
            << QStringList{"1.5", empty} << "decimal(2,1)" << true;
        QTest::newRow("all NULL") << QStringList{null, null} << "text" << true;
        QTest::newRow("all empty") << QStringList{empty, empty} << "text" << true;
        QTest::newRow("no values at all") << QStringList{} << "text" << true;
        QTest::newRow("nullable date") << QStringList{null, "2024-01-01"} << "date" << true;
        QTest::newRow("blank is not empty") << QStringList{" ", "1"} << "text" << false;
    }

    void infer()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, expected);
        QFETCH(bool, nullable);
        bool isNullable = false;
        const NormalizedType type = CsvTypeInferrer::infer(values, &isNullable);
        QCOMPARE(type.toString(), expected);
        QCOMPARE(isNullable, nullable);

        // The order of values never matters.
        QStringList reversed(values.rbegin(), values.rend());
        QCOMPARE(CsvTypeInferrer::infer(reversed).toString(), expected);
    }

    void counts()
    {
        CsvTypeInferrer inferrer;
        inferrer.add(QStringLiteral("abc"));
        inferrer.add(QString());
        inferrer.add(QStringLiteral("Grüße!"));
        QCOMPARE(inferrer.valueCount(), 2);
        QCOMPARE(inferrer.missingCount(), 1);
        QCOMPARE(inferrer.maxLength(), 6);
        QCOMPARE(inferrer.type(), NormalizedType::text());
        QVERIFY(inferrer.nullable());
    }
};

QTEST_GUILESS_MAIN(TestCsvTypeInferrer)
#include "tst_csvtypeinferrer.moc"
