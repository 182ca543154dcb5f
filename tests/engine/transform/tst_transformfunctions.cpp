#include "FunctionHarness.h"
#include "transform/functions/FunctionCall.h"
#include "transform/functions/FunctionCatalog.h"

#include <QTest>

using namespace cutover;
using namespace cutover::test;

class TestTransformFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every catalog function is registered with the catalog's arities, so the validator (which
    // reads the catalog) and the engine agree.
    void catalogMatchesRegistration()
    {
        FunctionHarness harness;
        for (const FunctionCatalog::Function &f : FunctionCatalog::functions()) {
            const QVariantList arities = harness.rows(
                QStringLiteral("SELECT narg FROM pragma_function_list WHERE name = '%1' AND "
                               "builtin = 0 ORDER BY narg")
                    .arg(f.name));
            QVERIFY2(!arities.isEmpty(), qPrintable(f.name));
            // Variadic functions are registered per arity, so too few arguments fail at compile.
            const int maxArgs = f.maxArgs < 0 ? FunctionCall::kMaxVariadicArgs : f.maxArgs;
            QVariantList expected;
            for (int n = f.minArgs; n <= maxArgs; ++n)
                expected.append(qint64(n));
            QCOMPARE(arities, expected);
        }
    }

    // The documented examples that state a result ("... = value", "... IS NULL") hold: the
    // reference panel and docs/functions.md show them to users as facts.
    void documentedExamplesHold_data()
    {
        QTest::addColumn<QString>("example");
        int stated = 0;
        for (const auto *catalog :
             {&FunctionCatalog::functions(), &FunctionCatalog::sqliteFunctions()})
            for (const FunctionCatalog::Function &f : *catalog)
                if (f.example.contains(QLatin1String(" = ")) ||
                    f.example.endsWith(QLatin1String(" IS NULL"))) {
                    QTest::newRow(qPrintable(f.name)) << f.example;
                    ++stated;
                }
        QVERIFY(stated >= 30);
    }
    void documentedExamplesHold()
    {
        QFETCH(QString, example);
        FunctionHarness harness;
        QCOMPARE(harness.eval(QStringLiteral("(%1)").arg(example)), QVariant(qint64(1)));
    }

    // SQLite may evaluate a deterministic call with constant arguments once per statement;
    // functions that report violations must not be marked so.
    void onlyPureFunctionsAreDeterministic()
    {
        FunctionHarness harness;
        const QVariantList deterministic = harness.rows(
            QStringLiteral("SELECT DISTINCT name FROM pragma_function_list WHERE builtin = 0 AND "
                           "(flags & 0x800) <> 0 ORDER BY name"));
        const QVariantList expected{
            text("lower"),      text("normalize_space"), text("null_if_blank"), text("sha256_hex"),
            text("title_case"), text("unaccent"),        text("upper")};
        QCOMPARE(deterministic, expected);
    }

    // uuid5 and parse_datetime take any number of arguments above a minimum; fewer is an error
    // when the expression is compiled, so it never reaches the rows.
    void tooFewArgumentsFailAtCompileTime_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("uuid5 without a key") << "SELECT uuid5('patient')";
        QTest::newRow("parse_datetime without a format") << "SELECT parse_datetime('2021-03-05')";
    }
    void tooFewArgumentsFailAtCompileTime()
    {
        QFETCH(QString, sql);
        FunctionHarness harness;
        QString error;
        harness.rows(sql, &error);
        QVERIFY2(error.contains(QLatin1String("wrong number of arguments")), qPrintable(error));
    }

    void violationsBelongToTheirRow()
    {
        FunctionHarness harness;
        harness.env.lookups.insert(QStringLiteral("m"),
                                   LookupMap{QStringLiteral("m"), {}, {}, false});
        const QVariantList values =
            harness.rows(QStringLiteral("SELECT lookup('m', 'ZZ') FROM (VALUES (1), (2), (3))"));
        QCOMPARE(values.size(), 3);
        QCOMPARE(harness.claim().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTransformFunctions)
#include "tst_transformfunctions.moc"
