#include "DemoCommand.h"

#include "CommandLine.h"
#include "demo/DemoGenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <optional>

namespace cutover::cli {

namespace {

std::optional<qint64> parseRows(const QString &text)
{
    bool ok = false;
    const qint64 rows = text.toLongLong(&ok);
    if (!ok || rows < 1 || rows > DemoGenerator::kMaxPatients)
        return std::nullopt;
    return rows;
}

void printFile(QTextStream &out, const DemoGenerator::File &file)
{
    out << "  " << QDir::toNativeSeparators(file.path) << "  (" << file.role;
    if (file.replaced)
        out << ", replaced the existing file";
    out << ")\n";
    for (const DemoTableCount &table : file.tables)
        out << "      " << table.table.leftJustified(16)
            << QString::number(table.rows).rightJustified(12) << " rows\n";
}

} // namespace

int DemoCommand::run(CliContext &context)
{
    CommandLine line(
        name(), QStringLiteral("Writes a demo into DIR: legacy.sqlite, a legacy clinic database "
                               "with the dirt real data has; modern.sqlite, an empty modern "
                               "target schema; and demo.cutover, a project mapping one onto "
                               "the other. DIR is created if missing; those three files are "
                               "replaced, nothing else is touched. The same seed and rows "
                               "give the same bytes."));
    line.addPositional(QStringLiteral("DIR"), QStringLiteral("The folder to write the demo into."));
    const QCommandLineOption rowsOption(
        QStringLiteral("rows"),
        QStringLiteral("Number of patients (1 to %1, default %2); practitioners, visits, "
                       "observations and invoices scale with it.")
            .arg(DemoGenerator::kMaxPatients)
            .arg(DemoGenerator::kDefaultPatients),
        QStringLiteral("N"), QString::number(DemoGenerator::kDefaultPatients));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"),
        QStringLiteral("Seed of the generator, an unsigned integer (default %1).")
            .arg(DemoGenerator::kDefaultSeed),
        QStringLiteral("S"), QString::number(DemoGenerator::kDefaultSeed));
    line.addOption(rowsOption);
    line.addOption(seedOption);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;

    const auto rows = parseRows(line.parser().value(rowsOption));
    if (!rows)
        return fail(context,
                    Error(Error::Code::Usage,
                          QStringLiteral("--rows must be a whole number from 1 to %1, not '%2'")
                              .arg(DemoGenerator::kMaxPatients)
                              .arg(line.parser().value(rowsOption))));
    bool seedOk = false;
    const quint64 seed = line.parser().value(seedOption).toULongLong(&seedOk);
    if (!seedOk)
        return fail(context, Error(Error::Code::Usage,
                                   QStringLiteral("--seed must be an unsigned integer, not '%1'")
                                       .arg(line.parser().value(seedOption))));

    DemoGenerator::Options options;
    options.directory = line.parser().positionalArguments().first();
    options.patients = *rows;
    options.seed = seed;
    QElapsedTimer timer;
    timer.start();
    auto files = DemoGenerator::generate(options);
    if (!files)
        return fail(context, files.error());
    context.out << "Wrote the demo (" << *rows << " patients, seed " << seed << ") in "
                << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s:\n";
    for (const DemoGenerator::File &file : *files)
        printFile(context.out, file);
    context.out << "Open it with: cutover " << QDir::toNativeSeparators(files->last().path) << '\n';
    return Ok;
}

} // namespace cutover::cli
