#include "ValidateCommand.h"

#include "CommandLine.h"
#include "core/JsonLocator.h"
#include "core/JsonWriter.h"

#include <QFile>
#include <QJsonArray>

namespace cutover::cli {

namespace {

// The position of the problem's value; inside an expression, the position of the error in it
// (exact unless the expression has JSON escapes before the error).
JsonLocator::Position positionOf(const JsonLocator &locator, const Problem &problem)
{
    JsonLocator::Position position = locator.positionOf(problem.path);
    if (position.line > 0 && problem.offset >= 0)
        position.column += 1 + problem.offset; // 1 for the opening quote
    return position;
}

// Where a problem sits in the project file, as "file:line:column" like a compiler prints it.
QString placeOf(const QString &filePath, const JsonLocator &locator, const Problem &problem)
{
    const auto position = positionOf(locator, problem);
    if (position.line == 0)
        return filePath;
    return QStringLiteral("%1:%2:%3").arg(filePath).arg(position.line).arg(position.column);
}

JsonLocator locatorFor(const QString &filePath)
{
    QFile file(filePath);
    return JsonLocator(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
}

} // namespace

int ValidateCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral("Loads a project, reads the schemas of its source and target, and "
                       "reports unknown tables and columns, expressions that do not "
                       "compile, NOT NULL target columns nothing fills, types that "
                       "cannot convert and duplicate mappings.\n"
                       "Exit code 0 when there is no error (warnings allowed), 1 when "
                       "there are errors, 3 when the project or a connection cannot be read."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    line.addOption(json);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;

    auto outcome =
        ProjectCheck::run(line.parser().positionalArguments().first(), context.passwords);
    if (!outcome)
        return fail(context, outcome.error());
    if (line.parser().isSet(json))
        printJson(context.out, *outcome);
    else
        printText(context.out, *outcome);
    return exitCode(*outcome);
}

int ValidateCommand::exitCode(const ProjectCheck::Outcome &outcome)
{
    if (!outcome.sourceAvailable || !outcome.targetAvailable)
        return CannotConnect;
    return outcome.count(Problem::Severity::Error) > 0 ? CheckFailed : Ok;
}

void ValidateCommand::printText(QTextStream &out, const ProjectCheck::Outcome &outcome)
{
    const JsonLocator locator = locatorFor(outcome.filePath);
    for (const Problem &p : outcome.problems)
        out << placeOf(outcome.filePath, locator, p) << ": " << Problem::severityName(p.severity)
            << ": " << p.location << ": " << p.message << " [" << p.code << "]\n";
    out << outcome.project.mappings.size()
        << " mapping(s) checked: " << outcome.count(Problem::Severity::Error) << " error(s), "
        << outcome.count(Problem::Severity::Warning) << " warning(s), "
        << outcome.count(Problem::Severity::Info) << " note(s)\n";
}

void ValidateCommand::printJson(QTextStream &out, const ProjectCheck::Outcome &outcome)
{
    const JsonLocator locator = locatorFor(outcome.filePath);
    QJsonArray problems;
    for (const Problem &p : outcome.problems) {
        const auto position = positionOf(locator, p);
        QJsonObject o;
        o[QStringLiteral("severity")] = Problem::severityName(p.severity);
        o[QStringLiteral("code")] = p.code;
        o[QStringLiteral("location")] = p.location;
        o[QStringLiteral("path")] = p.path;
        o[QStringLiteral("line")] = position.line;
        o[QStringLiteral("column")] = position.column;
        o[QStringLiteral("message")] = p.message;
        o[QStringLiteral("table")] = p.table;
        o[QStringLiteral("targetColumn")] = p.column;
        o[QStringLiteral("offset")] = p.offset;
        problems.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("project")] = outcome.filePath;
    root[QStringLiteral("status")] =
        exitCode(outcome) == Ok ? QStringLiteral("ok") : QStringLiteral("failed");
    root[QStringLiteral("errors")] = outcome.count(Problem::Severity::Error);
    root[QStringLiteral("warnings")] = outcome.count(Problem::Severity::Warning);
    root[QStringLiteral("notes")] = outcome.count(Problem::Severity::Info);
    root[QStringLiteral("problems")] = problems;
    out << QString::fromUtf8(
        JsonWriter({QStringLiteral("project"), QStringLiteral("status"), QStringLiteral("errors"),
                    QStringLiteral("warnings"), QStringLiteral("notes"), QStringLiteral("severity"),
                    QStringLiteral("code"), QStringLiteral("location")})
            .write(root));
}

} // namespace cutover::cli
