#include "project/Project.h"

namespace cutover {

namespace {
template <typename T>
const T *findByName(const QList<T> &items, const QString &name, QString T::*field)
{
    for (const T &item : items)
        if (item.*field == name)
            return &item;
    return nullptr;
}
} // namespace

const ConnectionDef *Project::connection(const QString &connectionName) const
{
    return findByName(connections, connectionName, &ConnectionDef::name);
}

Result<ConnectionSpec> Project::targetSpec() const
{
    const ConnectionDef *def = connection(targetConnection);
    if (!def)
        return Error(
            Error::Code::Usage,
            QStringLiteral("the project has no target connection named '%1'").arg(targetConnection),
            name);
    return ConnectionSpec::parse(def->url, baseDir);
}

const TableInfo *Project::targetTable(const QString &tableName) const
{
    for (const TableInfo &t : targetTables)
        if (t.name == tableName)
            return &t;
    return nullptr;
}

const TableMapping *Project::mapping(const QString &targetTable) const
{
    return findByName(mappings, targetTable, &TableMapping::target);
}

const LookupMap *Project::lookup(const QString &lookupName) const
{
    return findByName(lookups, lookupName, &LookupMap::name);
}

const Phase *Project::phase(const QString &phaseName) const
{
    return findByName(phases, phaseName, &Phase::name);
}

} // namespace cutover
