#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// A slice of the migration cut over on its own: a set of target tables and/or a source filter.
struct Phase
{
    QString name;
    QString description;
    QStringList tables; // target tables; empty means all
    QString filter;     // extra WHERE condition applied to every source table in the phase

    bool operator==(const Phase &) const = default;
};

} // namespace cutover
