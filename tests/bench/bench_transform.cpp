// Measures TransformProgram on the demo's patient mapping with the batch in a virtual table
// (the default) against the same batch copied into a temporary table, in the same run, and
// fails when the default is the slower of the two. Prints medians of 15 runs.
#include "core/SqliteRuntime.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "transform/TransformProgram.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace cutover;

namespace {

RowBatch readRows(const QString &file, const QString &table, int limit)
{
    RowBatch batch;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(file);
        db.open();
        QSqlQuery query(db);
        query.exec(QStringLiteral("SELECT * FROM \"%1\" LIMIT %2").arg(table).arg(limit));
        const QSqlRecord record = query.record();
        for (int i = 0; i < record.count(); ++i)
            batch.columns.append(record.fieldName(i));
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < record.count(); ++i) {
                const QVariant v = query.value(i);
                row.append(v.typeId() == QMetaType::Int ? QVariant(v.toLongLong()) : v);
            }
            batch.rows.append(row);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return batch;
}

double medianMs(TransformProgram &program, const RowBatch &batch)
{
    QList<double> times;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto result = program.run(batch);
        times.append(timer.nsecsElapsed() / 1e6);
        if (!result.ok())
            return -1;
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    cutover::SqliteRuntime::configure(); // before anything opens a database
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    DemoGenerator::Options options;
    options.directory = dir.path();
    if (auto written = DemoGenerator::generate(options); !written) {
        std::fprintf(stderr, "demo: %s\n", qPrintable(written.error().toString()));
        return 2;
    }
    auto project = ProjectReader::load(dir.filePath(QStringLiteral("demo.cutover")));
    const TableMapping *mapping = project->mapping(QStringLiteral("patient"));
    const RowBatch batch =
        readRows(dir.filePath(QStringLiteral("legacy.sqlite")), mapping->source, 5000);

    QList<TransformProgram::Output> outputs;
    for (const ColumnMapping &column : mapping->columns)
        outputs.append({column.target, column.expression});
    QList<TransformProgram::CompileError> errors;
    auto virtualTable = TransformProgram::compile(batch.columns, outputs, project->lookups, &errors,
                                                  TransformProgram::Storage::VirtualTable);
    auto temporaryTable =
        TransformProgram::compile(batch.columns, outputs, project->lookups, &errors,
                                  TransformProgram::Storage::TemporaryTable);
    if (!virtualTable || !temporaryTable) {
        std::fprintf(stderr, "compile: %s\n", qPrintable(errors.value(0).message));
        return 2;
    }
    const double vtab = medianMs(*virtualTable, batch);
    const double temp = medianMs(*temporaryTable, batch);
    std::printf("transform of %lld patient rows, %lld columns (median of 15)\n",
                qint64(batch.size()), qint64(outputs.size()));
    std::printf("  virtual table (default): %8.2f ms  %8.0f rows/s\n", vtab,
                batch.size() / vtab * 1000);
    std::printf("  temporary table:         %8.2f ms  %8.0f rows/s\n", temp,
                batch.size() / temp * 1000);
    std::printf("  ratio temporary/virtual: %.2f (above 1 means the default is faster)\n",
                temp / vtab);
    return vtab <= temp * 1.10 ? 0 : 1; // within noise of each other counts as a tie
}
