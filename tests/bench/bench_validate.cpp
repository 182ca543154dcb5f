// Measures ProjectValidator on projects of 2,000 and 20,000 column mappings (20 tables of 100 and
// of 1,000 columns, SQLite source and target) and fails when ten times the mappings take more
// than 30 times as long: validation must grow with the mappings, not with their square (it took
// 32 s at 20,000 when every expression opened its own table of all the source's columns).
// Prints medians of 5.
#include "schema/DatabaseSchema.h"
#include "validate/ProjectValidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace cutover;

namespace {

constexpr int kTables = 20;

DatabaseSchema schema(int columns)
{
    DatabaseSchema result;
    for (int t = 0; t < kTables; ++t) {
        TableInfo table;
        table.name = QStringLiteral("t%1").arg(t);
        ColumnInfo id;
        id.name = QStringLiteral("id");
        id.type = NormalizedType::fromString(QStringLiteral("integer"));
        id.primaryKeyPosition = 1;
        table.columns.append(id);
        for (int c = 0; c < columns; ++c) {
            ColumnInfo column;
            column.name = QStringLiteral("c%1").arg(c);
            column.type = NormalizedType::fromString(QStringLiteral("text"));
            table.columns.append(column);
        }
        result.tables.append(table);
    }
    return result;
}

Project project(int columns)
{
    Project p;
    p.name = QStringLiteral("wide");
    p.connections = {{QStringLiteral("src"), QStringLiteral("sqlite:src.db"), {}},
                     {QStringLiteral("dst"), QStringLiteral("sqlite:dst.db"), {}}};
    p.sourceConnection = QStringLiteral("src");
    p.targetConnection = QStringLiteral("dst");
    for (int t = 0; t < kTables; ++t) {
        TableMapping m;
        m.target = m.source = QStringLiteral("t%1").arg(t);
        m.columns.append({QStringLiteral("id"), QStringLiteral("id"), {}, false, false, {}});
        for (int c = 0; c < columns; ++c)
            m.columns.append({QStringLiteral("c%1").arg(c),
                              QStringLiteral("upper(c%1)").arg(c),
                              {},
                              false,
                              false,
                              {}});
        p.mappings.append(m);
    }
    return p;
}

double medianSeconds(int columns)
{
    const Project p = project(columns);
    const DatabaseSchema source = schema(columns);
    const DatabaseSchema target = schema(columns);
    QList<double> times;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto problems = ProjectValidator(p, source, target).validate();
        times.append(timer.nsecsElapsed() / 1e9);
        if (!problems.isEmpty() && problems.first().severity == Problem::Severity::Error)
            std::printf("unexpected problem: %s\n", qPrintable(problems.first().message));
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double small = medianSeconds(100);
    const double large = medianSeconds(1000);
    const double ratio = large / small;
    std::printf("validate, %d tables (median of 5)\n", kTables);
    std::printf("  2,000 column mappings:  %8.3f s\n", small);
    std::printf("  20,000 column mappings: %8.3f s\n", large);
    std::printf("  ratio: %.1f (10 is linear, 100 quadratic; the bar is 30)\n", ratio);
    return ratio <= 30 ? 0 : 1;
}
