#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "VerifyOk.h"
#include "report/ReportStore.h"
#include "run/ledger/KeyCrosswalk.h"
#include "run/ledger/LedgerSchema.h"
#include "run/ledger/RunLedger.h"
#include "run/target/TargetSessionFactory.h"
#include "schema/CutoverTables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;

// The run ledger on a real SQLite file and a real PostgreSQL server: idempotent creation, a
// batch's bookkeeping committing or vanishing with its rows, resume, history and quarantine.
class TestRunLedger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TargetSession> m_sqlite;
    std::unique_ptr<PostgresServer> m_server;
    FakePasswordProvider m_passwords;
    std::unique_ptr<TargetSession> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;
    std::unique_ptr<TargetSession> m_mysql;
    const QString m_table = QStringLiteral("patient rows");

    static qint64 count(TargetSession &session, const QString &table, const QString &runId = {})
    {
        QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + session.quote(table);
        QVariantList params;
        if (!runId.isEmpty()) {
            sql += QStringLiteral(" WHERE run_id = ?");
            params.append(runId);
        }
        auto rows = session.query(sql, params);
        return rows ? rows->value(0).value(0).toLongLong() : -1;
    }

    void createDataTable(TargetSession &session)
    {
        VERIFY_OK(session.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (id BIGINT PRIMARY "
                                                 "KEY, name TEXT)")
                                      .arg(session.quote(m_table))));
    }

    static RunRecord runRecord(const QString &project)
    {
        RunRecord run;
        run.project = project;
        run.phase = QStringLiteral("wave 1");
        run.mappingVersion = QStringLiteral("sha256:abc");
        run.mode = RunMode::DryRun;
        run.options = QJsonObject{{QStringLiteral("batchSize"), 500}};
        return run;
    }

    static QuarantinedRow rejected(const QString &key)
    {
        QuarantinedRow row;
        row.sourceKey = key;
        row.rawValues = QJsonObject{{QStringLiteral("id"), key},
                                    {QStringLiteral("name"), QStringLiteral("O'Brien \"x\"\n")},
                                    {QStringLiteral("born"), QJsonValue::Null}};
        Violation v;
        v.kind = Violation::Kind::Rule;
        v.column = QStringLiteral("born");
        v.source = QStringLiteral("born_required");
        v.reason = QStringLiteral("is empty");
        row.violations = {v};
        return row;
    }

    // A batch of two rows, one rejected row and two written keys in one transaction.
    void writeBatch(TargetSession &session, RunLedger &ledger, const QString &runId, qint64 batch,
                    bool commit)
    {
        VERIFY_OK(session.begin());
        const qint64 first = batch * 10;
        VERIFY_OK(
            session.insertRows(m_table, {QStringLiteral("id"), QStringLiteral("name")},
                               {{first, QStringLiteral("a")}, {first + 1, QStringLiteral("b")}}));
        CheckpointRecord checkpoint;
        checkpoint.batchNo = batch;
        checkpoint.lastSourceKey = QStringLiteral("[%1]").arg(first + 2);
        checkpoint.rowsRead = 3;
        checkpoint.rowsLoaded = 2;
        checkpoint.rowsQuarantined = 1;
        VERIFY_OK(ledger.recordBatch(runId, m_table, checkpoint,
                                     {rejected(QString::number(first + 2))},
                                     {QString::number(first), QString::number(first + 1)}));
        VERIFY_OK(commit ? session.commit() : session.rollback());
    }

    void checkEnsureTwice(TargetSession &session)
    {
        RunLedger ledger(session);
        VERIFY_OK(ledger.ensureTables());
        VERIFY_OK(ledger.ensureTables());
        RunLedger other(session);
        VERIFY_OK(other.ensureTables());
        for (const QString &table : LedgerSchema::tableNames())
            QVERIFY2(count(session, table) >= 0, qPrintable(table));
    }

    void checkBatchAtomic(TargetSession &session)
    {
        createDataTable(session);
        RunLedger ledger(session);
        auto runId = ledger.startRun(runRecord(QStringLiteral("atomic")));
        VERIFY_OK(runId);
        writeBatch(session, ledger, *runId, 1, false);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(count(session, QStringLiteral("cutover_checkpoints"), *runId), 0);
        QCOMPARE(count(session, QStringLiteral("cutover_quarantine"), *runId), 0);
        QCOMPARE(count(session, QStringLiteral("cutover_written_keys"), *runId), 0);
        auto none = ledger.lastCheckpoint(*runId, m_table);
        VERIFY_OK(none);
        QVERIFY(!none->has_value());

        writeBatch(session, ledger, *runId, 1, true);
        writeBatch(session, ledger, *runId, 2, true);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(count(session, QStringLiteral("cutover_checkpoints"), *runId), 2);
        QCOMPARE(count(session, QStringLiteral("cutover_quarantine"), *runId), 2);
        QCOMPARE(count(session, QStringLiteral("cutover_written_keys"), *runId), 4);
        auto last = ledger.lastCheckpoint(*runId, m_table);
        VERIFY_OK(last);
        QVERIFY(last->has_value());
        QCOMPARE((*last)->batchNo, 2);
        QCOMPARE((*last)->lastSourceKey, QStringLiteral("[22]"));
        QCOMPARE((*last)->rowsLoaded, 2);
        QVERIFY((*last)->committedAt.isValid());
        auto keys = ledger.writtenKeys(*runId, m_table);
        VERIFY_OK(keys);
        QCOMPARE(*keys, (QStringList{QStringLiteral("10"), QStringLiteral("11"),
                                     QStringLiteral("20"), QStringLiteral("21")}));
    }

    void checkRecordNeedsTransaction(TargetSession &session)
    {
        RunLedger ledger(session);
        auto runId = ledger.startRun(runRecord(QStringLiteral("no transaction")));
        VERIFY_OK(runId);
        auto recorded = ledger.recordBatch(*runId, m_table, CheckpointRecord{}, {}, {});
        QVERIFY(!recorded.ok());
        QVERIFY(recorded.error().message().contains(QStringLiteral("transaction")));
    }

    // Keys differing only in case or trailing spaces stay distinct (VARBINARY on MySQL).
    void checkKeysKeepCase(TargetSession &session)
    {
        RunLedger ledger(session);
        auto runId = ledger.startRun(runRecord(QStringLiteral("keys")));
        VERIFY_OK(runId);
        const QStringList keys = {QStringLiteral("a"), QStringLiteral("a "), QStringLiteral("A"),
                                  QStringLiteral("\u00e9t\u00e9")};
        VERIFY_OK(session.begin());
        CheckpointRecord checkpoint;
        checkpoint.batchNo = 1;
        VERIFY_OK(ledger.recordBatch(*runId, m_table, checkpoint, {}, keys));
        // A replayed batch adds nothing twice.
        VERIFY_OK(ledger.recordBatch(*runId, m_table, checkpoint, {}, keys));
        VERIFY_OK(session.commit());
        auto written = ledger.writtenKeys(*runId, m_table);
        VERIFY_OK(written);
        QCOMPARE(written->size(), 4);
        for (const QString &key : keys)
            QVERIFY2(written->contains(key), qPrintable(key));
        QCOMPARE(count(session, QStringLiteral("cutover_checkpoints"), *runId), 1);
    }

    void checkInterruptedAndHistory(TargetSession &session)
    {
        RunLedger ledger(session);
        const QString project = QStringLiteral("history");
        auto nothing = ledger.interruptedRun(project);
        VERIFY_OK(nothing);
        QVERIFY(!nothing->has_value());

        RunRecord first = runRecord(project);
        first.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        auto done = ledger.startRun(first);
        VERIFY_OK(done);
        RunTableRecord table;
        table.runId = *done;
        table.tableName = m_table;
        table.sourceRows = 10;
        table.loaded = 7;
        table.quarantined = 2;
        table.skipped = 1;
        table.startedAt = first.startedAt;
        table.timings = QJsonObject{{QStringLiteral("write_ms"), 42}};
        table.status = RunStatus::Succeeded;
        table.watermark = QStringLiteral("2024-03-31T23:59:59");
        table.createdTable = true;
        VERIFY_OK(ledger.startTable(*done, m_table));
        VERIFY_OK(ledger.finishTable(table));
        VERIFY_OK(ledger.finishRun(*done, RunStatus::Succeeded, QStringLiteral("all good")));

        auto killed = ledger.startRun(runRecord(project));
        VERIFY_OK(killed);
        VERIFY_OK(ledger.startTable(*killed, m_table));

        auto interrupted = ledger.interruptedRun(project);
        VERIFY_OK(interrupted);
        QVERIFY(interrupted->has_value());
        QCOMPARE((*interrupted)->runId, *killed);
        QCOMPARE((*interrupted)->status, RunStatus::Running);
        QVERIFY(!(*interrupted)->finishedAt.isValid());

        auto history = ledger.runs(project);
        VERIFY_OK(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).runId, *killed);
        const RunRecord &old = history->at(1);
        QCOMPARE(old.runId, *done);
        QCOMPARE(old.status, RunStatus::Succeeded);
        QCOMPARE(old.message, QStringLiteral("all good"));
        QCOMPARE(old.phase, QStringLiteral("wave 1"));
        QCOMPARE(old.mappingVersion, QStringLiteral("sha256:abc"));
        QCOMPARE(old.mode, RunMode::DryRun);
        QCOMPARE(old.options.value(QStringLiteral("batchSize")).toInt(), 500);
        QCOMPARE(old.startedAt, first.startedAt);
        QVERIFY(old.finishedAt.isValid());
        QCOMPARE(old.tables.size(), 1);
        const RunTableRecord &t = old.tables.first();
        QCOMPARE(t.sourceRows, 10);
        QCOMPARE(t.loaded, 7);
        QCOMPARE(t.quarantined, 2);
        QCOMPARE(t.skipped, 1);
        QVERIFY(t.balances());
        QCOMPARE(t.status, RunStatus::Succeeded);
        QCOMPARE(t.timings.value(QStringLiteral("write_ms")).toInt(), 42);
        QCOMPARE(t.watermark, QStringLiteral("2024-03-31T23:59:59"));
        QVERIFY(t.createdTable);
        QVERIFY(t.finishedAt.isValid());
        QCOMPARE(history->at(0).tables.first().status, RunStatus::Running);

        // Interrupted, cancelled and failed runs are offered for resuming (RunEngine decides
        // on a failed one); a rolled-back one is not.
        for (const RunStatus status : {RunStatus::Interrupted, RunStatus::Failed}) {
            VERIFY_OK(ledger.finishRun(*killed, status));
            auto stopped = ledger.interruptedRun(project);
            VERIFY_OK(stopped);
            QVERIFY(stopped->has_value());
            QCOMPARE((*stopped)->status, status);
        }
        VERIFY_OK(ledger.finishRun(*killed, RunStatus::RolledBack));
        auto after = ledger.interruptedRun(project);
        VERIFY_OK(after);
        QVERIFY(!after->has_value());
    }

    void checkQuarantine(TargetSession &session)
    {
        createDataTable(session);
        RunLedger ledger(session);
        auto runId = ledger.startRun(runRecord(QStringLiteral("quarantine")));
        VERIFY_OK(runId);
        writeBatch(session, ledger, *runId, 5, true);
        writeBatch(session, ledger, *runId, 6, true);
        if (QTest::currentTestFailed())
            return;
        auto rows = ledger.quarantine(*runId, m_table);
        VERIFY_OK(rows);
        QCOMPARE(rows->size(), 2);
        const QuarantinedRow &row = rows->first();
        QCOMPARE(row.sourceKey, QStringLiteral("52"));
        QCOMPARE(row.runId, *runId);
        QCOMPARE(row.tableName, m_table);
        QCOMPARE(row.rawValues, rejected(QStringLiteral("52")).rawValues);
        QCOMPARE(row.violations, rejected(QStringLiteral("52")).violations);
        QVERIFY(row.quarantinedAt.isValid());
        QVERIFY(row.retriedInRun.isEmpty());

        auto raw = session.query(
            QStringLiteral(
                "SELECT raw_values, violations FROM cutover_quarantine WHERE run_id = ?"),
            {*runId});
        VERIFY_OK(raw);
        QJsonParseError error;
        QVERIFY(QJsonDocument::fromJson(raw->at(0).at(0).toString().toUtf8(), &error).isObject());
        const QJsonDocument violations =
            QJsonDocument::fromJson(raw->at(0).at(1).toString().toUtf8(), &error);
        QVERIFY(violations.isArray());
        QCOMPARE(violations.array().first()[QStringLiteral("kind")].toString(),
                 QStringLiteral("rule"));

        VERIFY_OK(ledger.markRetried(*runId, m_table, QStringLiteral("52"), QStringLiteral("r2")));
        auto retried = ledger.quarantine(*runId);
        VERIFY_OK(retried);
        QCOMPARE(retried->first().retriedInRun, QStringLiteral("r2"));
        auto other = ledger.quarantine(*runId, QStringLiteral("other table"));
        VERIFY_OK(other);
        QVERIFY(other->isEmpty());

        auto elsewhere = ledger.startRun(runRecord(QStringLiteral("another project")));
        VERIFY_OK(elsewhere);
        writeBatch(session, ledger, *elsewhere, 7, true);
        auto ours = ledger.quarantineOf(QStringLiteral("quarantine"));
        VERIFY_OK(ours);
        QCOMPARE(ours->size(), 2);
        for (const QuarantinedRow &r : std::as_const(*ours))
            QCOMPARE(r.runId, *runId);
        auto theirs = ledger.quarantineOf(QStringLiteral("another project"), *runId);
        VERIFY_OK(theirs);
        QVERIFY(theirs->isEmpty());

        // Only the keys no run loaded again, of the tables asked for.
        auto keys = ledger.quarantinedKeys({m_table});
        VERIFY_OK(keys);
        QStringList pending;
        for (const QuarantinedRow &key : std::as_const(*keys))
            if (key.runId == *runId || key.runId == *elsewhere)
                pending.append(key.sourceKey);
        pending.sort();
        QCOMPARE(pending, QStringList({"62", "72"}));
        auto none = ledger.quarantinedKeys({QStringLiteral("other table")});
        VERIFY_OK(none);
        QVERIFY(none->isEmpty());
    }

    // Rows whose source key is NULL or shared: each is kept, by its position in the read, and
    // a replayed batch replaces its rows rather than adding them again.
    void checkQuarantineKeepsEveryRow(TargetSession &session)
    {
        createDataTable(session);
        RunLedger ledger(session);
        auto runId = ledger.startRun(runRecord(QStringLiteral("every row")));
        VERIFY_OK(runId);
        QList<QuarantinedRow> rows;
        for (qint64 i = 0; i < 5; ++i) {
            QuarantinedRow row =
                rejected(i < 3 ? QStringLiteral("[null]") : QStringLiteral("[\"DUP\"]"));
            row.rowNumber = 10 + i;
            row.rawValues[QStringLiteral("id")] = 10 + i;
            rows.append(row);
        }
        CheckpointRecord checkpoint;
        checkpoint.batchNo = 1;
        checkpoint.rowsRead = 5;
        checkpoint.rowsQuarantined = 5;
        for (int replay = 0; replay < 2; ++replay) {
            VERIFY_OK(session.begin());
            VERIFY_OK(ledger.recordBatch(*runId, m_table, checkpoint, rows, {}));
            VERIFY_OK(session.commit());
        }
        auto listed = ledger.quarantine(*runId);
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 5);
        for (qsizetype i = 0; i < 5; ++i) {
            QCOMPARE(listed->at(i).rowNumber, 10 + i);
            QCOMPARE(listed->at(i).sourceKey, rows.at(i).sourceKey);
            QCOMPARE(listed->at(i).rawValues, rows.at(i).rawValues);
        }
        VERIFY_OK(
            ledger.markRetried(*runId, m_table, QStringLiteral("[null]"), QStringLiteral("r3")));
        auto retried = ledger.quarantine(*runId);
        VERIFY_OK(retried);
        qint64 marked = 0;
        for (const QuarantinedRow &row : std::as_const(*retried))
            marked += row.retriedInRun == QStringLiteral("r3") ? 1 : 0;
        QCOMPARE(marked, 3);
    }

    // A ledger from before row_no (one row per source key) gets the column and the wider key,
    // keeping its rows.
    void checkQuarantineUpgraded(TargetSession &session)
    {
        const bool mysql = session.kind() == ConnectionSpec::Kind::MySql;
        const QString id = mysql ? QStringLiteral("VARCHAR(36)") : QStringLiteral("TEXT");
        const QString name = mysql ? QStringLiteral("VARCHAR(191)") : QStringLiteral("TEXT");
        const QString key = mysql ? QStringLiteral("VARBINARY(2048)") : QStringLiteral("TEXT");
        const QString json = mysql ? QStringLiteral("LONGTEXT") : QStringLiteral("TEXT");
        const QString time = mysql ? QStringLiteral("VARCHAR(40)") : QStringLiteral("TEXT");
        VERIFY_OK(session.execute(QStringLiteral("DROP TABLE cutover_quarantine")));
        VERIFY_OK(session.execute(
            QStringLiteral("CREATE TABLE cutover_quarantine (run_id %1 NOT NULL, table_name %2 NOT "
                           "NULL, source_key %3 NOT NULL, raw_values %4 NOT NULL, violations %4 "
                           "NOT NULL, quarantined_at %5 NOT NULL, retried_in_run %1, PRIMARY KEY "
                           "(run_id, table_name, source_key))")
                .arg(id, name, key, json, time)));
        VERIFY_OK(session.execute(
            QStringLiteral("INSERT INTO cutover_quarantine VALUES ('old run', 'item', '[7]', "
                           "'{\"id\":7}', '[]', '2024-01-01T00:00:00.000Z', NULL)")));
        RunLedger ledger(session);
        VERIFY_OK(ledger.ensureTables());
        VERIFY_OK(ledger.ensureTables());
        auto old = ledger.quarantine(QStringLiteral("old run"));
        VERIFY_OK(old);
        QCOMPARE(old->size(), 1);
        QCOMPARE(old->first().sourceKey, QStringLiteral("[7]"));
        QCOMPARE(old->first().rowNumber, 0);
        checkQuarantineKeepsEveryRow(session);
    }

    // Keys sort as their type does, whatever order the database keeps the key's text in.
    void checkQuarantineKeyOrder(TargetSession &session)
    {
        RunLedger ledger(session);
        auto runId = ledger.startRun(runRecord(QStringLiteral("key order")));
        VERIFY_OK(runId);
        const QList<QStringList> tables = {
            {QStringLiteral("[102]"), QStringLiteral("[1004]"), QStringLiteral("[1015]"),
             QStringLiteral("[-3]"), QStringLiteral("[11]"), QStringLiteral("[2.5]")},
            {QStringLiteral("[\"b\"]"), QStringLiteral("[\"ab\"]"), QStringLiteral("[\"B\"]"),
             QStringLiteral("[\"a\"]"), QStringLiteral("[\"\u00e9\"]")},
            {QStringLiteral("[10,\"a\"]"), QStringLiteral("[2,\"z\"]"), QStringLiteral("[1,\"b\"]"),
             QStringLiteral("[1,\"a\"]")},
            {QStringLiteral("#10"), QStringLiteral("#9"), QStringLiteral("#100")}};
        VERIFY_OK(session.begin());
        for (qsizetype t = 0; t < tables.size(); ++t) {
            QList<QuarantinedRow> rows;
            for (const QString &key : tables.at(t))
                rows.append(rejected(key));
            CheckpointRecord checkpoint;
            checkpoint.batchNo = 1;
            VERIFY_OK(ledger.recordBatch(*runId, QStringLiteral("table %1").arg(t), checkpoint,
                                         rows, {}));
        }
        VERIFY_OK(session.commit());
        const QList<QStringList> expected = {
            {QStringLiteral("[-3]"), QStringLiteral("[2.5]"), QStringLiteral("[11]"),
             QStringLiteral("[102]"), QStringLiteral("[1004]"), QStringLiteral("[1015]")},
            {QStringLiteral("[\"B\"]"), QStringLiteral("[\"a\"]"), QStringLiteral("[\"ab\"]"),
             QStringLiteral("[\"b\"]"), QStringLiteral("[\"\u00e9\"]")},
            {QStringLiteral("[1,\"a\"]"), QStringLiteral("[1,\"b\"]"), QStringLiteral("[2,\"z\"]"),
             QStringLiteral("[10,\"a\"]")},
            {QStringLiteral("#9"), QStringLiteral("#10"), QStringLiteral("#100")}};
        for (qsizetype t = 0; t < tables.size(); ++t) {
            auto rows = ledger.quarantine(*runId, QStringLiteral("table %1").arg(t));
            VERIFY_OK(rows);
            QStringList keys;
            for (const QuarantinedRow &row : std::as_const(*rows))
                keys.append(row.sourceKey);
            QCOMPARE(keys, expected.at(t));
        }
        auto all = ledger.quarantine(*runId);
        VERIFY_OK(all);
        QCOMPARE(all->size(), 18);
        QCOMPARE(all->first().sourceKey, QStringLiteral("[-3]"));
    }

    TargetSession *postgres()
    {
        if (m_postgres)
            return m_postgres.get();
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            return nullptr;
        m_server = std::make_unique<PostgresServer>();
        if (!m_server->start().ok())
            return nullptr;
        m_passwords.set(m_server->spec(), m_server->password());
        auto session = TargetSessionFactory::open(m_server->spec(), &m_passwords);
        if (!session.ok())
            return nullptr;
        m_postgres = std::move(session).value();
        return m_postgres.get();
    }

    TargetSession *mysql()
    {
        if (m_mysql)
            return m_mysql.get();
        if (!MariaDbServer::whyUnavailable().isEmpty())
            return nullptr;
        m_mariadb = std::make_unique<MariaDbServer>();
        if (!m_mariadb->start().ok())
            return nullptr;
        m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        auto session = TargetSessionFactory::open(m_mariadb->spec(), &m_passwords);
        if (!session.ok())
            return nullptr;
        m_mysql = std::move(session).value();
        return m_mysql.get();
    }

#define ON_SERVER(server, name, check)                                                             \
    do {                                                                                           \
        TargetSession *session = server();                                                         \
        if (!session) {                                                                            \
            if (qEnvironmentVariableIsSet("CI"))                                                   \
                QFAIL("CI must run the " name " tests");                                           \
            QSKIP(name " is not available");                                                       \
        }                                                                                          \
        check(*session);                                                                           \
    } while (false)
#define ON_POSTGRES(check) ON_SERVER(postgres, "PostgreSQL", check)
#define ON_MYSQL(check) ON_SERVER(mysql, "MariaDB", check)

private Q_SLOTS:
    // CutoverTables, which validation and the schema view read, names exactly the tables the
    // ledger (LedgerSchema), the key crosswalk and the report store create.
    void cutoverTablesNamesEveryTableCutoverKeeps()
    {
        QStringList created = LedgerSchema::tableNames();
        created << cutover::KeyCrosswalk::tableName() << cutover::ReportStore::tableName();
        QStringList known = cutover::CutoverTables::names();
        created.sort();
        known.sort();
        QCOMPARE(known, created);
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("target.db")));
        QVERIFY(spec.ok());
        auto session = TargetSessionFactory::open(*spec);
        VERIFY_OK(session);
        m_sqlite = std::move(session).value();
    }

    void sqliteEnsureTablesTwice()
    {
        checkEnsureTwice(*m_sqlite);
    }
    void sqliteBatchCommitsWithRows()
    {
        checkBatchAtomic(*m_sqlite);
    }
    void sqliteRecordNeedsTransaction()
    {
        checkRecordNeedsTransaction(*m_sqlite);
    }
    void sqliteKeysKeepCase()
    {
        checkKeysKeepCase(*m_sqlite);
    }
    void sqliteInterruptedRunAndHistory()
    {
        checkInterruptedAndHistory(*m_sqlite);
    }
    void sqliteQuarantine()
    {
        checkQuarantine(*m_sqlite);
    }
    void sqliteQuarantineKeepsEveryRow()
    {
        checkQuarantineKeepsEveryRow(*m_sqlite);
    }
    void sqliteQuarantineUpgraded()
    {
        checkQuarantineUpgraded(*m_sqlite);
    }

    void sqliteQuarantineInKeyOrder()
    {
        checkQuarantineKeyOrder(*m_sqlite);
    }

    void postgresEnsureTablesTwice()
    {
        ON_POSTGRES(checkEnsureTwice);
    }
    void postgresBatchCommitsWithRows()
    {
        ON_POSTGRES(checkBatchAtomic);
    }
    void postgresKeysKeepCase()
    {
        ON_POSTGRES(checkKeysKeepCase);
    }
    void postgresInterruptedRunAndHistory()
    {
        ON_POSTGRES(checkInterruptedAndHistory);
    }
    void postgresQuarantine()
    {
        ON_POSTGRES(checkQuarantine);
    }
    void postgresQuarantineKeepsEveryRow()
    {
        ON_POSTGRES(checkQuarantineKeepsEveryRow);
    }
    void postgresQuarantineUpgraded()
    {
        ON_POSTGRES(checkQuarantineUpgraded);
    }

    void postgresQuarantineInKeyOrder()
    {
        ON_POSTGRES(checkQuarantineKeyOrder);
    }

    void mysqlEnsureTablesTwice()
    {
        ON_MYSQL(checkEnsureTwice);
    }
    void mysqlBatchCommitsWithRows()
    {
        ON_MYSQL(checkBatchAtomic);
    }
    void mysqlKeysKeepCase()
    {
        ON_MYSQL(checkKeysKeepCase);
    }
    void mysqlInterruptedRunAndHistory()
    {
        ON_MYSQL(checkInterruptedAndHistory);
    }
    void mysqlQuarantine()
    {
        ON_MYSQL(checkQuarantine);
    }
    void mysqlQuarantineKeepsEveryRow()
    {
        ON_MYSQL(checkQuarantineKeepsEveryRow);
    }
    void mysqlQuarantineUpgraded()
    {
        ON_MYSQL(checkQuarantineUpgraded);
    }

    void mysqlQuarantineInKeyOrder()
    {
        ON_MYSQL(checkQuarantineKeyOrder);
    }

    void cleanupTestCase()
    {
        m_mysql.reset();
        m_mariadb.reset();
        m_postgres.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestRunLedger)
#include "tst_runledger.moc"
