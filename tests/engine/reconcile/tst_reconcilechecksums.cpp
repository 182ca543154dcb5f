#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "ReconcileKeys.h"
#include "VerifyOk.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/target/TargetSessionFactory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::ReconcileKeys;

// Segment checksums computed inside PostgreSQL and MariaDB give the exact merge's results: the
// demo run into a real server reconciles clean with both methods and no target row read by
// checksums; then the target is corrupted on purpose and both methods find every difference,
// the same way, while checksums read only the rows of the segments that differ.
class TestReconcileChecksums : public QObject
{
    Q_OBJECT

private:
    using Method = ReconcileOptions::Method;
    using Exec = std::function<Result<void>(const QStringList &)>;

    // How the corruption is written in each server's SQL.
    struct Dialect
    {
        QString shiftHour;     // %1: the column
        QString roundValue;    // %1: the column
        QStringList keysOff;   // before the orphan and the duplicate
        QStringList copyTable; // %1: new, %2: old
        QString dropTable;     // %1
        QStringList afterCopy;
    };

    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;

    Project demo(const QString &targetUrl, const QString &name)
    {
        const QString dir = m_root.filePath(name);
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = 300;
        if (auto written = DemoGenerator::generate(options); !written)
            qFatal("demo: %s", qPrintable(written.error().toString()));
        auto project = ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        if (!project)
            qFatal("project: %s", qPrintable(project.error().toString()));
        project->settings.maxErrorRate = 0.5;
        for (ConnectionDef &c : project->connections)
            if (c.name == project->targetConnection)
                c.url = targetUrl;
        return *project;
    }

    Result<RunRecord> run(const Project &project)
    {
        RunOptions options;
        options.schemaFrom =
            QStringLiteral("sqlite:") + project.baseDir + QStringLiteral("/modern.sqlite");
        RunEngine engine(project, options, &m_passwords);
        RunControl control;
        return engine.run(control);
    }

    ReconcileReport reconcile(const Project &project, Method method)
    {
        ReconcileOptions options;
        options.store = false;
        options.method = method;
        Reconciler reconciler(project, &m_passwords);
        auto report = reconciler.run(options);
        if (!report)
            qFatal("reconcile: %s", qPrintable(report.error().toString()));
        return *report;
    }

    QStringList ids(const ConnectionSpec &spec, const QString &sql)
    {
        QStringList result;
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        if (!session)
            qFatal("session: %s", qPrintable(session.error().toString()));
        auto rows = (*session)->query(sql);
        if (!rows)
            qFatal("%s: %s", qPrintable(sql), qPrintable(rows.error().toString()));
        for (const QVariantList &row : std::as_const(*rows))
            result.append(row.value(0).toString());
        return result;
    }

    // Checksums and the exact merge agree on everything a reader compares.
    static void compareMethods(const ReconcileReport &sums, const ReconcileReport &exact)
    {
        QCOMPARE(sums.tables.size(), exact.tables.size());
        QCOMPARE(sums.status, exact.status);
        for (qsizetype i = 0; i < sums.tables.size(); ++i) {
            const TableReconciliation &s = sums.tables.at(i);
            const TableReconciliation &e = exact.tables.at(i);
            QCOMPARE(s.table, e.table);
            QVERIFY2(s.method == QStringLiteral("segment checksums"),
                     qPrintable(s.table + QLatin1Char(' ') + s.method + QLatin1Char(' ') +
                                s.notes.join(QLatin1Char(';'))));
            QCOMPARE(e.method, QStringLiteral("exact merge"));
            QCOMPARE(s.status, e.status);
            QCOMPARE(s.expectedRows, e.expectedRows);
            QCOMPARE(s.targetRows, e.targetRows);
            QCOMPARE(s.matched, e.matched);
            QCOMPARE(s.missing, e.missing);
            QCOMPARE(s.extra, e.extra);
            QCOMPARE(s.modified, e.modified);
            QCOMPARE(s.quarantined, e.quarantined);
            QCOMPARE(s.duplicateKeys, e.duplicateKeys);
            QCOMPARE(s.duplicateRows(), e.duplicateRows());
            QCOMPARE(s.orphanRows(), e.orphanRows());
            QCOMPARE(ReconcileKeys::of(s.missingSamples), ReconcileKeys::of(e.missingSamples));
            QCOMPARE(ReconcileKeys::of(s.extraSamples), ReconcileKeys::of(e.extraSamples));
            QCOMPARE(ReconcileKeys::modified(s), ReconcileKeys::modified(e));
            QCOMPARE(ReconcileKeys::sample(s), ReconcileKeys::sample(e));
            QCOMPARE(e.rowsTransferred, e.targetRows);
            for (qsizetype p = 0; p < s.targetProfiles.size(); ++p) {
                QCOMPARE(s.targetProfiles.at(p).nulls, e.targetProfiles.at(p).nulls);
                QCOMPARE(s.targetProfiles.at(p).distinct, e.targetProfiles.at(p).distinct);
                QCOMPARE(s.targetProfiles.at(p).min, e.targetProfiles.at(p).min);
                QCOMPARE(s.targetProfiles.at(p).max, e.targetProfiles.at(p).max);
            }
        }
    }

    void checkServer(const QString &url, const ConnectionSpec &spec, const Exec &exec,
                     const Dialect &dialect, const QString &name)
    {
        Project project = demo(url, name);
        auto record = run(project);
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));

        const ReconcileReport cleanSums = reconcile(project, Method::Checksums);
        const ReconcileReport cleanExact = reconcile(project, Method::Exact);
        compareMethods(cleanSums, cleanExact);
        QCOMPARE(cleanSums.status, ReconcileStatus::Pass);
        for (const TableReconciliation &t : cleanSums.tables) {
            QVERIFY(t.targetRows > 0);
            QCOMPARE(t.matched, t.expectedRows);
            QCOMPARE(t.rowsTransferred, 0); // one scan in the database, no row read
        }
        const ReconcileReport automatic = reconcile(project, Method::Auto);
        for (const TableReconciliation &t : automatic.tables)
            QCOMPARE(t.method, QStringLiteral("segment checksums"));

        const QStringList deleted =
            ids(spec, QStringLiteral("SELECT id FROM observation ORDER BY legacy_id "
                                     "LIMIT 3 OFFSET 10"));
        const QString renamed =
            ids(spec, QStringLiteral("SELECT id FROM patient ORDER BY legacy_id LIMIT 1 OFFSET 5"))
                .first();
        const QString shifted =
            ids(spec, QStringLiteral("SELECT id FROM encounter WHERE started_at LIKE "
                                     "'____-__-__T__:__:__Z' ORDER BY legacy_id "
                                     "LIMIT 1 OFFSET 7"))
                .first();
        const QString rounded =
            ids(spec, QStringLiteral("SELECT id FROM observation WHERE value LIKE '%._' AND "
                                     "value NOT LIKE '%.0' ORDER BY legacy_id LIMIT 1"))
                .first();
        const QString orphaned =
            ids(spec, QStringLiteral("SELECT id FROM invoice ORDER BY legacy_number "
                                     "LIMIT 1 OFFSET 3"))
                .first();
        QCOMPARE(deleted.size(), 3);
        QStringList statements = dialect.keysOff;
        statements << QStringLiteral("DELETE FROM observation WHERE id IN ('%1')")
                          .arg(deleted.join(QStringLiteral("', '")))
                   << QStringLiteral("UPDATE patient SET full_name = CONCAT(full_name, 'x') "
                                     "WHERE id = '%1'")
                          .arg(renamed)
                   << QStringLiteral("UPDATE encounter SET started_at = %1 WHERE id = '%2'")
                          .arg(dialect.shiftHour.arg(QStringLiteral("started_at")), shifted)
                   << QStringLiteral("UPDATE observation SET value = %1 WHERE id = '%2'")
                          .arg(dialect.roundValue.arg(QStringLiteral("value")), rounded)
                   << QStringLiteral("UPDATE invoice SET encounter_id = "
                                     "'00000000-0000-5000-8000-000000000000' WHERE id = '%1'")
                          .arg(orphaned)
                   << QStringLiteral(
                          "INSERT INTO invoice SELECT "
                          "'11111111-1111-5111-8111-111111111111', 999999, encounter_id, "
                          "amount_cents, currency, issued_on, status FROM invoice "
                          "ORDER BY legacy_number LIMIT 1");
        // practitioner loses its keys (as after a load by another tool), and one row is there
        // twice
        for (const QString &copy : dialect.copyTable)
            statements << copy.arg(QStringLiteral("p2"), QStringLiteral("practitioner"));
        statements << dialect.dropTable.arg(QStringLiteral("practitioner"))
                   << QStringLiteral("ALTER TABLE p2 RENAME TO practitioner") << dialect.afterCopy
                   << QStringLiteral("INSERT INTO practitioner SELECT * FROM practitioner "
                                     "ORDER BY legacy_id LIMIT 1");
        VERIFY_OK(exec(statements));
        project.reconcile.keys.insert(QStringLiteral("practitioner"), {QStringLiteral("id")});

        const ReconcileReport sums = reconcile(project, Method::Checksums);
        const ReconcileReport exact = reconcile(project, Method::Exact);
        compareMethods(sums, exact);
        QCOMPARE(sums.status, ReconcileStatus::Fail);
        for (const ReconcileReport *report : {&sums, &exact}) {
            const TableReconciliation *observation = report->table(QStringLiteral("observation"));
            QCOMPARE(observation->missing, 3);
            QStringList deletedSorted = deleted;
            deletedSorted.sort();
            QCOMPARE(ReconcileKeys::of(observation->missingSamples), deletedSorted);
            QCOMPARE(observation->modified, 1);
            QCOMPARE(observation->modifiedSamples.first().row.targetKey, rounded);
            QCOMPARE(observation->modifiedSamples.first().columns,
                     QStringList{QStringLiteral("value")});
            QCOMPARE(observation->extra, 0);

            const TableReconciliation *patient = report->table(QStringLiteral("patient"));
            QCOMPARE(patient->modified, 1);
            QCOMPARE(patient->missing + patient->extra, 0);
            QCOMPARE(patient->modifiedSamples.first().row.targetKey, renamed);
            QCOMPARE(patient->modifiedSamples.first().columns,
                     QStringList{QStringLiteral("full_name")});

            const TableReconciliation *encounter = report->table(QStringLiteral("encounter"));
            QCOMPARE(encounter->modified, 1);
            QCOMPARE(encounter->modifiedSamples.first().row.targetKey, shifted);
            QCOMPARE(encounter->modifiedSamples.first().columns,
                     QStringList{QStringLiteral("started_at")});

            const TableReconciliation *invoice = report->table(QStringLiteral("invoice"));
            QCOMPARE(invoice->extra, 1);
            QCOMPARE(invoice->extraSamples.first().targetKey,
                     QStringLiteral("11111111-1111-5111-8111-111111111111"));
            QCOMPARE(invoice->modified, 1);
            QCOMPARE(invoice->modifiedSamples.first().columns,
                     QStringList{QStringLiteral("encounter_id")});
            QCOMPARE(invoice->orphanRows(), 1);
            QCOMPARE(invoice->missing, 0);

            const TableReconciliation *practitioner = report->table(QStringLiteral("practitioner"));
            QCOMPARE(practitioner->duplicateKeys, 1);
            QCOMPARE(practitioner->missing + practitioner->extra + practitioner->modified, 0);
            QCOMPARE(practitioner->status, ReconcileStatus::Fail);
        }
        // Checksums read only the rows of the leaves that differ: a few per corrupted table.
        for (const TableReconciliation &t : sums.tables) {
            qInfo("%s: %lld target rows, %lld read by checksums", qPrintable(t.table), t.targetRows,
                  t.rowsTransferred);
            QVERIFY2(t.rowsTransferred * 4 <= t.targetRows ||
                         t.table == QStringLiteral("practitioner"),
                     qPrintable(t.table));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void postgresChecksumsEqualExactMerge()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        m_passwords.set(m_postgres->spec(), m_postgres->password());
        Dialect dialect;
        dialect.shiftHour =
            QStringLiteral("to_char((%1::timestamptz + interval '1 hour') AT TIME ZONE 'UTC', "
                           "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
        dialect.roundValue = QStringLiteral("round(%1::numeric)::text");
        dialect.keysOff = {QStringLiteral("SET session_replication_role = replica")};
        dialect.copyTable = {QStringLiteral("CREATE TABLE %1 (LIKE %2 INCLUDING DEFAULTS)"),
                             QStringLiteral("INSERT INTO %1 SELECT * FROM %2")};
        dialect.dropTable = QStringLiteral("DROP TABLE %1 CASCADE");
        dialect.afterCopy = {
            QStringLiteral("GRANT SELECT ON practitioner TO %1").arg(m_postgres->user())};
        checkServer(
            m_postgres->url(), m_postgres->spec(),
            [&](const QStringList &s) { return m_postgres->execAsAdmin(s); }, dialect,
            QStringLiteral("pg"));
    }

    void mariadbChecksumsEqualExactMerge()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_mariadb = std::make_unique<MariaDbServer>();
        VERIFY_OK(m_mariadb->start());
        m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        Dialect dialect;
        dialect.shiftHour = QStringLiteral(
            "DATE_FORMAT(DATE_ADD(STR_TO_DATE(%1, '%Y-%m-%dT%H:%i:%sZ'), INTERVAL 1 HOUR), "
            "'%Y-%m-%dT%H:%i:%sZ')");
        dialect.roundValue = QStringLiteral("CAST(ROUND(%1) AS CHAR)");
        dialect.keysOff = {QStringLiteral("SET FOREIGN_KEY_CHECKS = 0")};
        // encounter's foreign key still names practitioner (id): the copy needs an index there
        // encounter's foreign key still names practitioner (id): the copy needs an index there
        dialect.copyTable = {QStringLiteral("CREATE TABLE %1 (KEY (id)) AS SELECT * FROM %2")};
        dialect.dropTable = QStringLiteral("DROP TABLE %1");
        checkServer(
            m_mariadb->url(), m_mariadb->spec(),
            [&](const QStringList &s) { return m_mariadb->execAsAdmin(s); }, dialect,
            QStringLiteral("mariadb"));
    }

    void cleanupTestCase()
    {
        m_mariadb.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestReconcileChecksums)
#include "tst_reconcilechecksums.moc"
