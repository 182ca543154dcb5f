#include "SqliteFile.h"
#include "VerifyOk.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"

#include <QCryptographicHash>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace cutover;
using cutover::test::SqliteFile;

namespace {

const QStringList kTables = {QStringLiteral("practitioner"), QStringLiteral("patient"),
                             QStringLiteral("encounter"), QStringLiteral("observation"),
                             QStringLiteral("invoice")};

// Every row of every demo table, in key order, hashed: equal digests mean equal targets.
QString digest(const QString &path, const QStringList &tables = kTables)
{
    const QString name = QUuid::createUuid().toString();
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot open");
        for (const QString &table : tables) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY id").arg(table));
            qint64 rows = 0;
            while (q.next()) {
                ++rows;
                for (int c = 0; c < q.record().count(); ++c)
                    hash.addData(q.value(c).toString().toUtf8() + '\x1f');
                hash.addData("\n");
            }
            result += QStringLiteral("%1:%2:%3 ")
                          .arg(table)
                          .arg(rows)
                          .arg(QString::fromLatin1(hash.result().toHex().left(12)));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

qint64 rowCount(const QString &path, const QString &table, const QString &where = {})
{
    return SqliteFile::scalar(
               path,
               QStringLiteral("SELECT count(*) FROM \"%1\"%2")
                   .arg(table, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where))
        .toLongLong();
}

} // namespace

// The run engine against real SQLite files: the demo migrated end to end, the row ledger,
// idempotent re-runs, resume after a cancel, dry runs, phases, thresholds, the target's own
// refusals, incremental sync and retrying quarantined rows.
class TestRunEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    int m_demos = 0;

    // A fresh demo (source, empty target, project) in its own folder.
    Project demo(qint64 patients = 300)
    {
        const QString dir = m_root.filePath(QStringLiteral("demo%1").arg(++m_demos));
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = patients;
        auto written = DemoGenerator::generate(options);
        if (!written)
            qFatal("demo: %s", qPrintable(written.error().toString()));
        auto project = ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        if (!project)
            qFatal("project: %s", qPrintable(project.error().toString()));
        // A small demo has proportionally more orphans than the project's limit allows.
        project->settings.maxErrorRate = 0.5;
        return *project;
    }

    static QString target(const Project &project)
    {
        return project.baseDir + QStringLiteral("/modern.sqlite");
    }

    static Result<RunRecord> run(const Project &project, RunOptions options = {},
                                 RunControl *control = nullptr,
                                 std::function<void(TargetSession &, int)> hook = {})
    {
        RunEngine engine(project, options);
        engine.setBeforeWriteAttempt(std::move(hook));
        RunControl own;
        return engine.run(control ? *control : own);
    }

    static const RunTableRecord *tableOf(const RunRecord &run, const QString &table)
    {
        for (const RunTableRecord &t : run.tables)
            if (t.tableName == table)
                return &t;
        return nullptr;
    }

private Q_SLOTS:
    void demoRunBalancesAndMatchesTheTarget()
    {
        Project project = demo();
        auto record = run(project);
        VERIFY_OK(record);
        QCOMPARE(record->status, RunStatus::Succeeded);
        QCOMPARE(record->tables.size(), kTables.size());
        qint64 quarantined = 0;
        for (const RunTableRecord &t : record->tables) {
            QVERIFY2(t.balances(), qPrintable(t.tableName));
            QCOMPARE(t.status, RunStatus::Succeeded);
            QCOMPARE(t.skipped, 0);
            QVERIFY(t.sourceRows > 0);
            // What the ledger says was loaded is what the target holds.
            QCOMPARE(rowCount(target(project), t.tableName), t.loaded);
            QCOMPARE(rowCount(target(project), QStringLiteral("cutover_quarantine"),
                              QStringLiteral("table_name = '%1'").arg(t.tableName)),
                     t.quarantined);
            for (const char *stage : {"read_ms", "transform_ms", "write_ms", "total_ms"})
                QVERIFY2(t.timings.contains(QLatin1String(stage)), stage);
            quarantined += t.quarantined;
        }
        // The demo is dirty on purpose: some rows are quarantined, most load.
        QVERIFY(quarantined > 0);
        QCOMPARE(tableOf(*record, QStringLiteral("practitioner"))->quarantined, 0);
        // The patient whose status code was retired ('M') is quarantined with its reason.
        const QString reasons = SqliteFile::scalar(
            target(project), QStringLiteral("SELECT group_concat(violations) FROM "
                                            "cutover_quarantine WHERE table_name = 'patient'"));
        QVERIFY(reasons.contains(QStringLiteral("\"kind\":\"rule\"")));
        QVERIFY(reasons.contains(QStringLiteral("patient-email-unique")));
        // A SQLite target is backed up first.
        QVERIFY(
            QFile::exists(target(project) + QStringLiteral(".cutover-backup-") + record->runId));
    }

    // The key crosswalk holds each table's own pairs once: one per source row, every loaded id
    // among them, and none a child's reference made (the demo's orphans refer to patients and
    // visits its source does not have).
    void crosswalkHoldsEachTablesOwnKeys()
    {
        Project project = demo();
        auto record = run(project);
        VERIFY_OK(record);
        QCOMPARE(record->status, RunStatus::Succeeded);
        const QString crosswalk = QStringLiteral("cutover_key_crosswalk");
        for (const RunTableRecord &t : record->tables) {
            const QString inNamespace = QStringLiteral("namespace = '%1'").arg(t.tableName);
            QCOMPARE(rowCount(target(project), crosswalk, inNamespace), t.sourceRows);
            QCOMPARE(rowCount(target(project), t.tableName,
                              QStringLiteral("id NOT IN (SELECT target_key FROM %1 WHERE %2)")
                                  .arg(crosswalk, inNamespace)),
                     0);
        }
        QVERIFY(rowCount(target(project), QStringLiteral("encounter"),
                         QStringLiteral("patient_id NOT IN (SELECT id FROM patient)")) == 0);
        QVERIFY(tableOf(*record, QStringLiteral("encounter"))->quarantined > 0);
    }

    // The run loads a SQLite target in WAL mode and gives the file its own journal mode back
    // (WAL is the only mode a file keeps; any other is a connection's, "delete" by default).
    void sqliteTargetLoadsInWalAndKeepsItsJournalMode()
    {
        for (const QString &mode : {QStringLiteral("delete"), QStringLiteral("wal")}) {
            Project project = demo();
            QCOMPARE(SqliteFile::scalar(target(project),
                                        QStringLiteral("PRAGMA journal_mode = %1").arg(mode)),
                     mode);
            QStringList during;
            auto record = run(project, {}, nullptr, [&during](TargetSession &session, int) {
                auto rows = session.query(QStringLiteral("PRAGMA journal_mode"));
                during.append(rows && !rows->isEmpty() ? rows->first().first().toString()
                                                       : QStringLiteral("?"));
            });
            VERIFY_OK(record);
            QCOMPARE(record->status, RunStatus::Succeeded);
            QVERIFY(!during.isEmpty());
            QCOMPARE(during.count(QStringLiteral("wal")), during.size());
            QCOMPARE(SqliteFile::scalar(target(project), QStringLiteral("PRAGMA journal_mode")),
                     mode);
            if (mode != QLatin1String("wal"))
                QVERIFY(!QFile::exists(target(project) + QStringLiteral("-wal")));
        }
    }

    void runFailingToPrepareLeavesTheJournalModeAsItWas()
    {
        Project project = demo();
        RunOptions options;
        options.tables = {QStringLiteral("practitioner")};
        VERIFY_OK(run(project, options));
        // Emptying the table for truncate-and-load fails after the run switched it to WAL.
        QCOMPARE(SqliteFile::create(target(project),
                                    {QStringLiteral("CREATE TRIGGER keep BEFORE DELETE ON "
                                                    "practitioner BEGIN SELECT RAISE(ABORT, "
                                                    "'keep them'); END")}),
                 QString());
        for (TableMapping &m : project.mappings)
            if (m.target == QLatin1String("practitioner"))
                m.mode = TableMapping::Mode::TruncateLoad;
        auto record = run(project, options);
        QVERIFY(!record.ok());
        QVERIFY2(record.error().toString().contains(QStringLiteral("keep them")),
                 qPrintable(record.error().toString()));
        QCOMPARE(SqliteFile::scalar(target(project), QStringLiteral("PRAGMA journal_mode")),
                 QStringLiteral("delete"));
    }

    void runningAFinishedProjectAgainChangesNothing()
    {
        Project project = demo();
        VERIFY_OK(run(project));
        const QString first = digest(target(project));
        auto again = run(project);
        VERIFY_OK(again);
        QCOMPARE(again->status, RunStatus::Succeeded);
        QCOMPARE(digest(target(project)), first);
    }

    void cancelledRunResumesToTheSameTarget()
    {
        Project reference = demo();
        RunOptions options;
        options.batchSize = 97; // many batches, none aligned with anything
        VERIFY_OK(run(reference, options));
        const QString expected = digest(target(reference));

        Project project = demo();
        RunControl control;
        int writes = 0;
        auto stopped = run(project, options, &control, [&](TargetSession &, int) {
            if (++writes == 12)
                control.cancel();
        });
        VERIFY_OK(stopped);
        QCOMPARE(stopped->status, RunStatus::Cancelled);
        QVERIFY(digest(target(project)) != expected);
        const qint64 loadedBefore = rowCount(target(project), QStringLiteral("patient"));
        QVERIFY(loadedBefore > 0);

        auto resumed = run(project, options);
        VERIFY_OK(resumed);
        QCOMPARE(resumed->runId, stopped->runId);
        QVERIFY2(resumed->status == RunStatus::Succeeded, qPrintable(resumed->message));
        for (const RunTableRecord &t : resumed->tables)
            QVERIFY2(t.balances(), qPrintable(t.tableName));
        QCOMPARE(digest(target(project)), expected);
        // Every source row was read once: no batch twice, none skipped.
        QCOMPARE(rowCount(target(project), QStringLiteral("cutover_checkpoints"),
                          QStringLiteral("table_name = 'patient'")),
                 qint64(std::ceil(300.0 / 97.0)));
    }

    void freshStartsOverInsteadOfResuming()
    {
        Project project = demo();
        RunControl control;
        auto stopped = run(project, {}, &control, [&](TargetSession &, int) { control.cancel(); });
        VERIFY_OK(stopped);
        RunOptions options;
        options.fresh = true;
        auto fresh = run(project, options);
        VERIFY_OK(fresh);
        QVERIFY(fresh->runId != stopped->runId);
        QCOMPARE(fresh->status, RunStatus::Succeeded);
    }

    void dryRunWritesNothingButFindsBadRows()
    {
        Project project = demo();
        const QString before = digest(target(project));
        RunOptions options;
        options.mode = RunMode::DryRun;
        auto dry = run(project, options);
        VERIFY_OK(dry);
        QCOMPARE(dry->mode, RunMode::DryRun);
        QCOMPARE(digest(target(project)), before);
        const RunTableRecord *patient = tableOf(*dry, QStringLiteral("patient"));
        QVERIFY(patient && patient->quarantined > 0 && patient->balances());
        QCOMPARE(rowCount(target(project), QStringLiteral("cutover_quarantine"),
                          QStringLiteral("run_id = '%1'").arg(dry->runId)),
                 [&] {
                     qint64 n = 0;
                     for (const RunTableRecord &t : dry->tables)
                         n += t.quarantined;
                     return n;
                 }());
        // The same counts as a real run, children too: the target's foreign keys do not refuse
        // the rows whose parents the dry run rolled back.
        auto real = run(project);
        VERIFY_OK(real);
        for (const RunTableRecord &t : real->tables) {
            QVERIFY2(t.loaded > 0, qPrintable(t.tableName));
            QCOMPARE(tableOf(*dry, t.tableName)->loaded, t.loaded);
            QCOMPARE(tableOf(*dry, t.tableName)->quarantined, t.quarantined);
        }
    }

    // A dry run keeps the keys it would load for the reference rules of later tables, and asks
    // the target only about tables that held rows before it: here every patient row of the
    // source with an even id is gone since a real run loaded them all, and the encounters of
    // those patients still find them in the target.
    void dryRunFindsParentsOnlyTheTargetHas()
    {
        Project project = demo();
        auto real = run(project);
        VERIFY_OK(real);
        const QString legacy = project.baseDir + QStringLiteral("/legacy.sqlite");
        QVERIFY(SqliteFile::scalar(legacy, QStringLiteral("SELECT count(*) FROM PATIENTS WHERE "
                                                          "PAT_ID % 2 = 0"))
                    .toLongLong() > 50);
        QCOMPARE(SqliteFile::create(legacy,
                                    {QStringLiteral("DELETE FROM PATIENTS WHERE PAT_ID % 2 = 0")}),
                 QString());
        RunOptions options;
        options.mode = RunMode::DryRun;
        options.tables = {QStringLiteral("practitioner"), QStringLiteral("patient"),
                          QStringLiteral("encounter")};
        auto dry = run(project, options);
        VERIFY_OK(dry);
        QVERIFY(tableOf(*dry, QStringLiteral("patient"))->loaded <
                tableOf(*real, QStringLiteral("patient"))->loaded / 2 + 10);
        QCOMPARE(tableOf(*dry, QStringLiteral("encounter"))->loaded,
                 tableOf(*real, QStringLiteral("encounter"))->loaded);

        // An empty target has only what the run loads: the encounters of the missing
        // patients are quarantined, in a dry run as in a real one.
        Project fresh = demo();
        const QString freshLegacy = fresh.baseDir + QStringLiteral("/legacy.sqlite");
        QCOMPARE(SqliteFile::create(freshLegacy,
                                    {QStringLiteral("DELETE FROM PATIENTS WHERE PAT_ID % 2 = 0")}),
                 QString());
        auto freshDry = run(fresh, options);
        VERIFY_OK(freshDry);
        RunOptions realOptions;
        realOptions.tables = options.tables;
        auto freshReal = run(fresh, realOptions);
        VERIFY_OK(freshReal);
        const RunTableRecord *encounter = tableOf(*freshReal, QStringLiteral("encounter"));
        QVERIFY(encounter->loaded < tableOf(*real, QStringLiteral("encounter"))->loaded * 3 / 4);
        QCOMPARE(tableOf(*freshDry, QStringLiteral("encounter"))->loaded, encounter->loaded);
        QCOMPARE(tableOf(*freshDry, QStringLiteral("encounter"))->quarantined,
                 encounter->quarantined);
    }

    // A unique rule holds across runs, not only within one: a later phase's row whose value a
    // row of an earlier phase has is quarantined by the rule, though the target has no UNIQUE
    // constraint on the column (an index to find the rows by is enough). Loading the same rows
    // again (the same keys) is no duplicate.
    void uniqueRuleSeesRowsOfEarlierRuns()
    {
        Project project = demo();
        Rule unique;
        unique.name = QStringLiteral("patient-phone-unique");
        unique.table = QStringLiteral("patient");
        unique.column = QStringLiteral("phone");
        unique.kind = Rule::Kind::Unique;
        project.rules.append(unique);
        const QString legacy = project.baseDir + QStringLiteral("/legacy.sqlite");
        // The first patient outside Berlin (wave-2) gets the phone of the last Berlin one
        // (wave-1); both have a phone the mapping keeps.
        const QString first = SqliteFile::scalar(
            legacy, QStringLiteral("SELECT min(PAT_ID) FROM PATIENTS WHERE SITE_CODE <> 'BER' AND "
                                   "PHONE LIKE '+49%'"));
        const QString last = SqliteFile::scalar(
            legacy, QStringLiteral("SELECT max(PAT_ID) FROM PATIENTS WHERE SITE_CODE = 'BER' AND "
                                   "PHONE LIKE '+49%'"));
        QVERIFY(first.toInt() > 0 && last.toInt() > first.toInt());
        QCOMPARE(
            SqliteFile::create(target(project),
                               {QStringLiteral("CREATE INDEX patient_phone ON patient (phone)")}),
            QString());
        QCOMPARE(SqliteFile::create(legacy, {QStringLiteral("UPDATE PATIENTS SET PHONE = (SELECT "
                                                            "PHONE FROM PATIENTS WHERE PAT_ID = "
                                                            "%1) WHERE PAT_ID = %2")
                                                 .arg(last, first)}),
                 QString());
        for (const QString &phase : {QStringLiteral("reference-data"), QStringLiteral("wave-1"),
                                     QStringLiteral("wave-2")}) {
            RunOptions options;
            options.phase = phase;
            auto run = this->run(project, options);
            VERIFY_OK(run);
            QVERIFY2(run->status == RunStatus::Succeeded, qPrintable(run->message));
        }
        const QString path = target(project);
        QCOMPARE(rowCount(path, QStringLiteral("patient"), QStringLiteral("legacy_id = ") + last),
                 1);
        QCOMPARE(rowCount(path, QStringLiteral("patient"), QStringLiteral("legacy_id = ") + first),
                 0);
        QCOMPARE(rowCount(path, QStringLiteral("cutover_quarantine"),
                          QStringLiteral("table_name = 'patient' AND source_key = '[%1]' AND "
                                         "violations LIKE '%already in the target%' AND violations "
                                         "LIKE '%patient-phone-unique%'")
                              .arg(first)),
                 1);
        QCOMPARE(SqliteFile::scalar(path, QStringLiteral("SELECT count(*) FROM (SELECT phone FROM "
                                                         "patient WHERE phone IS NOT NULL GROUP "
                                                         "BY phone HAVING count(*) > 1)")),
                 QStringLiteral("0"));

        // All tables again, as upserts of the same keys (the demo's mappings upsert): nothing
        // is a duplicate of itself.
        const qint64 before = rowCount(path, QStringLiteral("patient"));
        auto rerun = run(project);
        VERIFY_OK(rerun);
        QVERIFY2(rerun->status == RunStatus::Succeeded, qPrintable(rerun->message));
        QCOMPARE(rowCount(path, QStringLiteral("patient")), before);
        QCOMPARE(rowCount(path, QStringLiteral("cutover_quarantine"),
                          QStringLiteral("run_id = '%1' AND violations LIKE '%already in the "
                                         "target%'")
                              .arg(rerun->runId)),
                 1); // only the phone's second holder, again
    }

    void phaseRunsItsTablesAndFilterOnly()
    {
        Project project = demo();
        RunOptions reference;
        reference.phase = QStringLiteral("reference-data");
        auto first = run(project, reference);
        VERIFY_OK(first);
        QCOMPARE(first->tables.size(), 1);
        QCOMPARE(first->phase, QStringLiteral("reference-data"));
        QCOMPARE(rowCount(target(project), QStringLiteral("patient")), 0);

        RunOptions wave;
        wave.phase = QStringLiteral("wave-1");
        auto second = run(project, wave);
        VERIFY_OK(second);
        const RunTableRecord *patient = tableOf(*second, QStringLiteral("patient"));
        QVERIFY(patient);
        QVERIFY(patient->skipped > 0); // the other sites' patients
        QVERIFY(patient->balances());
        QCOMPARE(
            rowCount(target(project), QStringLiteral("patient"), QStringLiteral("site <> 'BER'")),
            0);
        QVERIFY(rowCount(target(project), QStringLiteral("patient")) > 0);

        RunOptions unknown;
        unknown.phase = QStringLiteral("wave-9");
        auto refused = run(project, unknown);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message().contains(QStringLiteral("wave-9")));

        // Emptying a truncate-and-load table for wave-2 would delete wave-1's rows: refused,
        // with nothing changed; an incremental run of the phase empties nothing and may run.
        const qint64 berlin = rowCount(target(project), QStringLiteral("invoice"));
        QVERIFY(berlin > 0);
        for (TableMapping &m : project.mappings)
            if (m.target == QLatin1String("invoice"))
                m.mode = TableMapping::Mode::TruncateLoad;
        RunOptions wave2;
        wave2.phase = QStringLiteral("wave-2");
        auto truncating = run(project, wave2);
        QVERIFY(!truncating.ok());
        QVERIFY2(truncating.error().message().contains(QStringLiteral("truncate-and-load")),
                 qPrintable(truncating.error().message()));
        QCOMPARE(rowCount(target(project), QStringLiteral("invoice")), berlin);
        wave2.mode = RunMode::Incremental;
        VERIFY_OK(run(project, wave2));
        QVERIFY(rowCount(target(project), QStringLiteral("invoice")) > berlin);
    }

    void thresholdStopsAtABatchBoundary()
    {
        Project project = demo();
        project.settings.maxQuarantined = 5;
        RunOptions options;
        options.batchSize = 50;
        auto stopped = run(project, options);
        VERIFY_OK(stopped);
        QCOMPARE(stopped->status, RunStatus::Failed);
        QVERIFY2(stopped->message.contains(QStringLiteral("settings.maxQuarantined")),
                 qPrintable(stopped->message));
        QVERIFY(stopped->message.contains(QStringLiteral("rollback trigger")));
        // Stopped at a boundary: what is loaded is whole batches, recorded as such.
        const qint64 loaded = rowCount(target(project), QStringLiteral("patient"));
        const RunTableRecord *patient = tableOf(*stopped, QStringLiteral("patient"));
        QVERIFY(patient);
        QCOMPARE(patient->loaded, loaded);
        QVERIFY(loaded < 300);
        QVERIFY(!tableOf(*stopped, QStringLiteral("observation")) ||
                tableOf(*stopped, QStringLiteral("observation"))->loaded == 0);
    }

    // A table's own limits override the project's: a strict one stops the run in that table,
    // a lenient one lets it load what the project's limit would have stopped. The whole run's
    // share is a trigger of its own.
    void tableAndRunThresholds()
    {
        Project strict = demo();
        strict.settings.maxErrorRate = 0.9;
        for (TableMapping &m : strict.mappings)
            if (m.target == QLatin1String("encounter"))
                m.maxQuarantined = 3;
        auto stopped = run(strict);
        VERIFY_OK(stopped);
        QCOMPARE(stopped->status, RunStatus::Failed);
        QVERIFY2(stopped->message.contains(QStringLiteral("maxQuarantined of the mapping to "
                                                          "encounter")),
                 qPrintable(stopped->message));
        QVERIFY(tableOf(*stopped, QStringLiteral("patient"))->status == RunStatus::Succeeded);

        Project lenient = demo();
        lenient.settings.maxErrorRate = 0.001; // every table quarantines more than this
        for (TableMapping &m : lenient.mappings)
            m.maxErrorRate = 0.5;
        auto loaded = run(lenient);
        VERIFY_OK(loaded);
        QVERIFY2(loaded->status == RunStatus::Succeeded, qPrintable(loaded->message));

        Project wholeRun = demo();
        wholeRun.settings.maxRunErrorRate = 0.001;
        auto overall = run(wholeRun);
        VERIFY_OK(overall);
        QCOMPARE(overall->status, RunStatus::Failed);
        QVERIFY2(overall->message.contains(QStringLiteral("of all rows read were quarantined")) &&
                     overall->message.contains(QStringLiteral("settings.maxRunErrorRate")),
                 qPrintable(overall->message));
    }

    void targetRefusalIsQuarantinedNotFatal()
    {
        Project project = demo();
        // A CHECK the mapping and rules know nothing about: the target refuses those rows.
        QCOMPARE(
            SqliteFile::create(target(project),
                               {QStringLiteral("CREATE TRIGGER refuse_h BEFORE INSERT ON "
                                               "practitioner WHEN NEW.legacy_id % 2 = 0 "
                                               "BEGIN SELECT RAISE(ABORT, 'no even ids'); END")}),
            QString());
        RunOptions options;
        options.tables = {QStringLiteral("practitioner")};
        auto record = run(project, options);
        VERIFY_OK(record);
        const RunTableRecord *t = tableOf(*record, QStringLiteral("practitioner"));
        QVERIFY(t && t->balances());
        const qint64 refused = rowCount(target(project), QStringLiteral("cutover_quarantine"),
                                        QStringLiteral("violations LIKE '%no even ids%'"));
        QVERIFY(refused > 0);
        QCOMPARE(t->quarantined, refused);
        QCOMPARE(rowCount(target(project), QStringLiteral("practitioner"),
                          QStringLiteral("legacy_id % 2 = 0")),
                 0);
        QCOMPARE(rowCount(target(project), QStringLiteral("practitioner")), t->loaded);
        QCOMPARE(t->loaded + refused, t->sourceRows);
    }

    // Batches sharing one SQLite transaction: a row the target refuses in a later batch is
    // quarantined without undoing the batches before it, and a transaction per batch gives the
    // same target and ledger.
    void targetRefusalInAGroupedTransaction()
    {
        QMap<qint64, QString> digests;
        for (const qint64 commitRows : {qint64(100000), qint64(0)}) {
            Project project = demo();
            QCOMPARE(SqliteFile::create(target(project),
                                        {QStringLiteral("CREATE TRIGGER refuse_p BEFORE INSERT "
                                                        "ON patient WHEN NEW.legacy_id % 7 = 3 "
                                                        "BEGIN SELECT RAISE(ABORT, 'no threes'); "
                                                        "END")}),
                     QString());
            RunOptions options;
            options.tables = {QStringLiteral("practitioner"), QStringLiteral("patient")};
            options.batchSize = 25;
            options.sqliteCommitRows = commitRows;
            auto record = run(project, options);
            VERIFY_OK(record);
            QCOMPARE(record->status, RunStatus::Succeeded);
            const RunTableRecord *t = tableOf(*record, QStringLiteral("patient"));
            QVERIFY(t && t->balances());
            QVERIFY(t->sourceRows > 4 * options.batchSize);
            const qint64 refused = rowCount(target(project), QStringLiteral("cutover_quarantine"),
                                            QStringLiteral("violations LIKE '%no threes%'"));
            QVERIFY(refused > 2);
            QCOMPARE(rowCount(target(project), QStringLiteral("patient"),
                              QStringLiteral("legacy_id % 7 = 3")),
                     0);
            QCOMPARE(rowCount(target(project), QStringLiteral("patient")), t->loaded);
            QCOMPARE(rowCount(target(project), QStringLiteral("cutover_quarantine"),
                              QStringLiteral("table_name = 'patient'")),
                     t->quarantined);
            digests.insert(commitRows, SqliteFile::scalar(target(project),
                                                          QStringLiteral("SELECT group_concat(id "
                                                                         "|| full_name, ',') FROM "
                                                                         "(SELECT * FROM patient "
                                                                         "ORDER BY id)")));
        }
        QCOMPARE(digests.value(100000), digests.value(0));
        QVERIFY(!digests.value(0).isEmpty());
    }

    void retryQuarantinedLoadsOnlyThoseRowsAfterAFix()
    {
        Project project = demo();
        // A rehearsal with a stricter mapping (no status 'A') quarantines more patients; a
        // retry is about the rows real runs quarantined, not a dry run's findings.
        Project strict = project;
        for (LookupMap &map : strict.lookups)
            map.entries.remove(QStringLiteral("A"));
        RunOptions dryRun;
        dryRun.mode = RunMode::DryRun;
        auto rehearsal = run(strict, dryRun);
        VERIFY_OK(rehearsal);
        auto first = run(project);
        VERIFY_OK(first);
        QVERIFY(tableOf(*rehearsal, QStringLiteral("patient"))->quarantined >
                tableOf(*first, QStringLiteral("patient"))->quarantined);
        const qint64 retired =
            rowCount(target(project), QStringLiteral("cutover_quarantine"),
                     QStringLiteral("run_id = '%1' AND table_name = 'patient' AND violations "
                                    "LIKE '%value ''M''%'")
                         .arg(first->runId));
        QVERIFY(retired > 0);
        const qint64 before = rowCount(target(project), QStringLiteral("patient"));
        // The fix: the retired status code 'M' now means inactive.
        for (LookupMap &map : project.lookups)
            if (map.entries.contains(QStringLiteral("A")) &&
                !map.entries.contains(QStringLiteral("M")))
                map.entries.insert(QStringLiteral("M"), QStringLiteral("inactive"));
        RunOptions options;
        options.retryQuarantined = true;
        auto retry = run(project, options);
        VERIFY_OK(retry);
        const RunTableRecord *patient = tableOf(*retry, QStringLiteral("patient"));
        QVERIFY(patient);
        // Only the rows the real run quarantined were read.
        QCOMPARE(patient->sourceRows, tableOf(*first, QStringLiteral("patient"))->quarantined);
        QVERIFY(patient->loaded >= retired);
        QCOMPARE(rowCount(target(project), QStringLiteral("patient")), before + patient->loaded);
        QCOMPARE(
            rowCount(target(project), QStringLiteral("cutover_quarantine"),
                     QStringLiteral("run_id = '%1' AND retried_in_run = '%2'")
                         .arg(first->runId, retry->runId)),
            patient->loaded + [&] {
                qint64 n = 0;
                for (const RunTableRecord &t : retry->tables)
                    if (t.tableName != QLatin1String("patient"))
                        n += t.loaded;
                return n;
            }());
    }

    void incrementalCopiesOnlyChangedRows()
    {
        Project project = demo();
        auto first = run(project);
        VERIFY_OK(first);
        const RunTableRecord *full = tableOf(*first, QStringLiteral("patient"));
        QVERIFY(full && !full->watermark.isEmpty());
        const QString source = project.baseDir + QStringLiteral("/legacy.sqlite");
        // Three patients change after the first run.
        QCOMPARE(SqliteFile::create(
                     source, {QStringLiteral("UPDATE PATIENTS SET PAT_NAME = PAT_NAME || ' qzx', "
                                             "LAST_UPD = '2099-01-01 10:00:00' WHERE PAT_ID IN "
                                             "(SELECT PAT_ID FROM PATIENTS WHERE PAT_NAME <> '' "
                                             "ORDER BY PAT_ID LIMIT 3 OFFSET 10)")}),
                 QString());
        RunOptions options;
        options.mode = RunMode::Incremental;
        auto sync = run(project, options);
        VERIFY_OK(sync);
        const RunTableRecord *patient = tableOf(*sync, QStringLiteral("patient"));
        QVERIFY(patient);
        QCOMPARE(patient->loaded + patient->quarantined, 3);
        QCOMPARE(patient->skipped, patient->sourceRows - 3);
        QVERIFY(patient->balances());
        QVERIFY(patient->watermark.startsWith(QStringLiteral("2099")));
        QCOMPARE(rowCount(target(project), QStringLiteral("patient"),
                          QStringLiteral("full_name LIKE '% qzx'")),
                 patient->loaded);
        QCOMPARE(rowCount(target(project), QStringLiteral("patient")), full->loaded);
        QCOMPARE(patient->deleted, 0);
        // Nothing changed since: the next sync reads nothing.
        auto idle = run(project, options);
        VERIFY_OK(idle);
        QCOMPARE(tableOf(*idle, QStringLiteral("patient"))->loaded, 0);
    }

    // A watermark holds for the rows its run read. After wave-1 (Berlin), wave-2's first
    // incremental run must read every wave-2 row, not only those above Berlin's watermark; and
    // a retry, which read only quarantined rows, leaves no watermark for the next sync.
    void incrementalUsesOnlyAWatermarkOfTheSameRows()
    {
        Project project = demo();
        project.settings.maxErrorRate = 1; // the retry below quarantines its rows again
        RunOptions wave1;
        wave1.phase = QStringLiteral("wave-1");
        VERIFY_OK(run(project, wave1));
        // A loaded Berlin patient changes; later still, a quarantined one, which a retry reads.
        const QString quarantined = SqliteFile::scalar(
            target(project), QStringLiteral("SELECT min(CAST(trim(source_key, '[]') AS INTEGER)) "
                                            "FROM cutover_quarantine WHERE table_name = "
                                            "'patient'"));
        QVERIFY(!quarantined.isEmpty());
        const QString source = project.baseDir + QStringLiteral("/legacy.sqlite");
        const QString touch =
            QStringLiteral("UPDATE PATIENTS SET LAST_UPD = '%1' WHERE PAT_ID = %2");
        const QString loadedBerliner = QStringLiteral("(SELECT min(PAT_ID) FROM PATIENTS WHERE "
                                                      "SITE_CODE = 'BER' AND PAT_ID <> %1)")
                                           .arg(quarantined);
        QCOMPARE(SqliteFile::create(source, {touch.arg("2099-01-01 10:00:00", loadedBerliner),
                                             touch.arg("2099-06-01 10:00:00", quarantined)}),
                 QString());
        RunOptions retry;
        retry.retryQuarantined = true;
        auto retried = run(project, retry);
        VERIFY_OK(retried);
        QVERIFY(tableOf(*retried, QStringLiteral("patient"))
                    ->watermark.startsWith(QStringLiteral("2099-06")));

        RunOptions wave1Sync = wave1;
        wave1Sync.mode = RunMode::Incremental;
        auto berlinSync = run(project, wave1Sync);
        VERIFY_OK(berlinSync);
        const RunTableRecord *changed = tableOf(*berlinSync, QStringLiteral("patient"));
        QCOMPARE(changed->loaded + changed->quarantined, 2);

        RunOptions wave2 = wave1Sync;
        wave2.phase = QStringLiteral("wave-2");
        auto others = run(project, wave2);
        VERIFY_OK(others);
        const RunTableRecord *patient = tableOf(*others, QStringLiteral("patient"));
        const qint64 wave2Patients =
            SqliteFile::scalar(source, QStringLiteral("SELECT count(*) FROM PATIENTS WHERE "
                                                      "SITE_CODE <> 'BER'"))
                .toLongLong();
        QVERIFY(wave2Patients > 0);
        QCOMPARE(patient->loaded + patient->quarantined, wave2Patients);
    }

    void incrementalSyncDeletesWhenTheMappingAsks()
    {
        Project project = demo();
        for (TableMapping &m : project.mappings)
            if (m.target == QLatin1String("invoice"))
                m.syncDeletes = true;
        VERIFY_OK(run(project));
        // Two invoices that were loaded are deleted in the old system.
        const QString gone = SqliteFile::scalar(
            target(project), QStringLiteral("SELECT group_concat(legacy_number) FROM (SELECT "
                                            "legacy_number FROM invoice ORDER BY legacy_number "
                                            "LIMIT 2 OFFSET 5)"));
        QCOMPARE(gone.split(QLatin1Char(',')).size(), 2);
        QCOMPARE(SqliteFile::create(
                     project.baseDir + QStringLiteral("/legacy.sqlite"),
                     {QStringLiteral("DELETE FROM tblInvoice WHERE InvoiceNo IN (%1)").arg(gone)}),
                 QString());
        const qint64 before = rowCount(target(project), QStringLiteral("invoice"));

        RunOptions options;
        options.mode = RunMode::Incremental;
        auto sync = run(project, options);
        VERIFY_OK(sync);
        QVERIFY2(sync->status == RunStatus::Succeeded, qPrintable(sync->message));
        const RunTableRecord *invoice = tableOf(*sync, QStringLiteral("invoice"));
        QVERIFY(invoice);
        QCOMPARE(invoice->deleted, 2);
        QCOMPARE(rowCount(target(project), QStringLiteral("invoice")), before - 2);
        QCOMPARE(rowCount(target(project), QStringLiteral("invoice"),
                          QStringLiteral("legacy_number IN (%1)").arg(gone)),
                 0);
        // A mapping that does not ask keeps its rows.
        QCOMPARE(tableOf(*sync, QStringLiteral("patient"))->deleted, 0);
        // Nothing else is gone: the next sync deletes nothing.
        auto again = run(project, options);
        VERIFY_OK(again);
        QCOMPARE(tableOf(*again, QStringLiteral("invoice"))->deleted, 0);
    }
};

QTEST_GUILESS_MAIN(TestRunEngine)
#include "tst_runengine.moc"
