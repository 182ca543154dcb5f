#include "AutomapCommand.h"

#include "CliAudit.h"
#include "CommandLine.h"
#include "automap/ProjectInitializer.h"
#include "automap/SqlSampleProvider.h"
#include "connect/SqlConnection.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "core/JsonWriter.h"
#include "dialect/ConnectionSpec.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "validate/PlannedTarget.h"

#include <QJsonArray>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace cutover::cli {

namespace {

constexpr double kDefaultMinConfidence = 0.6;
constexpr int kDefaultSamples = 200;

struct Side
{
    ConnectionSpec spec;
    DatabaseSchema schema;
};

Result<Side> introspect(const Project &project, const QString &connectionName,
                        const PasswordProvider *passwords)
{
    const ConnectionDef *def = project.connection(connectionName);
    if (!def)
        return Error(Error::Code::Parse,
                     QStringLiteral("the project names no connection '%1'").arg(connectionName),
                     project.name, QStringLiteral("set sourceConnection and targetConnection"));
    auto spec = ConnectionSpec::parse(def->url, project.baseDir);
    if (!spec)
        return spec.error();
    auto schema = IntrospectorFactory::create(*spec, passwords)->introspect();
    if (!schema)
        return schema.error();
    return Side{*spec, std::move(*schema)};
}

std::optional<double> parseConfidence(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && value >= 0 && value <= 1 ? std::optional<double>(value) : std::nullopt;
}

QString percent(double confidence)
{
    return QString::number(confidence, 'f', 2);
}

QJsonObject toJson(const AutoMapper::ColumnSuggestion &c, double minConfidence)
{
    QJsonObject o;
    o[QStringLiteral("target")] = c.target;
    o[QStringLiteral("source")] = c.source;
    o[QStringLiteral("expression")] = c.expression;
    o[QStringLiteral("confidence")] = c.confidence;
    o[QStringLiteral("accepted")] = c.confidence >= minConfidence;
    o[QStringLiteral("reason")] = c.reason;
    if (!c.cleanExpression.isEmpty()) {
        o[QStringLiteral("cleanExpression")] = c.cleanExpression;
        o[QStringLiteral("cleanReason")] = c.cleanReason;
    }
    return o;
}

QJsonObject toJson(const AutoMapper::MappingSuggestion &m, double minConfidence)
{
    QJsonObject o;
    o[QStringLiteral("target")] = m.table.target;
    o[QStringLiteral("source")] = m.table.source;
    o[QStringLiteral("confidence")] = m.table.confidence;
    o[QStringLiteral("reason")] = m.table.reason;
    o[QStringLiteral("sourceKey")] = m.sourceKey;
    QJsonArray columns;
    for (const auto &c : m.columns)
        columns.append(toJson(c, minConfidence));
    o[QStringLiteral("columns")] = columns;
    o[QStringLiteral("unmatched")] = QJsonArray::fromStringList(m.unmatched);
    return o;
}

} // namespace

int AutomapCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral("Suggests a source table for each target table without a mapping (or for "
                       "--table), and for each such pair the source column and a starting "
                       "transform expression for each target column, with a confidence (0..1) "
                       "and the reason: normalized names, synonyms, type compatibility and "
                       "sample values read from the source. A column is copied as it is, "
                       "converted only where the target's type needs it; cleanings that change "
                       "values (trim, case, blank to NULL) are offered apart, and applied with "
                       "--clean.\n"
                       "--write adds the suggestions of at least --min-confidence to the project "
                       "file as ordinary mappings; existing mappings are never changed.\n"
                       "Exit code 0 on success, 2 on a usage error, 3 when the project or a "
                       "connection cannot be read."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    const QCommandLineOption table(QStringLiteral("table"),
                                   QStringLiteral("Only this target table."), QStringLiteral("T"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption write(QStringLiteral("write"),
                                   QStringLiteral("Add the accepted suggestions to the project."));
    const QCommandLineOption minConfidence(
        QStringLiteral("min-confidence"),
        QStringLiteral("Accept column suggestions from this confidence on (default %1).")
            .arg(kDefaultMinConfidence),
        QStringLiteral("C"), QString::number(kDefaultMinConfidence));
    const QCommandLineOption timeZone(
        QStringLiteral("time-zone"),
        QStringLiteral("Time zone of local timestamps in the source (default UTC)."),
        QStringLiteral("ZONE"), QStringLiteral("UTC"));
    const QCommandLineOption samples(
        QStringLiteral("samples"),
        QStringLiteral("Sample values read per source column (default %1, 0: none).")
            .arg(kDefaultSamples),
        QStringLiteral("N"), QString::number(kDefaultSamples));
    const QCommandLineOption clean(
        QStringLiteral("clean"),
        QStringLiteral("Apply the cleanings offered (trim, case, blank to NULL, ...), which change "
                       "values the target could hold as they are. Without it each column is "
                       "copied as it is, converted only where the target's type needs it."));
    const QCommandLineOption createTables(
        QStringLiteral("create-tables"),
        QStringLiteral("With --write, also add the source tables that nothing reads and the "
                       "target lacks, with their definition, copied as they are."));
    for (const auto &option :
         {table, json, write, minConfidence, timeZone, samples, clean, createTables})
        line.addOption(option);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;

    const auto threshold = parseConfidence(line.parser().value(minConfidence));
    bool samplesOk = false;
    const int sampleCount = line.parser().value(samples).toInt(&samplesOk);
    if (!threshold || !samplesOk || sampleCount < 0)
        return fail(context, Error(Error::Code::Usage,
                                   QStringLiteral("--min-confidence takes a number from 0 to 1 "
                                                  "and --samples a count from 0")));

    const QString projectFile = line.parser().positionalArguments().first();
    auto project = ProjectReader::load(projectFile);
    if (!project)
        return fail(context, project.error());
    auto source = introspect(*project, project->sourceConnection, context.passwords);
    if (!source)
        return fail(context, source.error());
    auto target = introspect(*project, project->targetConnection, context.passwords);
    if (!target)
        return fail(context, target.error());
    target->schema = PlannedTarget::of(*project, target->schema);

    QStringList targets;
    if (line.parser().isSet(table)) {
        const TableInfo *t = target->schema.tableIgnoringCase(line.parser().value(table));
        if (!t)
            return fail(
                context,
                Error(
                    Error::Code::Usage,
                    QStringLiteral("the target has no table '%1'").arg(line.parser().value(table)),
                    {},
                    QStringLiteral("tables: %1")
                        .arg(target->schema.tableNames().join(QStringLiteral(", ")))));
        targets << t->name;
    } else {
        for (const TableInfo &t : target->schema.tables)
            if (!t.isView && !project->mapping(t.name))
                targets << t.name;
    }

    std::unique_ptr<SqlConnection> connection;
    std::unique_ptr<SqlSampleProvider> provider;
    if (sampleCount > 0 && source->spec.kind() != ConnectionSpec::Kind::Csv) {
        auto opened = SqlConnection::open(source->spec, context.passwords);
        if (!opened)
            return fail(context, opened.error());
        connection = std::move(*opened);
        provider = std::make_unique<SqlSampleProvider>(*connection);
    }
    AutoMapper::Options options;
    options.sampleSize = sampleCount;
    options.timeZone = line.parser().value(timeZone);
    options.lookups = project->lookups;
    options.clean = line.parser().isSet(clean);
    const AutoMapper mapper(source->schema, target->schema, provider.get(), options);
    const Suggestions suggestions = targets.isEmpty() ? Suggestions() : mapper.suggest(targets);

    const QStringList uncovered =
        line.parser().isSet(table) ? QStringList()
                                   : sourceTablesUncovered(*project, source->schema, suggestions);
    Project toCreate;
    if (!uncovered.isEmpty()) {
        ProjectInitializer::Options init;
        init.only = uncovered;
        init.sourceKind = source->spec.kind();
        init.names = ProjectInitializer::defaultCase(target->spec.kind());
        auto built =
            ProjectInitializer(source->schema, target->schema, target->spec.kind(), init).build();
        if (built)
            toCreate = built->project;
    }

    QStringList written;
    if (line.parser().isSet(write)) {
        const Project before = *project;
        written = addMappings(*project, suggestions, *threshold);
        const bool create = line.parser().isSet(createTables);
        for (const TableMapping &m : std::as_const(toCreate.mappings))
            if (create && !project->mapping(m.target) && toCreate.targetTable(m.target)) {
                project->mappings.append(m);
                project->targetTables.append(*toCreate.targetTable(m.target));
                written << m.target;
            }
        if (!written.isEmpty()) {
            if (auto saved = ProjectWriter::save(*project, projectFile); !saved)
                return fail(context, saved.error());
            CliAudit::save(context, projectFile, before, *project);
        }
    }
    QStringList creatable;
    for (const TableInfo &t : std::as_const(toCreate.targetTables))
        creatable << t.name;
    if (line.parser().isSet(json)) {
        printJson(context.out, projectFile, suggestions, *threshold, written, creatable);
        return Ok;
    }
    if (targets.isEmpty() && creatable.isEmpty())
        context.out << "Every target table has a mapping; name one with --table.\n";
    printText(context.out, suggestions, *threshold);
    if (!creatable.isEmpty())
        context.out << "Source tables that no mapping reads and the target lacks, to create with "
                       "their definition and copy as they are"
                    << (line.parser().isSet(createTables) ? ""
                                                          : " (--write --create-tables adds them)")
                    << ": " << creatable.join(QStringLiteral(", ")) << "\n";
    if (line.parser().isSet(write))
        context.out << "Wrote " << written.size() << " mapping(s) to " << projectFile
                    << (written.isEmpty()
                            ? QString()
                            : QStringLiteral(": ") + written.join(QStringLiteral(", ")))
                    << '\n';
    return Ok;
}

// Source tables (not views) that no mapping and no suggestion reads.
QStringList AutomapCommand::sourceTablesUncovered(const Project &project,
                                                  const DatabaseSchema &source,
                                                  const Suggestions &suggestions)
{
    QSet<QString> read;
    for (const TableMapping &m : project.mappings)
        read.insert(m.source);
    for (const auto &s : suggestions)
        read.insert(s.table.source);
    QStringList uncovered;
    for (const TableInfo &t : source.tables)
        if (!t.isView && !read.contains(t.name))
            uncovered << t.name;
    return uncovered;
}

QStringList AutomapCommand::addMappings(Project &project, const Suggestions &suggestions,
                                        double minConfidence)
{
    QStringList written;
    for (const auto &s : suggestions) {
        if (project.mapping(s.table.target))
            continue;
        TableMapping mapping = AutoMapper::toTableMapping(s, minConfidence);
        if (mapping.columns.isEmpty())
            continue;
        project.mappings.append(mapping);
        written << s.table.target;
    }
    return written;
}

void AutomapCommand::printText(QTextStream &out, const Suggestions &suggestions,
                               double minConfidence)
{
    for (const auto &m : suggestions) {
        out << m.table.target << " <- " << m.table.source << "  (" << percent(m.table.confidence)
            << ": " << m.table.reason << ")\n";
        for (const auto &c : m.columns) {
            out << (c.confidence >= minConfidence ? "  + " : "  ? ") << c.target.leftJustified(20)
                << " <- " << c.source.leftJustified(14) << ' ' << percent(c.confidence) << "  "
                << c.expression << '\n'
                << "        " << c.reason << '\n';
            if (!c.cleanExpression.isEmpty())
                out << "        cleaning offered (changes data, --clean): " << c.cleanExpression
                    << " (" << c.cleanReason << ")\n";
        }
        if (!m.unmatched.isEmpty())
            out << "  no suggestion: " << m.unmatched.join(QStringLiteral(", ")) << '\n';
        out << '\n';
    }
    int accepted = 0, total = 0;
    for (const auto &m : suggestions)
        for (const auto &c : m.columns)
            total += 1, accepted += c.confidence >= minConfidence;
    out << suggestions.size() << " table(s), " << total << " column suggestion(s), " << accepted
        << " at or above " << percent(minConfidence) << " (+)\n";
}

void AutomapCommand::printJson(QTextStream &out, const QString &projectFile,
                               const Suggestions &suggestions, double minConfidence,
                               const QStringList &written, const QStringList &creatable)
{
    QJsonArray tables;
    for (const auto &m : suggestions)
        tables.append(toJson(m, minConfidence));
    QJsonObject root;
    root[QStringLiteral("project")] = projectFile;
    root[QStringLiteral("minConfidence")] = minConfidence;
    root[QStringLiteral("tables")] = tables;
    root[QStringLiteral("written")] = QJsonArray::fromStringList(written);
    root[QStringLiteral("create")] = QJsonArray::fromStringList(creatable);
    out << QString::fromUtf8(JsonWriter({QStringLiteral("project"), QStringLiteral("minConfidence"),
                                         QStringLiteral("target"), QStringLiteral("source"),
                                         QStringLiteral("expression"), QStringLiteral("confidence"),
                                         QStringLiteral("accepted"), QStringLiteral("reason")})
                                 .write(root));
}

} // namespace cutover::cli
