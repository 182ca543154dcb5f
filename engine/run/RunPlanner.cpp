#include "run/RunPlanner.h"

#include "schema/ForeignKeyOrder.h"
#include "validate/ProjectValidator.h"

#include "project/ProjectWriter.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace cutover {

namespace {

QString referencedTable(const Rule &rule)
{
    return rule.reference.section(QLatin1Char('.'), 0, 0);
}

} // namespace

QString RunPlanner::mappingVersion(const Project &project)
{
    const QJsonObject json = ProjectWriter::toJson(project);
    QJsonObject decisive;
    for (const char *key : {"mappings", "lookups", "rules"})
        decisive[QLatin1String(key)] = json.value(QLatin1String(key));
    const QByteArray bytes = QJsonDocument(decisive).toJson(QJsonDocument::Compact);
    return QStringLiteral("sha256:") +
           QString::fromLatin1(
               QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(16));
}

// A run of a phase with a filter may not empty a truncate-and-load table first. An incremental or
// retry run upserts and empties nothing.
QList<TableInfo> RunPlanner::targetsOf(const QList<Table> &plan)
{
    QList<TableInfo> tables;
    tables.reserve(plan.size());
    for (const Table &t : plan)
        tables.append(t.target);
    return tables;
}

Result<void> RunPlanner::checkTruncates(const Project &project, const RunOptions &options,
                                        const Phase &phase)
{
    if (phase.filter.trimmed().isEmpty() || options.mode == RunMode::Incremental ||
        options.retryQuarantined)
        return {};
    for (const TableMapping &m : project.mappings)
        if (m.mode == TableMapping::Mode::TruncateLoad &&
            (phase.tables.isEmpty() || phase.tables.contains(m.target)) &&
            (options.tables.isEmpty() || options.tables.contains(m.target)))
            return Error(Error::Code::Usage,
                         ProjectValidator::truncateInPhase(m.target, phase.name), project.name,
                         QStringLiteral("make the mapping insert or upsert"));
    return {};
}

Result<QList<RunPlanner::Table>> RunPlanner::plan(const Project &project, const RunOptions &options,
                                                  const QList<TableInfo> &targets)
{
    if (project.mappings.isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("the project maps no tables: nothing to run"), project.name,
                     QStringLiteral("write a project from two connections with 'cutover-cli init', "
                                    "or add mappings with 'cutover-cli automap --write'"));
    QStringList wanted;
    QStringList filters;
    if (!options.phase.isEmpty()) {
        const Phase *phase = project.phase(options.phase);
        if (!phase) {
            QStringList names;
            for (const Phase &p : project.phases)
                names.append(p.name);
            return Error(Error::Code::Usage,
                         QStringLiteral("the project has no phase '%1'").arg(options.phase),
                         project.name,
                         names.isEmpty() ? QStringLiteral("the project defines no phases")
                                         : QStringLiteral("phases: %1").arg(names.join(", ")));
        }
        wanted = phase->tables;
        if (!phase->filter.trimmed().isEmpty())
            filters.append(phase->filter.trimmed());
        if (auto ok = checkTruncates(project, options, *phase); !ok)
            return ok.error();
    }
    for (const QString &table : options.tables) {
        if (!project.mapping(table))
            return Error(Error::Code::Usage,
                         QStringLiteral("the project maps no target table '%1'").arg(table),
                         project.name);
        if (!wanted.isEmpty() && !wanted.contains(table))
            return Error(
                Error::Code::Usage,
                QStringLiteral("table '%1' is not in phase '%2'").arg(table, options.phase),
                project.name);
    }
    if (!options.tables.isEmpty())
        wanted = options.tables;

    QList<TableInfo> chosen;
    for (const TableMapping &m : project.mappings) {
        if (!wanted.isEmpty() && !wanted.contains(m.target))
            continue;
        auto it = std::find_if(targets.cbegin(), targets.cend(),
                               [&](const TableInfo &t) { return t.name == m.target; });
        if (it == targets.cend())
            return Error(Error::Code::Schema,
                         QStringLiteral("the target has no table '%1'").arg(m.target),
                         project.targetConnection,
                         QStringLiteral("create it, or pass --schema-from with a database that "
                                        "has it"));
        chosen.append(*it);
    }
    QStringList names;
    for (const TableInfo &t : chosen)
        names.append(t.name);

    QList<Table> plan;
    QStringList earlier; // a table waits only for tables before it, so a cycle cannot deadlock
    for (const TableInfo &info : ForeignKeyOrder::parentsFirst(chosen)) {
        Table table;
        table.mapping = project.mapping(info.name);
        table.target = info;
        table.filters = filters;
        for (const ForeignKeyInfo &fk : info.foreignKeys)
            if (fk.referencedTable != info.name && earlier.contains(fk.referencedTable) &&
                !table.dependsOn.contains(fk.referencedTable))
                table.dependsOn.append(fk.referencedTable);
        for (const Rule &rule : project.rules) {
            if (rule.kind != Rule::Kind::ReferenceExists || rule.table != info.name)
                continue;
            const QString parent = referencedTable(rule);
            if (parent != info.name && earlier.contains(parent) &&
                !table.dependsOn.contains(parent))
                table.dependsOn.append(parent);
        }
        for (const Rule &rule : project.rules) {
            if (rule.kind == Rule::Kind::ReferenceExists && referencedTable(rule) == info.name &&
                names.contains(rule.table)) {
                const QString column = rule.reference.section(QLatin1Char('.'), 1);
                if (!table.indexedColumns.contains(column))
                    table.indexedColumns.append(column);
                if (rule.table == info.name && !table.selfReferencedColumns.contains(column))
                    table.selfReferencedColumns.append(column);
            }
        }
        plan.append(table);
        earlier.append(info.name);
    }
    return plan;
}

} // namespace cutover
