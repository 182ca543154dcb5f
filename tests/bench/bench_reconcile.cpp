// Reconciliation speed (issue 5): reconciling the demo's patient table after a run, against a
// plain full-table hash of the same target table in the same database (every row read through
// the sqlite3 C API and fed to one SHA-1), both timed in the same process, medians of several
// runs. Bar: reconciliation at least 0.5 of the hash's speed. Reconciliation does more than the
// hash: after a run it scans the source and the target and checks both against the run's
// digests (DigestProof), profiles every compared column, sends the sample through the mapping
// and looks for orphans; with CUTOVER_BENCH_METHOD=exact it runs the mapping on every row and
// merges both sides instead.
//
//   CUTOVER_BENCH_PATIENTS  demo size (default 20000; the figure is 1000000)
//   CUTOVER_BENCH_RUNS      runs per measurement (default 3)
//   CUTOVER_BENCH_METHOD    exact: the exact merge of every row (default: auto)
#include "core/SqliteRuntime.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <sqlite3.h>

using namespace cutover;

namespace {

QTextStream out(stdout);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// The reference: every row and column of the table through one SHA-1.
double hashSeconds(const QString &file, const QString &table, QByteArray &digest)
{
    QElapsedTimer timer;
    timer.start();
    sqlite3 *db = nullptr;
    sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, QStringLiteral("SELECT * FROM \"%1\"").arg(table).toUtf8().constData(),
                       -1, &statement, nullptr);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const int columns = sqlite3_column_count(statement);
    while (sqlite3_step(statement) == SQLITE_ROW)
        for (int c = 0; c < columns; ++c) {
            const auto *bytes = static_cast<const char *>(sqlite3_column_blob(statement, c));
            hash.addData(QByteArrayView(bytes, sqlite3_column_bytes(statement, c)));
            hash.addData(QByteArrayView("\x1f", 1));
        }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    digest = hash.result();
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    cutover::SqliteRuntime::configure(); // before anything opens a database
    QCoreApplication app(argc, argv);
    const qint64 patients = qEnvironmentVariableIntValue("CUTOVER_BENCH_PATIENTS") > 0
                                ? qEnvironmentVariableIntValue("CUTOVER_BENCH_PATIENTS")
                                : 20000;
    const int runs = qEnvironmentVariableIntValue("CUTOVER_BENCH_RUNS") > 0
                         ? qEnvironmentVariableIntValue("CUTOVER_BENCH_RUNS")
                         : 3;
    QTemporaryDir dir;
    DemoGenerator::Options options;
    options.directory = dir.path();
    options.patients = patients;
    if (auto written = DemoGenerator::generate(options); !written) {
        out << "demo: " << written.error().toString() << Qt::endl;
        return 2;
    }
    auto project = ProjectReader::load(dir.filePath(QStringLiteral("demo.cutover")));
    if (!project) {
        out << "project: " << project.error().toString() << Qt::endl;
        return 2;
    }
    RunOptions load; // only the table reconciled: the demo's other tables take far longer
    load.tables = {QStringLiteral("patient")};
    RunEngine engine(*project, load);
    RunControl control;
    if (auto run = engine.run(control); !run || run->status != RunStatus::Succeeded) {
        out << "run failed" << Qt::endl;
        return 2;
    }
    const QString target = dir.filePath(QStringLiteral("modern.sqlite"));
    QList<double> hashTimes;
    QList<double> reconcileTimes;
    qint64 rows = 0;
    for (int i = 0; i < runs; ++i) {
        QByteArray digest;
        hashTimes.append(hashSeconds(target, QStringLiteral("patient"), digest));
        ReconcileOptions reconcile;
        reconcile.tables = {QStringLiteral("patient")};
        reconcile.store = false;
        if (qEnvironmentVariable("CUTOVER_BENCH_METHOD") == QLatin1String("exact"))
            reconcile.method = ReconcileOptions::Method::Exact;
        QElapsedTimer timer;
        timer.start();
        auto report = Reconciler(*project).run(reconcile);
        reconcileTimes.append(timer.nsecsElapsed() / 1e9);
        if (!report || report->status != ReconcileStatus::Pass) {
            out << "reconciliation failed or did not pass" << Qt::endl;
            return 2;
        }
        rows = report->tables.first().targetRows;
        out << QStringLiteral("  hash %1 s, reconcile %2 s (%3)")
                   .arg(hashTimes.last(), 0, 'f', 3)
                   .arg(reconcileTimes.last(), 0, 'f', 3)
                   .arg(report->tables.first().method)
            << Qt::endl;
    }
    const double hash = median(hashTimes);
    const double reconcile = median(reconcileTimes);
    const double ratio = hash / reconcile;
    out << QStringLiteral("patient, %1 demo patients (%2 target rows), median of %3:\n"
                          "  full-table SHA-1 of the target  %4 s (%5 rows/s)\n"
                          "  reconcile patient               %6 s (%7 rows/s)\n"
                          "  speed reconcile/hash: %8 (bar: at least 0.50)  %9")
               .arg(patients)
               .arg(rows)
               .arg(runs)
               .arg(hash, 0, 'f', 3)
               .arg(qint64(rows / hash))
               .arg(reconcile, 0, 'f', 3)
               .arg(qint64(rows / reconcile))
               .arg(ratio, 0, 'f', 3)
               .arg(ratio >= 0.5 ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
        << Qt::endl;
    return ratio >= 0.5 ? 0 : 1;
}
