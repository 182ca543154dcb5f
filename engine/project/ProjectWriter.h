#pragma once

#include "core/Result.h"
#include "project/Project.h"

#include <QByteArray>
#include <QJsonObject>

namespace cutover {

// Serializes a Project to the *.cutover JSON format: stable key order, pretty-printed, so that
// loading and saving an unchanged project gives the same bytes and diffs in git stay small.
class ProjectWriter
{
public:
    static QJsonObject toJson(const Project &project);
    static QByteArray toBytes(const Project &project);
    // Writes atomically (temporary file, then rename), so a crash never leaves half a project.
    static Result<void> save(const Project &project, const QString &filePath);
};

} // namespace cutover
