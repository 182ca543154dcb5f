#include "FunctionHarness.h"

#include <QTest>

using namespace cutover;
using namespace cutover::test;

class TestTextFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseMapping_data()
    {
        addFunctionColumns();
        QTest::newRow("upper sharp s") << "upper('straße')" << text("STRASSE") << 0;
        QTest::newRow("lower A ring") << "lower('ÅSA')" << text("åsa") << 0;
        QTest::newRow("lower final sigma") << "lower('ΟΔΟΣ ΟΔΟΣ')" << text("οδος οδος") << 0;
        QTest::newRow("upper greek") << "upper('οδός')" << text("ΟΔΌΣ") << 0;
        QTest::newRow("upper NULL") << "upper(NULL)" << null() << 0;
        QTest::newRow("upper number") << "upper(42)" << text("42") << 0;
        QTest::newRow("upper empty") << "upper('')" << text("") << 0;
        QTest::newRow("title hyphen")
            << "title_case('MÜLLER-LÜDENSCHEIDT')" << text("Müller-Lüdenscheidt") << 0;
        QTest::newRow("title apostrophe") << "title_case('o''brien')" << text("O'Brien") << 0;
        QTest::newRow("title contraction")
            << "title_case('don''t stop')" << text("Don't Stop") << 0;
        QTest::newRow("title spaces kept")
            << "title_case('  anna  maria ')" << text("  Anna  Maria ") << 0;
        QTest::newRow("title digits") << "title_case('3RD street')" << text("3rd Street") << 0;
        QTest::newRow("title NULL") << "title_case(NULL)" << null() << 0;
    }
    void caseMapping()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void cleaning_data()
    {
        addFunctionColumns();
        QTest::newRow("normalize tabs and nbsp")
            << QString::fromUtf8("normalize_space('  a \t\u00a0 b\n ')") << text("a b") << 0;
        QTest::newRow("normalize empty") << "normalize_space('   ')" << text("") << 0;
        QTest::newRow("normalize NULL") << "normalize_space(NULL)" << null() << 0;
        QTest::newRow("unaccent") << "unaccent('Zoë Ångström')" << text("Zoe Angstrom") << 0;
        QTest::newRow("unaccent spelt out")
            << "unaccent('Øresund Straße Łódź Æsir')" << text("Oresund Strasse Lodz AEsir") << 0;
        QTest::newRow("unaccent keeps other scripts") << "unaccent('日本')" << text("日本") << 0;
        QTest::newRow("null_if_blank blank") << "null_if_blank(' \t ')" << null() << 0;
        QTest::newRow("null_if_blank empty") << "null_if_blank('')" << null() << 0;
        QTest::newRow("null_if_blank nbsp")
            << QString::fromUtf8("null_if_blank('\u00a0')") << null() << 0;
        QTest::newRow("null_if_blank keeps") << "null_if_blank(' x ')" << text(" x ") << 0;
        QTest::newRow("null_if_blank number") << "null_if_blank(0)" << integer(0) << 0;
        QTest::newRow("null_if_blank NULL") << "null_if_blank(NULL)" << null() << 0;
    }
    void cleaning()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void regularExpressions_data()
    {
        addFunctionColumns();
        QTest::newRow("regexp match") << "regexp('^[^@]+@[^@]+$', 'a@b.c')" << integer(1) << 0;
        QTest::newRow("regexp no match") << "regexp('^\\d+$', '12a')" << integer(0) << 0;
        QTest::newRow("REGEXP operator") << "'a@b.c' REGEXP '^[^@]+@[^@]+$'" << integer(1) << 0;
        QTest::newRow("regexp unicode") << "'Zoë' REGEXP '^\\w+$'" << integer(1) << 0;
        QTest::newRow("regexp NULL") << "regexp('a', NULL)" << null() << 0;
        QTest::newRow("regexp bad pattern") << "regexp('(', 'x')" << null() << 1;
        QTest::newRow("replace") << "regexp_replace('+49 (30) 123-45', '[^0-9+]', '')"
                                 << text("+493012345") << 0;
        QTest::newRow("replace groups")
            << "regexp_replace('Smith, John', '^(\\w+), (\\w+)$', '\\2 \\1')" << text("John Smith")
            << 0;
        QTest::newRow("replace bad pattern") << "regexp_replace('x', '[', '')" << null() << 1;
        QTest::newRow("extract whole") << "regexp_extract('AB-12', '\\d+')" << text("12") << 0;
        QTest::newRow("extract group")
            << "regexp_extract('AB-12', '([A-Z]+)-', 1)" << text("AB") << 0;
        QTest::newRow("extract no match") << "regexp_extract('xy', '\\d+')" << null() << 0;
        QTest::newRow("extract missing group")
            << "regexp_extract('AB-12', '([A-Z]+)', 2)" << null() << 1;
    }
    void regularExpressions()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void splitPart_data()
    {
        addFunctionColumns();
        QTest::newRow("second") << "split_part('a;b;c', ';', 2)" << text("b") << 0;
        QTest::newRow("beyond") << "split_part('a;b;c', ';', 4)" << text("") << 0;
        QTest::newRow("from the end") << "split_part('a;b;c', ';', -1)" << text("c") << 0;
        QTest::newRow("multi-char delimiter") << "split_part('a--b', '--', 2)" << text("b") << 0;
        QTest::newRow("empty field") << "split_part('a;;c', ';', 2)" << text("") << 0;
        QTest::newRow("empty delimiter") << "split_part('abc', '', 1)" << text("abc") << 0;
        QTest::newRow("non-ASCII") << "split_part('Zoë|Åsa', '|', 2)" << text("Åsa") << 0;
        QTest::newRow("zero") << "split_part('a;b', ';', 0)" << null() << 1;
        QTest::newRow("NULL") << "split_part(NULL, ';', 1)" << null() << 0;
    }
    void splitPart()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void badPatternIsReportedOnEveryRow()
    {
        FunctionHarness harness;
        const QVariantList values =
            harness.rows(QStringLiteral("SELECT regexp('(', column1) FROM (VALUES ('a'), ('b'))"));
        QCOMPARE(values.size(), 2);
        QCOMPARE(harness.claim().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTextFunctions)
#include "tst_textfunctions.moc"
