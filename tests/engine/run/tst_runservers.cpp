#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "VerifyOk.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/target/TargetSessionFactory.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;

// The run engine writing into real PostgreSQL and MariaDB servers: tables created from the
// demo's SQLite schema, the same rows as a SQLite target gets, the written-key ledger, and a
// connection killed by the server mid-run that the writer survives by reconnecting.
class TestRunServers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;
    int m_demos = 0;

    Project demo(const QString &targetUrl)
    {
        const QString dir = m_root.filePath(QStringLiteral("demo%1").arg(++m_demos));
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = 200;
        if (auto written = DemoGenerator::generate(options); !written)
            qFatal("demo: %s", qPrintable(written.error().toString()));
        auto project = ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        if (!project)
            qFatal("project: %s", qPrintable(project.error().toString()));
        project->settings.maxErrorRate = 0.5;
        if (!targetUrl.isEmpty())
            for (ConnectionDef &c : project->connections)
                if (c.name == project->targetConnection)
                    c.url = targetUrl;
        return *project;
    }

    Result<RunRecord> run(const Project &project, const QString &schemaFrom = {},
                          std::function<void(TargetSession &, int)> hook = {},
                          QStringList *notices = nullptr, RunMode mode = RunMode::Run)
    {
        RunOptions options;
        options.mode = mode;
        options.schemaFrom = schemaFrom;
        options.batchSize = 150;
        options.retryBackoffMs = 50;
        RunEngine engine(project, options, &m_passwords);
        engine.setBeforeWriteAttempt(std::move(hook));
        QMutex mutex;
        engine.setNotice([&](const QString &message) {
            QMutexLocker lock(&mutex);
            if (notices)
                notices->append(message);
        });
        RunControl control;
        // On a worker thread, the engine made and destroyed on this one, as the CLI and the
        // window run it: a connection must be closed on the thread that opened it.
        std::optional<Result<RunRecord>> record;
        std::unique_ptr<QThread> worker(QThread::create([&] { record = engine.run(control); }));
        worker->start();
        worker->wait();
        return *record;
    }

    static QHash<QString, qint64> loaded(const RunRecord &run)
    {
        QHash<QString, qint64> counts;
        for (const RunTableRecord &t : run.tables)
            counts.insert(t.tableName, t.loaded);
        return counts;
    }

    static qint64 count(TargetSession &session, const QString &table)
    {
        auto rows = session.query(QStringLiteral("SELECT COUNT(*) FROM ") + session.quote(table));
        return rows ? rows->value(0).value(0).toLongLong() : -1;
    }

    // Runs the demo into the server (tables created from modern.sqlite), killing the writer's
    // connection once, and checks it against the same demo run into SQLite.
    void checkServer(const QString &url, const ConnectionSpec &spec, const QString &pidSql,
                     const std::function<Result<void>(const QString &pid)> &kill)
    {
        const Project reference = demo({});
        auto expected = run(reference);
        VERIFY_OK(expected);

        const Project project = demo(url);
        const QString schema =
            QStringLiteral("sqlite:") + project.baseDir + QStringLiteral("/modern.sqlite");
        std::atomic<int> attempts{0};
        std::atomic<bool> killed{false};
        std::atomic<bool> terminated{false};
        QStringList notices;
        auto record = run(
            project, schema,
            [&](TargetSession &session, int attempt) {
                // The fourth batch loses its connection: the server kills it.
                if (++attempts < 4 || attempt != 1 || killed.exchange(true))
                    return;
                auto pid = session.query(pidSql);
                if (!pid)
                    qWarning("no pid: %s", qPrintable(pid.error().toString()));
                else if (auto done = kill(pid->value(0).value(0).toString()); !done)
                    qWarning("not killed: %s", qPrintable(done.error().toString()));
                else
                    terminated = true;
            },
            &notices);
        VERIFY_OK(record);
        QVERIFY2(terminated, qPrintable(runStatusName(record->status) + QLatin1Char(' ') +
                                        record->message + notices.join(QLatin1Char('\n'))));
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        QVERIFY2(notices.join('\n').contains(QStringLiteral("connection lost, retrying")),
                 qPrintable(notices.join('\n')));
        QCOMPARE(loaded(*record), loaded(*expected));
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        VERIFY_OK(session);
        for (const RunTableRecord &t : record->tables) {
            QVERIFY2(t.balances(), qPrintable(t.tableName));
            QVERIFY(t.createdTable);
            QCOMPARE(count(**session, t.tableName), t.loaded);
        }
        // The run created the tables, so rollback drops them: no row keys were recorded.
        RunLedger ledger(**session);
        auto keys = ledger.writtenKeys(record->runId, QStringLiteral("patient"));
        VERIFY_OK(keys);
        QCOMPARE(keys->size(), 0);

        // Run again: upserts change nothing, and nothing is duplicated. The tables were there
        // before this run, so it records the keys it wrote.
        auto again = run(project, schema);
        VERIFY_OK(again);
        QCOMPARE(loaded(*again), loaded(*expected));
        for (const RunTableRecord &t : again->tables) {
            QVERIFY(!t.createdTable);
            QCOMPARE(count(**session, t.tableName), t.loaded);
        }
        keys = ledger.writtenKeys(again->runId, QStringLiteral("patient"));
        VERIFY_OK(keys);
        QCOMPARE(keys->size(), loaded(*again).value(QStringLiteral("patient")));

        // A dry run into the emptied tables finds what a run finds: each batch is rolled back,
        // and the foreign keys do not refuse the children of parents that were.
        for (const char *table : {"invoice", "observation", "encounter", "patient", "practitioner"})
            VERIFY_OK((*session)->execute(QStringLiteral("DELETE FROM ") +
                                          (*session)->quote(QString::fromLatin1(table))));
        const bool postgres = spec.kind() == ConnectionSpec::Kind::PostgreSql;
        if (postgres) // as a schema of the user's own would have them
            VERIFY_OK(setForeignKeys(**session, QStringLiteral("NOT DEFERRABLE")));
        auto dry = run(project, {}, {}, nullptr, RunMode::DryRun);
        VERIFY_OK(dry);
        QCOMPARE(loaded(*dry), loaded(*expected));
        for (const RunTableRecord &t : dry->tables)
            QCOMPARE(count(**session, t.tableName), 0);
        if (postgres) { // each batch's ALTER was rolled back with it
            auto deferrable = (*session)->query(
                QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                               "condeferrable AND conrelid::regclass::text NOT LIKE 'cutover%'"));
            VERIFY_OK(deferrable);
            QCOMPARE(deferrable->value(0).value(0).toInt(), 0);
        }
    }

    static Result<void> setForeignKeys(TargetSession &session, const QString &deferrability)
    {
        auto keys = session.query(
            QStringLiteral("SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE "
                           "contype = 'f' AND conrelid::regclass::text NOT LIKE 'cutover%'"));
        if (!keys)
            return keys.error();
        if (keys->isEmpty())
            return Error(Error::Code::Schema, QStringLiteral("no foreign keys"));
        for (const QVariantList &key : std::as_const(*keys))
            if (auto altered = session.execute(QStringLiteral("ALTER TABLE %1 ALTER CONSTRAINT "
                                                              "%2 %3")
                                                   .arg(key.value(0).toString(),
                                                        session.quote(key.value(1).toString()),
                                                        deferrability));
                !altered)
                return altered;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void postgresTarget()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        m_passwords.set(m_postgres->spec(), m_postgres->password());
        checkServer(m_postgres->url(), m_postgres->spec(),
                    QStringLiteral("SELECT pg_backend_pid()"), [&](const QString &pid) {
                        return m_postgres->execAsAdmin(
                            {QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)});
                    });
    }

    void mariadbTarget()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        QTest::failOnWarning(QRegularExpression(QStringLiteral("does not belong to the calling")));
        m_mariadb = std::make_unique<MariaDbServer>();
        VERIFY_OK(m_mariadb->start());
        m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        checkServer(m_mariadb->url(), m_mariadb->spec(), QStringLiteral("SELECT CONNECTION_ID()"),
                    [&](const QString &pid) {
                        return m_mariadb->execAsAdmin({QStringLiteral("KILL %1").arg(pid)});
                    });
    }

    void cleanupTestCase()
    {
        m_mariadb.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestRunServers)
#include "tst_runservers.moc"
