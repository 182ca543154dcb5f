#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "schema/DatabaseSchema.h"
#include "validate/Problem.h"

#include <QList>

namespace cutover {

class PasswordProvider;

// Loads a project, introspects its source and target, and validates the one against the others.
// Blocking: call it off the GUI thread (QtConcurrent::run). It opens its own connections on the
// calling thread. A project file that cannot be read is an Error; a connection that fails is a
// Problem (code "cannot-connect"), so the other side and the rest of the checks still show.
class ProjectCheck
{
public:
    struct Outcome
    {
        QString filePath;
        Project project;
        DatabaseSchema source;
        DatabaseSchema target;
        bool sourceAvailable = false;
        bool targetAvailable = false;
        QList<Problem> problems;
        // The source columns each compiled expression reads, by "table.column" of the target.
        QHash<QString, QStringList> lineage;

        int count(Problem::Severity severity) const;
    };

    static Result<Outcome> run(const QString &projectFile, const PasswordProvider *passwords);
    // The same for a project already in memory (e.g. edited in the window).
    static Outcome check(const Project &project, const PasswordProvider *passwords);
    // Checks project again against the schemas previous read, without connecting: for an edit
    // that changed no connection. The connection problems of previous stay.
    static Outcome revalidate(const Outcome &previous, const Project &project);
};

} // namespace cutover
