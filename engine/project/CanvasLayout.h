#pragma once

#include <QMap>
#include <QPointF>
#include <QString>

namespace cutover {

// Where the user dragged the tables of the mapping canvas's overview, kept in the project file
// so a team shares one picture ("canvas": {"sources": {"PATIENTS": [0, 140]}, "targets": ...}).
// Tables not named here are placed automatically.
struct CanvasLayout
{
    QMap<QString, QPointF> sources; // source table -> top left, in canvas units
    QMap<QString, QPointF> targets; // target table -> top left

    bool isEmpty() const { return sources.isEmpty() && targets.isEmpty(); }
    bool operator==(const CanvasLayout &) const = default;
};

} // namespace cutover
