#pragma once

#include "automap/AutoMapper.h"
#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "schema/DatabaseSchema.h"

#include <QList>
#include <QStringList>

namespace cutover {

// What the New migration wizard has gathered so far, page by page: the two connections, their
// schemas, the engine's suggestions and what the user ticked. project() turns it into the
// project that Finish saves.
struct MigrationDraft
{
    struct Side
    {
        ConnectionSpec spec;
        bool createFile = false; // a SQLite target made empty at Finish
        DatabaseSchema schema;
    };
    struct Choice
    {
        QList<AutoMapper::MappingSuggestion> mappings; // with only the ticked columns
        QStringList create;                            // target tables made from the source
    };

    Side source;
    Side target;
    QList<AutoMapper::MappingSuggestion> suggestions; // from AutoMapper
    // ProjectInitializer's mappings and table definitions for the source tables that no
    // suggestion reads and the target lacks (a lift and shift of those).
    Project creatable;
    Choice choice;

    // The project to save at projectFile: connections "source" and "target" (file paths relative
    // to the project's folder when the file lies in it), the chosen mappings, and the definitions
    // of the tables to create. An error when nothing is chosen.
    Result<Project> project(const QString &name, const QString &projectFile) const;
    int chosenColumnCount() const;
    // A connection's URL as the project file at projectDir holds it.
    static QString projectUrl(const ConnectionSpec &spec, const QString &projectDir);
};

} // namespace cutover
