#include "transform/SourceKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cutover;

namespace {

// What the JSON classes write for the key: the form checkpoints and quarantine rows store.
QString documentJson(const QVariantList &values)
{
    QJsonArray array;
    for (const QVariant &v : values) {
        if (v.isNull())
            array.append(QJsonValue::Null);
        else if (v.typeId() == QMetaType::Double)
            array.append(v.toDouble());
        else if (v.typeId() == QMetaType::QString)
            array.append(v.toString());
        else
            array.append(v.toLongLong());
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

// Source keys as JSON text: the direct writing of integer and plain-text keys gives the same
// text as the JSON classes, and every kind of key reads back as it was.
class TestSourceKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJson_data()
    {
        QTest::addColumn<QVariantList>("values");
        QTest::newRow("integer") << QVariantList{qint64(42)};
        QTest::newRow("int") << QVariantList{int(-7)};
        QTest::newRow("zero") << QVariantList{qint64(0)};
        QTest::newRow("large") << QVariantList{qint64(9007199254740993LL)};
        QTest::newRow("smallest") << QVariantList{std::numeric_limits<qint64>::min()};
        QTest::newRow("two integers") << QVariantList{qint64(1), qint64(20)};
        QTest::newRow("null") << QVariantList{QVariant()};
        QTest::newRow("text") << QVariantList{QStringLiteral("AB-12 x")};
        QTest::newRow("empty text") << QVariantList{QString(QLatin1String(""))};
        QTest::newRow("quote") << QVariantList{QStringLiteral("a\"b")};
        QTest::newRow("backslash") << QVariantList{QStringLiteral("a\\b")};
        QTest::newRow("control") << QVariantList{QStringLiteral("a\tb\x01")};
        QTest::newRow("delete") << QVariantList{QStringLiteral("a\x7f")};
        QTest::newRow("non-ASCII") << QVariantList{QStringLiteral("Müller ÿ €")};
        QTest::newRow("slash") << QVariantList{QStringLiteral("a/b<c>")};
        QTest::newRow("double") << QVariantList{2.5};
        QTest::newRow("mixed") << QVariantList{qint64(3), QStringLiteral("x"), QVariant(), 0.1};
    }

    void toJson()
    {
        QFETCH(QVariantList, values);
        QCOMPARE(SourceKey::toJson(values), documentJson(values));
    }

    void readsBackWhatItWrote()
    {
        const QVariantList values = {qint64(12), QStringLiteral("a\"b ü"), QVariant(), qint64(-3)};
        const QVariantList back = SourceKey::fromJson(SourceKey::toJson(values));
        QCOMPARE(back.size(), values.size());
        QCOMPARE(back.at(0).toLongLong(), 12);
        QCOMPARE(back.at(1).toString(), QStringLiteral("a\"b ü"));
        QVERIFY(back.at(2).isNull());
        QCOMPARE(back.at(3).toLongLong(), -3);
    }

    void keysSortAsTheirTypes()
    {
        const QStringList sorted = {QStringLiteral("[null]"),
                                    QStringLiteral("[-7]"),
                                    QStringLiteral("[1.5]"),
                                    QStringLiteral("[2]"),
                                    QStringLiteral("[102]"),
                                    QStringLiteral("[1004]"),
                                    QStringLiteral("[9007199254740993]"),
                                    QStringLiteral("[\"1\"]"),
                                    QStringLiteral("[\"B\"]"),
                                    QStringLiteral("[\"a\"]"),
                                    QStringLiteral("[\"a\",1]"),
                                    QStringLiteral("[\"ab\"]"),
                                    QStringLiteral("[\"\uffff\"]"),
                                    QStringLiteral("[\"\\ud83d\\ude00\"]")};
        for (qsizetype i = 0; i + 1 < sorted.size(); ++i) {
            const QVariantList a = SourceKey::parts(sorted.at(i));
            const QVariantList b = SourceKey::parts(sorted.at(i + 1));
            QVERIFY2(SourceKey::lessThan(a, b), qPrintable(sorted.at(i) + u' ' + sorted.at(i + 1)));
            QVERIFY2(!SourceKey::lessThan(b, a), qPrintable(sorted.at(i + 1)));
        }
        // Integers past 2^53 compare exactly, not as doubles.
        QVERIFY(SourceKey::lessThan(SourceKey::parts(QStringLiteral("[9007199254740992]")),
                                    SourceKey::parts(QStringLiteral("[9007199254740993]"))));
        // A keyless row's position, and a key that is no JSON array.
        QVERIFY(SourceKey::lessThan(SourceKey::parts(QStringLiteral("#9")),
                                    SourceKey::parts(QStringLiteral("#10"))));
        QCOMPARE(SourceKey::parts(QStringLiteral("52")), QVariantList{QStringLiteral("52")});
    }

    void keyOfARowTakesItsKeyColumnsInOrder()
    {
        const QStringList columns = {QStringLiteral("name"), QStringLiteral("b"),
                                     QStringLiteral("a")};
        const QVariantList row = {QStringLiteral("x"), qint64(2), qint64(1)};
        QCOMPARE(SourceKey::of(columns, row, {QStringLiteral("a"), QStringLiteral("b")}, 9),
                 QStringLiteral("[1,2]"));
        QCOMPARE(SourceKey::of(columns, row, {}, 9), QStringLiteral("#9"));
    }
};

QTEST_GUILESS_MAIN(TestSourceKey)
#include "tst_sourcekey.moc"
