#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "core/ValueText.h"
#include "demo/DemoGenerator.h"
#include "dialect/ForeignTableDefinition.h"
#include "project/ProjectReader.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/RunRollback.h"
#include "run/ledger/RunHistory.h"
#include "run/ledger/RunLedger.h"
#include "run/target/SqliteBackup.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSessionFactory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

namespace {

// What a target holds, table by table: row count and a checksum of the rows in any order.
struct TableState
{
    qint64 rows = 0;
    QByteArray checksum;
    bool operator==(const TableState &) const = default;
};
using TargetState = QMap<QString, TableState>;

const QString kPreexistingId = QStringLiteral("00000000-0000-4000-8000-000000000001");

} // namespace

// RunRollback on real targets, after real runs of the demo through RunEngine: a SQLite target
// comes back byte-for-byte in every user table from the run's backup; on PostgreSQL and MariaDB
// the tables the run created are dropped and the rows it wrote to tables that were there before
// are deleted, while the rows that were there before stay. Refusals change nothing.
class TestRunRollback : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;

    Project demo(const QString &name, qint64 patients = 120)
    {
        DemoGenerator::Options options;
        options.directory = m_dir.filePath(name);
        options.patients = patients;
        auto files = DemoGenerator::generate(options);
        if (!files.ok())
            qWarning() << files.error().toString();
        auto project = ProjectReader::load(options.directory + QLatin1Char('/') +
                                           DemoGenerator::projectFileName());
        if (!project.ok()) {
            qWarning() << project.error().toString();
            return {};
        }
        project->settings.maxErrorRate = -1; // the dirty demo must load whatever the seed gives
        return *project;
    }

    QString targetFile(const Project &project) const
    {
        return QDir(project.baseDir).filePath(DemoGenerator::targetFileName());
    }

    Result<RunRecord> run(const Project &project, const RunOptions &options)
    {
        RunEngine engine(project, options, &m_passwords);
        RunControl control;
        return engine.run(control);
    }

    Result<RunRollback::Report> rollback(const Project &project, const QString &runId,
                                         bool force = false, QStringList *notices = nullptr)
    {
        RunRollback rollback(project, &m_passwords);
        rollback.setNotice([notices](const QString &message) {
            if (notices)
                notices->append(message);
        });
        return rollback.rollback(runId, force);
    }

    std::optional<RunRecord> ledgerRun(const Project &project, const QString &runId)
    {
        RunHistory history(project, &m_passwords);
        auto found = history.find(runId);
        return found.ok() ? std::optional<RunRecord>(*found) : std::nullopt;
    }

    static QByteArray checksum(const QList<QVariantList> &rows)
    {
        QStringList lines;
        lines.reserve(rows.size());
        for (const QVariantList &row : rows) {
            QStringList cells;
            for (const QVariant &v : row)
                cells.append(v.isNull() ? QStringLiteral("<null>") : ValueText::of(v));
            lines.append(cells.join(QChar(0x1f)));
        }
        lines.sort();
        return QCryptographicHash::hash(lines.join(QChar(0x1e)).toUtf8(),
                                        QCryptographicHash::Sha256)
            .toHex();
    }

    // Every table of the target but the ledger's and the crosswalk's.
    TargetState state(const ConnectionSpec &spec)
    {
        TargetState result;
        auto schema = IntrospectorFactory::create(spec, &m_passwords)->introspect();
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        if (!schema.ok() || !session.ok()) {
            qWarning() << "cannot read the target" << spec.displayName();
            return result;
        }
        for (const TableInfo &t : schema->tables) {
            if (t.isView || t.name.startsWith(QLatin1String("cutover_")))
                continue;
            auto rows =
                (*session)->query(QStringLiteral("SELECT * FROM ") + (*session)->quote(t.name));
            if (!rows.ok()) {
                qWarning() << rows.error().toString();
                continue;
            }
            result.insert(t.name, {rows->size(), checksum(*rows)});
        }
        return result;
    }

    static ConnectionSpec sqliteSpec(const QString &path)
    {
        return ConnectionSpec::parse(QStringLiteral("sqlite:") + path).value();
    }

    static qint64 loaded(const RunRecord &run, const QString &table)
    {
        for (const RunTableRecord &t : run.tables)
            if (t.tableName == table)
                return t.loaded;
        return -1;
    }

    // The run's ledger after a rollback: rolled back, every table re-recorded as rolled back
    // with its counts kept.
    void checkRecordedRolledBack(const Project &project, const RunRecord &before,
                                 const QString &messagePart)
    {
        auto after = ledgerRun(project, before.runId);
        QVERIFY(after.has_value());
        QCOMPARE(after->status, RunStatus::RolledBack);
        QVERIFY2(after->message.contains(messagePart), qPrintable(after->message));
        QVERIFY(after->finishedAt.isValid());
        QCOMPARE(after->tables.size(), before.tables.size());
        for (const RunTableRecord &t : after->tables) {
            QCOMPARE(t.status, RunStatus::RolledBack);
            QCOMPARE(t.loaded, loaded(before, t.tableName));
        }
    }

    static void insertPreexistingPractitioner(TargetSession &session)
    {
        const QStringList columns = {QStringLiteral("id"),
                                     QStringLiteral("legacy_id"),
                                     QStringLiteral("full_name"),
                                     QStringLiteral("specialty"),
                                     QStringLiteral("license_number"),
                                     QStringLiteral("active"),
                                     QStringLiteral("hired_on")};
        VERIFY_OK(session.begin());
        VERIFY_OK(session.insertRows(QStringLiteral("practitioner"), columns,
                                     {{kPreexistingId, qint64(990001), QStringLiteral("Ada Before"),
                                       QStringLiteral("cardiology"), QStringLiteral("PRE-0001"),
                                       qint64(1), QStringLiteral("2001-02-03")}}));
        VERIFY_OK(session.commit());
    }

    // A second table that existed before the run, with a composite primary key, loaded from the
    // demo's practitioners.
    static TableMapping compositeMapping()
    {
        TableMapping m;
        m.target = QStringLiteral("practitioner_site");
        m.source = QStringLiteral("Practitioners");
        m.sourceKey = QStringLiteral("DocID");
        m.mode = TableMapping::Mode::Insert;
        ColumnMapping legacy;
        legacy.target = QStringLiteral("legacy_id");
        legacy.expression = QStringLiteral("DocID");
        ColumnMapping site;
        site.target = QStringLiteral("site_code");
        site.expression = QStringLiteral("'site-' || (DocID % 3)");
        m.columns = {legacy, site};
        return m;
    }

    void prepareServerTarget(const ConnectionSpec &spec, const Project &project)
    {
        auto source = IntrospectorFactory::create(sqliteSpec(targetFile(project)))->introspect();
        VERIFY_OK(source);
        const TableInfo *practitioner = source->table(QStringLiteral("practitioner"));
        QVERIFY(practitioner);
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        VERIFY_OK(session);
        QStringList leftOut; // the SQLite demo's GLOB checks
        const TableInfo table = cutover::ForeignTableDefinition::forTarget(
            *practitioner, ConnectionSpec::Kind::Sqlite, spec.kind(), leftOut);
        TargetPreparer preparer(**session, {table}, TargetPreparer::Options{});
        VERIFY_OK(preparer.beforeLoad());
        VERIFY_OK((*session)->execute(
            QStringLiteral("CREATE TABLE %1 (%2 BIGINT NOT NULL, %3 VARCHAR(20) NOT NULL, "
                           "PRIMARY KEY (%2, %3))")
                .arg((*session)->quote(QStringLiteral("practitioner_site")),
                     (*session)->quote(QStringLiteral("legacy_id")),
                     (*session)->quote(QStringLiteral("site_code")))));
        insertPreexistingPractitioner(**session);
        VERIFY_OK((*session)->begin());
        VERIFY_OK((*session)->insertRows(
            QStringLiteral("practitioner_site"),
            {QStringLiteral("legacy_id"), QStringLiteral("site_code")},
            {{qint64(990001), QStringLiteral("site-x")}, {qint64(1), QStringLiteral("site-x")}}));
        VERIFY_OK((*session)->commit());
    }

    // The test server, started by the first test that needs it (a skip where PostgreSQL is
    // missing, a failure in CI).
    void startPostgres()
    {
        if (m_postgres)
            return;
        if (!PostgresServer::whyUnavailable().isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("CI must run the PostgreSQL tests");
            QSKIP("PostgreSQL is not available");
        }
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        m_passwords.set(m_postgres->spec(), m_postgres->password());
    }

    struct StoppedRun
    {
        Project project;
        ConnectionSpec spec;
        RunOptions options;
        RunRecord record;
    };

    // A run into the empty PostgreSQL database name that creates the demo's tables and is
    // cancelled after 6 batch writes, before it reaches the last tables.
    std::optional<StoppedRun> stoppedPostgresRun(const QString &name)
    {
        startPostgres();
        if (!m_postgres || QTest::currentTestFailed())
            return std::nullopt;
        if (!m_postgres->execAsAdmin(
                {QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(name, m_postgres->user())})) {
            qWarning("cannot create database %s", qPrintable(name));
            return std::nullopt;
        }
        StoppedRun stopped;
        const QString url = m_postgres->url().replace(QLatin1Char('/') + m_postgres->database(),
                                                      QLatin1Char('/') + name);
        stopped.spec = *ConnectionSpec::parse(url);
        m_passwords.set(stopped.spec, m_postgres->password());
        stopped.project = demo(QStringLiteral("postgres-") + name);
        for (ConnectionDef &c : stopped.project.connections)
            if (c.name == stopped.project.targetConnection)
                c.url = url;
        stopped.options.schemaFrom = QStringLiteral("sqlite:") + targetFile(stopped.project);
        stopped.options.batchSize = 37;
        stopped.options.parallelTables = 1;
        RunControl control;
        int writes = 0;
        RunEngine engine(stopped.project, stopped.options, &m_passwords);
        engine.setBeforeWriteAttempt([&](TargetSession &, int) {
            if (++writes == 6)
                control.cancel();
        });
        auto record = engine.run(control);
        if (!record || record->status != RunStatus::Cancelled || record->tables.size() >= 5) {
            qWarning("the run did not stop before its last tables");
            return std::nullopt;
        }
        stopped.record = *record;
        return stopped;
    }

    void checkServer(const QString &label, const QString &url, const ConnectionSpec &spec)
    {
        Project project = demo(label);
        QVERIFY(!project.name.isEmpty());
        for (ConnectionDef &c : project.connections)
            if (c.name == project.targetConnection)
                c.url = url;
        for (TableMapping &m : project.mappings)
            m.mode = TableMapping::Mode::Insert;
        project.mappings.append(compositeMapping());
        prepareServerTarget(spec, project);
        if (QTest::currentTestFailed())
            return;
        const TargetState before = state(spec);
        QCOMPARE(before.keys(), (QStringList{QStringLiteral("practitioner"),
                                             QStringLiteral("practitioner_site")}));

        RunOptions options;
        options.schemaFrom = QStringLiteral("sqlite:") + targetFile(project);
        auto record = run(project, options);
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        for (const RunTableRecord &t : record->tables)
            QCOMPARE(t.createdTable, !t.tableName.startsWith(QLatin1String("practitioner")));
        {
            // Keys are recorded for the tables that were there before; a created one is dropped.
            auto session = TargetSessionFactory::open(spec, &m_passwords);
            VERIFY_OK(session);
            RunLedger ledger(**session);
            for (const RunTableRecord &t : record->tables) {
                auto keys = ledger.writtenKeys(record->runId, t.tableName);
                VERIFY_OK(keys);
                QCOMPARE(keys->size(), t.createdTable ? 0 : t.loaded);
            }
        }
        const TargetState loadedState = state(spec);
        QCOMPARE(loadedState.size(), 6);
        QVERIFY(loadedState.value(QStringLiteral("practitioner")).rows > 1);
        QVERIFY(loadedState.value(QStringLiteral("patient")).rows > 0);

        // Upserted into a table that was there before: deleting cannot give updated rows back.
        Project upserting = project;
        for (TableMapping &m : upserting.mappings)
            if (m.target == QLatin1String("practitioner"))
                m.mode = TableMapping::Mode::Upsert;
        auto refused = rollback(upserting, record->runId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::Usage);
        QVERIFY2(refused.error().message().contains(QLatin1String("upserted")),
                 qPrintable(refused.error().toString()));
        QCOMPARE(state(spec), loadedState);

        QStringList notices;
        auto report = rollback(project, record->runId.left(8), false, &notices);
        VERIFY_OK(report);
        QCOMPARE(report->runId, record->runId);
        QVERIFY(report->backupFile.isEmpty());
        QStringList dropped = report->droppedTables();
        dropped.sort();
        QCOMPARE(dropped, (QStringList{QStringLiteral("encounter"), QStringLiteral("invoice"),
                                       QStringLiteral("observation"), QStringLiteral("patient")}));
        const qint64 practitioners = loaded(*record, QStringLiteral("practitioner"));
        const qint64 sites = loaded(*record, QStringLiteral("practitioner_site"));
        QVERIFY(practitioners > 0);
        QVERIFY(sites > 0);
        QCOMPARE(report->rowsDeleted(), practitioners + sites);
        for (const RunRollback::TableOutcome &t : report->tables)
            if (!t.dropped)
                QCOMPARE(t.deleted, t.keys);
        QVERIFY(!notices.isEmpty());

        QCOMPARE(state(spec), before);
        checkRecordedRolledBack(project, *record,
                                QStringLiteral("deleted %1 rows").arg(practitioners + sites));

        auto again = rollback(project, record->runId);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message().contains(QLatin1String("already rolled back")),
                 qPrintable(again.error().toString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    // Two runs, rolled back newest first: each rollback brings back the state before its run.
    void sqliteRestoresTheStateBeforeEachRun()
    {
        const Project project = demo(QStringLiteral("sqlite"));
        QVERIFY(!project.name.isEmpty());
        const QString path = targetFile(project);
        const ConnectionSpec spec = sqliteSpec(path);
        {
            auto session = TargetSessionFactory::open(spec);
            VERIFY_OK(session);
            insertPreexistingPractitioner(**session);
        }
        const TargetState s0 = state(spec);
        QCOMPARE(s0.value(QStringLiteral("practitioner")).rows, 1);

        auto first = run(project, {});
        VERIFY_OK(first);
        QVERIFY2(first->status == RunStatus::Succeeded, qPrintable(first->message));
        const TargetState s1 = state(spec);
        QVERIFY(s1 != s0);
        QVERIFY(s1.value(QStringLiteral("patient")).rows > 0);

        RunOptions again;
        again.fresh = true;
        auto second = run(project, again);
        VERIFY_OK(second);
        QVERIFY(second->runId != first->runId);
        // The target changed after the second run's backup, so a restore would show.
        {
            auto session = TargetSessionFactory::open(spec);
            VERIFY_OK(session);
            VERIFY_OK((*session)->execute(
                QStringLiteral("UPDATE practitioner SET full_name = 'Ada After' WHERE id = ?"),
                {kPreexistingId}));
        }
        const TargetState s2 = state(spec);
        QVERIFY(s2 != s1);

        auto refused = rollback(project, first->runId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::Usage);
        QVERIFY2(refused.error().message().contains(second->runId),
                 qPrintable(refused.error().toString()));
        QCOMPARE(state(spec), s2);

        QStringList notices;
        auto undoSecond = rollback(project, second->runId.left(6), false, &notices);
        VERIFY_OK(undoSecond);
        QCOMPARE(undoSecond->backupFile, SqliteBackup::backupPath(path, second->runId));
        QVERIFY(QFileInfo::exists(undoSecond->backupFile));
        QVERIFY(notices.join(QLatin1Char('\n')).contains(undoSecond->backupFile));
        QCOMPARE(state(spec), s1);
        checkRecordedRolledBack(project, *second, undoSecond->backupFile);

        auto undoFirst = rollback(project, first->runId);
        VERIFY_OK(undoFirst);
        QCOMPARE(state(spec), s0);
        checkRecordedRolledBack(project, *first, undoFirst->backupFile);
        // The second run happened after the first one's backup: restoring it forgot the run.
        QVERIFY(!ledgerRun(project, second->runId).has_value());

        auto twice = rollback(project, first->runId);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code(), Error::Code::Usage);
        QVERIFY(twice.error().message().contains(QLatin1String("already rolled back")));
        QCOMPARE(state(spec), s0);
    }

    void sqliteRefusesWhatItCannotUndo()
    {
        const Project project = demo(QStringLiteral("refusals"), 40);
        QVERIFY(!project.name.isEmpty());
        const QString path = targetFile(project);
        const ConnectionSpec spec = sqliteSpec(path);

        RunOptions dry;
        dry.mode = RunMode::DryRun;
        auto dryRun = run(project, dry);
        VERIFY_OK(dryRun);
        auto refused = rollback(project, dryRun->runId);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::Usage);
        QVERIFY2(refused.error().message().contains(QLatin1String("dry run")),
                 qPrintable(refused.error().toString()));

        auto unknown = rollback(project, QStringLiteral("not-a-run"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code(), Error::Code::Usage);
        QVERIFY(unknown.error().message().contains(QLatin1String("no run")));

        RunOptions noBackup;
        noBackup.backupSqliteTarget = false;
        auto unsaved = run(project, noBackup);
        VERIFY_OK(unsaved);
        const TargetState loaded = state(spec);
        refused = rollback(project, unsaved->runId, true);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::Usage);
        QVERIFY2(refused.error().message().contains(QLatin1String("backup")) &&
                     refused.error().message().contains(QLatin1String("missing")),
                 qPrintable(refused.error().toString()));
        QCOMPARE(state(spec), loaded);

        // A run still marked running (perhaps loading in another process) needs --force.
        QString running;
        {
            auto session = TargetSessionFactory::open(spec);
            VERIFY_OK(session);
            RunLedger ledger(**session);
            RunRecord record;
            record.project = project.name;
            auto id = ledger.startRun(record);
            VERIFY_OK(id);
            running = *id;
        }
        VERIFY_OK(SqliteBackup::backup(path, SqliteBackup::backupPath(path, running)));
        {
            auto session = TargetSessionFactory::open(spec);
            VERIFY_OK(session);
            VERIFY_OK((*session)->execute(QStringLiteral("DELETE FROM invoice")));
        }
        refused = rollback(project, running);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QLatin1String("running")),
                 qPrintable(refused.error().toString()));
        QVERIFY(refused.error().hint().contains(QLatin1String("--force")));
        auto forced = rollback(project, running, true);
        VERIFY_OK(forced);
        QCOMPARE(forced->forced.size(), 1);
        QCOMPARE(state(spec), loaded);
        auto record = ledgerRun(project, running);
        QVERIFY(record.has_value());
        QCOMPARE(record->status, RunStatus::RolledBack);
    }

    void postgresDropsCreatedTablesAndDeletesWrittenRows()
    {
        startPostgres();
        if (!m_postgres || QTest::currentTestFailed())
            return;
        checkServer(QStringLiteral("postgres"), m_postgres->url(), m_postgres->spec());
    }

    // A run that created tables, stopped and resumed: the resumed run still knows it created
    // them (they exist by then), records no row keys for them, and rollback drops them all,
    // also those the first attempt never reached.
    void postgresResumedRunDropsTheTablesItCreated()
    {
        const auto stopped = stoppedPostgresRun(QStringLiteral("resumed"));
        if (QTest::currentTestFailed() || (!stopped && !m_postgres))
            return;
        QVERIFY(stopped);
        auto resumed = run(stopped->project, stopped->options);
        VERIFY_OK(resumed);
        QCOMPARE(resumed->runId, stopped->record.runId);
        QVERIFY2(resumed->status == RunStatus::Succeeded, qPrintable(resumed->message));
        QCOMPARE(resumed->tables.size(), 5);
        auto session = TargetSessionFactory::open(stopped->spec, &m_passwords);
        VERIFY_OK(session);
        RunLedger ledger(**session);
        for (const RunTableRecord &t : resumed->tables) {
            QVERIFY2(t.createdTable, qPrintable(t.tableName));
            auto keys = ledger.writtenKeys(resumed->runId, t.tableName);
            VERIFY_OK(keys);
            QCOMPARE(keys->size(), 0);
        }
        session->reset();

        auto report = rollback(stopped->project, resumed->runId);
        VERIFY_OK(report);
        QCOMPARE(report->droppedTables().size(), 5);
        QVERIFY(state(stopped->spec).isEmpty());
    }

    // Rolled back without a resume, a stopped run drops also the tables it created but never
    // reached (they have no table record, and they are empty).
    void postgresStoppedRunDropsTheTablesItNeverReached()
    {
        const auto stopped = stoppedPostgresRun(QStringLiteral("stopped"));
        if (QTest::currentTestFailed() || (!stopped && !m_postgres))
            return;
        QVERIFY(stopped);
        auto report = rollback(stopped->project, stopped->record.runId);
        VERIFY_OK(report);
        QCOMPARE(report->droppedTables().size(), 5);
        QVERIFY(state(stopped->spec).isEmpty());
    }

    void mysqlDropsCreatedTablesAndDeletesWrittenRows()
    {
        if (!m_mariadb) {
            if (!MariaDbServer::whyUnavailable().isEmpty()) {
                if (qEnvironmentVariableIsSet("CI"))
                    QFAIL("CI must run the MariaDB tests");
                QSKIP("MariaDB is not available");
            }
            m_mariadb = std::make_unique<MariaDbServer>();
            VERIFY_OK(m_mariadb->start());
            m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        }
        checkServer(QStringLiteral("mysql"), m_mariadb->url(), m_mariadb->spec());
    }

    void cleanupTestCase()
    {
        m_mariadb.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestRunRollback)
#include "tst_runrollback.moc"
