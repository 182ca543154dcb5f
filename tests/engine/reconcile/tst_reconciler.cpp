#include "ReconcileFindings.h"
#include "ReconcileKeys.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/RunRollback.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace cutover;
using cutover::test::ReconcileFindings;
using cutover::test::ReconcileKeys;

// Reconciliation against real SQLite files: the demo migrated by a run, then the target
// corrupted on purpose. Every difference must be found exactly, and a clean target must pass
// without a single false alarm (transforms, UTC conversion, UUID keys, quarantined rows).
class TestReconciler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    int m_demos = 0;

    Project migratedDemo(qint64 patients = 300)
    {
        Project project = demo(patients);
        RunEngine engine(project, RunOptions());
        RunControl control;
        auto run = engine.run(control);
        if (!run || run->status != RunStatus::Succeeded)
            qFatal("run: %s", run ? qPrintable(run->message) : qPrintable(run.error().toString()));
        return project;
    }

    Project demo(qint64 patients = 300)
    {
        const QString dir = m_root.filePath(QStringLiteral("demo%1").arg(++m_demos));
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = patients;
        if (auto written = DemoGenerator::generate(options); !written)
            qFatal("demo: %s", qPrintable(written.error().toString()));
        auto project = ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        if (!project)
            qFatal("project: %s", qPrintable(project.error().toString()));
        project->settings.maxErrorRate = 0.5; // a small demo is proportionally dirtier
        return *project;
    }

    static void corrupt(const Project &project, const QStringList &statements)
    {
        execute(project.baseDir + QStringLiteral("/modern.sqlite"), statements);
    }

    static void execute(const QString &file, const QStringList &statements)
    {
        sqlite3 *db = nullptr;
        const QByteArray path = file.toUtf8();
        QCOMPARE(sqlite3_open(path.constData(), &db), SQLITE_OK);
        for (const QString &sql :
             QStringList{QStringLiteral("PRAGMA foreign_keys = OFF")} + statements) {
            char *message = nullptr;
            const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
            QVERIFY2(rc == SQLITE_OK, qPrintable(sql + QStringLiteral(": ") +
                                                 QString::fromUtf8(message ? message : "")));
        }
        sqlite3_close(db);
    }

    static QStringList ids(const Project &project, const QString &sql)
    {
        return firstColumn(project.baseDir + QStringLiteral("/modern.sqlite"), sql);
    }

    static QStringList firstColumn(const QString &file, const QString &sql)
    {
        sqlite3 *db = nullptr;
        const QByteArray path = file.toUtf8();
        sqlite3_open(path.constData(), &db);
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr);
        QStringList result;
        while (sqlite3_step(statement) == SQLITE_ROW)
            result.append(QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
        sqlite3_finalize(statement);
        sqlite3_close(db);
        return result;
    }

    static ReconcileReport reconcile(const Project &project, ReconcileOptions options = {})
    {
        options.store = false;
        Reconciler reconciler(project);
        auto report = reconciler.run(options);
        if (!report)
            qFatal("reconcile: %s", qPrintable(report.error().toString()));
        return *report;
    }

    static QStringList methods(const ReconcileReport &report)
    {
        QStringList result;
        for (const TableReconciliation &t : report.tables)
            result.append(t.method);
        return result;
    }

    static bool notesSay(const TableReconciliation &t, const QString &text)
    {
        return std::any_of(t.notes.cbegin(), t.notes.cend(),
                           [&](const QString &note) { return note.contains(text); });
    }

private Q_SLOTS:
    void cleanRunPassesWithNoFalseAlarm()
    {
        const Project project = migratedDemo();
        const ReconcileReport report = reconcile(project);
        QCOMPARE(report.tables.size(), project.mappings.size());
        QVERIFY(!report.runId.isEmpty());
        ReconcileOptions exact;
        exact.method = ReconcileOptions::Method::Exact;
        const ReconcileReport merged = reconcile(project, exact);
        // The run's digests prove every table; the exact merge of every row finds the same.
        QCOMPARE(ReconcileFindings::of(report), ReconcileFindings::of(merged));
        for (const TableReconciliation &t : merged.tables)
            QCOMPARE(t.method, QStringLiteral("exact merge"));
        for (const TableReconciliation &t : report.tables) {
            QVERIFY2(
                t.status == ReconcileStatus::Pass,
                qPrintable(t.table + QStringLiteral(": ") + t.reasons.join(QStringLiteral("; "))));
            QCOMPARE(t.method, QStringLiteral("run digests"));
            QCOMPARE(t.missing, 0);
            QCOMPARE(t.extra, 0);
            QCOMPARE(t.modified, 0);
            QCOMPARE(t.duplicateRows(), 0);
            QCOMPARE(t.orphanRows(), 0);
            QVERIFY(t.expectedRows > 0);
            QCOMPARE(t.matched, t.expectedRows);
            QCOMPARE(t.targetRows, t.expectedRows);
            QCOMPARE(t.sourceRows, t.skipped + t.quarantined + t.expectedRows);
            QVERIFY(t.ledger.has_value());
            QVERIFY(t.ledger->balances());
            QCOMPARE(t.ledger->loaded, t.expectedRows);
            QCOMPARE(t.ledger->quarantined, t.quarantined);
            QCOMPARE(t.sample.size(), qMin<qsizetype>(20, t.expectedRows));
            for (const SampleRow &s : t.sample)
                QCOMPARE(s.outcome, QStringLiteral("matched"));
        }
        QCOMPARE(report.status, ReconcileStatus::Pass);
        const TableReconciliation *observation = report.table(QStringLiteral("observation"));
        QVERIFY(observation->quarantined > 0); // the demo's dirt: quarantined, not missing
    }

    void findsEveryCorruptionExactly()
    {
        Project project = migratedDemo();
        const QStringList deleted =
            ids(project,
                QStringLiteral("SELECT id FROM observation ORDER BY legacy_id LIMIT 3 OFFSET 10"));
        const QString renamed =
            ids(project,
                QStringLiteral("SELECT id FROM patient ORDER BY legacy_id LIMIT 1 OFFSET 5"))
                .first();
        const QString shifted =
            ids(project,
                QStringLiteral("SELECT id FROM encounter ORDER BY legacy_id LIMIT 1 OFFSET 7"))
                .first();
        const QString rounded =
            ids(project,
                QStringLiteral(
                    "SELECT id FROM observation WHERE value LIKE '%._' AND value NOT LIKE '%.0' "
                    "ORDER BY legacy_id LIMIT 1"))
                .first();
        const QString orphaned =
            ids(project,
                QStringLiteral("SELECT id FROM invoice ORDER BY legacy_number LIMIT 1 OFFSET 3"))
                .first();
        corrupt(
            project,
            {QStringLiteral("DELETE FROM observation WHERE id IN ('%1')")
                 .arg(deleted.join(QStringLiteral("', '"))),
             QStringLiteral("UPDATE patient SET full_name = full_name || 'x' WHERE id = '%1'")
                 .arg(renamed),
             QStringLiteral("UPDATE encounter SET started_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                            "started_at, '+1 hour') WHERE id = '%1'")
                 .arg(shifted),
             QStringLiteral("UPDATE observation SET value = printf('%.0f', value) WHERE id = '%1'")
                 .arg(rounded),
             QStringLiteral("UPDATE invoice SET encounter_id = "
                            "'00000000-0000-5000-8000-000000000000' WHERE id = '%1'")
                 .arg(orphaned),
             QStringLiteral("INSERT INTO invoice SELECT '11111111-1111-5111-8111-111111111111', "
                            "999999, encounter_id, amount_cents, currency, issued_on, status "
                            "FROM invoice LIMIT 1"),
             // practitioner loses its constraints (as after a load by another tool), and one
             // row is there twice
             QStringLiteral("CREATE TABLE p2 (id TEXT NOT NULL, legacy_id INTEGER NOT NULL, "
                            "full_name TEXT NOT NULL, specialty TEXT NOT NULL, "
                            "license_number TEXT NOT NULL, "
                            "active INTEGER NOT NULL DEFAULT 1, hired_on TEXT)"),
             QStringLiteral("INSERT INTO p2 SELECT * FROM practitioner"),
             QStringLiteral("DROP TABLE practitioner"),
             QStringLiteral("ALTER TABLE p2 RENAME TO practitioner"),
             QStringLiteral("INSERT INTO practitioner SELECT * FROM practitioner "
                            "ORDER BY legacy_id LIMIT 1")});
        project.reconcile.keys.insert(QStringLiteral("practitioner"), {QStringLiteral("id")});

        const ReconcileReport report = reconcile(project);
        QCOMPARE(report.status, ReconcileStatus::Fail);
        // Every corrupted table breaks its run's digest and is merged row by row.
        for (const TableReconciliation &t : report.tables) {
            QCOMPARE(t.method, QStringLiteral("exact merge"));
            QVERIFY2(notesSay(t, QStringLiteral("the target is not what run")),
                     qPrintable(t.notes.join(QStringLiteral("; "))));
        }

        const TableReconciliation *observation = report.table(QStringLiteral("observation"));
        QCOMPARE(observation->missing, 3);
        QStringList deletedSorted = deleted;
        deletedSorted.sort();
        QCOMPARE(deleted.size(), 3);
        QCOMPARE(ReconcileKeys::of(observation->missingSamples), deletedSorted);
        QCOMPARE(observation->modified, 1);
        QCOMPARE(observation->modifiedSamples.first().row.targetKey, rounded);
        QCOMPARE(observation->modifiedSamples.first().columns,
                 QStringList{QStringLiteral("value")});
        QCOMPARE(observation->extra, 0);
        QCOMPARE(observation->status, ReconcileStatus::Fail);

        const TableReconciliation *patient = report.table(QStringLiteral("patient"));
        QCOMPARE(patient->modified, 1);
        QCOMPARE(patient->missing + patient->extra, 0);
        QCOMPARE(patient->modifiedSamples.first().row.targetKey, renamed);
        QCOMPARE(patient->modifiedSamples.first().columns,
                 QStringList{QStringLiteral("full_name")});
        QVERIFY(!patient->modifiedSamples.first().row.sourceKey.isEmpty());

        const TableReconciliation *encounter = report.table(QStringLiteral("encounter"));
        QCOMPARE(encounter->modified, 1);
        QCOMPARE(encounter->modifiedSamples.first().row.targetKey, shifted);
        QCOMPARE(encounter->modifiedSamples.first().columns,
                 QStringList{QStringLiteral("started_at")});

        const TableReconciliation *invoice = report.table(QStringLiteral("invoice"));
        QCOMPARE(invoice->extra, 1);
        QCOMPARE(invoice->extraSamples.first().targetKey,
                 QStringLiteral("11111111-1111-5111-8111-111111111111"));
        QCOMPARE(invoice->modified, 1);
        QCOMPARE(invoice->modifiedSamples.first().columns,
                 QStringList{QStringLiteral("encounter_id")});
        QCOMPARE(invoice->orphanRows(), 1);
        QCOMPARE(invoice->orphans.first().samples,
                 QStringList{QStringLiteral("00000000-0000-5000-8000-000000000000")});
        QCOMPARE(invoice->missing, 0);

        const TableReconciliation *practitioner = report.table(QStringLiteral("practitioner"));
        QCOMPARE(practitioner->duplicateKeys, 1);
        QCOMPARE(practitioner->duplicateRows(), 1);
        QCOMPARE(practitioner->missing + practitioner->extra + practitioner->modified, 0);
        QCOMPARE(practitioner->status, ReconcileStatus::Fail);
    }

    void changedSourceOrMappingIsMergedRowByRow()
    {
        Project project = migratedDemo();
        sqlite3 *db = nullptr;
        const QByteArray legacy = (project.baseDir + QStringLiteral("/legacy.sqlite")).toUtf8();
        QCOMPARE(sqlite3_open(legacy.constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "UPDATE PATIENTS SET PAT_NAME = PAT_NAME || 'x' WHERE PAT_ID = "
                              "(SELECT min(PAT_ID) FROM PATIENTS)",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        const ReconcileReport changedSource = reconcile(project);
        const TableReconciliation *patient = changedSource.table(QStringLiteral("patient"));
        QCOMPARE(patient->method, QStringLiteral("exact merge"));
        QVERIFY(notesSay(*patient, QStringLiteral("the source is not what run")));
        QCOMPARE(patient->modified, 1);
        QCOMPARE(patient->modifiedSamples.first().columns,
                 QStringList{QStringLiteral("full_name")});
        QCOMPARE(changedSource.table(QStringLiteral("practitioner"))->method,
                 QStringLiteral("run digests"));

        // Another mapping version: no table's digests count, and nothing is a false alarm.
        project.mappings.first().columns.first().sensitive =
            !project.mappings.first().columns.first().sensitive;
        const ReconcileReport changedMapping = reconcile(project);
        for (const TableReconciliation &t : changedMapping.tables) {
            QCOMPARE(t.method, QStringLiteral("exact merge"));
            QVERIFY(!notesSay(t, QStringLiteral("digests")));
        }
        QCOMPARE(changedMapping.table(QStringLiteral("practitioner"))->status,
                 ReconcileStatus::Pass);
    }

    void aLaterRunWithoutDigestsIsMergedRowByRow()
    {
        const Project project = migratedDemo();
        const auto filtered = std::find_if(project.phases.cbegin(), project.phases.cend(),
                                           [](const Phase &p) { return !p.filter.isEmpty(); });
        QVERIFY(filtered != project.phases.cend());
        RunOptions phase; // reads part of its tables (wave-1's site): records no digests
        phase.phase = filtered->name;
        RunControl control;
        auto partial = RunEngine(project, phase).run(control);
        QVERIFY(partial && partial->status == RunStatus::Succeeded);
        QStringList rerun;
        for (const RunTableRecord &t : partial->tables)
            rerun.append(t.tableName);
        QVERIFY(!rerun.isEmpty());
        const ReconcileReport report = reconcile(project);
        for (const TableReconciliation &t : report.tables) {
            QCOMPARE(t.method, rerun.contains(t.table) ? QStringLiteral("exact merge")
                                                       : QStringLiteral("run digests"));
            QCOMPARE(t.status, ReconcileStatus::Pass);
        }
        QVERIFY(rerun.size() < report.tables.size());
    }

    // A dry run after the load wrote nothing: the report is about the run that did (its ledger,
    // its digests), and the rows the rehearsal quarantined with a stricter mapping are not
    // taken for rows left out.
    void aDryRunAfterTheLoadIsNotTheRunReconciled()
    {
        const Project project = migratedDemo();
        const ReconcileReport before = reconcile(project);
        Project strict = project;
        for (LookupMap &map : strict.lookups)
            map.entries.remove(QStringLiteral("A"));
        RunOptions dryRun;
        dryRun.mode = RunMode::DryRun;
        RunControl control;
        auto rehearsal = RunEngine(strict, dryRun).run(control);
        QVERIFY(rehearsal && rehearsal->status == RunStatus::Succeeded);
        const ReconcileReport after = reconcile(project);
        QCOMPARE(after.runId, before.runId);
        QVERIFY(after.runId != rehearsal->runId);
        QCOMPARE(after.tables.size(), before.tables.size());
        for (qsizetype i = 0; i < after.tables.size(); ++i) {
            const TableReconciliation &t = after.tables.at(i);
            QCOMPARE(t.status, ReconcileStatus::Pass);
            QCOMPARE(t.method, QStringLiteral("run digests"));
            QVERIFY(t.ledger && t.ledger->runId == before.runId);
            QCOMPARE(t.quarantined, before.tables.at(i).quarantined);
        }
    }

    // Phases load a table in parts, so of two rows sharing a unique value the one of the
    // earlier phase loads and the later one is quarantined (by the unique rule, which sees the
    // rows already in the target), whatever their order in the source. Reconciliation follows
    // what the runs did: a row they quarantined held no value, and the phased target passes.
    void duplicateAcrossPhasesIsReconciledAsTheRunsLoadedIt()
    {
        const Project project = demo();
        RunOptions dry; // which patients load at all
        dry.mode = RunMode::DryRun;
        RunControl control;
        auto rehearsal = RunEngine(project, dry).run(control);
        QVERIFY(rehearsal && rehearsal->status == RunStatus::Succeeded);
        const QStringList quarantined =
            ids(project, QStringLiteral("SELECT source_key FROM cutover_quarantine WHERE "
                                        "table_name = 'patient'"));
        QVERIFY(!quarantined.isEmpty());
        const QString notQuarantined = QStringLiteral("'[' || %2.PAT_ID || ']' NOT IN ('%1')")
                                           .arg(quarantined.join(QStringLiteral("', '")));
        // A loading patient outside Berlin (wave-2) gives its e-mail to a later loading
        // Berlin patient (wave-1): a full run would load the first and quarantine the second.
        const QString legacy = project.baseDir + QStringLiteral("/legacy.sqlite");
        const QStringList pair = firstColumn(
            legacy, QStringLiteral("SELECT a.PAT_ID || ' ' || b.PAT_ID FROM PATIENTS a, PATIENTS b "
                                   "WHERE a.SITE_CODE <> 'BER' AND b.SITE_CODE = 'BER' AND "
                                   "b.PAT_ID > a.PAT_ID AND %1 AND %2 ORDER BY a.PAT_ID, b.PAT_ID "
                                   "LIMIT 1")
                        .arg(notQuarantined.arg(QStringLiteral("a")),
                             notQuarantined.arg(QStringLiteral("b"))));
        QCOMPARE(pair.size(), 1);
        const QString first = pair.first().section(QLatin1Char(' '), 0, 0);
        const QString second = pair.first().section(QLatin1Char(' '), 1, 1);
        execute(legacy, {QStringLiteral("UPDATE PATIENTS SET EMAIL = (SELECT EMAIL FROM PATIENTS "
                                        "WHERE PAT_ID = %1) WHERE PAT_ID = %2")
                             .arg(first, second)});
        for (const Phase &phase : project.phases) {
            RunOptions options;
            options.phase = phase.name;
            auto run = RunEngine(project, options).run(control);
            QVERIFY(run && run->status == RunStatus::Succeeded);
        }
        QCOMPARE(ids(project, QStringLiteral("SELECT legacy_id FROM patient WHERE legacy_id IN "
                                             "(%1, %2)")
                                  .arg(first, second)),
                 QStringList{second});

        const ReconcileReport report = reconcile(project);
        for (const TableReconciliation &t : report.tables) {
            QVERIFY2(t.status == ReconcileStatus::Pass, qPrintable(t.table));
            QCOMPARE(t.extra + t.missing + t.modified, 0);
        }
    }

    // While only some phases are loaded, the rows of the others are not due: the report
    // expects the phases loaded so far (and says so), still finds a row lost from them, and
    // expects everything again once every phase is loaded, or when asked to.
    void phasesLoadedSoFarAreExpected()
    {
        const Project project = demo();
        RunControl control;
        const auto runPhase = [&](const QString &name) {
            RunOptions options;
            options.phase = name;
            auto run = RunEngine(project, options).run(control);
            if (!run || run->status != RunStatus::Succeeded)
                qFatal("phase %s did not succeed", qPrintable(name));
            return run->runId;
        };
        runPhase(QStringLiteral("reference-data"));
        ReconcileOptions patientOnly;
        patientOnly.tables = {QStringLiteral("patient")};
        patientOnly.store = false;
        const auto refused = Reconciler(project).run(patientOnly);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("wave-1, wave-2")),
                 qPrintable(refused.error().message()));

        const QString wave1 = runPhase(QStringLiteral("wave-1"));
        const ReconcileReport loaded = reconcile(project);
        QCOMPARE(loaded.phases,
                 (QStringList{QStringLiteral("reference-data"), QStringLiteral("wave-1")}));
        QCOMPARE(loaded.pendingPhases, QStringList{QStringLiteral("wave-2")});
        QCOMPARE(loaded.status, ReconcileStatus::Pass);
        QCOMPARE(loaded.tables.size(), 5);
        const qint64 berlin =
            ids(project, QStringLiteral("SELECT count(*) FROM patient")).value(0).toLongLong();
        const TableReconciliation *patients = loaded.table(QStringLiteral("patient"));
        QCOMPARE(patients->expectedRows, berlin);
        QCOMPARE(patients->missing, 0);
        QVERIFY(patients->ledger && patients->ledger->runId == wave1);
        QCOMPARE(patients->ledger->sourceRows, patients->sourceRows);
        QCOMPARE(patients->ledger->skipped, patients->skipped);

        RunOptions retry; // loads no phase of its own: the scope stays
        retry.retryQuarantined = true;
        RunControl retryControl; // the rows fail again: it stops the run
        QVERIFY(RunEngine(project, retry).run(retryControl));
        QCOMPARE(reconcile(project).phases, loaded.phases);
        RunOptions patientsWhole; // a run of no phase reads its tables whole
        patientsWhole.tables = {QStringLiteral("patient")};
        auto patientRun = RunEngine(project, patientsWhole).run(control);
        QVERIFY(patientRun && patientRun->status == RunStatus::Succeeded);
        const ReconcileReport mixed = reconcile(project);
        QCOMPARE(mixed.phases, loaded.phases);
        QVERIFY(mixed.table(QStringLiteral("patient"))->expectedRows > berlin);
        QCOMPARE(mixed.table(QStringLiteral("encounter"))->expectedRows,
                 loaded.table(QStringLiteral("encounter"))->expectedRows);
        QCOMPARE(mixed.status, ReconcileStatus::Pass);

        ReconcileOptions whole;
        whole.wholeProject = true;
        const ReconcileReport everything = reconcile(project, whole);
        QVERIFY(everything.phases.isEmpty());
        QVERIFY(everything.table(QStringLiteral("encounter"))->missing > 0);

        const QString wave2 = runPhase(QStringLiteral("wave-2"));
        const ReconcileReport all = reconcile(project);
        QVERIFY(all.phases.isEmpty());
        QCOMPARE(all.status, ReconcileStatus::Pass);
        QCOMPARE(all.runId, wave2);
        QVERIFY(all.table(QStringLiteral("patient"))->expectedRows > berlin);

        auto undone = RunRollback(project).rollback(wave2);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().toString()));
        const ReconcileReport afterRollback = reconcile(project);
        QCOMPARE(afterRollback.pendingPhases, QStringList{QStringLiteral("wave-2")});
        QCOMPARE(afterRollback.runId, patientRun->runId);
        QCOMPARE(afterRollback.status, ReconcileStatus::Pass);

        corrupt(project, {QStringLiteral("DELETE FROM encounter WHERE rowid = (SELECT min(rowid) "
                                         "FROM encounter)")});
        const ReconcileReport lost = reconcile(project);
        QCOMPARE(lost.table(QStringLiteral("encounter"))->missing, 1);
        QCOMPARE(lost.status, ReconcileStatus::Fail);
    }

    void sampleIsSeededAndMasksSensitiveColumns()
    {
        const Project project = migratedDemo();
        ReconcileOptions options;
        options.tables = {QStringLiteral("patient")};
        options.seed = 7;
        options.sampleRows = 5;
        const ReconcileReport a = reconcile(project, options);
        const ReconcileReport b = reconcile(project, options);
        options.seed = 8;
        const ReconcileReport c = reconcile(project, options);
        QCOMPARE(a.tables.size(), 1);
        const auto keys = [](const ReconcileReport &r) {
            QStringList k;
            for (const SampleRow &s : r.tables.first().sample)
                k.append(s.row.targetKey);
            return k;
        };
        QCOMPARE(keys(a).size(), 5);
        QCOMPARE(keys(a), keys(b));
        QVERIFY(keys(a) != keys(c));
        const SampleRow &row = a.tables.first().sample.first();
        const qsizetype email = row.columns.indexOf(QStringLiteral("email"));
        QVERIFY(email >= 0);
        const ColumnMapping *mapped =
            project.mapping(QStringLiteral("patient"))->column(QStringLiteral("email"));
        QVERIFY(mapped && mapped->sensitive);
        for (const SampleRow &s : a.tables.first().sample)
            QVERIFY(s.expected.at(email) == QStringLiteral("****") ||
                    s.expected.at(email) == QStringLiteral("NULL"));
        options.mask = false;
        const ReconcileReport open = reconcile(project, options);
        bool shown = false;
        for (const SampleRow &s : open.tables.first().sample)
            shown = shown || s.expected.at(email).contains(QLatin1Char('@'));
        QVERIFY(shown);
    }

    void targetLoadedByAnotherToolHasNoLedger()
    {
        const Project project = migratedDemo();
        corrupt(project, {QStringLiteral("DROP TABLE cutover_runs"),
                          QStringLiteral("DROP TABLE cutover_run_tables"),
                          QStringLiteral("DROP TABLE cutover_quarantine")});
        const ReconcileReport report = reconcile(project);
        QVERIFY(report.runId.isEmpty());
        for (const TableReconciliation &t : report.tables) {
            QVERIFY(!t.ledger);
            QCOMPARE(t.missing + t.extra + t.modified, 0);
        }
        QCOMPARE(report.status, ReconcileStatus::Pass);
    }
};

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
