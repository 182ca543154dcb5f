#include "run/target/PostgresCopyText.h"

#include <QDate>
#include <QDateTime>
#include <QTest>
#include <QTime>
#include <QTimeZone>
#include <limits>

using cutover::PostgresCopyText;

// The COPY text encoder alone, without a server: what PostgreSQL's COPY FROM STDIN reads back
// as the same value (tst_postgrestargetsession proves the round trip against a real server).
class TestPostgresCopyText : public QObject
{
    Q_OBJECT

    static QByteArray copied(const QVariant &value)
    {
        QByteArray out;
        PostgresCopyText::appendValue(out, value);
        return out;
    }

private Q_SLOTS:
    void nullIsBackslashN()
    {
        QCOMPARE(copied(QVariant()), QByteArray("\\N"));
        // the text "\N" itself is escaped, so it stays text
        QCOMPARE(copied(QStringLiteral("\\N")), QByteArray("\\\\N"));
    }

    void separatorsAreEscaped()
    {
        QCOMPARE(copied(QStringLiteral("a\tb\nc\rd\\e")), QByteArray("a\\tb\\nc\\rd\\\\e"));
        QCOMPARE(copied(QStringLiteral("\t")), QByteArray("\\t"));
        QCOMPARE(copied(QString()), QByteArray());
    }

    void textIsUtf8AsItIs()
    {
        QCOMPARE(copied(QStringLiteral("Zoë 日本語 'quoted' \"double\"")),
                 QStringLiteral("Zoë 日本語 'quoted' \"double\"").toUtf8());
    }

    void byteaIsEscapedHex()
    {
        QCOMPARE(copied(QByteArray("\x00\xff\x10", 3)), QByteArray("\\\\x00ff10"));
        QCOMPARE(copied(QByteArray("")), QByteArray("\\\\x"));
    }

    void integersAndBooleans()
    {
        QCOMPARE(copied(QVariant(qint64(-9223372036854775807LL - 1))),
                 QByteArray("-9223372036854775808"));
        QCOMPARE(copied(QVariant(42)), QByteArray("42"));
        QCOMPARE(copied(QVariant(quint64(18446744073709551615ULL))),
                 QByteArray("18446744073709551615"));
        QCOMPARE(copied(QVariant(true)), QByteArray("t"));
        QCOMPARE(copied(QVariant(false)), QByteArray("f"));
    }

    void doublesRoundTrip()
    {
        for (const double d : {0.1, 0.30000000000000004, 1e-300, -1.7976931348623157e308, 1.0 / 3,
                               123456.789, 5e-324}) {
            const QByteArray text = copied(d);
            QCOMPARE(text.toDouble(), d);
        }
        QCOMPARE(copied(-0.0), QByteArray("-0"));
        QCOMPARE(copied(std::numeric_limits<double>::quiet_NaN()), QByteArray("NaN"));
        QCOMPARE(copied(std::numeric_limits<double>::infinity()), QByteArray("Infinity"));
        QCOMPARE(copied(-std::numeric_limits<double>::infinity()), QByteArray("-Infinity"));
    }

    void temporalsInIso8601()
    {
        QCOMPARE(copied(QDate(1969, 7, 20)), QByteArray("1969-07-20"));
        QCOMPARE(copied(QTime(13, 14, 15, 123)), QByteArray("13:14:15.123"));
        QCOMPARE(copied(QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 5), QTimeZone::utc())),
                 QByteArray("2024-02-29T23:59:59.005+00:00"));
    }

    void valueTextIsUnescaped()
    {
        // statement parameters are sent as they are: no COPY escapes
        QCOMPARE(PostgresCopyText::valueText(QStringLiteral("a\tb\\")), QByteArray("a\tb\\"));
        QCOMPARE(PostgresCopyText::valueText(QVariant(2.5)), QByteArray("2.5"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresCopyText)
#include "tst_postgrescopytext.moc"
