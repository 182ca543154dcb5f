#include "VerifyOk.h"
#include "core/TextEncoding.h"

#include <QTest>

using namespace cutover;

// Text bytes decoded exactly or not at all: invalid UTF-8 is no text, a leading U+FEFF stays,
// legacy encodings through iconv, and the violation text shows the bytes.
class TestTextEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void utf8KeepsValidTextExactly()
    {
        QCOMPARE(TextEncoding::utf8("J\xc3\xbcrgen"), QString::fromUtf16(u"J\u00fcrgen"));
        // A byte order mark at the start is a character of the value, not a marker to drop.
        QCOMPARE(TextEncoding::utf8("\xef\xbb\xbfZoe"), QChar(0xfeff) + QStringLiteral("Zoe"));
        QCOMPARE(TextEncoding::utf8("\xef\xbf\xbf"), QString(QChar(0xffff))); // a noncharacter
        const auto empty = TextEncoding::utf8("");
        QVERIFY(empty && empty->isEmpty() && !empty->isNull());
    }

    void utf8RefusesWhatIsNotUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("offset");
        QTest::newRow("cp1252 dash") << QByteArray("Bob\x96") << 3;
        QTest::newRow("invalid sequence") << QByteArray("Ren\xc3\x28") << 3;
        QTest::newRow("lone continuation") << QByteArray("a\x80") << 1;
        QTest::newRow("cut off at the end") << QByteArray("ab\xe2\x82") << 2;
        QTest::newRow("overlong") << QByteArray("\xc0\x80", 2) << 0;
        QTest::newRow("surrogate") << QByteArray("x\xed\xa0\x80") << 1;
        QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0;
    }

    void utf8RefusesWhatIsNotUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, offset);
        QVERIFY(!TextEncoding::utf8(bytes));
        QCOMPARE(TextEncoding().invalidAt(bytes), offset);
        const QVariant value = TextEncoding().textOrBytes(bytes);
        QCOMPARE(value.typeId(), QMetaType::QByteArray);
        QCOMPARE(value.toByteArray(), bytes);
    }

    void problemShowsTheBytesInHex()
    {
        QCOMPARE(TextEncoding::utf8Problem("Bob\x96"),
                 QStringLiteral("not valid UTF-8 at byte offset 3: 42 6f 62 96"));
        const QByteArray longer = QByteArray(40, 'a') + '\x80' + QByteArray(40, 'b');
        QCOMPARE(TextEncoding::utf8Problem(longer),
                 QStringLiteral("not valid UTF-8 at byte offset 40: ... ") +
                     QStringLiteral("61 ").repeated(16) + QStringLiteral("80") +
                     QStringLiteral(" 62").repeated(15) + QStringLiteral(" ..."));
    }

    void legacyEncodingsDecodeThroughIconv()
    {
        auto cp1252 = TextEncoding::named(QStringLiteral("cp1252"));
        VERIFY_OK(cp1252);
        QVERIFY(!cp1252->isUtf8());
        QCOMPARE(cp1252->decode("Bob\x96"), QString::fromUtf16(u"Bob\u2013"));
        QCOMPARE(cp1252->decode("\x80"), QString::fromUtf16(u"\u20ac"));
        QCOMPARE(cp1252->encode(QString::fromUtf16(u"Bob\u2013")), QByteArray("Bob\x96"));
        // Unassigned in cp1252: no text, not a guess.
        QVERIFY(!cp1252->decode("a\x81"));
        QCOMPARE(cp1252->invalidAt("a\x81"), 1);
        QCOMPARE(cp1252->problem("a\x81"),
                 QStringLiteral("not valid cp1252 at byte offset 1: 61 81"));

        auto latin1 = TextEncoding::named(QStringLiteral("Latin1"));
        VERIFY_OK(latin1);
        QCOMPARE(latin1->decode("Bob\x96"), QString::fromUtf16(u"Bob\u0096"));
        QVERIFY(TextEncoding::named(QStringLiteral("UTF8"))->isUtf8());
        QVERIFY(cp1252->isAsciiCompatible());
        QVERIFY(!TextEncoding::named(QStringLiteral("utf-16le"))->isAsciiCompatible());
    }

    void copiesConvertOnTheirOwn()
    {
        auto cp1252 = TextEncoding::named(QStringLiteral("cp1252"));
        VERIFY_OK(cp1252);
        QCOMPARE(cp1252->decode("\x96"), QString(QChar(0x2013)));
        const TextEncoding copy = *cp1252;
        QCOMPARE(copy.decode("\x93hi\x94"), QString::fromUtf16(u"\u201chi\u201d"));
        QCOMPARE(cp1252->decode("\x96"), QString(QChar(0x2013)));
    }

    void chunksKeepEveryByteOfAStream()
    {
        const TextEncoding utf8;
        QByteArray rest;
        // A sequence the chunk cuts off waits for the next chunk.
        QCOMPARE(utf8.decodeChunk("a\xc3", rest, false), QStringLiteral("a"));
        QCOMPARE(rest, QByteArray("\xc3"));
        const QString text = utf8.decodeChunk("\xa9"
                                              "b\x96",
                                              rest, false);
        QCOMPARE(text, QChar(0xe9) + QStringLiteral("b") + QChar(0xdc96));
        QVERIFY(rest.isEmpty());
        QCOMPARE(utf8.escapedBytes(text), QByteArray("\xc3\xa9"
                                                     "b\x96"));
        QVERIFY(!utf8.escapedBytes(QStringLiteral("plain")));
        // At the end of the stream an unfinished sequence is bytes that do not decode.
        QCOMPARE(utf8.decodeChunk("x\xe2\x82", rest, true),
                 QStringLiteral("x") + QChar(0xdce2) + QChar(0xdc82));

        auto cp1252 = TextEncoding::named(QStringLiteral("cp1252"));
        VERIFY_OK(cp1252);
        const QString dash = cp1252->decodeChunk("\x96\x81", rest, true);
        QCOMPARE(dash, QString(QChar(0x2013)) + QChar(0xdc81));
        QCOMPARE(cp1252->escapedBytes(dash), QByteArray("\x96\x81"));
    }

    void unknownNamesAreRefused()
    {
        QVERIFY(!TextEncoding::named(QStringLiteral("cp9999")));
        QVERIFY(!TextEncoding::named(QString()));
        // iconv would drop or replace what does not convert: never that.
        const auto ignoring = TextEncoding::named(QStringLiteral("cp1252//IGNORE"));
        QVERIFY(!ignoring);
        QVERIFY(ignoring.error().message().contains(QStringLiteral("cp1252//IGNORE")));
    }
};

QTEST_GUILESS_MAIN(TestTextEncoding)
#include "tst_textencoding.moc"
