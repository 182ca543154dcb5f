#include "CliRunner.h"
#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "project/ProjectReader.h"
#include "run/target/TargetSessionFactory.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using cutover::ConnectionSpec;
using cutover::Project;
using cutover::ProjectReader;
using cutover::TargetSession;
using cutover::test::CliRunner;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

namespace {

// Column and table checks, named and not, one the others do not have (typeof), a boolean
// checked as a number, a partial unique index and an expression index; a row that breaks a check
// (SQLite lets it in with ignore_check_constraints), which the target must refuse.
const QStringList kShop = {
    QStringLiteral("CREATE TABLE Product (id INTEGER PRIMARY KEY, "
                   "Name TEXT NOT NULL CHECK (length(trim(Name)) > 0), "
                   "price NUMERIC(10,2) CONSTRAINT price_positive CHECK (price >= 0), "
                   "status TEXT DEFAULT 'new', active BOOLEAN DEFAULT 1, sku TEXT, "
                   "deleted_at TEXT, "
                   "CHECK (status IN ('new', 'sold', \"gone\")), "
                   "CONSTRAINT typed_sku CHECK (typeof(sku) IN ('text', 'null')), "
                   "CHECK (active IN (0, 1)))"),
    QStringLiteral("CREATE UNIQUE INDEX product_live_sku ON Product (sku) "
                   "WHERE deleted_at IS NULL"),
    QStringLiteral("CREATE INDEX product_lower_name ON Product (lower(Name))"),
    QStringLiteral("INSERT INTO Product VALUES (1, 'Tea', 2.5, 'new', 1, 'A1', NULL), "
                   "(2, 'Cup', 4, 'sold', 0, 'A1', '2024-01-01')"),
    QStringLiteral("PRAGMA ignore_check_constraints = ON"),
    QStringLiteral("INSERT INTO Product VALUES (3, 'Bad', -1, 'new', 1, 'B2', NULL)"),
    QStringLiteral("PRAGMA ignore_check_constraints = OFF"),
};

const QString kTypedSkuNotice =
    QStringLiteral("Check 'typed_sku' of table 'Product' is not created: typeof(sku) IN ('text', "
                   "'null') does not translate to %1: typeof() is not among the functions "
                   "translated.");

} // namespace

// cutover-cli init and run carry CHECK constraints, partial and expression indexes over to the
// target where it can have them, and say which not and why; rows the target's checks refuse are
// quarantined with the target's reason, and nothing else is lost.
class TestCliInitChecks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    CliRunner::Outcome cli(const QStringList &arguments)
    {
        return CliRunner::run(arguments, m_dir.path(), m_env);
    }
    static QString said(const CliRunner::Outcome &o) { return o.out + o.err; }

    // init and run; the init's words.
    QString initAndRun(const QString &name, const QString &source, const QString &target,
                       const QStringList &more = {})
    {
        const QString file = name + QStringLiteral(".cutover");
        const auto init = cli(QStringList{QStringLiteral("init"), file, QStringLiteral("--source"),
                                          source, QStringLiteral("--target"), target} +
                              more);
        [&] {
            QVERIFY2(init.exitCode == 0, qPrintable(said(init)));
        }();
        const auto validate = cli({QStringLiteral("validate"), file});
        [&] {
            QVERIFY2(validate.exitCode == 0, qPrintable(said(validate)));
        }();
        m_run = cli({QStringLiteral("run"), file});
        return said(init);
    }

    // The shop's row that breaks price_positive is quarantined with the target's reason; the
    // two good rows arrive.
    void badRowQuarantined(const QString &name, const QString &reason)
    {
        QVERIFY2(m_run.exitCode == 0 || m_run.exitCode == 1, qPrintable(said(m_run)));
        const auto quarantine =
            cli({QStringLiteral("quarantine"), name + QStringLiteral(".cutover")});
        QVERIFY2(quarantine.exitCode == 0, qPrintable(said(quarantine)));
        QVERIFY2(quarantine.out.contains(reason, Qt::CaseInsensitive), qPrintable(quarantine.out));
        QVERIFY2(quarantine.out.contains(QStringLiteral("source key [3]")),
                 qPrintable(quarantine.out));
        QVERIFY2(quarantine.out.contains(QStringLiteral("1 quarantined row")),
                 qPrintable(quarantine.out));
    }

    std::unique_ptr<TargetSession> open(const ConnectionSpec &spec, const QString &password = {})
    {
        m_passwords.set(spec, password);
        auto session = cutover::TargetSessionFactory::open(spec, &m_passwords);
        return session ? std::move(*session) : nullptr;
    }

    static QStringList column(TargetSession &session, const QString &sql)
    {
        QStringList values;
        const auto rows = session.query(sql);
        if (rows)
            for (const QVariantList &row : *rows)
                values.append(row.value(0).toString());
        return values;
    }

    // The checks behave: a row breaking one is refused, the partial unique index counts live
    // rows only.
    static void behaves(TargetSession &session, const QString &product, bool partialIndex)
    {
        QCOMPARE(column(session, QStringLiteral("SELECT count(*) FROM %1").arg(product)),
                 QStringList{QStringLiteral("2")});
        const QString insert = QStringLiteral("INSERT INTO %1 (id, %2, price, status, sku, "
                                              "deleted_at) VALUES (%3)")
                                   .arg(product, session.kind() == ConnectionSpec::Kind::PostgreSql
                                                     ? QStringLiteral("name")
                                                     : QStringLiteral("Name"));
        QVERIFY(!session.execute(insert.arg("10, 'x', -5, 'new', 'C1', NULL")).ok());
        QVERIFY(!session.execute(insert.arg("11, '  ', 5, 'new', 'C2', NULL")).ok());
        QVERIFY(!session.execute(insert.arg("12, 'x', 5, 'lost', 'C3', NULL")).ok());
        QVERIFY(session.execute(insert.arg("13, 'x', 5, 'gone', 'C4', NULL")).ok());
        const bool duplicateLiveSku =
            session.execute(insert.arg("14, 'x', 5, 'new', 'A1', NULL")).ok();
        QCOMPARE(duplicateLiveSku, !partialIndex);
        QVERIFY(session.execute(insert.arg("15, 'x', 5, 'new', 'A1', '2025-01-01'")).ok());
    }

    CliRunner::Outcome m_run;
    cutover::test::FakePasswordProvider m_passwords;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(SqliteFile::create(m_dir.filePath(QStringLiteral("shop.db")), kShop), QString());
    }

    void intoSqlite()
    {
        const QString said =
            initAndRun(QStringLiteral("tosqlite"), QStringLiteral("sqlite:shop.db"),
                       QStringLiteral("sqlite:shop-copy.db"));
        // SQLite into SQLite keeps what it does not translate as it is
        QVERIFY2(!said.contains(QStringLiteral("typed_sku")), qPrintable(said));
        badRowQuarantined(QStringLiteral("tosqlite"), QStringLiteral("CHECK constraint failed"));
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("tosqlite.cutover")));
        QVERIFY(project.ok());
        const auto *product = project->targetTable(QStringLiteral("Product"));
        QVERIFY(product);
        QCOMPARE(product->checks.size(), 5);
        QCOMPARE(product->checks[0].name, QStringLiteral("Product_Name_check"));
        QCOMPARE(product->checks[0].expression, QStringLiteral("length(trim(\"Name\")) > 0"));

        const auto session = open(
            ConnectionSpec::parse(QStringLiteral("sqlite:shop-copy.db"), m_dir.path()).value());
        QVERIFY(session);
        const QString sql = column(*session, QStringLiteral("SELECT group_concat(sql, ';') FROM "
                                                            "sqlite_schema WHERE tbl_name = "
                                                            "'Product'"))
                                .value(0);
        QVERIFY2(
            sql.contains(QStringLiteral("CONSTRAINT \"price_positive\" CHECK (\"price\" >= 0)")),
            qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("WHERE \"deleted_at\" IS NULL")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("(lower(\"Name\"))")), qPrintable(sql));
        behaves(*session, QStringLiteral("Product"), true);
    }

    void intoPostgresAndBack()
    {
        if (const QString missing = PostgresServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_env.insert(QStringLiteral("CUTOVER_PASSWORD"), server.password());
        const QString said =
            initAndRun(QStringLiteral("topg"), QStringLiteral("sqlite:shop.db"), server.url());
        QVERIFY2(said.contains(kTypedSkuNotice.arg(QStringLiteral("PostgreSQL"))),
                 qPrintable(said));
        badRowQuarantined(QStringLiteral("topg"), QStringLiteral("price_positive"));

        const auto session = open(server.spec(), server.password());
        QVERIFY(session);
        const QStringList checks =
            column(*session, QStringLiteral("SELECT conname || ': ' || pg_get_constraintdef(oid) "
                                            "FROM pg_constraint WHERE conrelid = "
                                            "'product'::regclass AND contype = 'c' "
                                            "ORDER BY conname"));
        QCOMPARE(checks.size(), 4);
        QVERIFY2(checks[0].startsWith(QStringLiteral("price_positive: CHECK ((price >= ")),
                 qPrintable(checks.join('\n')));
        QVERIFY2(checks[1].contains(QStringLiteral("product_check: CHECK")),
                 qPrintable(checks.join('\n')));
        QVERIFY2(checks.join('\n').contains(QStringLiteral("ARRAY[false, true]")),
                 qPrintable(checks.join('\n')));
        const QStringList indexes = column(
            *session, QStringLiteral("SELECT indexdef FROM pg_indexes WHERE tablename = 'product' "
                                     "ORDER BY indexname"));
        QVERIFY2(indexes.join('\n').contains(QStringLiteral("WHERE (deleted_at IS NULL)")),
                 qPrintable(indexes.join('\n')));
        QVERIFY2(indexes.join('\n').contains(QStringLiteral("(lower(name))")),
                 qPrintable(indexes.join('\n')));
        behaves(*session, QStringLiteral("product"), true);

        // PostgreSQL's spelling back into SQLite: casts, = ANY (ARRAY[...]), a regex that stays
        QVERIFY(session
                    ->execute(QStringLiteral(
                        "CREATE TABLE item (id int PRIMARY KEY, code varchar(10) NOT NULL, "
                        "qty int, kind varchar(5), "
                        "CONSTRAINT item_code_check CHECK (code::text <> ''::text), "
                        "CONSTRAINT item_kind_check CHECK (kind IN ('a', 'b')), "
                        "CONSTRAINT item_qty_check CHECK (qty > -1), "
                        "CONSTRAINT item_code_upper CHECK (code ~ '^[A-Z]'))"))
                    .ok());
        QVERIFY(session
                    ->execute(QStringLiteral("CREATE UNIQUE INDEX item_live_code ON item "
                                             "(lower(code)) WHERE qty > 0"))
                    .ok());
        QVERIFY(session
                    ->execute(QStringLiteral("INSERT INTO item VALUES (1, 'A', 1, 'a'), "
                                             "(2, 'B', 0, NULL)"))
                    .ok());
        const QString back =
            initAndRun(QStringLiteral("frompg"), server.url(), QStringLiteral("sqlite:frompg.db"),
                       {QStringLiteral("--tables"), QStringLiteral("item")});
        QVERIFY2(m_run.exitCode == 0, qPrintable(this->said(m_run)));
        QVERIFY2(back.contains(QStringLiteral("Check 'item_code_upper' of table 'item' is not "
                                              "created")),
                 qPrintable(back));
        QVERIFY2(back.contains(QStringLiteral("the operator ~ is not among what is translated")),
                 qPrintable(back));
        m_env.remove(QStringLiteral("CUTOVER_PASSWORD"));
        const auto copy =
            open(ConnectionSpec::parse(QStringLiteral("sqlite:frompg.db"), m_dir.path()).value());
        QVERIFY(copy);
        const QString sql = column(*copy, QStringLiteral("SELECT group_concat(sql, ';') FROM "
                                                         "sqlite_schema WHERE tbl_name = 'item'"))
                                .value(0);
        QVERIFY2(sql.contains(QStringLiteral("CHECK (\"kind\" IN ('a', 'b'))")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("CHECK (\"code\" <> '')")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("CHECK (\"qty\" > -1)")), qPrintable(sql));
        QVERIFY2(sql.contains(QStringLiteral("(lower(\"code\"))) WHERE \"qty\" > 0")),
                 qPrintable(sql));
        QCOMPARE(column(*copy, QStringLiteral("SELECT count(*) FROM item")),
                 QStringList{QStringLiteral("2")});
        QVERIFY(!copy->execute(QStringLiteral("INSERT INTO item VALUES (3, 'C', 1, 'c')")).ok());
        QVERIFY(!copy->execute(QStringLiteral("INSERT INTO item VALUES (4, 'a', 5, 'a')")).ok());
        QVERIFY(copy->execute(QStringLiteral("INSERT INTO item VALUES (5, 'a', 0, 'a')")).ok());
    }

    void intoMariaDb()
    {
        if (const QString missing = MariaDbServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_env.insert(QStringLiteral("CUTOVER_PASSWORD"), server.password());
        const QString said =
            initAndRun(QStringLiteral("tomaria"), QStringLiteral("sqlite:shop.db"), server.url());
        QVERIFY2(said.contains(kTypedSkuNotice.arg(QStringLiteral("MySQL"))), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Index 'product_live_sku' of table 'Product' is not "
                                              "created: MySQL and MariaDB have no partial "
                                              "indexes")),
                 qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Index 'product_lower_name' of table 'Product' is "
                                              "not created: MariaDB has no expression indexes")),
                 qPrintable(said));
        badRowQuarantined(QStringLiteral("tomaria"), QStringLiteral("price_positive"));
        m_env.remove(QStringLiteral("CUTOVER_PASSWORD"));

        const auto session = open(server.spec(), server.password());
        QVERIFY(session);
        const QStringList checks = column(
            *session, QStringLiteral("SELECT concat(constraint_name, ': ', check_clause) FROM "
                                     "information_schema.check_constraints WHERE table_name = "
                                     "'Product' ORDER BY constraint_name"));
        QCOMPARE(checks.size(), 4);
        QVERIFY2(checks.join('\n').contains(QStringLiteral("char_length(trim(`Name`)) > 0")),
                 qPrintable(checks.join('\n')));
        behaves(*session, QStringLiteral("Product"), false);
    }
};

QTEST_GUILESS_MAIN(TestCliInitChecks)
#include "tst_cli_initchecks.moc"
