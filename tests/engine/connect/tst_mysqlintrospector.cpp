#include "IntrospectorConformance.h"
#include "MariaDbServer.h"
#include "SchemaProbe.h"
#include "VerifyOk.h"

#include <QTest>

#include <memory>

using namespace cutover;
using cutover::test::IntrospectorConformance;
using cutover::test::MariaDbServer;
using cutover::test::SchemaProbe;

// Introspection of a real MariaDB server started for this test on 127.0.0.1, with identifiers
// that break naive quoting: spaces, backticks, double quotes, dots, mixed case, reserved words.
// What every server introspector must do is checked by IntrospectorConformance; this suite adds
// MariaDB's own: its type spellings, the index InnoDB gives a foreign key, JSON's hidden check
// and an unknown database.
class TestMySqlIntrospector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MariaDbServer> m_server;
    IntrospectorConformance m_conformance{expectations()};

    static IntrospectorConformance::Expectations expectations()
    {
        return {.patientColumns = {"Clinic Id", "Patient No", "select", "We`ird", "CamelCase",
                                   "dotted.name", "We\"ird too", "created"},
                .weirdColumn = "We`ird", // its implicit DEFAULT NULL counts as none
                .selectDeclaredType = "varchar(40)",
                .selectDefault = "'active'",
                .camelDeclaredType = "decimal(12,2)",
                .camelDefault = "0.00",
                .createdDefault = "current_timestamp()",
                .foreignKeyName = "fk visit",
                .patientIndexes = 2,
                .neverAnalyzedRows = 0};
    }

    const TableInfo *table(const QString &name) const { return m_conformance.table(name); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(QStringLiteral("CI must run the MariaDB tests: ") + missing));
            QSKIP(qPrintable(missing));
        }
        // The password must come from the provider, not from the client library's environment.
        qunsetenv("MYSQL_PWD");

        m_server = std::make_unique<MariaDbServer>();
        VERIFY_OK(m_server->start());
        m_conformance.setServer(m_server->spec(), m_server->password());

        QVERIFY(SchemaProbe::execute(
            m_server->spec(), m_conformance.passwords(),
            {
                QStringLiteral(R"(CREATE TABLE `Patient Records` (
                `Clinic Id` int NOT NULL,
                `Patient No` int NOT NULL,
                `select` varchar(40) NOT NULL DEFAULT 'active',
                `We``ird` varchar(100),
                `CamelCase` decimal(12,2) DEFAULT 0,
                `dotted.name` date,
                `We)"
                               "\""
                               R"(ird too` text,
                created timestamp NOT NULL DEFAULT current_timestamp(),
                PRIMARY KEY (`Patient No`, `Clinic Id`),
                CONSTRAINT `Patient "uq"` UNIQUE (`select`, `We``ird`)))"),
                QStringLiteral(
                    R"(CREATE INDEX `ix.Camel` ON `Patient Records` (`CamelCase`, `dotted.name`))"),
                QStringLiteral(R"(CREATE TABLE `visit.log` (
                `Visit Id` int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                `Clinic` int NOT NULL,
                `Patient` int NOT NULL,
                CONSTRAINT `fk visit` FOREIGN KEY (`Patient`, `Clinic`)
                    REFERENCES `Patient Records` (`Patient No`, `Clinic Id`)))"),
                QStringLiteral(
                    R"(CREATE TABLE `CamelCase` (id bigint PRIMARY KEY, `Tab``le` text))"),
                QStringLiteral(R"(CREATE TABLE `order` (id int))"),
                QStringLiteral(R"(CREATE TABLE all_types (
                i int, ti tinyint, bi bigint, ui int unsigned, n decimal(12,2), r float,
                d double, v varchar(40), c char(3), t text, lt longtext, b boolean, bt bit(1),
                dt date, tm time, ts datetime, ts3 datetime(3), tstz timestamp NULL, yr year,
                u uuid, j json, bl blob, vb varbinary(16), e enum('print','paint'),
                s set('a','b')))"),
                QStringLiteral(R"(CREATE VIEW `Active Patients` AS
                SELECT `Patient No`, `select` AS `Status` FROM `Patient Records`
                WHERE `select` = 'active')"),
                QStringLiteral(
                    R"(INSERT INTO `Patient Records` (`Clinic Id`, `Patient No`, `select`)
                VALUES (1, 1, 'a'), (1, 2, 'b'), (1, 3, 'c'), (1, 4, 'd'), (1, 5, 'e'))"),
                QStringLiteral(R"(INSERT INTO `visit.log` (`Clinic`, `Patient`)
                VALUES (1, 1), (1, 2), (1, 3))"),
                QStringLiteral(R"(ANALYZE TABLE `Patient Records`, `visit.log`)"),
            }));

        const QString failure = m_conformance.introspectsTheSampleSchema();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void cleanupTestCase() { m_server.reset(); }

    void listsTablesAndViewsSortedByName()
    {
        const QString failure = m_conformance.listsTablesAndViewsSortedByName();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void columnsInOrderWithNullabilityAndDefaults()
    {
        const QString failure = m_conformance.columnsInOrderWithNullabilityAndDefaults();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void autoIncrement()
    {
        const QString failure = m_conformance.autoIncrement();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(!table("CamelCase")->column("id")->autoIncrement);
    }

    void types_data()
    {
        IntrospectorConformance::addTypeRows({
            {"int", "i", "int(11)", "integer"},
            {"tinyint", "ti", "tinyint(4)", "integer"},
            {"bigint", "bi", "bigint(20)", "integer"},
            {"int unsigned", "ui", "int(10) unsigned", "integer"},
            {"decimal(12,2)", "n", "decimal(12,2)", "decimal(12,2)"},
            {"float", "r", "float", "real"},
            {"double", "d", "double", "real"},
            {"varchar(40)", "v", "varchar(40)", "text(40)"},
            {"char(3)", "c", "char(3)", "text(3)"},
            {"text", "t", "text", "text"},
            {"longtext", "lt", "longtext", "text"},
            {"boolean is tinyint(1)", "b", "tinyint(1)", "boolean"},
            {"bit(1)", "bt", "bit(1)", "boolean"},
            {"date", "dt", "date", "date"},
            {"time", "tm", "time", "time"},
            {"datetime", "ts", "datetime", "timestamp"},
            {"datetime(3)", "ts3", "datetime(3)", "timestamp"},
            {"timestamp is UTC", "tstz", "timestamp", "timestamptz"},
            {"year", "yr", "year(4)", "integer"},
            {"uuid", "u", "uuid", "uuid"},
            {"json is longtext + json_valid", "j", "longtext", "json"},
            {"blob", "bl", "blob", "blob"},
            {"varbinary(16)", "vb", "varbinary(16)", "blob"},
            {"enum with 'int' in a value", "e", "enum('print','paint')", "text"},
            {"set", "s", "set('a','b')", "text"},
        });
    }

    void types()
    {
        QFETCH(QString, column);
        QFETCH(QString, declared);
        QFETCH(QString, normalized);
        const QString failure = m_conformance.types(column, declared, normalized);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void primaryKeyInKeyOrder()
    {
        const QString failure = m_conformance.primaryKeyInKeyOrder();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void foreignKeysInKeyOrder()
    {
        const QString failure = m_conformance.foreignKeysInKeyOrder();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void uniqueConstraintsAndIndexes()
    {
        const QString failure = m_conformance.uniqueConstraintsAndIndexes();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // InnoDB indexes the columns of a foreign key itself, under the constraint's name.
        const TableInfo *visits = table("visit.log");
        QCOMPARE(visits->indexes.size(), 1);
        QCOMPARE(visits->indexes.first().name, QStringLiteral("fk visit"));
        QCOMPARE(visits->indexes.first().columns, QStringList({"Patient", "Clinic"}));
        QVERIFY(!visits->indexes.first().unique);
    }

    // CHECK constraints, without MariaDB's json_valid check of a JSON column.
    void checksWithoutJsonValid()
    {
        VERIFY_OK(m_server->execAsAdmin(
            {QStringLiteral("CREATE TABLE `Checked` (id int PRIMARY KEY, "
                            "`Code` varchar(10) CHECK (`Code` <> ''), qty int, doc JSON, "
                            "CONSTRAINT qty_range CHECK (qty BETWEEN 0 AND 9))")}));
        auto schema = m_conformance.introspect();
        VERIFY_OK(schema);
        const QString failure =
            m_conformance.checksInOrder(*schema, QStringLiteral("`Code` <> ''"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        VERIFY_OK(m_server->execAsAdmin({QStringLiteral("DROP TABLE `Checked`")}));
    }

    void rowEstimates()
    {
        const QString failure = m_conformance.rowEstimates();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // The server refuses the connection: the user may not use a database it cannot see.
    void unknownDatabaseIsAnError()
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("mysql://%1@127.0.0.1:%2/nope")
                                              .arg(m_server->user())
                                              .arg(m_server->port()));
        VERIFY_OK(spec);
        const QString failure = m_conformance.unknownNameIsAnError(
            spec.value(), QStringLiteral("nope"), Error::Code::Connection);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void passwordComesFromTheProvider()
    {
        const QString failure = m_conformance.passwordComesFromTheProvider();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void wrongPasswordFailsWithoutShowingIt()
    {
        const QString failure =
            m_conformance.wrongPasswordFailsWithoutShowingIt(QStringLiteral("Access denied"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestMySqlIntrospector)
#include "tst_mysqlintrospector.moc"
