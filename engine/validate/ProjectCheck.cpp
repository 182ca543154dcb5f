#include "validate/ProjectCheck.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ConnectionSpec.h"
#include "project/ProjectReader.h"
#include "validate/ProjectValidator.h"

namespace cutover {

namespace {

struct Side
{
    DatabaseSchema schema;
    bool available = false;
};

Side introspect(const Project &project, const QString &connectionName, const char *role,
                const PasswordProvider *passwords, QList<Problem> &problems)
{
    Side side;
    const ConnectionDef *def = project.connection(connectionName);
    const QString path = QLatin1String(role);
    auto fail = [&](const Error &error) {
        Problem p;
        p.severity = Problem::Severity::Error;
        p.code = QStringLiteral("cannot-connect");
        p.path = path;
        p.location = QStringLiteral("%1 connection %2").arg(path, connectionName);
        p.message = error.toString();
        problems.append(p);
        return side;
    };
    if (connectionName.isEmpty())
        return fail(Error(Error::Code::Usage,
                          QStringLiteral("the project has no %1 connection yet").arg(path), {},
                          QStringLiteral("add one and give it the %1 role").arg(path)));
    if (!def)
        return fail(Error(Error::Code::Usage,
                          QStringLiteral("no connection named '%1'").arg(connectionName)));
    auto spec = ConnectionSpec::parse(def->url, project.baseDir);
    if (!spec)
        return fail(spec.error());
    auto schema = IntrospectorFactory::create(*spec, passwords)->introspect();
    if (!schema)
        return fail(schema.error());
    side.schema = std::move(schema.value());
    side.available = true;
    return side;
}

// The validator's problems and lineage, when both schemas could be read.
void validate(ProjectCheck::Outcome &outcome)
{
    outcome.lineage.clear();
    if (!outcome.sourceAvailable || !outcome.targetAvailable)
        return;
    ProjectValidator validator(outcome.project, outcome.source, outcome.target);
    outcome.problems += validator.validate();
    outcome.lineage = validator.lineage();
}

} // namespace

int ProjectCheck::Outcome::count(Problem::Severity severity) const
{
    return int(std::count_if(problems.begin(), problems.end(),
                             [severity](const Problem &p) { return p.severity == severity; }));
}

Result<ProjectCheck::Outcome> ProjectCheck::run(const QString &projectFile,
                                                const PasswordProvider *passwords)
{
    auto project = ProjectReader::load(projectFile);
    if (!project)
        return project.error();
    Outcome outcome = check(*project, passwords);
    outcome.filePath = projectFile;
    return outcome;
}

ProjectCheck::Outcome ProjectCheck::check(const Project &project, const PasswordProvider *passwords)
{
    Outcome outcome;
    outcome.project = project;
    Side source =
        introspect(project, project.sourceConnection, "source", passwords, outcome.problems);
    Side target =
        introspect(project, project.targetConnection, "target", passwords, outcome.problems);
    outcome.source = std::move(source.schema);
    outcome.target = std::move(target.schema);
    outcome.sourceAvailable = source.available;
    outcome.targetAvailable = target.available;
    validate(outcome);
    return outcome;
}

ProjectCheck::Outcome ProjectCheck::revalidate(const Outcome &previous, const Project &project)
{
    Outcome outcome = previous;
    outcome.project = project;
    outcome.problems.clear();
    for (const Problem &p : previous.problems)
        if (p.code == QLatin1String("cannot-connect"))
            outcome.problems.append(p);
    validate(outcome);
    return outcome;
}

} // namespace cutover
