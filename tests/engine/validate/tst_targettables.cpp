#include "dialect/DefaultLiteral.h"
#include "dialect/IdentifierRule.h"
#include "validate/PlannedTarget.h"
#include "validate/ProjectValidator.h"

#include <QTest>

using namespace cutover;
using Kind = ConnectionSpec::Kind;

namespace {

ColumnInfo column(const QString &name, NormalizedType type, const QString &defaultValue = {})
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.declaredType = type.toString();
    c.hasDefault = !defaultValue.isEmpty();
    c.defaultValue = defaultValue;
    return c;
}

// A project onto a PostgreSQL target whose table 'child' exists only in targetTables.
Project projectCreating(const TableInfo &table)
{
    Project p;
    p.name = QStringLiteral("t");
    p.connections = {{QStringLiteral("s"), QStringLiteral("sqlite:s.db"), {}},
                     {QStringLiteral("t"), QStringLiteral("postgresql://u@localhost:5432/db"), {}}};
    p.sourceConnection = QStringLiteral("s");
    p.targetConnection = QStringLiteral("t");
    TableMapping m;
    m.target = table.name;
    m.source = QStringLiteral("src");
    for (const ColumnInfo &c : table.columns) {
        ColumnMapping mapped;
        mapped.target = c.name;
        mapped.expression = QStringLiteral("x");
        m.columns.append(mapped);
    }
    p.mappings = {m};
    p.targetTables = {table};
    return p;
}

QStringList codes(const QList<Problem> &problems, Problem::Severity severity)
{
    QStringList result;
    for (const Problem &p : problems)
        if (p.severity == severity)
            result.append(p.code);
    return result;
}

} // namespace

// What cutover-cli init writes into targetTables: names the target holds, defaults of the right
// type, and a validation that knows which tables the run will create.
class TestTargetTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreCutToWhatTheTargetHolds()
    {
        const QString longName = QString(70, QLatin1Char('a'));
        const QString pg = IdentifierRule::fit(longName, Kind::PostgreSql);
        QCOMPARE(pg.toUtf8().size(), 63);
        QVERIFY(pg.startsWith(QString(54, QLatin1Char('a')) + QLatin1Char('_')));
        // the same start, another end: two names, not one
        QVERIFY(IdentifierRule::fit(longName + QLatin1Char('b'), Kind::PostgreSql) != pg);
        QCOMPARE(IdentifierRule::fit(longName, Kind::PostgreSql), pg); // a re-run names alike
        QCOMPARE(IdentifierRule::fit(longName, Kind::MySql).size(), 64);
        QCOMPARE(IdentifierRule::fit(longName, Kind::Sqlite), longName);
        // bytes on PostgreSQL: 40 'ü' are 80 bytes, and a cut never splits one
        const QString umlauts(40, QChar(0xfc));
        const QString cut = IdentifierRule::fit(umlauts, Kind::PostgreSql);
        QVERIFY(cut.toUtf8().size() <= 63);
        QVERIFY(QString::fromUtf8(cut.toUtf8()) == cut);
        QCOMPARE(IdentifierRule::fit(umlauts, Kind::MySql), umlauts);
        QCOMPARE(IdentifierRule(IdentifierRule::Case::Lower, Kind::PostgreSql).apply("InvoiceLine"),
                 QStringLiteral("invoiceline"));
    }

    void defaultsOfTheRightTypeOnly_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("postgres"); // empty: no default
        QTest::addColumn<QString>("mysql");
        using K = NormalizedType::Kind;
        QTest::newRow("SQLite's '0' for a timestamp") << int(K::Timestamp) << "'0'"
                                                      << ""
                                                      << "";
        QTest::newRow("SQLite's \"0\" for a number") << int(K::Integer) << "\"0\""
                                                     << "0"
                                                     << "0";
        QTest::newRow("a quoted number for a number") << int(K::Decimal) << "'1.5'"
                                                      << "1.5"
                                                      << "1.5";
        QTest::newRow("text for a number") << int(K::Integer) << "'none'"
                                           << ""
                                           << "";
        QTest::newRow("a number for text") << int(K::Text) << "42"
                                           << "'42'"
                                           << "'42'";
        QTest::newRow("an apostrophe") << int(K::Text) << "'O''Brien'"
                                       << "'O''Brien'"
                                       << "'O''Brien'";
        QTest::newRow("the time now") << int(K::Timestamp) << "CURRENT_TIMESTAMP"
                                      << "CURRENT_TIMESTAMP"
                                      << "CURRENT_TIMESTAMP(6)";
        QTest::newRow("an ISO date") << int(K::Date) << "'2024-02-29'"
                                     << "'2024-02-29'"
                                     << "'2024-02-29'";
        QTest::newRow("no such date") << int(K::Date) << "'2023-02-29'"
                                      << ""
                                      << "";
        QTest::newRow("a PostgreSQL cast") << int(K::Text) << "'x'::character varying"
                                           << "'x'"
                                           << "'x'";
        QTest::newRow("a sequence") << int(K::Integer) << "nextval('s'::regclass)"
                                    << ""
                                    << "";
        QTest::newRow("a function") << int(K::Text) << "lower('X')"
                                    << ""
                                    << "";
        QTest::newRow("a boolean") << int(K::Boolean) << "'t'"
                                   << "TRUE"
                                   << "1";
    }
    void defaultsOfTheRightTypeOnly()
    {
        QFETCH(int, type);
        QFETCH(QString, given);
        QFETCH(QString, postgres);
        QFETCH(QString, mysql);
        const ColumnInfo c =
            column(QStringLiteral("c"), NormalizedType(NormalizedType::Kind(type)), given);
        QCOMPARE(DefaultLiteral::of(c, Kind::PostgreSql).value_or(QString()), postgres);
        QCOMPARE(DefaultLiteral::of(c, Kind::MySql).value_or(QString()), mysql);
    }

    void aTableToCreateIsKnownToValidation()
    {
        TableInfo child;
        child.name = QStringLiteral("child");
        child.columns = {column(QStringLiteral("id"), NormalizedType::integer())};
        const Project project = projectCreating(child);
        DatabaseSchema source;
        TableInfo src;
        src.name = QStringLiteral("src");
        src.columns = {column(QStringLiteral("x"), NormalizedType::integer())};
        source.tables = {src};
        const DatabaseSchema target; // empty
        QCOMPARE(PlannedTarget::of(project, target).tableNames(), QStringList{"child"});
        const QList<Problem> problems = ProjectValidator(project, source, target).validate();
        QCOMPARE(codes(problems, Problem::Severity::Error), QStringList());
        QVERIFY(codes(problems, Problem::Severity::Info).contains("table-to-create"));
        // without its definition the table is unknown
        Project without = project;
        without.targetTables.clear();
        QVERIFY(
            codes(ProjectValidator(without, source, target).validate(), Problem::Severity::Error)
                .contains("unknown-target-table"));
    }

    void namesTooLongAndDanglingKeysAreCaughtBeforeARun()
    {
        TableInfo child;
        child.name = QStringLiteral("child");
        child.columns = {column(QString(64, QLatin1Char('c')), NormalizedType::integer()),
                         column(QStringLiteral("parent_id"), NormalizedType::integer())};
        child.foreignKeys = {{QStringLiteral("child_parent_fkey"),
                              {QStringLiteral("parent_id")},
                              QStringLiteral("parent"),
                              {QStringLiteral("id")}}};
        const Project project = projectCreating(child);
        DatabaseSchema source;
        TableInfo src;
        src.name = QStringLiteral("src");
        src.columns = {column(QStringLiteral("x"), NormalizedType::integer())};
        source.tables = {src};
        const QList<Problem> problems = ProjectValidator(project, source, {}).validate();
        const QStringList errors = codes(problems, Problem::Severity::Error);
        QVERIFY2(errors.contains("name-too-long"), qPrintable(errors.join(' ')));
        QVERIFY2(errors.contains("unknown-referenced-table"), qPrintable(errors.join(' ')));
        for (const Problem &p : problems)
            if (p.code == QLatin1String("name-too-long"))
                QVERIFY2(p.message.contains(QStringLiteral("63 bytes")) &&
                             p.path == QLatin1String("targetTables[0].columns[0].name"),
                         qPrintable(p.path + ": " + p.message));
    }
};

QTEST_GUILESS_MAIN(TestTargetTables)
#include "tst_targettables.moc"
