// Run speed and memory on the demo (the run engine issue), each against a reference measured in
// the same run, medians of several runs:
//  1. SQLite to SQLite: `cutover-cli run` on the demo project against the sqlite3 command-line
//     tool running the equivalent INSERT ... SELECT (kSqliteReference below) in one transaction,
//     each on a fresh copy of the empty target. Bar: cutover at least 0.8 of the CLI's speed.
//     Cutover runs as it is and with --drop-indexes --defer-foreign-keys; both ratios are shown.
//  2. SQLite to PostgreSQL: `cutover-cli run --schema-from sqlite:modern.sqlite` into an empty
//     database against pgloader copying the same legacy.sqlite into another empty database of the
//     same server (tests/support/PostgresServer). Bars: at least 2.5 times pgloader's speed, and
//     peak memory (max RSS) under a quarter of pgloader's. Cutover runs with the options of part
//     1's last configuration (bulk by default: pgloader too builds indexes and foreign keys
//     after the copy).
//  3. Flat memory: max RSS of `cutover-cli run` at N and 10 N patients. Bar: at most +20%.
// Exits 1 when a bar is missed, 2 when something could not be measured; a part whose tool is
// missing (sqlite3, pgloader, PostgreSQL) is reported as skipped.
//
// Sizes and repetitions (environment, or the same names as --options):
//   CUTOVER_BENCH_PATIENTS         demo size of parts 1 and 2 (default 10000; the issue's figure
//                                  is 1000000, about 19 million source rows)
//   CUTOVER_BENCH_RUNS             runs per measurement, the median is quoted (default 3)
//   CUTOVER_BENCH_MEMORY_PATIENTS  N of part 3 (default 10000, against 10 N)
//   CUTOVER_BENCH_MEMORY_RUNS      runs per size in part 3 (default 1)
//   CUTOVER_BENCH_PARTS            comma-separated subset of sqlite,postgres,memory (default all)
//   CUTOVER_BENCH_SQLITE_CONFIGS   part 1's cutover configurations, of default (no options) and
//                                  bulk (--drop-indexes --defer-foreign-keys, as one loads an
//                                  empty target); default both. The bar is judged on the last
//                                  one measured.
//   CUTOVER_BENCH_DIR              work directory (kept afterwards); default a temporary one
// e.g. CUTOVER_BENCH_PATIENTS=1000000 CUTOVER_BENCH_PARTS=sqlite build/tests/bench/bench_run
#include "BenchFigures.h"
#include "MeasuredProcess.h"
#include "PostgresServer.h"
#include "demo/DemoGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <functional>
#include <optional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef CUTOVER_CLI_PATH
#define CUTOVER_CLI_PATH ""
#endif

extern char **environ;

using namespace cutover;

namespace {

QTextStream out(stdout);

// The demo mapping (demo.cutover) as one INSERT ... SELECT per table for the sqlite3 CLI, in one
// transaction, with foreign keys on as Cutover's writer has them. The target's own CHECK, NOT
// NULL and UNIQUE constraints reject rows through INSERT OR IGNORE, the project's rules become
// WHERE conditions, lookups CASE expressions. What differs from the mapping:
//  - uuid5(ns, key) does not exist in the sqlite3 CLI. Instead of lower(hex(randomblob(16)))
//    each id is a UUID-shaped text made from the key by a multiplicative hash, e.g.
//    'a3f1c2d4-0002-5000-8000-00000000007b': as scattered as uuid5 (so the primary key and
//    foreign key indexes are written in random order, as with Cutover's ids), but without SHA-1,
//    and deterministic, so that a visit's patient_id finds its patient as uuid5 makes it.
//  - to_utc(ts, 'Europe/Berlin', ...) is strftime(..., '-1 hours'): no DST, no gap or overlap
//    check (Cutover quarantines visits inside a DST change; here they load).
//  - title_case(normalize_space(x)) is trim() of x with double spaces folded: no case change.
//  - parse_datetime with its formats is GLOB and substr(); to_decimal/to_int are round() on a
//    REAL (Cutover converts through exact decimal text); "1.234,50" style totals are read by
//    swapping the separators when a comma is present.
//  - the unique e-mail rule is the target's UNIQUE constraint (the later duplicate is ignored,
//    as Cutover quarantines it); the e-mail pattern rule is a GLOB.
//  - nothing is recorded: no quarantine, no checkpoints, no key crosswalk, no backup of the
//    target, no per-batch commits. Cutover writes all of those.
// The loaded row counts come within about 1% of Cutover's (printed by the bench).
const char kSqliteReference[] = R"SQL(
ATTACH '@LEGACY@' AS legacy;
PRAGMA foreign_keys = ON;
BEGIN;
INSERT OR IGNORE INTO practitioner (id, legacy_id, full_name, specialty, license_number, active,
                                    hired_on)
SELECT printf('%08x-%04x-5000-8000-%012x', (DocID * 2654435761) % 4294967296, 1, DocID), DocID,
       trim(replace(replace(DocName, '  ', ' '), '  ', ' ')),
       CASE upper(trim(Specialty)) WHEN 'CARD' THEN 'cardiology' WHEN 'DERM' THEN 'dermatology'
            WHEN 'GP' THEN 'general-practice' WHEN 'ORTH' THEN 'orthopedics'
            WHEN 'PED' THEN 'pediatrics' END,
       upper(trim(LicenseNo)),
       CASE WHEN upper(trim(Active)) IN ('Y', 'YES', '1', 'TRUE', 'J') THEN 1 ELSE 0 END,
       CASE WHEN HiredOn GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9][0-9][0-9]'
            THEN substr(HiredOn, 7, 4) || '-' || substr(HiredOn, 4, 2) || '-' || substr(HiredOn, 1, 2)
            ELSE date(HiredOn) END
FROM legacy.Practitioners ORDER BY DocID;

INSERT OR IGNORE INTO patient (id, legacy_id, full_name, birth_date, sex, email, phone,
                               insurance_number, site, status, created_at, updated_at)
SELECT * FROM (
SELECT printf('%08x-%04x-5000-8000-%012x', (PAT_ID * 2654435761) % 4294967296, 2, PAT_ID), PAT_ID,
       trim(replace(replace(PAT_NAME, '  ', ' '), '  ', ' ')),
       CASE WHEN DOB GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN date(DOB)
            WHEN DOB GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9][0-9][0-9]'
            THEN substr(DOB, 7, 4) || '-' || substr(DOB, 4, 2) || '-' || substr(DOB, 1, 2)
            WHEN DOB GLOB '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'
            THEN substr(DOB, 7, 4) || '-' || substr(DOB, 1, 2) || '-' || substr(DOB, 4, 2)
            WHEN DOB GLOB '*[0-9] [A-Z][a-z][a-z] [0-9][0-9][0-9][0-9]'
            THEN substr(DOB, -4) || '-' ||
                 printf('%02d', (instr('JanFebMarAprMayJunJulAugSepOctNovDec',
                                       substr(DOB, instr(DOB, ' ') + 1, 3)) + 2) / 3) || '-' ||
                 printf('%02d', substr(DOB, 1, instr(DOB, ' ') - 1)) END AS birth_date,
       CASE upper(trim(SEX)) WHEN 'F' THEN 'female' WHEN 'W' THEN 'female' WHEN 'M' THEN 'male'
            WHEN 'D' THEN 'other' WHEN 'X' THEN 'other' ELSE 'unknown' END,
       lower(trim(nullif(trim(EMAIL), ''))) AS email,
       nullif(trim(replace(PHONE, '  ', ' ')), ''),
       upper(replace(nullif(trim(INS_NO), ''), ' ', '')),
       upper(trim(SITE_CODE)),
       CASE upper(trim(STATUS)) WHEN 'A' THEN 'active' WHEN 'D' THEN 'deceased'
            WHEN 'I' THEN 'inactive' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', CREATED, '-1 hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', LAST_UPD, '-1 hours')
FROM legacy.PATIENTS ORDER BY PAT_ID)
WHERE birth_date > '1900-01-01'
  AND (email IS NULL OR email GLOB '[^@ ]*@[^@ ]*.[A-Za-z][A-Za-z]*');

INSERT OR IGNORE INTO encounter (id, legacy_id, patient_id, practitioner_id, started_at, status,
                                 reason, copay_cents, site, updated_at)
SELECT * FROM (
SELECT printf('%08x-%04x-5000-8000-%012x', (ENC_ID * 2654435761) % 4294967296, 3, ENC_ID), ENC_ID,
       printf('%08x-%04x-5000-8000-%012x', (PAT_ID_FK * 2654435761) % 4294967296, 2, PAT_ID_FK)
           AS patient_id,
       CASE WHEN DOC_ID_FK > 0 THEN printf('%08x-%04x-5000-8000-%012x',
                                           (DOC_ID_FK * 2654435761) % 4294967296, 1, DOC_ID_FK)
       END,
       strftime('%Y-%m-%dT%H:%M:%SZ', VISIT_TS, '-1 hours'),
       CASE upper(trim(STATUS)) WHEN 'AR' THEN 'arrived' WHEN 'CXL' THEN 'cancelled'
            WHEN 'FIN' THEN 'finished' WHEN 'IP' THEN 'in-progress' WHEN 'PL' THEN 'planned' END,
       nullif(trim(replace(REASON, '  ', ' ')), ''),
       coalesce(CAST(round(COPAY * 100) AS INTEGER), 0) AS copay,
       upper(trim(SITE_CODE)),
       strftime('%Y-%m-%dT%H:%M:%SZ', LAST_UPD, '-1 hours')
FROM legacy.ENCOUNTERS ORDER BY ENC_ID)
WHERE copay BETWEEN 0 AND 100000 AND patient_id IN (SELECT id FROM main.patient);

INSERT OR IGNORE INTO observation (id, legacy_id, encounter_id, code, value, unit, observed_at)
SELECT * FROM (
SELECT printf('%08x-%04x-5000-8000-%012x', (obs_id * 2654435761) % 4294967296, 4, obs_id), obs_id,
       printf('%08x-%04x-5000-8000-%012x', (enc_id * 2654435761) % 4294967296, 3, enc_id)
           AS encounter_id,
       CASE upper(trim(obs_code)) WHEN 'BPD' THEN 'bp-diastolic' WHEN 'BPS' THEN 'bp-systolic'
            WHEN 'GLU' THEN 'glucose' WHEN 'HR' THEN 'heart-rate' WHEN 'HT' THEN 'body-height'
            WHEN 'TEMP' THEN 'body-temperature' WHEN 'WT' THEN 'body-weight' END,
       CASE WHEN nullif(trim(replace(replace(obs_value, 'n/a', ''), ',', '.')), '') IS NOT NULL
            THEN printf('%.1f', replace(replace(obs_value, 'n/a', ''), ',', '.')) END,
       trim(unit),
       strftime('%Y-%m-%dT%H:%M:%SZ', taken_at, '-1 hours')
FROM legacy.obs ORDER BY obs_id)
WHERE encounter_id IN (SELECT id FROM main.encounter);

INSERT OR IGNORE INTO invoice (id, legacy_number, encounter_id, amount_cents, currency, issued_on,
                               status)
SELECT id, InvoiceNo, encounter_id,
       CAST(round(CAST(CASE WHEN instr(total, ',') THEN replace(replace(total, '.', ''), ',', '.')
                            ELSE total END AS REAL) * 100) AS INTEGER) AS amount,
       currency, issued_on, status
FROM (
SELECT printf('%08x-%04x-5000-8000-%012x', (InvoiceNo * 2654435761) % 4294967296, 5, InvoiceNo)
           AS id, InvoiceNo,
       printf('%08x-%04x-5000-8000-%012x', (EncounterRef * 2654435761) % 4294967296, 3,
              EncounterRef) AS encounter_id,
       trim(replace(replace(Total, '€', ''), 'EUR', '')) AS total,
       coalesce(upper(nullif(trim(Currency), '')), 'EUR') AS currency,
       CASE WHEN InvDate GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9][0-9][0-9]'
            THEN substr(InvDate, 7, 4) || '-' || substr(InvDate, 4, 2) || '-' || substr(InvDate, 1, 2)
            ELSE date(InvDate) END AS issued_on,
       CASE upper(trim(PaidFlag)) WHEN 'Y' THEN 'paid' WHEN 'V' THEN 'void' ELSE 'open' END
           AS status
FROM legacy.tblInvoice ORDER BY InvoiceNo)
WHERE encounter_id IN (SELECT id FROM main.encounter) AND amount BETWEEN 0 AND 10000000;
COMMIT;
)SQL";

const QStringList kTargetTables = {QStringLiteral("practitioner"), QStringLiteral("patient"),
                                   QStringLiteral("encounter"), QStringLiteral("observation"),
                                   QStringLiteral("invoice")};

struct Settings
{
    qint64 patients = 10000;
    int runs = 3;
    qint64 memoryPatients = 10000;
    int memoryRuns = 1;
    QStringList parts = {QStringLiteral("sqlite"), QStringLiteral("postgres"),
                         QStringLiteral("memory")};
    QStringList sqliteConfigs = {QStringLiteral("default"), QStringLiteral("bulk")};
    QString dir;
};

using Measured = cutover::test::MeasuredProcess::Outcome;

Measured runProcess(const QString &program, const QStringList &arguments, const QString &logFile,
                    const QString &stdinFile = QString(), const QStringList &environment = {})
{
    return cutover::test::MeasuredProcess::run(program, arguments, logFile, stdinFile, environment);
}

using cutover::test::list;
using cutover::test::median;
using cutover::test::tail;

bool replaceFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

// The demo of the given size in dir/NAME, with a pristine copy of its empty target.
struct Demo
{
    QString dir;
    QString project;
    QString legacy;
    QString target;
    QString pristineTarget;
    qint64 sourceRows = 0;
};

std::optional<Demo> makeDemo(const QString &base, qint64 patients)
{
    Demo demo;
    demo.dir = QDir(base).filePath(QStringLiteral("demo-%1").arg(patients));
    QDir().mkpath(demo.dir);
    demo.project = QDir(demo.dir).filePath(DemoGenerator::projectFileName());
    demo.legacy = QDir(demo.dir).filePath(DemoGenerator::sourceFileName());
    demo.target = QDir(demo.dir).filePath(DemoGenerator::targetFileName());
    demo.pristineTarget = QDir(demo.dir).filePath(QStringLiteral("modern-empty.sqlite"));
    QElapsedTimer timer;
    timer.start();
    DemoGenerator::Options options;
    options.directory = demo.dir;
    options.patients = patients;
    auto files = DemoGenerator::generate(options);
    if (!files) {
        out << "cannot write the demo: " << files.error().toString() << Qt::endl;
        return std::nullopt;
    }
    for (const DemoGenerator::File &file : std::as_const(*files))
        if (file.role == QLatin1String("source"))
            for (const DemoTableCount &t : file.tables)
                demo.sourceRows += t.rows;
    replaceFile(demo.target, demo.pristineTarget);
    out << QStringLiteral("demo: %1 patients, %2 source rows, written in %3 s\n")
               .arg(patients)
               .arg(demo.sourceRows)
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
        << Qt::flush;
    return demo;
}

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CUTOVER_CLI");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QString::fromUtf8(CUTOVER_CLI_PATH);
}

// Removes what an earlier run left next to the demo's target and puts a fresh empty one there.
void freshSqliteTarget(const Demo &demo)
{
    const QDir dir(demo.dir);
    for (const QString &name :
         dir.entryList({DemoGenerator::targetFileName() + QStringLiteral("*")}, QDir::Files))
        QFile::remove(dir.filePath(name));
    replaceFile(demo.pristineTarget, demo.target);
}

Measured runCutover(const QString &project, const QString &log, const QStringList &extra = {},
                    const QStringList &environment = {})
{
    QStringList arguments{QStringLiteral("run"), project, QStringLiteral("--progress"),
                          QStringLiteral("json")};
    return runProcess(cliPath(), arguments + extra, log, QString(),
                      environment + QStringList{QStringLiteral("CUTOVER_NO_KEYCHAIN=1")});
}

// A finished program's time into seconds (and its max RSS into rss, when given), printed after
// label; false, with the tail of its log, when it failed.
bool collect(const QString &label, const Measured &m, const QString &log, QList<double> &seconds,
             QList<double> *rss = nullptr)
{
    if (!m.ok()) {
        out << label << " failed (exit " << m.exitCode << "):\n" << tail(log) << Qt::endl;
        return false;
    }
    seconds.append(m.seconds);
    out << QStringLiteral("  %1 %2 s").arg(label, -15).arg(m.seconds, 0, 'f', 2);
    if (rss) {
        rss->append(double(m.maxRssKb) / 1024.0);
        out << QStringLiteral(", max RSS %1 MB").arg(rss->last(), 0, 'f', 0);
    }
    out << "\n" << Qt::flush;
    return true;
}

QHash<QString, qint64> sqliteCounts(const QString &file)
{
    QHash<QString, qint64> counts;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("counts"));
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            for (const QString &table : kTargetTables)
                if (q.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)) && q.next())
                    counts[table] = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("counts"));
    return counts;
}

// The ledger's per-table timings of the last run (cutover_run_tables.timings).
QStringList stageTimings(QSqlDatabase &db)
{
    QStringList lines;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT table_name, timings, loaded, quarantined FROM "
                               "cutover_run_tables WHERE run_id = (SELECT run_id FROM "
                               "cutover_runs ORDER BY started_at DESC LIMIT 1) ORDER BY "
                               "started_at")))
        return lines;
    while (q.next()) {
        const QJsonObject t = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        lines.append(QStringLiteral("    %1 read %2 s, transform %3 s, write %4 s, total %5 s "
                                    "(%6 loaded, %7 quarantined)")
                         .arg(q.value(0).toString(), -12)
                         .arg(t.value(QStringLiteral("read_ms")).toDouble() / 1000, 0, 'f', 1)
                         .arg(t.value(QStringLiteral("transform_ms")).toDouble() / 1000, 0, 'f', 1)
                         .arg(t.value(QStringLiteral("write_ms")).toDouble() / 1000, 0, 'f', 1)
                         .arg(t.value(QStringLiteral("total_ms")).toDouble() / 1000, 0, 'f', 1)
                         .arg(q.value(2).toLongLong())
                         .arg(q.value(3).toLongLong()));
    }
    return lines;
}

QStringList sqliteStageTimings(const QString &file)
{
    QStringList lines;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("timings"));
        db.setDatabaseName(file);
        if (db.open())
            lines = stageTimings(db);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("timings"));
    return lines;
}

enum class Verdict
{
    Pass,
    Fail,
    Skipped,
    Broken
};

QString verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return QStringLiteral("PASS");
    case Verdict::Fail:
        return QStringLiteral("FAIL");
    case Verdict::Skipped:
        return QStringLiteral("SKIPPED");
    case Verdict::Broken:
        return QStringLiteral("NOT MEASURED");
    }
    return {};
}

// The ways part 1 runs cutover-cli: as it is, and as one loads an empty target (secondary
// indexes built after the load from one sort each, foreign keys checked after the load).
struct SqliteConfig
{
    QString name;
    QStringList options;
};

QList<SqliteConfig> sqliteConfigs(const Settings &settings)
{
    const QList<SqliteConfig> all = {
        {QStringLiteral("default"), {}},
        {QStringLiteral("bulk"),
         {QStringLiteral("--drop-indexes"), QStringLiteral("--defer-foreign-keys")}}};
    QList<SqliteConfig> chosen;
    for (const SqliteConfig &config : all)
        if (settings.sqliteConfigs.contains(config.name))
            chosen.append(config);
    return chosen;
}

// One run of the reference and of each configuration, in an order that rotates with i so that
// the drift of a noisy machine favours none of them.
bool sqliteRound(int i, const Demo &demo, const QString &script, const QString &referenceTarget,
                 const QList<SqliteConfig> &configs, QList<double> &reference,
                 QList<QList<double>> &cutover)
{
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    const qsizetype steps = configs.size() + 1;
    for (qsizetype step = 0; step < steps; ++step) {
        const qsizetype which = (step + i) % steps;
        if (which == configs.size()) {
            replaceFile(demo.pristineTarget, referenceTarget);
            const QString log = QDir(demo.dir).filePath(QStringLiteral("sqlite3.log"));
            const Measured m =
                runProcess(sqlite3, {QStringLiteral("-bail"), referenceTarget}, log, script);
            if (!collect(QStringLiteral("sqlite3 CLI"), m, log, reference))
                return false;
            continue;
        }
        const SqliteConfig &config = configs.at(which);
        freshSqliteTarget(demo);
        const QString log = QDir(demo.dir).filePath(QStringLiteral("cutover-sqlite.log"));
        const Measured m = runCutover(demo.project, log, config.options);
        QList<double> rss; // printed by collect
        if (!collect(QStringLiteral("cutover %1").arg(config.name), m, log, cutover[which], &rss))
            return false;
    }
    return true;
}

Verdict benchSqlite(const Settings &settings, const Demo &demo, QStringList &summary)
{
    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty()) {
        summary.append(QStringLiteral("SQLite -> SQLite: SKIPPED, no sqlite3 command-line tool "
                                      "(Debian package sqlite3, installer/install-deps.sh)"));
        return Verdict::Skipped;
    }
    const QList<SqliteConfig> configs = sqliteConfigs(settings);
    if (configs.isEmpty()) {
        out << "SQLite -> SQLite: no known configuration in " << settings.sqliteConfigs.join(',')
            << " (default, bulk)" << Qt::endl;
        return Verdict::Broken;
    }
    const QString script = QDir(demo.dir).filePath(QStringLiteral("reference.sql"));
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            return Verdict::Broken;
        f.write(QString::fromUtf8(kSqliteReference)
                    .replace(QStringLiteral("@LEGACY@"), demo.legacy)
                    .toUtf8());
    }
    const QString referenceTarget = QDir(demo.dir).filePath(QStringLiteral("reference.sqlite"));
    QList<double> reference;
    QList<QList<double>> cutover(configs.size());
    out << "SQLite -> SQLite: " << settings.runs << " runs of each\n" << Qt::flush;
    for (int i = 0; i < settings.runs; ++i)
        if (!sqliteRound(i, demo, script, referenceTarget, configs, reference, cutover))
            return Verdict::Broken;
    const QHash<QString, qint64> referenceCounts = sqliteCounts(referenceTarget);
    const QHash<QString, qint64> cutoverCounts = sqliteCounts(demo.target);
    const QStringList timings = sqliteStageTimings(demo.target);
    const double ref = median(reference);
    QStringList counts;
    for (const QString &t : kTargetTables)
        counts.append(QStringLiteral("%1 %2/%3")
                          .arg(t)
                          .arg(cutoverCounts.value(t))
                          .arg(referenceCounts.value(t)));
    QString text = QStringLiteral("SQLite -> SQLite, %1 patients (%2 source rows), median of %3:\n"
                                  "  sqlite3 CLI INSERT ... SELECT  %4 s  (%5 rows/s)   runs: %6\n")
                       .arg(settings.patients)
                       .arg(demo.sourceRows)
                       .arg(settings.runs)
                       .arg(ref, 0, 'f', 2)
                       .arg(double(demo.sourceRows) / ref, 0, 'f', 0)
                       .arg(list(reference, 2));
    double judged = 0;
    for (qsizetype c = 0; c < configs.size(); ++c) {
        const double cut = median(cutover.at(c));
        const double ratio = ref / cut;
        judged = ratio; // the last configuration: bulk when it is measured
        text += QStringLiteral("  cutover %1 %2 s  (%3 rows/s)   runs: %4   speed cutover/CLI: "
                               "%5\n")
                    .arg(configs.at(c).name, -22)
                    .arg(cut, 0, 'f', 2)
                    .arg(double(demo.sourceRows) / cut, 0, 'f', 0)
                    .arg(list(cutover.at(c), 2))
                    .arg(ratio, 0, 'f', 2);
    }
    const Verdict verdict = judged >= 0.8 ? Verdict::Pass : Verdict::Fail;
    for (const SqliteConfig &config : configs)
        if (!config.options.isEmpty())
            text += QStringLiteral("  (%1: cutover-cli run %2)\n")
                        .arg(config.name, config.options.join(QLatin1Char(' ')));
    text += QStringLiteral("  loaded rows cutover/CLI (last cutover run): %1\n"
                           "  last cutover run per stage (ledger timings, stages overlap):\n%2\n"
                           "  speed of cutover %3 / CLI: %4 (bar: at least 0.80)  %5")
                .arg(counts.join(QStringLiteral(", ")), timings.join(QLatin1Char('\n')),
                     configs.last().name)
                .arg(judged, 0, 'f', 2)
                .arg(verdictText(verdict));
    summary.append(text);
    return verdict;
}

// Points the project's target connection at url.
bool writeProjectWithTarget(const QString &from, const QString &to, const QString &url)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QJsonObject project = QJsonDocument::fromJson(in.readAll()).object();
    const QString target = project.value(QStringLiteral("target")).toString();
    QJsonArray connections = project.value(QStringLiteral("connections")).toArray();
    for (qsizetype i = 0; i < connections.size(); ++i) {
        QJsonObject c = connections.at(i).toObject();
        if (c.value(QStringLiteral("name")).toString() == target)
            c[QStringLiteral("url")] = url;
        connections[i] = c;
    }
    project[QStringLiteral("connections")] = connections;
    QFile outFile(to);
    if (!outFile.open(QIODevice::WriteOnly))
        return false;
    outFile.write(QJsonDocument(project).toJson());
    return true;
}

// Part 2 runs cutover-cli as part 1's last configuration does: pgloader too creates the tables,
// copies the rows and then builds the indexes and adds the foreign keys.
QStringList postgresOptions(const Settings &settings)
{
    const QList<SqliteConfig> configs = sqliteConfigs(settings);
    return configs.isEmpty() ? QStringList() : configs.last().options;
}

Verdict benchPostgres(const Settings &settings, const Demo &demo, QStringList &summary)
{
    const QString pgloader = QStandardPaths::findExecutable(QStringLiteral("pgloader"));
    if (pgloader.isEmpty()) {
        summary.append(QStringLiteral("SQLite -> PostgreSQL: SKIPPED, pgloader is not installed "
                                      "(apt-get install pgloader)"));
        return Verdict::Skipped;
    }
    if (const QString why = test::PostgresServer::whyUnavailable(); !why.isEmpty()) {
        summary.append(QStringLiteral("SQLite -> PostgreSQL: SKIPPED, %1").arg(why));
        return Verdict::Skipped;
    }
    test::PostgresServer server;
    if (auto started = server.start(); !started) {
        out << "cannot start PostgreSQL: " << started.error().toString() << Qt::endl;
        return Verdict::Broken;
    }
    out << "SQLite -> PostgreSQL: server on port " << server.port() << ", " << settings.runs
        << " runs of each\n"
        << Qt::flush;
    QList<double> reference, referenceRss, cutover, cutoverRss;
    QStringList timings;
    qint64 copied = 0;
    for (int i = 0; i < settings.runs; ++i) {
        for (int step = 0; step < 2; ++step) {
            const bool pgloaderTurn = (step == 0) == (i % 2 == 0);
            const QString database =
                QStringLiteral("%1_%2")
                    .arg(pgloaderTurn ? QStringLiteral("pgloader") : QStringLiteral("cutover"))
                    .arg(i);
            if (auto created = server.execAsAdmin(
                    {QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(database, server.user())});
                !created) {
                out << created.error().toString() << Qt::endl;
                return Verdict::Broken;
            }
            const QString url = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
                                    .arg(server.user())
                                    .arg(server.port())
                                    .arg(database);
            if (pgloaderTurn) {
                const QString log = QDir(demo.dir).filePath(QStringLiteral("pgloader.log"));
                const QString withPassword = QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
                                                 .arg(server.user(), server.password())
                                                 .arg(server.port())
                                                 .arg(database);
                const Measured m = runProcess(pgloader, {demo.legacy, withPassword}, log);
                if (!collect(QStringLiteral("pgloader"), m, log, reference, &referenceRss))
                    return Verdict::Broken;
                if (copied == 0) {
                    const QString line = tail(log, 40);
                    for (const QString &l : line.split(QLatin1Char('\n')))
                        if (l.contains(QLatin1String("Total import time")))
                            copied =
                                l.split(QLatin1Char(' '), Qt::SkipEmptyParts).value(4).toLongLong();
                }
            } else {
                const QString project = QDir(demo.dir).filePath(QStringLiteral("demo-pg.cutover"));
                if (!writeProjectWithTarget(demo.project, project, url))
                    return Verdict::Broken;
                const QString log = QDir(demo.dir).filePath(QStringLiteral("cutover-pg.log"));
                const Measured m =
                    runCutover(project, log,
                               QStringList{QStringLiteral("--schema-from"),
                                           QStringLiteral("sqlite:") + demo.pristineTarget} +
                                   postgresOptions(settings),
                               {QStringLiteral("CUTOVER_PASSWORD=") + server.password()});
                if (!collect(QStringLiteral("cutover-cli run"), m, log, cutover, &cutoverRss))
                    return Verdict::Broken;
                if (i == settings.runs - 1 || i == settings.runs - 2) {
                    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                                QStringLiteral("pgtimings"));
                    db.setHostName(QStringLiteral("127.0.0.1"));
                    db.setPort(server.port());
                    db.setUserName(server.user());
                    db.setPassword(server.password());
                    db.setDatabaseName(database);
                    if (db.open())
                        timings = stageTimings(db);
                    db = QSqlDatabase();
                    QSqlDatabase::removeDatabase(QStringLiteral("pgtimings"));
                }
            }
            // Keep the server's disk use bounded at large sizes.
            (void)server.execAsAdmin({QStringLiteral("DROP DATABASE %1").arg(database)});
        }
    }
    const double ref = median(reference);
    const double cut = median(cutover);
    const double speed = ref / cut;
    const double memory = median(cutoverRss) / median(referenceRss);
    const bool fast = speed >= 2.5;
    const bool small = memory < 0.25;
    summary.append(
        QStringLiteral("SQLite -> PostgreSQL, %1 patients (%2 source rows; pgloader copied %3 "
                       "rows as they are), median of %4:\n"
                       "  pgloader         %5 s  max RSS %6 MB   runs: %7 s / %8 MB\n"
                       "  cutover-cli run  %9 s  max RSS %10 MB   runs: %11 s / %12 MB  (%18)\n"
                       "  last cutover run per stage (ledger timings, stages overlap):\n%13\n"
                       "  speed cutover/pgloader: %14 (bar: at least 2.50)  %15\n"
                       "  memory cutover/pgloader: %16 (bar: below 0.25)  %17")
            .arg(settings.patients)
            .arg(demo.sourceRows)
            .arg(copied)
            .arg(settings.runs)
            .arg(ref, 0, 'f', 2)
            .arg(median(referenceRss), 0, 'f', 0)
            .arg(list(reference, 2), list(referenceRss, 0))
            .arg(cut, 0, 'f', 2)
            .arg(median(cutoverRss), 0, 'f', 0)
            .arg(list(cutover, 2), list(cutoverRss, 0))
            .arg(timings.join(QLatin1Char('\n')))
            .arg(speed, 0, 'f', 2)
            .arg(verdictText(fast ? Verdict::Pass : Verdict::Fail))
            .arg(memory, 0, 'f', 2)
            .arg(verdictText(small ? Verdict::Pass : Verdict::Fail))
            .arg(postgresOptions(settings).isEmpty()
                     ? QStringLiteral("no options")
                     : postgresOptions(settings).join(QLatin1Char(' '))));
    return fast && small ? Verdict::Pass : Verdict::Fail;
}

Verdict benchMemory(const Settings &settings, const QString &base, QStringList &summary)
{
    const qint64 small = settings.memoryPatients;
    const qint64 large = small * 10;
    QList<double> rss[2];
    QList<double> seconds[2];
    out << "Memory: " << small << " and " << large << " patients, " << settings.memoryRuns
        << " runs of each\n"
        << Qt::flush;
    qint64 rows[2] = {0, 0};
    for (int size = 0; size < 2; ++size) {
        const auto demo = makeDemo(base, size == 0 ? small : large);
        if (!demo)
            return Verdict::Broken;
        rows[size] = demo->sourceRows;
        for (int i = 0; i < settings.memoryRuns; ++i) {
            freshSqliteTarget(*demo);
            const QString log = QDir(demo->dir).filePath(QStringLiteral("cutover-memory.log"));
            const Measured m = runCutover(demo->project, log);
            if (!m.ok()) {
                out << "cutover-cli run failed (exit " << m.exitCode << "):\n"
                    << tail(log) << Qt::endl;
                return Verdict::Broken;
            }
            rss[size].append(double(m.maxRssKb) / 1024.0);
            seconds[size].append(m.seconds);
            out << QStringLiteral("  %1 patients: %2 s, max RSS %3 MB\n")
                       .arg(size == 0 ? small : large)
                       .arg(m.seconds, 0, 'f', 2)
                       .arg(double(m.maxRssKb) / 1024.0, 0, 'f', 0)
                << Qt::flush;
        }
    }
    const double growth = median(rss[1]) / median(rss[0]);
    const Verdict verdict = growth <= 1.2 ? Verdict::Pass : Verdict::Fail;
    summary.append(
        QStringLiteral("Peak memory of cutover-cli run (SQLite to SQLite), median of %1:\n"
                       "  %2 patients (%3 rows)  max RSS %4 MB  (%5 s)\n"
                       "  %6 patients (%7 rows)  max RSS %8 MB  (%9 s)\n"
                       "  growth for 10 times the rows: %10 (bar: at most 1.20)  %11")
            .arg(settings.memoryRuns)
            .arg(small)
            .arg(rows[0])
            .arg(median(rss[0]), 0, 'f', 0)
            .arg(median(seconds[0]), 0, 'f', 1)
            .arg(large)
            .arg(rows[1])
            .arg(median(rss[1]), 0, 'f', 0)
            .arg(median(seconds[1]), 0, 'f', 1)
            .arg(growth, 0, 'f', 2)
            .arg(verdictText(verdict)));
    return verdict;
}

Settings readSettings(const QStringList &arguments)
{
    Settings s;
    auto value = [&](const char *name) -> QString {
        const QString option = QStringLiteral("--") + QString::fromLatin1(name).toLower().replace(
                                                          QLatin1Char('_'), QLatin1Char('-'));
        const qsizetype at = arguments.indexOf(option);
        if (at >= 0 && at + 1 < arguments.size())
            return arguments.at(at + 1);
        return qEnvironmentVariable((QByteArray("CUTOVER_BENCH_") + name).constData());
    };
    auto number = [&](const char *name, qint64 fallback) {
        bool ok = false;
        const qint64 n = value(name).toLongLong(&ok);
        return ok && n > 0 ? n : fallback;
    };
    s.patients = number("PATIENTS", s.patients);
    s.runs = int(number("RUNS", s.runs));
    s.memoryPatients = number("MEMORY_PATIENTS", s.memoryPatients);
    s.memoryRuns = int(number("MEMORY_RUNS", s.memoryRuns));
    if (const QString parts = value("PARTS"); !parts.isEmpty())
        s.parts = parts.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (const QString configs = value("SQLITE_CONFIGS"); !configs.isEmpty())
        s.sqliteConfigs = configs.split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.dir = value("DIR");
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Settings settings = readSettings(app.arguments());
    if (cliPath().isEmpty() || !QFileInfo(cliPath()).isExecutable()) {
        out << "cutover-cli not found (set CUTOVER_CLI)" << Qt::endl;
        return 2;
    }
    std::unique_ptr<QTemporaryDir> temporary;
    QString base = settings.dir;
    if (base.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>();
        base = temporary->path();
    }
    QDir().mkpath(base);
    out << "bench_run: cutover-cli " << cliPath() << ", work directory " << base << "\n"
        << Qt::flush;

    QStringList summary;
    QList<Verdict> verdicts;
    const bool sqlite = settings.parts.contains(QStringLiteral("sqlite"));
    const bool postgres = settings.parts.contains(QStringLiteral("postgres"));
    if (sqlite || postgres) {
        const auto demo = makeDemo(base, settings.patients);
        if (!demo)
            return 2;
        if (sqlite)
            verdicts.append(benchSqlite(settings, *demo, summary));
        if (postgres)
            verdicts.append(benchPostgres(settings, *demo, summary));
    }
    if (settings.parts.contains(QStringLiteral("memory")))
        verdicts.append(benchMemory(settings, base, summary));

    out << "\n" << summary.join(QStringLiteral("\n\n")) << Qt::endl;
    if (verdicts.contains(Verdict::Broken))
        return 2;
    return verdicts.contains(Verdict::Fail) ? 1 : 0;
}
