#pragma once

#include "project/Project.h"

#include <QStringList>

namespace cutover {

// What changed between two versions of a project, a line each, for the audit trail's record of
// a saved project: "mapping patient changed: columns email, phone", "rule x added".
class ProjectDiff
{
public:
    static QStringList changes(const Project &before, const Project &after);

private:
    static void mappings(const Project &before, const Project &after, QStringList &out);
};

} // namespace cutover
