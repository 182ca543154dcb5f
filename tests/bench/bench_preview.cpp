// Preview speed on the demo: PreviewEngine on 500 rows of the patient mapping (first N and
// random N, seed 7), 15 runs each, against a reference in the same run: the same 500 rows read
// with a plain QSqlQuery on a fresh connection. Prints medians and ratios; exits 1 when a
// median preview takes more than 50 ms (the bar of the transforms issue).
#include "core/SqliteRuntime.h"
#include "demo/DemoGenerator.h"
#include "preview/PreviewEngine.h"
#include "project/ProjectReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace cutover;

namespace {

constexpr int kRuns = 15;
constexpr int kRows = 500;
constexpr double kBarMs = 50.0;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Milliseconds of each run; the first (warm-up) run is not counted.
QList<double> measure(const std::function<bool()> &run)
{
    QList<double> times;
    run();
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!run())
            return {};
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return times;
}

bool readReference(const QString &path)
{
    int rows = 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ref"));
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.exec(
            QStringLiteral("SELECT * FROM \"PATIENTS\" ORDER BY \"PAT_ID\" LIMIT %1").arg(kRows));
        const int columns = query.record().count();
        QVariantList values;
        while (query.next()) {
            for (int c = 0; c < columns; ++c)
                values.append(query.value(c));
            ++rows;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ref"));
    return rows == kRows;
}

} // namespace

int main(int argc, char **argv)
{
    cutover::SqliteRuntime::configure(); // before anything opens a database
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    DemoGenerator::Options options;
    options.directory = dir.path();
    if (auto made = DemoGenerator::generate(options); !made) {
        out << "cannot write the demo: " << made.error().toString() << Qt::endl;
        return 2;
    }
    auto project = ProjectReader::load(QDir(dir.path()).filePath(DemoGenerator::projectFileName()));
    if (!project) {
        out << "cannot read the demo project: " << project.error().toString() << Qt::endl;
        return 2;
    }
    const QString source = QDir(dir.path()).filePath(DemoGenerator::sourceFileName());
    auto preview = [&](const SampleSpec &spec) {
        return [&project, spec, &out] {
            PreviewEngine engine;
            auto result = engine.run(*project, QStringLiteral("patient"), spec);
            if (!result || result->rows.size() != kRows)
                out << "preview failed: "
                    << (result ? QStringLiteral("%1 rows").arg(result->rows.size())
                               : result.error().toString())
                    << Qt::endl;
            return result && result->rows.size() == kRows;
        };
    };
    const QList<double> reference = measure([&] { return readReference(source); });
    const QList<double> first = measure(preview(SampleSpec::first(kRows)));
    const QList<double> random = measure(preview(SampleSpec::random(kRows, 7)));
    if (reference.isEmpty() || first.isEmpty() || random.isEmpty())
        return 2;
    const double ref = median(reference);
    out << "demo: " << DemoGenerator::kDefaultPatients << " patients; " << kRows
        << " rows, median of " << kRuns << " runs\n";
    out << QStringLiteral("reference (QSqlQuery SELECT)  %1 ms\n").arg(ref, 0, 'f', 2);
    out << QStringLiteral("preview first %1            %2 ms  (%3 x reference)\n")
               .arg(kRows)
               .arg(median(first), 0, 'f', 2)
               .arg(median(first) / ref, 0, 'f', 1);
    out << QStringLiteral("preview random %1           %2 ms  (%3 x reference)\n")
               .arg(kRows)
               .arg(median(random), 0, 'f', 2)
               .arg(median(random) / ref, 0, 'f', 1);
    const bool ok = median(first) <= kBarMs && median(random) <= kBarMs;
    out << (ok ? "PASS" : "FAIL") << ": bar " << kBarMs << " ms" << Qt::endl;
    return ok ? 0 : 1;
}
