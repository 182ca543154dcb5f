#include "dialect/QueryTables.h"
#include "dialect/SqlExpressionLexer.h"
#include "dialect/SqlExpressionTranslator.h"

#include <QTest>

using namespace cutover;

namespace {

constexpr int kSqlite = int(ConnectionSpec::Kind::Sqlite);
constexpr int kPg = int(ConnectionSpec::Kind::PostgreSql);
constexpr int kMy = int(ConnectionSpec::Kind::MySql);

ColumnInfo column(const char *name, NormalizedType::Kind kind)
{
    ColumnInfo c;
    c.name = QString::fromUtf8(name);
    c.type = NormalizedType(kind);
    return c;
}

QList<ColumnInfo> columns()
{
    using K = NormalizedType::Kind;
    return {column("price", K::Decimal),  column("name", K::Text),   column("qty", K::Integer),
            column("active", K::Boolean), column("Status", K::Text), column("zip", K::Integer),
            column("starts", K::Date),    column("ends", K::Date)};
}

// Lower-case names into PostgreSQL (as init does), the source's spelling elsewhere.
SqlExpressionTranslator translator(int from, int to)
{
    const auto target = ConnectionSpec::Kind(to);
    const auto letterCase = target == ConnectionSpec::Kind::PostgreSql && from != to
                                ? IdentifierRule::Case::Lower
                                : IdentifierRule::Case::Keep;
    return SqlExpressionTranslator(ConnectionSpec::Kind(from), target,
                                   IdentifierRule(letterCase, target), columns());
}

} // namespace

class TestSqlExpressionTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void translates_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected");

        // SQLite's spellings
        QTest::newRow("sqlite column check to pg") << kSqlite << kPg << "price >= 0"
                                                   << R"("price" >= 0)";
        QTest::newRow("sqlite quoted names, renamed and re-quoted")
            << kSqlite << kPg << R"("Status" IN ('new', 'done') AND [qty] > `price`)"
            << R"("status" IN ('new', 'done') AND "qty" > "price")";
        QTest::newRow("sqlite names in any case") << kSqlite << kMy << "PRICE > 0 and Qty < 10"
                                                  << "`price` > 0 AND `qty` < 10";
        QTest::newRow("sqlite double-quoted string") << kSqlite << kPg << R"(name <> "unknown")"
                                                     << R"("name" <> 'unknown')";
        QTest::newRow("sqlite == and !=") << kSqlite << kSqlite << "qty == 1 OR qty != 2"
                                          << R"("qty" = 1 OR "qty" <> 2)";
        QTest::newRow("sqlite length to mysql") << kSqlite << kMy << "length(trim(name)) > 0"
                                                << "char_length(trim(`name`)) > 0";
        QTest::newRow("sqlite length to pg") << kSqlite << kPg << "length(name) BETWEEN 1 AND 40"
                                             << R"(length("name") BETWEEN 1 AND 40)";
        QTest::newRow("sqlite text function on a number, to pg")
            << kSqlite << kPg << "length(zip) = 5"
            << R"(length("zip"::text) = 5)";
        QTest::newRow("sqlite boolean as number, to pg")
            << kSqlite << kPg << "active IN (0, 1) AND qty IN (0, 1)"
            << R"("active" IN (FALSE, TRUE) AND "qty" IN (0, 1))";
        QTest::newRow("sqlite boolean compared, to pg")
            << kSqlite << kPg << "active = 1 OR coalesce(active, 0) = 0"
            << R"("active" = TRUE OR coalesce("active", FALSE) = 0)";
        QTest::newRow("sqlite boolean to mysql stays a number")
            << kSqlite << kMy << "active IN (0, 1)"
            << "`active` IN (0, 1)";
        QTest::newRow("sqlite LIKE ignores case: ILIKE in pg")
            << kSqlite << kPg << "name NOT LIKE 'x%'"
            << R"("name" NOT ILIKE 'x%')";
        QTest::newRow("sqlite LIKE to mysql") << kSqlite << kMy << "name LIKE 'x\\_%' ESCAPE '\\'"
                                              << R"(`name` LIKE 'x\\_%' ESCAPE '\\')";
        QTest::newRow("sqlite string escaped again for mysql")
            << kSqlite << kMy << R"(name <> 'it''s \ here')"
            << R"(`name` <> 'it''s \\ here')";
        QTest::newRow("sqlite NOT NULL, ISNULL, NOTNULL")
            << kSqlite << kPg << "name NOT NULL AND zip NOTNULL OR qty ISNULL"
            << R"("name" IS NOT NULL AND "zip" IS NOT NULL OR "qty" IS NULL)";
        QTest::newRow("sqlite IS NOT NULL") << kSqlite << kMy << "ends IS NULL OR ends >= starts"
                                            << "`ends` IS NULL OR `ends` >= `starts`";
        QTest::newRow("sqlite negative numbers and arithmetic")
            << kSqlite << kPg << "qty * 2 + -1.5e3 > - price % 3"
            << R"("qty" * 2 + -1.5e3 > -"price" % 3)";
        QTest::newRow("sqlite CASE")
            << kSqlite << kMy << "CASE WHEN qty > 0 THEN price > 0 ELSE 1 END"
            << "CASE WHEN `qty` > 0 THEN `price` > 0 ELSE 1 END";
        QTest::newRow("sqlite ifnull and friends")
            << kSqlite << kPg << "ifnull(upper(substr(name, 1, 2)), '') <> nullif(lower(name), 'x')"
            << R"(coalesce(upper(substr("name", 1, 2)), '') <> nullif(lower("name"), 'x'))";
        QTest::newRow("sqlite || to pg") << kSqlite << kPg << "name || 'x' <> 'y'"
                                         << R"("name" || 'x' <> 'y')";
        QTest::newRow("sqlite division to pg") << kSqlite << kPg << "qty / 2 < 10"
                                               << R"("qty" / 2 < 10)";
        QTest::newRow("sqlite comments skipped")
            << kSqlite << kPg << "qty > 0 -- positive\n /* and */ AND qty < 9"
            << R"("qty" > 0 AND "qty" < 9)";
        QTest::newRow("same dialect keeps the names' case") << kSqlite << kSqlite << "Status <> ''"
                                                            << R"("Status" <> '')";

        // PostgreSQL's spellings, as pg_get_expr writes them
        QTest::newRow("pg casts dropped") << kPg << kSqlite << "(price > (0)::numeric)"
                                          << R"("price" > 0)";
        QTest::newRow("pg casts kept into pg") << kPg << kPg << "(price > (0)::numeric)"
                                               << R"("price" > 0::numeric)";
        QTest::newRow("pg numeric string cast is a number") << kPg << kMy << "(qty > '-1'::integer)"
                                                            << "`qty` > -1";
        QTest::newRow("pg any array is IN")
            << kPg << kSqlite
            << "((\"Status\")::text = ANY ((ARRAY['new'::character varying, "
               "'done'::character varying])::text[]))"
            << R"("Status" IN ('new', 'done'))";
        QTest::newRow("pg any array of numbers") << kPg << kMy << "(qty = ANY (ARRAY[1, 2, 3]))"
                                                 << "`qty` IN (1, 2, 3)";
        QTest::newRow("pg all array is NOT IN")
            << kPg << kSqlite << "(name <> ALL (ARRAY['a'::text, 'b'::text]))"
            << R"("name" NOT IN ('a', 'b'))";
        QTest::newRow("pg any array kept into pg, cast included")
            << kPg << kPg << "(qty = ANY (ARRAY[1, 2]))"
            << R"("qty" IN (1, 2))";
        QTest::newRow("pg ~~ is LIKE") << kPg << kSqlite << "((name)::text ~~ 'A%'::text)"
                                       << R"("name" LIKE 'A%')";
        QTest::newRow("pg !~~* is NOT ILIKE") << kPg << kPg << "(name !~~* 'a%'::text)"
                                              << R"("name" NOT ILIKE 'a%'::text)";
        QTest::newRow("pg ILIKE is LIKE in mysql") << kPg << kMy << "name ILIKE 'a%'"
                                                   << "`name` LIKE 'a%'";
        QTest::newRow("pg LIKE heeds case: LIKE") << kPg << kPg << "name LIKE 'a%'"
                                                  << R"("name" LIKE 'a%')";
        QTest::newRow("pg timestamp cast type words")
            << kPg << kSqlite
            << "(starts > ('2020-01-01 00:00:00'::timestamp without time zone)::date)"
            << R"("starts" > '2020-01-01 00:00:00')";
        QTest::newRow("pg length") << kPg << kMy << "(length((name)::text) > 0)"
                                   << "char_length(`name`) > 0";
        QTest::newRow("pg octet_length to mysql") << kPg << kMy << "octet_length(name) < 100"
                                                  << "length(`name`) < 100";
        QTest::newRow("pg btrim") << kPg << kSqlite << "btrim(name) <> ''::text"
                                  << R"(trim("name") <> '')";
        QTest::newRow("pg booleans") << kPg << kSqlite << "(active IS NOT TRUE) OR (active = true)"
                                     << R"(("active" IS NOT TRUE) OR ("active" = TRUE))";

        // MySQL's spellings, as information_schema.CHECK_CONSTRAINTS writes them
        QTest::newRow("mysql backticks and introducers")
            << kMy << kPg << "`Status` in (_utf8mb4'new',_utf8mb4'done')"
            << R"("status" IN ('new', 'done'))";
        QTest::newRow("mysql length counts bytes") << kMy << kPg << "length(`name`) < 10"
                                                   << R"(octet_length("name") < 10)";
        QTest::newRow("mysql char_length") << kMy << kSqlite << "char_length(`name`) > 0"
                                           << R"(length("name") > 0)";
        QTest::newRow("mysql backslash strings") << kMy << kPg << R"(`name` <> 'it\'s')"
                                                 << R"("name" <> 'it''s')";
        QTest::newRow("mysql double-quoted string") << kMy << kSqlite << R"(`name` <> "x")"
                                                    << R"("name" <> 'x')";
        QTest::newRow("mysql to mysql division") << kMy << kMy << "`qty` / 2 > 1"
                                                 << "`qty` / 2 > 1";
    }
    void translates()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        const auto translated = translator(from, to).translate(expression);
        QVERIFY2(translated.ok(),
                 qPrintable(translated ? QString() : translated.error().message()));
        QCOMPARE(translated->sql, expected);
    }

    void refuses_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("why");

        QTest::newRow("unknown function") << kSqlite << kPg << "typeof(qty) = 'integer'"
                                          << "typeof() is not among the functions translated";
        QTest::newRow("unknown column") << kSqlite << kPg << "missing > 0"
                                        << "'missing' is no column of the table";
        QTest::newRow("quoted unknown column, pg") << kPg << kSqlite << R"("missing" > 0)"
                                                   << "'missing' is no column of the table";
        QTest::newRow("current_date") << kSqlite << kPg << "starts < CURRENT_DATE"
                                      << "'CURRENT_DATE' is no column of the table";
        QTest::newRow("glob") << kSqlite << kPg << "name GLOB '[A-Z]*'"
                              << "GLOB is not among what is translated";
        QTest::newRow("regex") << kPg << kSqlite << "(name ~ '^[A-Z]'::text)"
                               << "the operator ~ is not among what is translated";
        QTest::newRow("cast") << kSqlite << kPg << "CAST(qty AS TEXT) <> ''"
                              << "cast() is not among the functions translated";
        QTest::newRow("|| into mysql") << kSqlite << kMy << "name || 'x' <> 'y'"
                                       << "|| joins text";
        QTest::newRow("|| from mysql") << kMy << kPg << "`qty` > 1 || `qty` < 0"
                                       << "|| joins text";
        QTest::newRow("division into mysql") << kSqlite << kMy << "qty / 2 > 1"
                                             << "/ divides integers";
        QTest::newRow("byte length into sqlite") << kPg << kSqlite << "octet_length(name) < 9"
                                                 << "octet_length() has no counterpart in SQLite";
        QTest::newRow("SQLite's IS between values") << kSqlite << kPg << "qty IS 5"
                                                    << "IS is used between two values";
        QTest::newRow("qualified name") << kSqlite << kPg << "t.qty > 0"
                                        << "with a qualifier";
        QTest::newRow("subquery") << kSqlite << kPg << "qty IN (SELECT 1)"
                                  << "SELECT is not among what is translated";
        QTest::newRow("collate") << kSqlite << kPg << "name COLLATE NOCASE <> 'x'"
                                 << "COLLATE is not among what is translated";
        QTest::newRow("any over no array") << kPg << kSqlite << "qty = ANY ('{1,2}'::int[])"
                                           << "ANY and ALL translate over an ARRAY";
        QTest::newRow("= ALL") << kPg << kSqlite << "qty = ALL (ARRAY[1])"
                               << "= ALL does not translate";
        QTest::newRow("E string") << kPg << kSqlite << "name <> E'\\n'"
                                  << "the E'...' literal";
        QTest::newRow("blob literal") << kSqlite << kPg << "name <> X'00'"
                                      << "the X'...' literal";
        QTest::newRow("hex number") << kSqlite << kPg << "qty <> 0x10"
                                    << "not a decimal number";
        QTest::newRow("unterminated string") << kSqlite << kPg << "name <> 'x"
                                             << "does not end";
        QTest::newRow("parentheses") << kSqlite << kPg << "(qty > 0"
                                     << "parentheses";
        QTest::newRow("too many arguments") << kSqlite << kPg << "lower(name, 1) <> ''"
                                            << "lower() is given 2 argument(s)";
        QTest::newRow("empty") << kSqlite << kPg << "  "
                               << "it is empty";
    }
    void refuses()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, expression);
        QFETCH(QString, why);
        const auto translated = translator(from, to).translate(expression);
        QVERIFY2(!translated.ok(), qPrintable(translated ? translated->sql : QString()));
        QVERIFY2(translated.error().message().contains(why),
                 qPrintable(translated.error().message()));
    }

    // The target's names of the columns read, for validate.
    void listsTheColumnsRead()
    {
        const auto translated =
            translator(kSqlite, kPg).translate("Status <> '' AND (qty > 0 OR STATUS = 'x')");
        QVERIFY(translated.ok());
        QCOMPARE(translated->columns, QStringList({"status", "qty"}));
    }

    // A long name is cut as the IdentifierRule cuts it.
    void renamesByTheRule()
    {
        const QString longName(70, QLatin1Char('a'));
        ColumnInfo c;
        c.name = longName;
        const SqlExpressionTranslator t(
            ConnectionSpec::Kind::Sqlite, ConnectionSpec::Kind::PostgreSql,
            IdentifierRule(IdentifierRule::Case::Keep, ConnectionSpec::Kind::PostgreSql), {c});
        const auto translated = t.translate(longName + " > 0");
        QVERIFY(translated.ok());
        const QString cut = IdentifierRule::fit(longName, ConnectionSpec::Kind::PostgreSql);
        QCOMPARE(translated->sql, QStringLiteral("\"%1\" > 0").arg(cut));
    }

    void lexesOffsets()
    {
        const auto tokens = SqlExpressionLexer::tokens(QStringLiteral("CHECK (a <> 'x''y')"),
                                                       ConnectionSpec::Kind::Sqlite);
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->size(), 6);
        QCOMPARE(tokens->at(4).text, QStringLiteral("x'y"));
        QCOMPARE(tokens->at(4).offset, 12);
        QCOMPARE(tokens->at(5).offset, 18);
    }

    // QueryTables reads a source query's tables from the same tokens.
    void queryTablesAreTheKnownTablesAfterFromAndJoin_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("tables");
        const QStringList none;
        QTest::newRow("plain") << kSqlite << "SELECT * FROM orders" << QStringList{"ORDERS"};
        QTest::newRow("join, alias, schema")
            << kPg
            << "SELECT o.id, c.name FROM public.orders o JOIN \"Customers\" AS c ON c.id = "
               "o.customer_id LEFT OUTER JOIN items i USING (id);"
            << QStringList{"ORDERS", "Customers", "items"};
        QTest::newRow("from list")
            << kMy << "select * from `orders` a, items, Customers c where a.x = 1"
            << QStringList{"ORDERS", "items", "Customers"};
        QTest::newRow("subquery, cte, no column")
            << kSqlite
            << "WITH recent AS (SELECT * FROM items WHERE orders > 1) SELECT orders FROM recent "
               "JOIN (SELECT id FROM ORDERS) x ON 1"
            << QStringList{"items", "ORDERS"};
        QTest::newRow("names in strings are not read")
            << kSqlite << "SELECT 'from orders' AS note FROM items -- join Customers"
            << QStringList{"items"};
        QTest::newRow("untokenizable") << kSqlite << "SELECT 'open FROM orders" << none;
    }

    void queryTablesAreTheKnownTablesAfterFromAndJoin()
    {
        QFETCH(int, dialect);
        QFETCH(QString, query);
        QFETCH(QStringList, tables);
        QCOMPARE(QueryTables::read(query, ConnectionSpec::Kind(dialect),
                                   {"ORDERS", "items", "Customers"}),
                 tables);
    }
};

QTEST_GUILESS_MAIN(TestSqlExpressionTranslator)
#include "tst_sqlexpressiontranslator.moc"
