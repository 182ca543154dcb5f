// Lift and shift speed and memory (issue 23): the same database copied into fresh PostgreSQL
// databases of one server (tests/support/PostgresServer), in the same run, medians of several
// runs, by three routes:
//  - cutover:  `cutover-cli copy SOURCE postgresql://...` (init, run and reconcile in one go),
//  - pgloader: `pgloader SOURCE pgsql://...` (Debian's package),
//  - plain:    the tools by hand, one table after the other: the source's own client exports
//              the rows (`sqlite3 -csv`, MariaDB's SELECT ... INTO OUTFILE), `psql \copy` loads
//              them into tables without keys, then SQL adds the primary keys, the indexes and
//              the foreign keys. As close to the physical limit as this machine shows.
// Sources: a generated SQLite database (three tables: keys, foreign keys, secondary and unique
// indexes; text with non-ASCII letters, quotes, commas and newlines, integers, REAL money, dates,
// timestamps, NULLs), and the same rows in a MariaDB server (tests/support/MariaDbServer).
// Every route's result is checked: the row count of each table, and that each route built the
// primary keys, indexes and foreign keys.
// Bars (issue 23): cutover at least 2.5 times pgloader's speed, at least 0.8 of the plain
// route's, and a peak resident memory of at most a quarter of pgloader's. Exits 1 when a bar is
// missed, 2 when something could not be measured; a source whose tools are missing is skipped.
//
// Settings (environment, or the same names as --options):
//   CUTOVER_BENCH_QUICK=1  or --quick: 300000 rows, one run of each
//   CUTOVER_BENCH_ROWS     source rows in all (default 3000000)
//   CUTOVER_BENCH_RUNS     runs of each route, the median is quoted (default 3)
//   CUTOVER_BENCH_SOURCES  comma-separated subset of sqlite,mysql (default both)
//   CUTOVER_BENCH_CUTOVER  cutover configurations, of default (no options) and bulk
//                          (--drop-indexes --defer-foreign-keys); default "default". The bars
//                          are judged on the first one.
//   CUTOVER_BENCH_ROUTES   comma-separated subset of cutover,pgloader,plain (default all)
//   CUTOVER_BENCH_DIR      work directory (kept, and the generated database reused); default a
//                          temporary one
//   CUTOVER_CLI            the cutover-cli to time (default the build's)
// e.g. CUTOVER_BENCH_ROWS=300000 CUTOVER_BENCH_RUNS=1 build/tests/bench/bench_liftshift
#include "BenchFigures.h"
#include "LiftShiftSource.h"
#include "MariaDbServer.h"
#include "MeasuredProcess.h"
#include "PostgresServer.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <optional>
#include <sqlite3.h>

#ifndef CUTOVER_CLI_PATH
#define CUTOVER_CLI_PATH ""
#endif

using namespace cutover;
using cutover::bench::LiftShiftSource;
using cutover::bench::SourceCounts;
using test::MeasuredProcess;

namespace {

QTextStream out(stdout);

// The plain route's PostgreSQL tables: the types Cutover and pgloader choose for them, no keys
// while the rows load, then the keys, indexes and foreign keys.
const char kPlainTables[] = R"SQL(
CREATE TABLE customer (id bigint NOT NULL, name text NOT NULL, email text, city text,
  balance double precision, created_at timestamp NOT NULL, birth_date date);
CREATE TABLE orders (id bigint NOT NULL, customer_id bigint NOT NULL, ordered_at timestamp NOT NULL,
  status text NOT NULL, total double precision NOT NULL, note text);
CREATE TABLE order_line (id bigint NOT NULL, order_id bigint NOT NULL, line_no integer NOT NULL,
  sku text NOT NULL, quantity integer NOT NULL, unit_price double precision NOT NULL,
  discount double precision, shipped_on date);
)SQL";

const char kPlainKeys[] = R"SQL(
ALTER TABLE customer ADD PRIMARY KEY (id);
ALTER TABLE orders ADD PRIMARY KEY (id);
ALTER TABLE order_line ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX customer_email ON customer (email);
CREATE INDEX customer_city ON customer (city);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_ordered_at ON orders (ordered_at);
CREATE INDEX order_line_order ON order_line (order_id);
CREATE INDEX order_line_sku ON order_line (sku);
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE order_line ADD FOREIGN KEY (order_id) REFERENCES orders (id);
)SQL";

struct Settings
{
    qint64 rows = 3000000;
    int runs = 3;
    QStringList sources = {QStringLiteral("sqlite"), QStringLiteral("mysql")};
    QStringList cutoverConfigs = {QStringLiteral("default")};
    QStringList routes = {QStringLiteral("cutover"), QStringLiteral("pgloader"),
                          QStringLiteral("plain")};
    QString dir;
};

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CUTOVER_CLI");
    return fromEnv.isEmpty() ? QString::fromUtf8(CUTOVER_CLI_PATH) : fromEnv;
}

using cutover::test::list;
using cutover::test::median;
using cutover::test::tail;

// ---- measuring ----------------------------------------------------------------------------

struct Measurement
{
    MeasuredProcess::Outcome outcome;
    double serverCpu = 0; // the PostgreSQL server's (and the source server's) CPU seconds
};

struct RouteFigures
{
    QString name;
    QList<double> seconds, cpu, serverCpu, rssMb;
    QList<double> reconcileSeconds; // cutover copy: its reconciliation's share of seconds
    QString check;                  // what the last run left in its database
};

// Row counts, keys, indexes and foreign keys of the copied tables in database, whatever schema
// the route put them in; empty when all is there, otherwise what is wrong.
QString checkCopy(const test::PostgresServer &server, const QString &database,
                  const SourceCounts &expected, QString &summary)
{
    const QString name = QStringLiteral("check-") + database;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setPassword(server.password());
        db.setDatabaseName(database);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        QStringList counts;
        for (const QString &table : LiftShiftSource::tables()) {
            if (!q.exec(QStringLiteral("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON "
                                       "n.oid = c.relnamespace WHERE c.relname = '%1' AND "
                                       "c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', "
                                       "'information_schema')")
                            .arg(table)) ||
                !q.next()) {
                problem += QStringLiteral(" no table %1;").arg(table);
                continue;
            }
            const QString qualified = q.value(0).toString() + QLatin1Char('.') + table;
            if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(qualified)) || !q.next()) {
                problem += QStringLiteral(" cannot count %1;").arg(table);
                continue;
            }
            const qint64 rows = q.value(0).toLongLong();
            counts.append(QStringLiteral("%1 %2").arg(table).arg(rows));
            if (rows != expected.of(table))
                problem += QStringLiteral(" %1 has %2 rows, the source %3;")
                               .arg(table)
                               .arg(rows)
                               .arg(expected.of(table));
        }
        qint64 primary = 0, indexes = 0, foreign = 0;
        const QString ours = QStringLiteral("('customer', 'orders', 'order_line')");
        if (q.exec(QStringLiteral("SELECT count(*) FILTER (WHERE i.indisprimary), count(*) "
                                  "FILTER (WHERE NOT i.indisprimary) FROM pg_index i JOIN "
                                  "pg_class c ON c.oid = i.indrelid WHERE c.relname IN %1")
                       .arg(ours)) &&
            q.next()) {
            primary = q.value(0).toLongLong();
            indexes = q.value(1).toLongLong();
        }
        if (q.exec(QStringLiteral("SELECT count(*) FROM pg_constraint k JOIN pg_class c ON c.oid "
                                  "= k.conrelid WHERE k.contype = 'f' AND c.relname IN %1")
                       .arg(ours)) &&
            q.next())
            foreign = q.value(0).toLongLong();
        summary = QStringLiteral("%1; %2 primary keys, %3 other indexes, %4 foreign keys")
                      .arg(counts.join(QStringLiteral(", ")))
                      .arg(primary)
                      .arg(indexes)
                      .arg(foreign);
        if (primary != 3 || indexes < 6 || foreign != 2)
            problem += QStringLiteral(" keys or indexes missing (%1 primary keys, %2 indexes, %3 "
                                      "foreign keys; wanted 3, 6, 2);")
                           .arg(primary)
                           .arg(indexes)
                           .arg(foreign);
    }
    QSqlDatabase::removeDatabase(name);
    return problem.trimmed();
}

struct Source
{
    QString kind; // "sqlite" or "mysql"
    QString cutoverUrl;
    QString pgloaderUrl;
    QString plainScript; // a shell script with @DB@ for the target database name
    QStringList environment;
    qint64 serverPid = 0; // the source's server, when it has one
    SourceCounts counts;
    QString title;
};

class Bench
{
public:
    Bench(const Settings &settings, test::PostgresServer &server, QString dir)
        : m_settings(settings)
        , m_server(server)
        , m_dir(std::move(dir))
    {}

    // One route's run into a new database; false when it failed or copied wrong.
    bool runRoute(const Source &source, const QString &route, const QStringList &options, int run,
                  RouteFigures &figures);

private:
    double serverCpu(const Source &source) const
    {
        double cpu = MeasuredProcess::treeCpuSeconds(m_server.processId());
        if (source.serverPid > 0)
            cpu += MeasuredProcess::treeCpuSeconds(source.serverPid);
        return cpu;
    }
    QString targetUrl(const QString &database, bool withPassword) const
    {
        return QStringLiteral("postgresql://%1%2@127.0.0.1:%3/%4")
            .arg(m_server.user(), withPassword ? QLatin1Char(':') + m_server.password() : QString())
            .arg(m_server.port())
            .arg(database);
    }

    const Settings &m_settings;
    test::PostgresServer &m_server;
    QString m_dir;
};

bool Bench::runRoute(const Source &source, const QString &route, const QStringList &options,
                     int run, RouteFigures &figures)
{
    const QString database = QStringLiteral("%1_%2_%3").arg(source.kind, route).arg(run);
    if (auto created = m_server.execAsAdmin(
            {QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(database, m_server.user())});
        !created) {
        out << created.error().toString() << Qt::endl;
        return false;
    }
    const QString log = QDir(m_dir).filePath(QStringLiteral("%1-%2.log").arg(source.kind, route));
    const QStringList environment =
        source.environment + QStringList{QStringLiteral("PGPASSWORD=") + m_server.password(),
                                         QStringLiteral("CUTOVER_NO_KEYCHAIN=1")};
    MeasuredProcess::Outcome outcome;
    const double cpuBefore = serverCpu(source);
    if (route == QLatin1String("cutover")) {
        const QString project = QDir(m_dir).filePath(source.kind + QStringLiteral("-copy.cutover"));
        outcome = MeasuredProcess::run(
            cliPath(),
            QStringList{QStringLiteral("copy"), source.cutoverUrl, targetUrl(database, false),
                        QStringLiteral("--project"), project, QStringLiteral("--force")} +
                options,
            log, QString(), environment);
    } else if (route == QLatin1String("pgloader")) {
        outcome = MeasuredProcess::run(QStandardPaths::findExecutable(QStringLiteral("pgloader")),
                                       {source.pgloaderUrl, targetUrl(database, true)}, log,
                                       QString(), environment);
    } else {
        const QString script = QDir(m_dir).filePath(source.kind + QStringLiteral("-plain.sh"));
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QString(source.plainScript).replace(QStringLiteral("@DB@"), database).toUtf8());
        file.close();
        outcome = MeasuredProcess::run(QStringLiteral("/bin/sh"), {QStringLiteral("-e"), script},
                                       log, QString(), environment);
    }
    // The server's backends end a moment after their clients: their CPU time is counted then.
    QThread::msleep(300);
    const double server = serverCpu(source) - cpuBefore;
    if (!outcome.ok()) {
        out << route << " failed (exit " << outcome.exitCode << "):\n" << tail(log) << Qt::endl;
        return false;
    }
    QString summary;
    const QString problem = checkCopy(m_server, database, source.counts, summary);
    figures.check = summary;
    if (!problem.isEmpty()) {
        out << route << " copied wrong: " << problem << "\n  log: " << log << Qt::endl;
        return false;
    }
    if (route == QLatin1String("cutover")) {
        // "Overall: PASS (3 of 3 tables pass) in 10.5 s", or "... in 3 min 23 s"
        QFile file(log);
        if (file.open(QIODevice::ReadOnly))
            for (const QByteArray &line : file.readAll().split('\n'))
                if (line.startsWith("Overall:") && line.endsWith(" s")) {
                    const QList<QByteArray> words =
                        line.mid(line.lastIndexOf(" in ") + 4).chopped(2).split(' ');
                    const double minutes = words.size() == 3 ? words.first().toDouble() : 0;
                    figures.reconcileSeconds.append(minutes * 60 + words.last().toDouble());
                }
    }
    figures.seconds.append(outcome.seconds);
    figures.cpu.append(outcome.cpuSeconds);
    figures.serverCpu.append(server);
    figures.rssMb.append(double(outcome.maxRssKb) / 1024.0);
    out << QStringLiteral("  %1 %2 s, client CPU %3 s, server CPU %4 s, max RSS %5 MB\n")
               .arg(figures.name, -18)
               .arg(outcome.seconds, 7, 'f', 1)
               .arg(outcome.cpuSeconds, 6, 'f', 1)
               .arg(server, 6, 'f', 1)
               .arg(double(outcome.maxRssKb) / 1024.0, 5, 'f', 0)
        << Qt::flush;
    // Keep the server's disk use bounded at large sizes.
    (void)m_server.execAsAdmin({QStringLiteral("DROP DATABASE %1").arg(database)});
    return true;
}

// ---- the routes' inputs -------------------------------------------------------------------

QString shellQuote(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
           QLatin1Char('\'');
}

QString psqlCommand(const test::PostgresServer &server)
{
    return QStringLiteral("psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p %1 -U %2 -d @DB@")
        .arg(server.port())
        .arg(server.user());
}

// sqlite3 -csv per table piped into psql \copy, then the keys and indexes.
QString sqlitePlainScript(const test::PostgresServer &server, const QString &source,
                          const QString &dir)
{
    const QString psql = psqlCommand(server);
    const QString tables = QDir(dir).filePath(QStringLiteral("plain-tables.sql"));
    const QString keys = QDir(dir).filePath(QStringLiteral("plain-keys.sql"));
    QFile(tables).remove();
    QFile(keys).remove();
    if (QFile f(tables); f.open(QIODevice::WriteOnly))
        f.write(kPlainTables);
    if (QFile f(keys); f.open(QIODevice::WriteOnly))
        f.write(kPlainKeys);
    QString script = QStringLiteral("%1 -f %2\n").arg(psql, shellQuote(tables));
    for (const QString &table : LiftShiftSource::tables())
        script += QStringLiteral("sqlite3 -csv -nullvalue '\\N' %1 'SELECT * FROM %2' | %3 -c "
                                 "\"\\\\copy %2 FROM pstdin (FORMAT csv, NULL '\\\\N')\"\n")
                      .arg(shellQuote(source), table, psql);
    script += QStringLiteral("%1 -f %2\n").arg(psql, shellQuote(keys));
    return script;
}

// SELECT ... INTO OUTFILE per table (MariaDB's own fastest export: tab-separated, \N for NULL,
// backslash escapes, as COPY's text format reads them), psql \copy of the file, then the keys.
QString mysqlPlainScript(const test::PostgresServer &server, const test::MariaDbServer &mariadb,
                         const QString &dir)
{
    const QString psql = psqlCommand(server);
    const QString tables = QDir(dir).filePath(QStringLiteral("plain-tables.sql"));
    const QString keys = QDir(dir).filePath(QStringLiteral("plain-keys.sql"));
    const QString exports = QDir(dir).filePath(QStringLiteral("mysql-export"));
    QString script = QStringLiteral("rm -rf %1\nmkdir -p %1\nchmod 777 %1\n%2 -f %3\n")
                         .arg(shellQuote(exports), psql, shellQuote(tables));
    for (const QString &table : LiftShiftSource::tables()) {
        const QString file = QDir(exports).filePath(table + QStringLiteral(".tsv"));
        script += QStringLiteral("mysql -h 127.0.0.1 -P %1 -u %2 %3 -e \"SELECT * FROM %4 INTO "
                                 "OUTFILE '%5'\"\n")
                      .arg(mariadb.port())
                      .arg(mariadb.user(), mariadb.database(), table, file);
        script += QStringLiteral("%1 -c \"\\\\copy %2 FROM '%3'\"\n").arg(psql, table, file);
        script += QStringLiteral("rm -f %1\n").arg(shellQuote(file));
    }
    script += QStringLiteral("%1 -f %2\n").arg(psql, shellQuote(keys));
    return script;
}

// The generated SQLite database in dir (reused when it is there with the rows wanted).
std::optional<QString> sqliteSource(const Settings &settings, const QString &dir,
                                    SourceCounts &counts)
{
    counts = LiftShiftSource::plannedCounts(settings.rows);
    const QString path =
        QDir(dir).filePath(QStringLiteral("liftshift-%1.sqlite").arg(settings.rows));
    const QString done = path + QStringLiteral(".done");
    if (QFileInfo::exists(done) && QFileInfo::exists(path)) {
        out << "source: " << path << " (reused)\n" << Qt::flush;
        return path;
    }
    QElapsedTimer timer;
    timer.start();
    if (!LiftShiftSource::writeSqlite(path, counts)) {
        out << "cannot write the source database " << path << Qt::endl;
        return std::nullopt;
    }
    QFile(done).open(QIODevice::WriteOnly);
    out << QStringLiteral("source: %1, %2 rows (%3 customers, %4 orders, %5 order lines), "
                          "%6 MB, written in %7 s\n")
               .arg(path)
               .arg(counts.total())
               .arg(counts.customers)
               .arg(counts.orders)
               .arg(counts.lines)
               .arg(double(QFileInfo(path).size()) / 1048576.0, 0, 'f', 0)
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
        << Qt::flush;
    return path;
}

// ---- the verdict --------------------------------------------------------------------------

struct Config
{
    QString name;
    QStringList options;
};

QList<Config> cutoverConfigs(const Settings &settings)
{
    const QList<Config> all = {
        {QStringLiteral("default"), {}},
        {QStringLiteral("bulk"),
         {QStringLiteral("--drop-indexes"), QStringLiteral("--defer-foreign-keys")}}};
    QList<Config> chosen;
    for (const QString &name : settings.cutoverConfigs)
        for (const Config &config : all)
            if (config.name == name)
                chosen.append(config);
    return chosen;
}

enum class Verdict
{
    Pass,
    Fail,
    Skipped,
    Broken
};

QString verdictText(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("FAIL");
}

Verdict benchSource(const Settings &settings, test::PostgresServer &server, const Source &source,
                    const QString &dir, QStringList &summary)
{
    Bench bench(settings, server, dir);
    const QList<Config> configs = cutoverConfigs(settings);
    QList<RouteFigures> figures;
    QStringList order; // route names, with the cutover configurations
    for (const QString &route : settings.routes) {
        if (route == QLatin1String("cutover")) {
            for (const Config &config : configs) {
                RouteFigures f;
                f.name = QStringLiteral("cutover ") + config.name;
                figures.append(f);
                order.append(route);
            }
        } else {
            RouteFigures f;
            f.name = route == QLatin1String("plain") ? QStringLiteral("plain tools") : route;
            figures.append(f);
            order.append(route);
        }
    }
    out << source.title << ": " << settings.runs << " runs of each\n" << Qt::flush;
    for (int run = 0; run < settings.runs; ++run) {
        // The order rotates, so that a noisy machine's drift favours no route.
        for (qsizetype step = 0; step < figures.size(); ++step) {
            const qsizetype which = (step + run) % figures.size();
            QStringList options;
            if (order.at(which) == QLatin1String("cutover"))
                for (const Config &config : configs)
                    if (figures.at(which).name.endsWith(config.name))
                        options = config.options;
            if (!bench.runRoute(source, order.at(which), options, run, figures[which]))
                return Verdict::Broken;
        }
    }
    QString text = QStringLiteral("%1, %2 rows, median of %3 runs:\n"
                                  "  %4 %5 %6 %7 %8 %9   runs (s)\n")
                       .arg(source.title)
                       .arg(source.counts.total())
                       .arg(settings.runs)
                       .arg(QStringLiteral("route"), -18)
                       .arg(QStringLiteral("wall s"), 8)
                       .arg(QStringLiteral("rows/s"), 9)
                       .arg(QStringLiteral("client CPU s"), 13)
                       .arg(QStringLiteral("server CPU s"), 13)
                       .arg(QStringLiteral("max RSS MB"), 11);
    for (const RouteFigures &f : std::as_const(figures))
        text += QStringLiteral("  %1 %2 %3 %4 %5 %6   %7\n")
                    .arg(f.name, -18)
                    .arg(median(f.seconds), 8, 'f', 1)
                    .arg(double(source.counts.total()) / median(f.seconds), 9, 'f', 0)
                    .arg(median(f.cpu), 13, 'f', 1)
                    .arg(median(f.serverCpu), 13, 'f', 1)
                    .arg(median(f.rssMb), 11, 'f', 0)
                    .arg(list(f.seconds, 1));
    for (const RouteFigures &f : std::as_const(figures))
        if (!f.reconcileSeconds.isEmpty())
            text +=
                QStringLiteral("  %1 of which reconciliation %2 s (median), init and run %3 s\n")
                    .arg(f.name, -18)
                    .arg(median(f.reconcileSeconds), 0, 'f', 1)
                    .arg(median(f.seconds) - median(f.reconcileSeconds), 0, 'f', 1);
    for (const RouteFigures &f : std::as_const(figures))
        text += QStringLiteral("  %1 left: %2\n").arg(f.name, -18).arg(f.check);
    const auto find = [&](const QString &prefix) -> const RouteFigures * {
        for (const RouteFigures &f : std::as_const(figures))
            if (f.name.startsWith(prefix))
                return &f;
        return nullptr;
    };
    const RouteFigures *cutover = find(QStringLiteral("cutover"));
    const RouteFigures *pgloader = find(QStringLiteral("pgloader"));
    const RouteFigures *plain = find(QStringLiteral("plain"));
    bool pass = true;
    if (cutover && pgloader) {
        const double speed = median(pgloader->seconds) / median(cutover->seconds);
        const double memory = median(cutover->rssMb) / median(pgloader->rssMb);
        text += QStringLiteral("  speed %1 / pgloader: %2 (bar: at least 2.50)  %3\n"
                               "  peak memory %1 / pgloader: %4 (bar: at most 0.25)  %5\n")
                    .arg(cutover->name)
                    .arg(speed, 0, 'f', 2)
                    .arg(verdictText(speed >= 2.5))
                    .arg(memory, 0, 'f', 2)
                    .arg(verdictText(memory <= 0.25));
        pass = pass && speed >= 2.5 && memory <= 0.25;
    }
    if (cutover && plain) {
        const double speed = median(plain->seconds) / median(cutover->seconds);
        text += QStringLiteral("  speed %1 / plain tools: %2 (bar: at least 0.80)  %3\n")
                    .arg(cutover->name)
                    .arg(speed, 0, 'f', 2)
                    .arg(verdictText(speed >= 0.8));
        pass = pass && speed >= 0.8;
    }
    summary.append(text);
    return pass ? Verdict::Pass : Verdict::Fail;
}

Settings readSettings(const QStringList &arguments)
{
    Settings s;
    const bool quick = arguments.contains(QStringLiteral("--quick")) ||
                       qEnvironmentVariableIntValue("CUTOVER_BENCH_QUICK") > 0;
    if (quick) {
        s.rows = 300000;
        s.runs = 1;
    }
    auto value = [&](const char *name) -> QString {
        const QString option = QStringLiteral("--") + QString::fromLatin1(name).toLower();
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
    auto names = [&](const char *name, const QStringList &fallback) {
        const QString text = value(name);
        return text.isEmpty() ? fallback : text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    };
    s.rows = number("ROWS", s.rows);
    s.runs = int(number("RUNS", s.runs));
    s.sources = names("SOURCES", s.sources);
    s.cutoverConfigs = names("CUTOVER", s.cutoverConfigs);
    s.routes = names("ROUTES", s.routes);
    s.dir = value("DIR");
    return s;
}

QString machine()
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly))
        for (const QByteArray &line : info.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
    return QStringLiteral("%1 CPUs (%2)").arg(QThread::idealThreadCount()).arg(cpu);
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
    for (const char *tool : {"sqlite3", "psql"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
            out << tool << " is not installed" << Qt::endl;
            return 2;
        }
    if (settings.routes.contains(QStringLiteral("pgloader")) &&
        QStandardPaths::findExecutable(QStringLiteral("pgloader")).isEmpty()) {
        out << "pgloader is not installed (apt-get install pgloader)" << Qt::endl;
        return 2;
    }
    if (const QString why = test::PostgresServer::whyUnavailable(); !why.isEmpty()) {
        out << "PostgreSQL: " << why << Qt::endl;
        return 2;
    }
    std::unique_ptr<QTemporaryDir> temporary;
    QString base = settings.dir;
    if (base.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>(test::ServerProcess::tempBase() +
                                                    QStringLiteral("/cutover-bench-XXXXXX"));
        base = temporary->path();
    }
    QDir().mkpath(base);
    // The servers run as another user when this is root: they need to read the files here.
    QFile::setPermissions(base, QFile::permissions(base) | QFileDevice::ReadOther |
                                    QFileDevice::ExeOther | QFileDevice::WriteOther);
    out << "bench_liftshift: " << machine() << "\n  cutover-cli " << cliPath()
        << "\n  work directory " << base << "\n"
        << Qt::flush;

    SourceCounts counts;
    const auto sqlitePath = sqliteSource(settings, base, counts);
    if (!sqlitePath)
        return 2;
    test::PostgresServer server;
    if (auto started = server.start(); !started) {
        out << "cannot start PostgreSQL: " << started.error().toString() << Qt::endl;
        return 2;
    }
    QStringList summary;
    QList<Verdict> verdicts;
    if (settings.sources.contains(QStringLiteral("sqlite"))) {
        Source source;
        source.kind = QStringLiteral("sqlite");
        source.title = QStringLiteral("SQLite -> PostgreSQL");
        source.cutoverUrl = QStringLiteral("sqlite://") + *sqlitePath;
        source.pgloaderUrl = QStringLiteral("sqlite://") + *sqlitePath;
        source.plainScript = sqlitePlainScript(server, *sqlitePath, base);
        source.counts = counts;
        verdicts.append(benchSource(settings, server, source, base, summary));
    }
    if (settings.sources.contains(QStringLiteral("mysql"))) {
        if (const QString why = test::MariaDbServer::whyUnavailable(); !why.isEmpty()) {
            summary.append(QStringLiteral("MariaDB -> PostgreSQL: SKIPPED, %1").arg(why));
        } else {
            test::MariaDbServer mariadb;
            if (auto started = mariadb.start(); !started) {
                out << "cannot start MariaDB: " << started.error().toString() << Qt::endl;
                return 2;
            }
            if (!LiftShiftSource::loadMariaDb(mariadb, *sqlitePath, base) ||
                !LiftShiftSource::checkMariaDb(mariadb, counts))
                return 2;
            Source source;
            source.kind = QStringLiteral("mysql");
            source.title = QStringLiteral("MariaDB -> PostgreSQL");
            source.cutoverUrl = QStringLiteral("mysql://%1@127.0.0.1:%2/%3")
                                    .arg(mariadb.user())
                                    .arg(mariadb.port())
                                    .arg(mariadb.database());
            source.pgloaderUrl = QStringLiteral("mysql://%1:%2@127.0.0.1:%3/%4")
                                     .arg(mariadb.user(), mariadb.password())
                                     .arg(mariadb.port())
                                     .arg(mariadb.database());
            source.plainScript = mysqlPlainScript(server, mariadb, base);
            source.environment = {QStringLiteral("MYSQL_PWD=") + mariadb.password()};
            source.serverPid = mariadb.processId();
            source.counts = counts;
            verdicts.append(benchSource(settings, server, source, base, summary));
        }
    }
    out << "\n" << machine() << "\n" << summary.join(QLatin1Char('\n')) << Qt::endl;
    if (verdicts.contains(Verdict::Broken))
        return 2;
    return verdicts.contains(Verdict::Fail) ? 1 : 0;
}
