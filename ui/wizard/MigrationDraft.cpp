#include "wizard/MigrationDraft.h"

#include <QDir>
#include <QFileInfo>

namespace cutover {

Result<Project> MigrationDraft::project(const QString &name, const QString &projectFile) const
{
    const QString dir = QFileInfo(projectFile).absolutePath();
    Project p;
    p.name = name;
    p.connections = {{QStringLiteral("source"), projectUrl(source.spec, dir), {}},
                     {QStringLiteral("target"), projectUrl(target.spec, dir), {}}};
    p.sourceConnection = QStringLiteral("source");
    p.targetConnection = QStringLiteral("target");
    for (const auto &suggestion : choice.mappings) {
        TableMapping mapping = AutoMapper::toTableMapping(suggestion);
        if (!mapping.columns.isEmpty())
            p.mappings.append(mapping);
    }
    for (const QString &table : choice.create) {
        const TableMapping *mapping = creatable.mapping(table);
        const TableInfo *definition = creatable.targetTable(table);
        if (mapping && definition && !p.mapping(table)) {
            p.mappings.append(*mapping);
            p.targetTables.append(*definition);
        }
    }
    if (p.mappings.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no table mapping is chosen"), name,
                     QStringLiteral("go back and tick a suggestion or a table to create"));
    return p;
}

int MigrationDraft::chosenColumnCount() const
{
    int count = 0;
    for (const auto &suggestion : choice.mappings)
        count += int(suggestion.columns.size());
    for (const QString &table : choice.create)
        if (const TableMapping *mapping = creatable.mapping(table))
            count += int(mapping->columns.size());
    return count;
}

QString MigrationDraft::projectUrl(const ConnectionSpec &spec, const QString &projectDir)
{
    if (spec.isServer())
        return spec.url();
    const QString relative = QDir(projectDir).relativeFilePath(spec.path());
    if (relative.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(relative))
        return spec.url();
    const qsizetype question = spec.url().indexOf(QLatin1Char('?'));
    const QString query = question >= 0 ? spec.url().mid(question) : QString();
    return spec.kindName() + QLatin1Char(':') + relative + query;
}

} // namespace cutover
