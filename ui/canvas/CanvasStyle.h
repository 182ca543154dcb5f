#pragma once

#include "ColumnMappingModel.h"

#include <QColor>
#include <QPainterPath>
#include <QPen>

namespace cutover {

// The canvas's colours and line styles. Every state differs in dash or shape as well as in
// colour, so a colour-blind reader tells them apart: mapped is solid, a loss risk dashed, an
// error dotted and thicker, required-but-unmapped a dashed outline with "!".
class CanvasStyle
{
public:
    using State = ColumnMappingModel::State;

    static QPen linePen(State state, bool selected);
    // The curve every canvas line follows: out of start to the right, into end from the left.
    static QPainterPath curve(const QPointF &start, const QPointF &end);
    static QColor stateColour(State state);
    static QColor rowTint(State state);
    static QString stateWord(State state);
    static QColor boxFill();
    static QColor headerFill(bool source);
    static QColor text();
    static QColor quietText();
};

} // namespace cutover
