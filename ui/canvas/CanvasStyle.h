#pragma once

#include "ColumnMappingModel.h"

#include <QColor>
#include <QPainterPath>
#include <QPen>

namespace cutover {

// The canvas's colours and line styles. Every state differs in dash or shape as well as in
// colour, so a colour-blind reader tells them apart: mapped is solid, a loss risk dashed, an
// error dotted and thicker, required-but-unmapped a dashed outline with "!", a suggestion not
// yet accepted dash-dot in purple with its confidence written on it.
class CanvasStyle
{
public:
    using State = ColumnMappingModel::State;

    static QPen linePen(State state, bool selected);
    // The curve every canvas line follows: out of start to the right, into end from the left.
    static QPainterPath curve(const QPointF &start, const QPointF &end);
    static QColor stateColour(State state);
    // An auto-map suggestion not yet accepted: dash-dot, in a colour no state uses.
    static QPen suggestionPen(bool selected);
    static QColor suggestionColour();
    static QColor rowTint(State state);
    static QString stateWord(State state);
    static QColor boxFill();
    static QColor headerFill(bool source);
    static QColor text();
    static QColor quietText();
};

} // namespace cutover
