#pragma once

#include <QString>

namespace cutover {

// A named connection in a project. The URL holds no password; relative paths are relative to
// the project file.
struct ConnectionDef
{
    QString name;
    QString url;
    QString description;

    bool operator==(const ConnectionDef &) const = default;
};

} // namespace cutover
