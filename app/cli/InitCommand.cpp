#include "InitCommand.h"

#include "CliAudit.h"
#include "CommandLine.h"
#include "ExitCode.h"
#include "automap/ProjectInitializer.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ConnectionSpec.h"
#include "project/ProjectVocabulary.h"
#include "project/ProjectWriter.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSessionFactory.h"
#include "validate/PlannedTarget.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cutover::cli {

namespace {

QStringList patterns(const QStringList &values)
{
    QStringList result;
    for (const QString &value : values)
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            result.append(part.trimmed());
    return result;
}

Result<DatabaseSchema> introspect(const ConnectionSpec &spec, const PasswordProvider *passwords)
{
    return IntrospectorFactory::create(spec, passwords)->introspect();
}

Result<QStringList> createTables(const ConnectionSpec &target, const QList<TableInfo> &tables,
                                 const PasswordProvider *passwords)
{
    auto session = TargetSessionFactory::open(target, passwords);
    if (!session)
        return session.error();
    TargetPreparer preparer(**session, tables, {});
    auto report = preparer.beforeLoad();
    if (!report)
        return report.error();
    return report->created;
}

Result<void> createEmptyFile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot create the database: %1").arg(file.errorString()),
                     path);
    return {};
}

} // namespace

int InitCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral(
            "Writes a new project that copies the source's tables into the target as they are: "
            "one table mapping per source table, each column copied unchanged, in foreign-key "
            "order. For each table the target lacks, the project holds its definition (types, "
            "primary key, unique constraints, indexes, foreign keys, defaults the target can "
            "hold); the run creates it. Names follow --names (default: lower case on "
            "PostgreSQL, as in the source elsewhere) and are cut to what the target holds. "
            "Everything left out or renamed is listed.\n"
            "Exit code 0 on success, 2 on a usage error, 3 when a connection cannot be read."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file to write"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("The database to copy from (a connection URL)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption target(QStringLiteral("target"),
                                    QStringLiteral("The database to copy into (a connection URL)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption tables(
        QStringLiteral("tables"),
        QStringLiteral("Copy only the source tables matching these wildcard patterns "
                       "(repeatable or comma separated, case-insensitive)."),
        QStringLiteral("PATTERN"));
    const QCommandLineOption exclude(QStringLiteral("exclude"),
                                     QStringLiteral("Leave out the source tables matching these "
                                                    "patterns."),
                                     QStringLiteral("PATTERN"));
    const QCommandLineOption names(QStringLiteral("names"),
                                   QStringLiteral("Target names: keep (as in the source) or lower "
                                                  "(lower case)."),
                                   QStringLiteral("RULE"));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("Load mode of every mapping: insert (default), "
                                                 "upsert or truncate-load."),
                                  QStringLiteral("MODE"), QStringLiteral("insert"));
    const QCommandLineOption createTarget(
        QStringLiteral("create-target"),
        QStringLiteral("Create the missing target tables now (empty), not only at the run."));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Overwrite PROJECT if it exists."));
    const QCommandLineOption dataOnly(
        QStringLiteral("data-only"),
        QStringLiteral("Copy into tables the target has; refuse if one is missing."));
    for (const auto &option :
         {source, target, tables, exclude, names, mode, createTarget, force, dataOnly})
        line.addOption(option);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    if (!parser.isSet(source) || !parser.isSet(target))
        return fail(context, Error(Error::Code::Usage,
                                   QStringLiteral("give both --source URL and --target URL")));

    const QString projectFile = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    if (QFileInfo::exists(projectFile) && !parser.isSet(force))
        return fail(context,
                    Error(Error::Code::Usage, QStringLiteral("the project file exists"),
                          projectFile,
                          QStringLiteral("choose another name, or --force to replace it")));
    auto sourceSpec = ConnectionSpec::parse(parser.value(source));
    if (!sourceSpec)
        return fail(context, sourceSpec.error());
    auto targetSpec = ConnectionSpec::parse(parser.value(target));
    if (!targetSpec)
        return fail(context, targetSpec.error());
    if (targetSpec->kind() == ConnectionSpec::Kind::Csv)
        return fail(context,
                    Error(Error::Code::Usage,
                          QStringLiteral("a run cannot write into a CSV folder"), targetSpec->url(),
                          QStringLiteral("target a SQLite, PostgreSQL or MySQL database")));

    ProjectInitializer::Options options;
    options.projectName = QFileInfo(projectFile).completeBaseName();
    const QString projectDir = QFileInfo(projectFile).absolutePath();
    options.sourceUrl = sourceSpec->urlRelativeTo(projectDir);
    options.sourceKind = sourceSpec->kind();
    options.targetUrl = targetSpec->urlRelativeTo(projectDir);
    options.include = patterns(parser.values(tables));
    options.exclude = patterns(parser.values(exclude));
    options.names = ProjectInitializer::defaultCase(targetSpec->kind());
    if (parser.isSet(names)) {
        const auto rule = IdentifierRule::parseCase(parser.value(names));
        if (!rule)
            return fail(context,
                        Error(Error::Code::Usage, QStringLiteral("--names takes keep or lower")));
        options.names = *rule;
    }
    const auto loadMode = ProjectVocabulary::mode(parser.value(mode));
    if (!loadMode)
        return fail(context,
                    Error(Error::Code::Usage,
                          QStringLiteral("--mode takes one of: %1")
                              .arg(ProjectVocabulary::modeNames().join(QStringLiteral(", ")))));
    options.mode = *loadMode;

    auto sourceSchema = introspect(*sourceSpec, context.passwords);
    if (!sourceSchema)
        return fail(context, sourceSchema.error());
    // A SQLite target that does not exist yet is made, empty (a file of no bytes is one), so
    // that validate and run find it.
    if (targetSpec->kind() == ConnectionSpec::Kind::Sqlite &&
        !QFileInfo::exists(targetSpec->path())) {
        if (auto made = createEmptyFile(targetSpec->path()); !made)
            return fail(context, made.error());
        context.out << QStringLiteral("Created the empty SQLite database %1.\n")
                           .arg(QDir::current().relativeFilePath(targetSpec->path()));
    }
    auto targetSchema = introspect(*targetSpec, context.passwords);
    if (!targetSchema)
        return fail(context, targetSchema.error());

    auto outcome =
        ProjectInitializer(*sourceSchema, *targetSchema, targetSpec->kind(), options).build();
    if (!outcome)
        return fail(context, outcome.error());
    Project &project = outcome->project;
    if (parser.isSet(dataOnly) && !project.targetTables.isEmpty())
        return fail(context,
                    Error(Error::Code::Usage,
                          QStringLiteral("the target has no table '%1' (--data-only creates none)")
                              .arg(project.targetTables.first().name),
                          targetSpec->displayName(),
                          QStringLiteral("create the tables first, or leave out --data-only")));
    if (auto saved = ProjectWriter::save(project, projectFile); !saved)
        return fail(context, saved.error());
    CliAudit::save(context, projectFile, Project{}, project);

    const auto toCreate = PlannedTarget::tablesToCreate(project, *targetSchema);
    context.out << QStringLiteral("Wrote %1: %2 table mapping(s), %3 table(s) to create in the "
                                  "target.\n")
                       .arg(QDir::current().relativeFilePath(projectFile))
                       .arg(project.mappings.size())
                       .arg(toCreate.size());
    for (const QString &notice : std::as_const(outcome->notices))
        context.out << QStringLiteral("  note: ") << notice << '\n';
    if (parser.isSet(createTarget) && !toCreate.isEmpty()) {
        auto created = createTables(*targetSpec, toCreate, context.passwords);
        if (!created)
            return fail(context, created.error());
        context.out << QStringLiteral("Created %1 table(s) in the target: %2.\n")
                           .arg(created->size())
                           .arg(created->join(QStringLiteral(", ")));
    }
    context.out << QStringLiteral("Next: cutover-cli validate %1, then cutover-cli run %1.\n")
                       .arg(QDir::current().relativeFilePath(projectFile));
    return ExitCode::Ok;
}

} // namespace cutover::cli
