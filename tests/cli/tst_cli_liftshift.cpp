#include "CliRunner.h"
#include "CopyComparer.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "project/ProjectReader.h"
#include "run/target/TargetSessionFactory.h"

#include <QDebug>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using cutover::Project;
using cutover::ProjectReader;
using cutover::test::CliRunner;
using cutover::test::CopyComparer;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;

namespace {

// A PostgreSQL database with the types and shapes a lift and shift meets: serial and identity
// keys, numeric without precision, arrays, json and jsonb, uuid, bytea, time zones, mixed-case
// and reserved names, a composite key, a self-reference, a table without a key, an empty one.
const QStringList kPostgresSource = {
    QStringLiteral("SET ROLE cutover"),
    QStringLiteral(
        "CREATE TABLE \"Customer\" (id serial PRIMARY KEY, \"FullName\" varchar(80) NOT NULL, "
        "email text UNIQUE, balance numeric, price numeric(12,3) DEFAULT 0, ratio double "
        "precision, score real, small smallint, flag boolean DEFAULT true, born date, seen "
        "timestamp DEFAULT now(), seen_tz timestamptz, at_time time, token uuid, doc json, docb "
        "jsonb, raw bytea, tags text[], nums integer[], \"select\" text)"),
    QStringLiteral("CREATE INDEX customer_born ON \"Customer\" (born)"),
    QStringLiteral(
        "INSERT INTO \"Customer\" (\"FullName\", email, balance, price, ratio, score, small, flag, "
        "born, seen, seen_tz, at_time, token, doc, docb, raw, tags, nums, \"select\") VALUES "
        "('Zoë O''Brien', 'zoe@example.org', 12345678901234567890123456789012345.123456789, "
        "9.99, 0.30000000000000004, 1.5, -32768, true, '1969-07-20', '2024-02-29 23:59:59.123', "
        "'2024-03-31 01:30:00+02', '13:14:15', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', "
        "'{\"b\": 1, \"a\": [1, 2]}', '{\"k\": \"ü\"}', '\\x00ff10', '{\"a b\",\"c,d\",NULL}', "
        "'{1,2,3}', 'from'), "
        "('Trailing  ', NULL, -0.5, NULL, 1e-300, NULL, NULL, false, NULL, NULL, NULL, NULL, "
        "NULL, NULL, NULL, NULL, '{}', NULL, NULL), "
        "('日本語', 'ja@example.org', 0, 0.001, -1.7976931348623157e308, -0.25, 7, NULL, "
        "'2000-01-01', '1999-12-31 23:59:59', '2000-01-01 00:00:00+00', '00:00:00', NULL, "
        "'[]', 'null', '', NULL, '{-1}', NULL)"),
    QStringLiteral("CREATE TABLE order_line (order_id int, line int, qty numeric(10,2), note "
                   "varchar(20), PRIMARY KEY (order_id, line))"),
    QStringLiteral("INSERT INTO order_line VALUES (1, 1, 2.50, 'a'), (1, 2, 0.1, NULL), "
                   "(2, 1, 99999999.99, 'z')"),
    QStringLiteral("CREATE TABLE node (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                   "parent bigint REFERENCES node(id), name text NOT NULL DEFAULT 'x')"),
    QStringLiteral("INSERT INTO node (parent, name) OVERRIDING SYSTEM VALUE VALUES (NULL, "
                   "'root'), (1, 'child'), (2, 'grandchild')"),
    QStringLiteral("CREATE TABLE nokey (a text, b int)"),
    QStringLiteral("INSERT INTO nokey VALUES ('x', 1), ('x', 1), (NULL, NULL)"),
    QStringLiteral("CREATE TABLE empty_one (id int PRIMARY KEY, x text)"),
};

// A MariaDB database with MySQL's own types: tinyint(1), unsigned integers up to the largest
// BIGINT UNSIGNED, enum and set, year, zero dates, datetime(6), blobs, reserved names.
const QStringList kMariaDbSource = {
    QStringLiteral("SET SESSION sql_mode = ''"),
    QStringLiteral(
        "CREATE TABLE Customer (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, "
        "FullName varchar(80) NOT NULL, active tinyint(1) NOT NULL DEFAULT 1, tiny tinyint, "
        "u_small smallint unsigned, u_int int unsigned, big_u bigint unsigned, amount "
        "decimal(20,4) DEFAULT 0.0000, ratio double, score float, kind enum('retail','trade',"
        "'o''reilly') NOT NULL DEFAULT 'retail', perms set('read','write','admin'), born date, "
        "created datetime(6) DEFAULT CURRENT_TIMESTAMP(6), at_time time, yr year, doc json, raw "
        "blob, fixedbin binary(4), `select` varchar(10), note text, UNIQUE KEY uq_name "
        "(FullName))"),
    QStringLiteral(
        "INSERT INTO Customer VALUES (1, 'Zoë O''Brien', 1, -128, 65535, 4294967295, "
        "18446744073709551615, 1234567890123456.7891, 0.30000000000000004, 1.5, 'o''reilly', "
        "'read,admin', '1969-07-20', '2024-02-29 23:59:59.123456', '23:59:59', 2155, "
        "'{\"b\": 1, \"a\": [1, 2]}', x'00ff10', x'01020304', 'from', 'ü'), "
        "(2, 'Trailing  ', 0, NULL, NULL, NULL, NULL, NULL, 1e-300, NULL, 'trade', '', NULL, "
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
        "(3, '日本語', 1, 127, 0, 0, 0, -0.0001, -1.7976931348623157e308, -0.25, 'retail', NULL, "
        "'2000-01-01', '1999-12-31 23:59:59', '00:00:01', 1901, '[]', '', NULL, '', '')"),
    QStringLiteral("CREATE TABLE order_line (order_id int, line int, qty decimal(10,2), note "
                   "varchar(20), PRIMARY KEY (order_id, line))"),
    QStringLiteral("INSERT INTO order_line VALUES (1, 1, 2.50, 'a'), (1, 2, 0.1, NULL), "
                   "(2, 1, 99999999.99, 'z')"),
    QStringLiteral("CREATE TABLE node (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, parent int, "
                   "name varchar(40) NOT NULL DEFAULT 'x', CONSTRAINT node_parent FOREIGN KEY "
                   "(parent) REFERENCES node (id))"),
    QStringLiteral("INSERT INTO node VALUES (1, NULL, 'root'), (2, 1, 'child'), (3, 2, 'grand')"),
    QStringLiteral("CREATE TABLE nokey (a text, b int)"),
    QStringLiteral("INSERT INTO nokey VALUES ('x', 1), ('x', 1), (NULL, NULL)"),
    QStringLiteral("CREATE TABLE empty_one (id int PRIMARY KEY, x text)"),
    QStringLiteral("CREATE TABLE legacy_dates (id int PRIMARY KEY, d date NOT NULL DEFAULT "
                   "'0000-00-00', dt datetime DEFAULT '0000-00-00 00:00:00', ts timestamp NULL)"),
    QStringLiteral("INSERT INTO legacy_dates VALUES (1, '0000-00-00', '0000-00-00 00:00:00', "
                   "NULL), (2, '2024-01-31', '2024-01-31 12:00:00', '2024-01-31 12:00:00'), "
                   "(3, '2024-02-29', NULL, '1970-01-01 00:00:01')"),
};

// The test user's password on each server, as a user keeps one per connection in the keychain.
struct ServerPasswords : cutover::PasswordProvider
{
    QString pg;
    QString maria;
    std::optional<QString> password(const cutover::ConnectionSpec &spec) const override
    {
        return spec.kind() == cutover::ConnectionSpec::Kind::PostgreSql ? pg : maria;
    }
};

} // namespace

// The lift and shift each way between PostgreSQL, MariaDB and SQLite with `cutover-cli copy`:
// every value of the awkward sources above arrives as it was (compared by CopyComparer, not by
// the engine), reconciliation says Pass, and a value changed afterwards makes it say Fail.
class TestCliLiftShift : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    PostgresServer m_pg;
    MariaDbServer m_maria;
    ServerPasswords m_passwords; // not in this process's environment: the admin logins read it
    QString m_pgSkip;
    QString m_mariaSkip;

    static QString said(const CliRunner::Outcome &o) { return o.out + o.err; }

    CliRunner::Outcome cli(const QStringList &arguments)
    {
        return CliRunner::run(arguments, m_dir.path(), m_env);
    }

    QString pgUrl(const QString &database) const
    {
        return m_pg.url().replace(QStringLiteral("/cutover_test"), '/' + database);
    }
    QString mariaUrl(const QString &database) const
    {
        return m_maria.url().replace(QStringLiteral("/cutover_test"), '/' + database);
    }

    void needs(bool pg, bool maria)
    {
        if (pg && !m_pgSkip.isEmpty())
            QSKIP(qPrintable(m_pgSkip));
        if (maria && !m_mariaSkip.isEmpty())
            QSKIP(qPrintable(m_mariaSkip));
    }

    QString startPostgres()
    {
        if (QString missing = PostgresServer::whyUnavailable(); !missing.isEmpty())
            return missing;
        if (auto started = m_pg.start(); !started)
            return started.error().toString();
        auto made = m_pg.execAsAdmin(kPostgresSource);
        if (made)
            made = m_pg.execAsAdmin({QStringLiteral("CREATE DATABASE copy_into OWNER cutover")});
        return made ? QString() : made.error().toString();
    }

    QString startMariaDb()
    {
        if (QString missing = MariaDbServer::whyUnavailable(); !missing.isEmpty())
            return missing;
        if (auto started = m_maria.start(); !started)
            return started.error().toString();
        auto made = m_maria.execAsAdmin(kMariaDbSource);
        if (made)
            made = m_maria.execAsAdmin(
                {QStringLiteral("CREATE DATABASE copy_into CHARACTER SET utf8mb4"),
                 QStringLiteral("GRANT ALL PRIVILEGES ON copy_into.* TO 'cutover'@'127.0.0.1'")});
        return made ? QString() : made.error().toString();
    }

    // copy, then prove it independently; then change one target value and see reconcile fail.
    void copyAndProve(const QString &name, const QString &source, const QString &target,
                      const QString &change)
    {
        const QString file = name + QStringLiteral(".cutover");
        const auto copy =
            cli({QStringLiteral("copy"), source, target, QStringLiteral("--project"), file});
        if (copy.exitCode != 0) { // QTest cuts a long message short: the whole story
            qInfo().noquote() << said(copy);
            qInfo().noquote() << cli({QStringLiteral("reconcile"), file, QStringLiteral("--format"),
                                      QStringLiteral("md"), QStringLiteral("--no-store")})
                                     .out;
            const auto written = ProjectReader::load(m_dir.filePath(file));
            for (const auto &m : written ? written->mappings : QList<cutover::TableMapping>())
                qInfo().noquote() << said(
                    cli({QStringLiteral("preview"), file, QStringLiteral("--table"), m.target}));
        }
        QVERIFY2(copy.exitCode == 0, qPrintable(said(copy).right(600)));
        QVERIFY2(!copy.out.contains(QLatin1String("FAIL")), qPrintable(copy.out));
        auto project = ProjectReader::load(m_dir.filePath(file));
        QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().toString()));
        QVERIFY(project->mappings.size() >= 5);
        const QStringList differences = CopyComparer::differences(*project, &m_passwords);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join('\n')));

        auto spec = project->targetSpec();
        QVERIFY(spec.ok());
        auto session = cutover::TargetSessionFactory::open(*spec, &m_passwords);
        QVERIFY(session.ok());
        QVERIFY((*session)->execute(change).ok());
        session->reset();
        const auto reconcile = cli({QStringLiteral("reconcile"), file, QStringLiteral("--method"),
                                    QStringLiteral("exact")});
        QVERIFY2(reconcile.exitCode == 1, qPrintable(said(reconcile)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pgSkip = startPostgres();
        m_mariaSkip = startMariaDb();
        // each driver's own password variable, as a user with two servers sets them
        m_env.remove(QStringLiteral("CUTOVER_PASSWORD"));
        qunsetenv("CUTOVER_PASSWORD");
        m_env.insert(QStringLiteral("PGPASSWORD"), m_pg.password());
        m_env.insert(QStringLiteral("MYSQL_PWD"), m_maria.password());
        m_passwords.pg = m_pg.password();
        m_passwords.maria = m_maria.password();
    }

    void postgresToSqlite()
    {
        needs(true, false);
        copyAndProve(QStringLiteral("pg2sqlite"), pgUrl(QStringLiteral("cutover_test")),
                     QStringLiteral("sqlite:%1").arg(m_dir.filePath("pg.db")),
                     QStringLiteral("UPDATE customer SET ratio = 0.3 WHERE ratio > 0.29 AND "
                                    "ratio < 0.31"));
    }

    void postgresToMariaDb()
    {
        needs(true, true);
        copyAndProve(QStringLiteral("pg2maria"), pgUrl(QStringLiteral("cutover_test")),
                     mariaUrl(QStringLiteral("copy_into")),
                     QStringLiteral("UPDATE Customer SET FullName = 'Zoe' WHERE id = 1"));
    }

    void postgresToPostgres()
    {
        needs(true, false);
        copyAndProve(QStringLiteral("pg2pg"), pgUrl(QStringLiteral("cutover_test")),
                     pgUrl(QStringLiteral("copy_into")),
                     QStringLiteral("UPDATE customer SET tags = '{x}' WHERE id = 1"));
    }

    void mariaDbToPostgres()
    {
        needs(true, true);
        QVERIFY(m_pg.execAsAdmin({QStringLiteral("DROP DATABASE copy_into"),
                                  QStringLiteral("CREATE DATABASE copy_into OWNER cutover")})
                    .ok());
        copyAndProve(QStringLiteral("maria2pg"), mariaUrl(QStringLiteral("cutover_test")),
                     pgUrl(QStringLiteral("copy_into")),
                     QStringLiteral("UPDATE customer SET big_u = big_u - 1 WHERE id = 1"));
        // the enum became text with a CHECK keeping it to its values
        auto spec = cutover::ConnectionSpec::parse(pgUrl(QStringLiteral("copy_into")));
        QVERIFY(spec.ok());
        auto session = cutover::TargetSessionFactory::open(*spec, &m_passwords);
        QVERIFY(session.ok());
        const QString insert = QStringLiteral(
            "INSERT INTO customer (id, fullname, active, kind) VALUES (%1, '%1', true, '%2')");
        QVERIFY((*session)->execute(insert.arg(98).arg(QStringLiteral("o''reilly"))).ok());
        QVERIFY(!(*session)->execute(insert.arg(99).arg(QStringLiteral("wholesale"))).ok());
    }

    void mariaDbToSqlite()
    {
        needs(false, true);
        copyAndProve(QStringLiteral("maria2sqlite"), mariaUrl(QStringLiteral("cutover_test")),
                     QStringLiteral("sqlite:%1").arg(m_dir.filePath("maria.db")),
                     QStringLiteral("UPDATE Customer SET perms = 'read' WHERE id = 1"));
    }

    void mariaDbToMariaDb()
    {
        needs(false, true);
        const auto fresh = m_maria.execAsAdmin(
            {QStringLiteral("DROP DATABASE copy_into"),
             QStringLiteral("CREATE DATABASE copy_into CHARACTER SET utf8mb4")});
        QVERIFY2(fresh.ok(), qPrintable(fresh.ok() ? QString() : fresh.error().toString()));
        copyAndProve(QStringLiteral("maria2maria"), mariaUrl(QStringLiteral("cutover_test")),
                     mariaUrl(QStringLiteral("copy_into")),
                     QStringLiteral("UPDATE Customer SET kind = 'trade' WHERE id = 1"));
    }
};

QTEST_GUILESS_MAIN(TestCliLiftShift)
#include "tst_cli_liftshift.moc"
