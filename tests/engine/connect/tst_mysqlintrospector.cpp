#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "SchemaProbe.h"
#include "connect/SqlConnection.h"
#include "connect/introspect/IntrospectorFactory.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::SchemaProbe;

// Introspection of a real MariaDB server started for this test on 127.0.0.1, with identifiers
// that break naive quoting: spaces, backticks, double quotes, dots, mixed case, reserved words.
class TestMySqlIntrospector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MariaDbServer> m_server;
    FakePasswordProvider m_passwords;
    DatabaseSchema m_schema;

    const TableInfo *table(const QString &name) const { return m_schema.table(name); }

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
        auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_passwords.set(m_server->spec(), m_server->password());

        QVERIFY(SchemaProbe::execute(
            m_server->spec(), &m_passwords,
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

        auto introspector = IntrospectorFactory::create(m_server->spec(), &m_passwords);
        auto schema = introspector->introspect();
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        m_schema = std::move(schema.value());
    }

    void cleanupTestCase() { m_server.reset(); }

    void listsTablesAndViewsSortedByName()
    {
        QCOMPARE(SchemaProbe::tableNames(m_schema.tables),
                 QStringList({"Active Patients", "CamelCase", "Patient Records", "all_types",
                              "order", "visit.log"}));
        QVERIFY(table("Active Patients")->isView);
        QVERIFY(!table("Patient Records")->isView);
        QCOMPARE(SchemaProbe::columnNames(*table("Active Patients")),
                 QStringList({"Patient No", "Status"}));
    }

    void columnsInOrderWithNullabilityAndDefaults()
    {
        const TableInfo *patients = table("Patient Records");
        QVERIFY(patients);
        QCOMPARE(SchemaProbe::columnNames(*patients),
                 QStringList({"Clinic Id", "Patient No", "select", "We`ird", "CamelCase",
                              "dotted.name", "We\"ird too", "created"}));
        const ColumnInfo *select = patients->column("select");
        QCOMPARE(select->declaredType, QStringLiteral("varchar(40)"));
        QCOMPARE(select->type, NormalizedType::text(40));
        QVERIFY(!select->nullable);
        QVERIFY(select->hasDefault);
        QCOMPARE(select->defaultValue, QStringLiteral("'active'"));
        QVERIFY(!select->autoIncrement);

        const ColumnInfo *weird = patients->column("We`ird");
        QVERIFY(weird->nullable);
        QVERIFY(!weird->hasDefault); // the implicit DEFAULT NULL counts as none
        QCOMPARE(weird->defaultValue, QString());

        const ColumnInfo *camel = patients->column("CamelCase");
        QCOMPARE(camel->declaredType, QStringLiteral("decimal(12,2)"));
        QCOMPARE(camel->type, NormalizedType::decimal(12, 2));
        QCOMPARE(camel->defaultValue, QStringLiteral("0.00"));
        QCOMPARE(patients->column("created")->defaultValue, QStringLiteral("current_timestamp()"));
        QVERIFY(!patients->column("created")->nullable);
    }

    void autoIncrement()
    {
        const TableInfo *visits = table("visit.log");
        QVERIFY(visits);
        const ColumnInfo *id = visits->column("Visit Id");
        QVERIFY(id->autoIncrement);
        QVERIFY(!id->nullable);
        QVERIFY(!id->hasDefault);
        QVERIFY(!visits->column("Clinic")->autoIncrement);
        QVERIFY(!table("CamelCase")->column("id")->autoIncrement);
    }

    void types_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("int") << "i"
                             << "int(11)"
                             << "integer";
        QTest::newRow("tinyint") << "ti"
                                 << "tinyint(4)"
                                 << "integer";
        QTest::newRow("bigint") << "bi"
                                << "bigint(20)"
                                << "integer";
        QTest::newRow("int unsigned") << "ui"
                                      << "int(10) unsigned"
                                      << "integer";
        QTest::newRow("decimal(12,2)") << "n"
                                       << "decimal(12,2)"
                                       << "decimal(12,2)";
        QTest::newRow("float") << "r"
                               << "float"
                               << "real";
        QTest::newRow("double") << "d"
                                << "double"
                                << "real";
        QTest::newRow("varchar(40)") << "v"
                                     << "varchar(40)"
                                     << "text(40)";
        QTest::newRow("char(3)") << "c"
                                 << "char(3)"
                                 << "text(3)";
        QTest::newRow("text") << "t"
                              << "text"
                              << "text";
        QTest::newRow("longtext") << "lt"
                                  << "longtext"
                                  << "text";
        QTest::newRow("boolean is tinyint(1)") << "b"
                                               << "tinyint(1)"
                                               << "boolean";
        QTest::newRow("bit(1)") << "bt"
                                << "bit(1)"
                                << "boolean";
        QTest::newRow("date") << "dt"
                              << "date"
                              << "date";
        QTest::newRow("time") << "tm"
                              << "time"
                              << "time";
        QTest::newRow("datetime") << "ts"
                                  << "datetime"
                                  << "timestamp";
        QTest::newRow("datetime(3)") << "ts3"
                                     << "datetime(3)"
                                     << "timestamp";
        QTest::newRow("timestamp is UTC") << "tstz"
                                          << "timestamp"
                                          << "timestamptz";
        QTest::newRow("year") << "yr"
                              << "year(4)"
                              << "integer";
        QTest::newRow("uuid") << "u"
                              << "uuid"
                              << "uuid";
        QTest::newRow("json is longtext + json_valid") << "j"
                                                       << "longtext"
                                                       << "json";
        QTest::newRow("blob") << "bl"
                              << "blob"
                              << "blob";
        QTest::newRow("varbinary(16)") << "vb"
                                       << "varbinary(16)"
                                       << "blob";
        QTest::newRow("enum with 'int' in a value") << "e"
                                                    << "enum('print','paint')"
                                                    << "text";
        QTest::newRow("set") << "s"
                             << "set('a','b')"
                             << "text";
    }

    void types()
    {
        QFETCH(QString, column);
        QFETCH(QString, declared);
        QFETCH(QString, normalized);
        const TableInfo *types = table("all_types");
        QVERIFY(types);
        const ColumnInfo *c = types->column(column);
        QVERIFY(c);
        QCOMPARE(c->declaredType, declared);
        QCOMPARE(c->type.toString(), normalized);
        QVERIFY(c->nullable);
        QVERIFY(!c->hasDefault);
        QCOMPARE(c->primaryKeyPosition, 0);
    }

    void primaryKeyInKeyOrder()
    {
        const TableInfo *patients = table("Patient Records");
        QCOMPARE(patients->primaryKey, QStringList({"Patient No", "Clinic Id"}));
        QCOMPARE(patients->column("Patient No")->primaryKeyPosition, 1);
        QCOMPARE(patients->column("Clinic Id")->primaryKeyPosition, 2);
        QCOMPARE(patients->column("select")->primaryKeyPosition, 0);
        QCOMPARE(table("visit.log")->primaryKey, QStringList({"Visit Id"}));
        QVERIFY(table("order")->primaryKey.isEmpty());
        QVERIFY(table("Active Patients")->primaryKey.isEmpty());
    }

    void foreignKeysInKeyOrder()
    {
        const TableInfo *visits = table("visit.log");
        QCOMPARE(visits->foreignKeys.size(), 1);
        const ForeignKeyInfo &fk = visits->foreignKeys.first();
        QCOMPARE(fk.name, QStringLiteral("fk visit"));
        QCOMPARE(fk.columns, QStringList({"Patient", "Clinic"}));
        QCOMPARE(fk.referencedTable, QStringLiteral("Patient Records"));
        QCOMPARE(fk.referencedColumns, QStringList({"Patient No", "Clinic Id"}));
        QVERIFY(table("Patient Records")->foreignKeys.isEmpty());
    }

    void uniqueConstraintsAndIndexes()
    {
        const TableInfo *patients = table("Patient Records");
        QCOMPARE(patients->indexes.size(), 2); // the primary key is not listed

        const IndexInfo *constraint = SchemaProbe::index(*patients, "Patient \"uq\"");
        QVERIFY(constraint);
        QVERIFY(constraint->unique);
        QVERIFY(constraint->isConstraint);
        QCOMPARE(constraint->columns, QStringList({"select", "We`ird"}));

        const IndexInfo *secondary = SchemaProbe::index(*patients, "ix.Camel");
        QVERIFY(secondary);
        QVERIFY(!secondary->unique);
        QVERIFY(!secondary->isConstraint);
        QCOMPARE(secondary->columns, QStringList({"CamelCase", "dotted.name"}));
        QCOMPARE(patients->uniqueConstraints().size(), 1);

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
        QVERIFY(m_server
                    ->execAsAdmin({QStringLiteral(
                        "CREATE TABLE `Checked` (id int PRIMARY KEY, "
                        "`Code` varchar(10) CHECK (`Code` <> ''), qty int, doc JSON, "
                        "CONSTRAINT qty_range CHECK (qty BETWEEN 0 AND 9))")})
                    .ok());
        auto schema = IntrospectorFactory::create(m_server->spec(), &m_passwords)->introspect();
        QVERIFY(schema.ok());
        const TableInfo *t = schema->table(QStringLiteral("Checked"));
        QVERIFY(t);
        QStringList names;
        for (const CheckInfo &check : t->checks)
            names.append(check.name);
        QCOMPARE(names, (QStringList{"Checked_Code_check", "qty_range"}));
        QVERIFY2(t->checks[0].expression.contains(QStringLiteral("`Code` <> ''")),
                 qPrintable(t->checks[0].expression));
        QVERIFY(m_server->execAsAdmin({QStringLiteral("DROP TABLE `Checked`")}).ok());
    }

    void rowEstimates()
    {
        QCOMPARE(table("Patient Records")->rowEstimate, 5);
        QCOMPARE(table("visit.log")->rowEstimate, 3);
        QCOMPARE(table("order")->rowEstimate, 0);
        QCOMPARE(table("Active Patients")->rowEstimate, -1);
    }

    void unknownDatabaseIsAnError()
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("mysql://%1@127.0.0.1:%2/nope")
                                              .arg(m_server->user())
                                              .arg(m_server->port()));
        QVERIFY(spec.ok());
        FakePasswordProvider passwords;
        passwords.set(spec.value(), m_server->password());
        auto schema = IntrospectorFactory::create(spec.value(), &passwords)->introspect();
        QVERIFY(!schema.ok());
        // The server refuses the connection: the user may not use a database it cannot see.
        QCOMPARE(schema.error().code(), Error::Code::Connection);
        QVERIFY2(schema.error().message().contains("nope"), qPrintable(schema.error().message()));
    }

    void passwordComesFromTheProvider()
    {
        FakePasswordProvider passwords;
        passwords.set(m_server->spec(), m_server->password());
        auto schema = IntrospectorFactory::create(m_server->spec(), &passwords)->introspect();
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        QCOMPARE(passwords.timesAsked(), 1);

        FakePasswordProvider none;
        auto withoutPassword = IntrospectorFactory::create(m_server->spec(), &none)->introspect();
        QVERIFY(!withoutPassword.ok());
        QCOMPARE(withoutPassword.error().code(), Error::Code::Connection);
        QCOMPARE(none.timesAsked(), 1);
    }

    void wrongPasswordFailsWithoutShowingIt()
    {
        const QString wrong = QStringLiteral("Wrong-Secret-%1").arg(m_server->port());
        FakePasswordProvider passwords;
        passwords.set(m_server->spec(), wrong);
        auto schema = IntrospectorFactory::create(m_server->spec(), &passwords)->introspect();
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::Connection);
        QVERIFY2(!schema.error().toString().contains(wrong), qPrintable(schema.error().toString()));
        QVERIFY(!schema.error().toString().contains(m_server->password()));
        QVERIFY2(schema.error().message().contains("Access denied", Qt::CaseInsensitive),
                 qPrintable(schema.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestMySqlIntrospector)
#include "tst_mysqlintrospector.moc"
