#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/DdlGenerator.h"
#include "run/target/TargetSessionFactory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using Kind = NormalizedType::Kind;

// One TableInfo created in SQLite, PostgreSQL and MariaDB and introspected back: normalized
// types (with each dialect's documented exceptions), nullability, keys and indexes survive.
class TestDdlGenerator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakePasswordProvider m_passwords;

    static ColumnInfo column(const QString &name, NormalizedType type, bool nullable = true,
                             const QString &defaultValue = {})
    {
        ColumnInfo c;
        c.name = name;
        c.type = type;
        c.nullable = nullable;
        c.defaultValue = defaultValue;
        c.hasDefault = !defaultValue.isEmpty();
        return c;
    }

    static QList<TableInfo> tables()
    {
        TableInfo parent;
        parent.name = QStringLiteral("parent table");
        parent.columns = {column(QStringLiteral("id"), NormalizedType::integer(), false),
                          column(QStringLiteral("code \"x\""), NormalizedType::text(20), false)};
        parent.primaryKey = {QStringLiteral("id")};
        parent.indexes = {
            {QStringLiteral("parent code key"), {QStringLiteral("code \"x\"")}, true, true}};
        TableInfo child;
        child.name = QStringLiteral("order");
        child.columns = {
            column(QStringLiteral("id"), NormalizedType::integer(), false),
            column(QStringLiteral("parent"), NormalizedType::integer()),
            column(QStringLiteral("amount"), NormalizedType::decimal(38, 10)),
            column(QStringLiteral("price"), NormalizedType::decimal(12, 2), false,
                   QStringLiteral("0")),
            column(QStringLiteral("ratio"), NormalizedType(Kind::Real)),
            column(QStringLiteral("note"), NormalizedType::text()),
            column(QStringLiteral("status"), NormalizedType::text(40), false,
                   QStringLiteral("'new'::character varying")),
            column(QStringLiteral("flag"), NormalizedType(Kind::Boolean), true,
                   QStringLiteral("true")),
            column(QStringLiteral("day"), NormalizedType(Kind::Date)),
            column(QStringLiteral("at"), NormalizedType(Kind::Time)),
            column(QStringLiteral("stamp"), NormalizedType(Kind::Timestamp), true,
                   QStringLiteral("now()")),
            column(QStringLiteral("stamp tz"), NormalizedType(Kind::TimestampTz)),
            column(QStringLiteral("uuid"), NormalizedType(Kind::Uuid)),
            column(QStringLiteral("doc"), NormalizedType(Kind::Json)),
            column(QStringLiteral("data"), NormalizedType(Kind::Blob)),
        };
        child.primaryKey = {QStringLiteral("id")};
        child.foreignKeys = {{QStringLiteral("order parent fk"),
                              {QStringLiteral("parent")},
                              QStringLiteral("parent table"),
                              {QStringLiteral("id")}}};
        child.indexes = {{QStringLiteral("order day idx"),
                          {QStringLiteral("day"), QStringLiteral("parent")},
                          false,
                          false}};
        return {parent, child};
    }

    // The type a column reads back as, after each dialect's documented changes.
    static NormalizedType expectedType(const NormalizedType &type, ConnectionSpec::Kind kind)
    {
        if (kind == ConnectionSpec::Kind::MySql) {
            switch (type.kind()) {
            case Kind::TimestampTz:
                return NormalizedType(Kind::Timestamp);
            case Kind::Uuid:
                return NormalizedType::text(36);
            default:
                break;
            }
        }
        return type;
    }

    void createAndCompare(const ConnectionSpec &spec)
    {
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        for (const TableInfo &table : tables()) {
            const QString ddl = DdlGenerator::createTable(table, spec.kind());
            auto created = (*session)->execute(ddl);
            QVERIFY2(created.ok(),
                     qPrintable(created.ok() ? QString() : created.error().toString() + ddl));
            for (const QString &index : DdlGenerator::createIndexes(table, spec.kind()))
                QVERIFY((*session)->execute(index).ok());
        }
        session->reset();
        auto schema = IntrospectorFactory::create(spec, &m_passwords)->introspect();
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));
        for (const TableInfo &wanted : tables()) {
            const TableInfo *got = schema->table(wanted.name);
            QVERIFY2(got, qPrintable(wanted.name));
            QCOMPARE(got->columns.size(), wanted.columns.size());
            for (const ColumnInfo &column : wanted.columns) {
                const ColumnInfo *read = got->column(column.name);
                QVERIFY2(read, qPrintable(column.name));
                QVERIFY2(read->type == expectedType(column.type, spec.kind()),
                         qPrintable(QStringLiteral("%1: %2 (%3) != %4")
                                        .arg(column.name, read->type.toString(), read->declaredType,
                                             column.type.toString())));
                // what init plans for the column is what the target then reports
                QCOMPARE(read->type, DdlGenerator::typeAsCreated(wanted, column, spec.kind()));
                QCOMPARE(read->nullable, column.nullable);
                // every default here has its target's literal: now() is CURRENT_TIMESTAMP
                QCOMPARE(read->hasDefault || !read->defaultValue.isEmpty(), column.hasDefault);
            }
            QCOMPARE(got->primaryKey, wanted.primaryKey);
            QCOMPARE(got->foreignKeys.size(), wanted.foreignKeys.size());
            for (qsizetype i = 0; i < wanted.foreignKeys.size(); ++i) {
                QCOMPARE(got->foreignKeys.at(i).columns, wanted.foreignKeys.at(i).columns);
                QCOMPARE(got->foreignKeys.at(i).referencedTable,
                         wanted.foreignKeys.at(i).referencedTable);
            }
            for (const IndexInfo &index : wanted.indexes) {
                bool found = false;
                for (const IndexInfo &readIndex : got->indexes)
                    found = found || (readIndex.columns == index.columns &&
                                      readIndex.unique == index.unique);
                QVERIFY2(found, qPrintable(index.name));
            }
        }
    }

private Q_SLOTS:
    void mapsTypesWithoutLoss()
    {
        const ColumnInfo real = column(QStringLiteral("r"), NormalizedType(Kind::Real));
        QCOMPARE(DdlGenerator::columnType(real, ConnectionSpec::Kind::PostgreSql),
                 QStringLiteral("double precision"));
        QCOMPARE(DdlGenerator::columnType(real, ConnectionSpec::Kind::MySql),
                 QStringLiteral("DOUBLE"));
        const ColumnInfo money = column(QStringLiteral("m"), NormalizedType::decimal(20, 4));
        QCOMPARE(DdlGenerator::columnType(money, ConnectionSpec::Kind::PostgreSql),
                 QStringLiteral("numeric(20,4)"));
        QCOMPARE(DdlGenerator::columnType(money, ConnectionSpec::Kind::MySql),
                 QStringLiteral("DECIMAL(20,4)"));
        QCOMPARE(DdlGenerator::columnType(money, ConnectionSpec::Kind::Sqlite),
                 QStringLiteral("DECIMAL_TEXT(20,4)"));
        QVERIFY(!DdlGenerator::portableDefault(column(QStringLiteral("s"),
                                                      NormalizedType::integer(), true,
                                                      QStringLiteral("nextval('s_seq'::regclass)")),
                                               ConnectionSpec::Kind::PostgreSql)
                     .has_value());
        QCOMPARE(*DdlGenerator::portableDefault(column(QStringLiteral("b"),
                                                       NormalizedType(Kind::Boolean), true,
                                                       QStringLiteral("true")),
                                                ConnectionSpec::Kind::Sqlite),
                 QStringLiteral("1"));
    }

    // CHECK clauses in CREATE TABLE; expression terms in parentheses and the WHERE of a partial
    // index, which MySQL has not.
    void spellsChecksAndIndexExpressions()
    {
        TableInfo t;
        t.name = QStringLiteral("account");
        t.columns = {column(QStringLiteral("email"), NormalizedType(Kind::Text))};
        t.checks = {{QStringLiteral("email_has_at"), QStringLiteral("\"email\" LIKE '%@%'")}};
        IndexInfo index{QStringLiteral("account_live"),
                        {QStringLiteral("email"), QStringLiteral("<expression>")},
                        true};
        index.expressions = {QString(), QStringLiteral("lower(\"email\")")};
        index.where = QStringLiteral("\"email\" IS NOT NULL");
        index.partial = true;
        t.indexes = {index};
        QVERIFY(DdlGenerator::createTable(t, ConnectionSpec::Kind::PostgreSql)
                    .contains(QStringLiteral(
                        "CONSTRAINT \"email_has_at\" CHECK (\"email\" LIKE '%@%')\n)")));
        QCOMPARE(DdlGenerator::createIndex(t, index, ConnectionSpec::Kind::Sqlite),
                 QStringLiteral("CREATE UNIQUE INDEX \"account_live\" ON \"account\" "
                                "(\"email\", (lower(\"email\"))) WHERE \"email\" IS NOT NULL"));
        QCOMPARE(DdlGenerator::createIndex(t, index, ConnectionSpec::Kind::MySql),
                 QStringLiteral("CREATE UNIQUE INDEX `account_live` ON `account` "
                                "(`email`, (lower(\"email\")))"));
        QCOMPARE(DdlGenerator::secondaryIndexes(t).size(), 1);
    }

    void createsInSqlite()
    {
        QVERIFY(m_dir.isValid());
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("ddl.db")));
        QVERIFY(spec.ok());
        createAndCompare(*spec);
    }

    void createsInPostgres()
    {
        if (const QString missing = PostgresServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        qunsetenv("PGPASSWORD");
        PostgresServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_passwords.set(server.spec(), server.password());
        createAndCompare(server.spec());
    }

    void createsInMariaDb()
    {
        if (const QString missing = MariaDbServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_passwords.set(server.spec(), server.password());
        createAndCompare(server.spec());
    }
};

QTEST_GUILESS_MAIN(TestDdlGenerator)
#include "tst_ddlgenerator.moc"
