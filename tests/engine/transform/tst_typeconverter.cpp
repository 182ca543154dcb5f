#include "transform/convert/TypeConverter.h"

#include <QTest>
#include <limits>

using namespace cutover;

namespace {
// Expected outcomes: a canonical value, or a failure whose reason contains a phrase.
const QString Refused = QStringLiteral("refused");
} // namespace

class TestTypeConverter : public QObject
{
    Q_OBJECT

private:
    static void row(const char *name, const QVariant &input, const char *type,
                    const QVariant &expected, const QString &reason = {}, bool lossRisk = false)
    {
        QTest::newRow(name) << input << QString::fromLatin1(type) << expected << reason << lossRisk;
    }
    static void refused(const char *name, const QVariant &input, const char *type,
                        const char *reasonPart)
    {
        row(name, input, type, QVariant(), QString::fromUtf8(reasonPart));
    }
    static QVariant text(const char *utf8) { return QString::fromUtf8(utf8); }
    static QVariant integer(qint64 value) { return QVariant::fromValue<qint64>(value); }

private Q_SLOTS:
    void converts_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariant>("expected");
        QTest::addColumn<QString>("reason"); // part of the failure reason; empty on success
        QTest::addColumn<bool>("lossRisk");
        const qint64 max = std::numeric_limits<qint64>::max();
        const qint64 min = std::numeric_limits<qint64>::min();

        // NULL stays NULL whatever the type.
        for (const char *type : {"integer", "decimal(10,2)", "real", "text(5)", "boolean", "date",
                                 "time", "timestamp", "timestamptz", "uuid", "json", "blob"})
            QTest::addRow("NULL into %s", type)
                << QVariant() << QString::fromLatin1(type) << QVariant() << QString() << false;

        // integer
        row("int into integer", integer(42), "integer", integer(42));
        row("int64 max", integer(max), "integer", integer(max));
        row("int64 min", integer(min), "integer", integer(min));
        row("text 42", text("42"), "integer", integer(42));
        row("text ' 42 '", text(" 42 "), "integer", integer(42));
        row("text -17", text("-17"), "integer", integer(-17));
        row("text int64 max", text("9223372036854775807"), "integer", integer(max));
        row("text int64 min", text("-9223372036854775808"), "integer", integer(min));
        refused("text int64 max + 1", text("9223372036854775808"), "integer", "out of range");
        refused("text huge", text("123456789012345678901234567890"), "integer", "out of range");
        refused("text 4.2", text("4.2"), "integer", "fraction");
        refused("text abc", text("abc"), "integer", "'abc' is not an integer");
        refused("empty text", text(""), "integer", "empty text");
        refused("blank text", text("   "), "integer", "empty text");
        row("double 42.0", 42.0, "integer", integer(42));
        row("double -3.0", -3.0, "integer", integer(-3));
        refused("double 42.5", 42.5, "integer", "fraction");
        refused("double 1e19", 1e19, "integer", "out of range");
        row("double 2^60 flagged", 1152921504606846976.0, "integer", integer(1152921504606846976LL),
            {}, true);
        refused("double NaN", std::numeric_limits<double>::quiet_NaN(), "integer", "whole");
        refused("blob into integer", QByteArray("\x01"), "integer", "binary");

        // decimal(p,s)
        row("int into decimal", integer(12), "decimal(10,2)", text("12.00"));
        row("negative int into decimal", integer(-5), "decimal(10,2)", text("-5.00"));
        row("text 12.3", text("12.3"), "decimal(10,2)", text("12.30"));
        row("text 12.345 zero padded", text("12.3400"), "decimal(10,2)", text("12.34"));
        refused("text 12.345", text("12.345"), "decimal(10,2)", "would lose digits");
        row("at precision limit", text("99999999.99"), "decimal(10,2)", text("99999999.99"));
        row("negative at limit", text("-99999999.99"), "decimal(10,2)", text("-99999999.99"));
        refused("beyond precision", text("100000000.00"), "decimal(10,2)", "does not fit");
        refused("int beyond precision", integer(123456789), "decimal(10,2)", "does not fit");
        row("leading zeros", text("007.5"), "decimal(4,1)", text("7.5"));
        row(".5", text(".5"), "decimal(3,2)", text("0.50"));
        row("-0", text("-0.0"), "decimal(3,1)", text("0.0"));
        row("exponent text", text("1.5e3"), "decimal(10,2)", text("1500.00"));
        // Without (p,s) the scale is kept as written: PostgreSQL's numeric keeps 2.50 as 2.50.
        row("unconstrained keeps its scale", text("2.50"), "decimal", text("2.50"));
        row("unconstrained no fraction", text("25"), "decimal", text("25"));
        row("unconstrained exponent", text("1.500e1"), "decimal", text("15.00"));
        row("unconstrained zeros", text("0.000"), "decimal", text("0.000"));
        row("int64 max into decimal(19,0)", integer(max), "decimal(19,0)",
            text("9223372036854775807"));
        row("double 0.1 flagged", 0.1, "decimal(10,2)", text("0.10"), {}, true);
        row("double 2.0 exact", 2.0, "decimal(10,2)", text("2.00"));
        refused("double 0.1+0.2 noise", 0.1 + 0.2, "decimal(10,2)", "would lose digits");
        refused("double inf", std::numeric_limits<double>::infinity(), "decimal(10,2)", "finite");
        refused("text N/A into decimal", text("N/A"), "decimal(10,2)", "not a decimal");
        refused("empty into decimal", text(""), "decimal(10,2)", "empty text");
        row("unspecified precision keeps digits", text("3.14159265358979323846"), "decimal",
            text("3.14159265358979323846"));

        // real
        row("int into real", integer(3), "real", 3.0);
        row("2^53 into real", integer(9007199254740992LL), "real", 9007199254740992.0);
        refused("2^53+1 into real", integer(9007199254740993LL), "real", "exactly");
        refused("int64 max into real", integer(max), "real", "exactly");
        row("double into real", 2.5, "real", 2.5);
        row("text 0.1", text("0.1"), "real", 0.1);
        row("text -1e-7", text("-1e-7"), "real", -1e-7);
        row("text pi too long flagged", text("3.14159265358979323846"), "real", 3.141592653589793,
            {}, true);
        refused("text big integer", text("9007199254740993"), "real", "exactly");
        refused("text nan", text("nan"), "real", "not a number");
        refused("text inf", text("inf"), "real", "not a number");
        refused("text 1e400", text("1e400"), "real", "out of range");
        refused("text 0x10", text("0x10"), "real", "not a number");
        refused("double inf into real", std::numeric_limits<double>::infinity(), "real", "finite");

        // text(n)
        row("text into text", text("Müller"), "text(6)", text("Müller"));
        refused("Müller into text(5)", text("Müller"), "text(5)", "6 characters, at most 5");
        row("emoji counts once", text("a😀"), "text(2)", text("a😀"));
        row("empty into text", text(""), "text(255)", text(""));
        row("spaces kept", text(" a "), "text", text(" a "));
        row("255 characters", QString(255, QLatin1Char('x')), "text(255)",
            QString(255, QLatin1Char('x')));
        refused("300 characters into text(255)", QString(300, QLatin1Char('x')), "text(255)",
                "300 characters, at most 255");
        row("int into text", integer(-42), "text", text("-42"));
        row("int64 min into text", integer(min), "text", text("-9223372036854775808"));
        row("double into text", 0.1, "text", text("0.1"));
        row("UTF-8 blob into text", QByteArray("caf\xc3\xa9"), "text", text("café"));
        refused("invalid UTF-8 blob", QByteArray("\xff\xfe"), "text", "UTF-8");
        refused("invalid UTF-8 shows its bytes", QByteArray("Bob\x96"), "text",
                "not valid UTF-8 at byte offset 3: 42 6f 62 96");
        row("UTF-8 blob with a byte order mark", QByteArray("\xef\xbb\xbfZoe"), "text",
            QVariant(QChar(0xfeff) + QStringLiteral("Zoe")));

        // boolean
        row("1", integer(1), "boolean", true);
        row("0", integer(0), "boolean", false);
        refused("2", integer(2), "boolean", "only 0 and 1");
        row("1.0", 1.0, "boolean", true);
        row("'true'", text("true"), "boolean", true);
        row("'FALSE'", text("FALSE"), "boolean", false);
        row("'yes'", text("yes"), "boolean", true);
        row("'0'", text("0"), "boolean", false);
        refused("'maybe'", text("maybe"), "boolean", "not a boolean");
        refused("empty into boolean", text(""), "boolean", "empty text");

        // date
        row("date", text("2024-03-01"), "date", text("2024-03-01"));
        row("leap day 2024", text("2024-02-29"), "date", text("2024-02-29"));
        refused("2023-02-29", text("2023-02-29"), "date", "not a valid date");
        refused("2024-13-01", text("2024-13-01"), "date", "not a valid date");
        refused("N/A into date", text("N/A"), "date", "not an ISO date");
        refused("01/03/2024", text("01/03/2024"), "date", "not an ISO date");
        refused("empty into date", text(""), "date", "not an ISO date");
        row("midnight timestamp into date", text("2024-03-01T00:00:00"), "date",
            text("2024-03-01"));
        refused("timestamp with time into date", text("2024-03-01 10:30:00"), "date",
                "would drop the time 10:30:00");
        refused("zoned into date", text("2024-03-01T00:00:00Z"), "date", "time zone");
        refused("number into date", integer(20240301), "date", "date function");

        // time
        row("time", text("10:30:00"), "time", text("10:30:00"));
        row("time without seconds", text("10:30"), "time", text("10:30:00"));
        row("time with ms", text("10:30:00.25"), "time", text("10:30:00.250"));
        row("time with µs", text("10:30:00.123456"), "time", text("10:30:00.123456"));
        refused("time with ns", text("10:30:00.123456789"), "time", "below a microsecond");
        refused("25:00", text("25:00:00"), "time", "not a valid time");
        refused("timestamp into time", text("2024-03-01 10:30:00"), "time", "not a time of day");

        // timestamp
        row("timestamp T", text("2024-03-01T10:30:00"), "timestamp", text("2024-03-01T10:30:00"));
        row("timestamp space", text("2024-03-01 10:30"), "timestamp", text("2024-03-01T10:30:00"));
        row("timestamp ms", text("2024-03-01 10:30:00.5"), "timestamp",
            text("2024-03-01T10:30:00.500"));
        row("date into timestamp", text("2024-03-01"), "timestamp", text("2024-03-01T00:00:00"));
        refused("offset into timestamp", text("2024-03-01T10:30:00+02:00"), "timestamp",
                "from_utc");
        refused("Z into timestamp", text("2024-03-01T10:30:00Z"), "timestamp", "from_utc");
        refused("2023-02-29 into timestamp", text("2023-02-29 00:00:00"), "timestamp",
                "not a valid date");
        refused("real into timestamp", 1.7e9, "timestamp", "date function");

        // timestamptz
        row("Z", text("2024-03-01T10:30:00Z"), "timestamptz", text("2024-03-01T10:30:00Z"));
        row("+02:00", text("2024-03-01 10:30:00+02:00"), "timestamptz",
            text("2024-03-01T08:30:00Z"));
        row("-0530 across midnight", text("2024-02-28T20:00:00.123-0530"), "timestamptz",
            text("2024-02-29T01:30:00.123Z"));
        row("+01 across year", text("2024-01-01T00:30:00+01"), "timestamptz",
            text("2023-12-31T23:30:00Z"));
        refused("local into timestamptz", text("2024-03-01 10:30:00"), "timestamptz",
                "needs a time zone: use to_utc");
        refused("bad offset", text("2024-03-01 10:30:00+25:00"), "timestamptz", "offset");

        // uuid
        const char *canonical = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        row("uuid", text(canonical), "uuid", text(canonical));
        row("upper-case uuid", text("3F2504E0-4F89-11D3-9A0C-0305E82C3301"), "uuid",
            text(canonical));
        row("braced uuid", text("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}"), "uuid", text(canonical));
        row("16-byte blob", QByteArray::fromHex("3f2504e04f8911d39a0c0305e82c3301"), "uuid",
            text(canonical));
        refused("unbalanced brace", text("{3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "uuid",
                "not a UUID");
        refused("no dashes", text("3f2504e04f8911d39a0c0305e82c3301"), "uuid", "not a UUID");
        refused("int into uuid", integer(7), "uuid", "not a UUID");
        refused("short blob", QByteArray("abc"), "uuid", "16");

        // json
        row("object", text(R"({"a": [1, 2]})"), "json", text(R"({"a": [1, 2]})"));
        row("scalar string", text(R"("x")"), "json", text(R"("x")"));
        row("scalar number", text("12.5"), "json", text("12.5"));
        row("null literal", text("null"), "json", text("null"));
        row("int into json", integer(7), "json", text("7"));
        refused("bare word", text("hello"), "json", "not valid JSON");
        refused("two values", text("1, 2"), "json", "not valid JSON");
        refused("empty into json", text(""), "json", "not valid JSON");
        refused("truncated", text(R"({"a": )"), "json", "not valid JSON");

        // blob
        row("blob", QByteArray("\x00\x01", 2), "blob", QByteArray("\x00\x01", 2));
        row("text into blob", text("é"), "blob", QByteArray("\xc3\xa9"));
        refused("int into blob", integer(1), "blob", "not binary");

        // unknown types pass values through
        row("unknown", text("anything"), "unknown", text("anything"));
    }

    void converts()
    {
        QFETCH(QVariant, input);
        QFETCH(QString, type);
        QFETCH(QVariant, expected);
        QFETCH(QString, reason);
        QFETCH(bool, lossRisk);
        const NormalizedType target =
            type == QLatin1String("unknown") ? NormalizedType() : NormalizedType::fromString(type);
        QVERIFY2(type == QLatin1String("unknown") || target.kind() != NormalizedType::Kind::Unknown,
                 qPrintable(type));
        const Conversion result = TypeConverter::convert(input, target);
        if (!reason.isEmpty()) {
            QVERIFY2(!result.ok(),
                     qPrintable(QStringLiteral("converted to ") + result.value.toString()));
            QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
            QVERIFY(result.value.isNull());
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.reason));
        QCOMPARE(result.value.isNull(), expected.isNull());
        QCOMPARE(result.value.typeId(), expected.typeId());
        QCOMPARE(result.value, expected);
        QCOMPARE(result.hasLossRisk(), lossRisk);
    }

    void emptyStringIsNotNull()
    {
        const Conversion asText = TypeConverter::convert(QString(""), NormalizedType::text(10));
        QVERIFY(asText.ok());
        QVERIFY(!asText.value.isNull());
        QCOMPARE(asText.value.toString(), QString());
    }

    void reasonsNameTheValue()
    {
        const Conversion result =
            TypeConverter::convert(QStringLiteral("12.345"), NormalizedType::decimal(10, 2));
        QCOMPARE(result.reason, QStringLiteral("would lose digits: 12.345 has 3 decimal places and "
                                               "decimal(10,2) keeps 2"));
    }
};

QTEST_GUILESS_MAIN(TestTypeConverter)
#include "tst_typeconverter.moc"
