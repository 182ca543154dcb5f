#include "PreviewCommand.h"

#include "CommandLine.h"
#include "PreviewPrinter.h"
#include "preview/PreviewEngine.h"
#include "project/ProjectReader.h"

namespace cutover::cli {

namespace {

const QString kTable = QStringLiteral("table");
const QString kRows = QStringLiteral("rows");
const QString kSample = QStringLiteral("sample");
const QString kSeed = QStringLiteral("seed");
const QString kFilter = QStringLiteral("filter");
const QString kJson = QStringLiteral("json");

int usage(CliContext &context, const QString &message)
{
    context.err << "cutover-cli preview: " << message << Qt::endl
                << "Try 'cutover-cli preview --help'." << Qt::endl;
    return UsageError;
}

} // namespace

int PreviewCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral(
            "Reads sample rows of a table mapping's source, runs the mapping's expressions, "
            "converts the values to the target types and checks the rules, then prints each "
            "row's source and target side by side. Target cells are marked: '*' changed, "
            "' ' unchanged, '~' converted with a loss risk, '!' violation, '?' expression "
            "does not compile; violations are listed under their row.\n"
            "Exit code 0 when no sampled row would be quarantined, 1 when one would, 2 on a "
            "usage error, 3 when the project or a connection cannot be read."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({kTable, QStringLiteral("The target table whose mapping to preview."),
                    QStringLiteral("T")});
    line.addOption({kRows,
                    QStringLiteral("Rows in the sample (default: the project's sampleRows)."),
                    QStringLiteral("N")});
    line.addOption({kSample,
                    QStringLiteral("first (default), random, or edge: NULLs, longest values, "
                                   "extremes, values missing from lookups."),
                    QStringLiteral("KIND"), QStringLiteral("first")});
    line.addOption({kSeed, QStringLiteral("Seed of the random sample (default 1)."),
                    QStringLiteral("S"), QStringLiteral("1")});
    line.addOption({kFilter,
                    QStringLiteral("Only rows matching this condition, SQL in the source's "
                                   "dialect (a SQLite expression for CSV sources)."),
                    QStringLiteral("EXPR")});
    line.addOption({kJson, QStringLiteral("Print the whole result as JSON.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    if (!parser.isSet(kTable))
        return usage(context, QStringLiteral("--table is required"));

    auto project = ProjectReader::load(parser.positionalArguments().first());
    if (!project)
        return fail(context, project.error());
    const auto spec = sampleSpec(context, parser, project->settings.sampleRows);
    if (!spec)
        return UsageError;

    PreviewEngine engine(context.passwords);
    auto result = engine.run(*project, parser.value(kTable), *spec);
    if (!result) {
        context.err << "cutover-cli preview: " << result.error().toString() << Qt::endl;
        return exitCodeFor(result.error());
    }
    if (parser.isSet(kJson))
        PreviewPrinter::printJson(context.out, *result);
    else
        PreviewPrinter::printText(context.out, *result);
    return result->blockedRows() > 0 || result->hasCompileErrors() ? CheckFailed : Ok;
}

std::optional<SampleSpec>
PreviewCommand::sampleSpec(CliContext &context, const QCommandLineParser &parser, int defaultRows)
{
    SampleSpec spec;
    spec.rows = defaultRows;
    bool ok = true;
    if (parser.isSet(kRows)) {
        spec.rows = parser.value(kRows).toInt(&ok);
        if (!ok || spec.rows < 1) {
            usage(context, QStringLiteral("--rows wants a positive number, not '%1'")
                               .arg(parser.value(kRows)));
            return std::nullopt;
        }
    }
    spec.seed = parser.value(kSeed).toULongLong(&ok);
    if (!ok) {
        usage(
            context,
            QStringLiteral("--seed wants an unsigned integer, not '%1'").arg(parser.value(kSeed)));
        return std::nullopt;
    }
    spec.filter = parser.value(kFilter);
    const QString kind = parser.value(kSample);
    if (kind == QLatin1String("first"))
        spec.kind = spec.filter.isEmpty() ? SampleSpec::Kind::First : SampleSpec::Kind::Filter;
    else if (kind == QLatin1String("random"))
        spec.kind = SampleSpec::Kind::Random;
    else if (kind == QLatin1String("edge"))
        spec.kind = SampleSpec::Kind::EdgeCases;
    else {
        usage(context, QStringLiteral("--sample is first, random or edge, not '%1'").arg(kind));
        return std::nullopt;
    }
    return spec;
}

int PreviewCommand::exitCodeFor(const Error &error)
{
    switch (error.code()) {
    case Error::Code::Usage:
        return UsageError;
    case Error::Code::Validation:
        return CheckFailed;
    default:
        return CannotConnect; // the project, a connection, the source or a filter cannot be read
    }
}

} // namespace cutover::cli
