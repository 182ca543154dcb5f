#include "FunctionHarness.h"

#include <QTest>

using namespace cutover;
using namespace cutover::test;

class TestPrivacyFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void privacy_data()
    {
        addFunctionColumns();
        QTest::newRow("sha256 abc")
            << "sha256_hex('abc')"
            << text("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") << 0;
        QTest::newRow("sha256 empty")
            << "sha256_hex('')"
            << text("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") << 0;
        QTest::newRow("sha256 integer is its text")
            << "sha256_hex(42) = sha256_hex('42')" << integer(1) << 0;
        QTest::newRow("sha256 utf8")
            << "sha256_hex('Zoë') = sha256_hex(CAST(x'5a6fc3ab' AS TEXT))" << integer(1) << 0;
        QTest::newRow("sha256 NULL") << "sha256_hex(NULL)" << null() << 0;
        QTest::newRow("mask card")
            << "mask('4111111111111111', 4)" << text("************1111") << 0;
        QTest::newRow("mask counts characters") << "mask('Zoë Åsa', 2)" << text("*****sa") << 0;
        QTest::newRow("mask keeps non-ASCII whole") << "mask('Zoë', 1)" << text("**ë") << 0;
        QTest::newRow("mask astral") << "mask('a😀b', 2)" << text("*😀b") << 0;
        QTest::newRow("mask shorter than kept") << "mask('abc', 10)" << text("abc") << 0;
        QTest::newRow("mask all") << "mask('abc', 0)" << text("***") << 0;
        QTest::newRow("mask number") << "mask(123456, 2)" << text("****56") << 0;
        QTest::newRow("mask empty") << "mask('', 4)" << text("") << 0;
        QTest::newRow("mask NULL") << "mask(NULL, 4)" << null() << 0;
        QTest::newRow("mask negative") << "mask('abc', -1)" << null() << 1;
        QTest::newRow("pseudonym form") << "length(pseudonym('a@b.c', 's')) = 18 AND "
                                           "substr(pseudonym('a@b.c', 's'), 1, 2) = 'p_'"
                                        << integer(1) << 0;
        QTest::newRow("pseudonym stable")
            << "pseudonym('a@b.c', 's') = pseudonym('a@b.c', 's')" << integer(1) << 0;
        QTest::newRow("pseudonym salted")
            << "pseudonym('a@b.c', 's1') <> pseudonym('a@b.c', 's2')" << integer(1) << 0;
        QTest::newRow("pseudonym number as text")
            << "pseudonym(42, 's') = pseudonym('42', 's')" << integer(1) << 0;
        QTest::newRow("pseudonym NULL") << "pseudonym(NULL, 's')" << null() << 0;
        QTest::newRow("pseudonym empty salt") << "pseudonym('x', '')" << null() << 1;
    }
    void privacy()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void pseudonymIsHmacSha256()
    {
        // HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") starts f7bc83f4...
        FunctionHarness harness;
        QCOMPARE(harness.eval(QStringLiteral(
                     "pseudonym('The quick brown fox jumps over the lazy dog', 'key')")),
                 text("p_f7bc83f430538424"));
        QVERIFY(harness.claim().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPrivacyFunctions)
#include "tst_privacyfunctions.moc"
