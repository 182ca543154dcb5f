#include "canvas/CanvasStyle.h"

namespace cutover {

QColor CanvasStyle::stateColour(State state)
{
    switch (state) {
    case State::Mapped:
        return QColor(0x2b, 0x4c, 0x7e); // dark blue
    case State::Warning:
        return QColor(0xc0, 0x6a, 0x00); // orange
    case State::Error:
    case State::RequiredUnmapped:
        return QColor(0xb0, 0x1e, 0x2e); // red
    case State::Unmapped:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QPen CanvasStyle::linePen(State state, bool selected)
{
    QPen pen(stateColour(state), selected ? 3.2 : 1.6);
    pen.setCapStyle(Qt::RoundCap);
    switch (state) {
    case State::Warning:
        pen.setStyle(Qt::DashLine);
        break;
    case State::Error:
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(selected ? 3.6 : 2.4);
        break;
    default:
        break;
    }
    return pen;
}

QColor CanvasStyle::suggestionColour()
{
    return QColor(0x6a, 0x3d, 0x9a); // purple
}

QPen CanvasStyle::suggestionPen(bool selected)
{
    QPen pen(suggestionColour(), selected ? 3.0 : 1.5);
    pen.setDashPattern({6, 3, 1.5, 3}); // dash-dot, unlike every state's line
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QPainterPath CanvasStyle::curve(const QPointF &start, const QPointF &end)
{
    const qreal bend = qMax(36.0, (end.x() - start.x()) / 2);
    QPainterPath path(start);
    path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
    return path;
}

QColor CanvasStyle::rowTint(State state)
{
    switch (state) {
    case State::Warning:
        return QColor(0xfd, 0xf0, 0xdc);
    case State::Error:
    case State::RequiredUnmapped:
        return QColor(0xfb, 0xe3, 0xe4);
    default:
        return Qt::transparent;
    }
}

QString CanvasStyle::stateWord(State state)
{
    switch (state) {
    case State::Mapped:
        return QObject::tr("mapped");
    case State::Warning:
        return QObject::tr("mapped, with a conversion that may lose data");
    case State::Error:
        return QObject::tr("error");
    case State::RequiredUnmapped:
        return QObject::tr("required (NOT NULL, no default) but not mapped");
    case State::Unmapped:
        return QObject::tr("not mapped");
    }
    return {};
}

QColor CanvasStyle::boxFill()
{
    return QColor(0xff, 0xff, 0xff);
}

QColor CanvasStyle::headerFill(bool source)
{
    return source ? QColor(0xdb, 0xe7, 0xf3) : QColor(0xe4, 0xf1, 0xe8);
}

QColor CanvasStyle::text()
{
    return QColor(0x1e, 0x1e, 0x1e);
}

QColor CanvasStyle::quietText()
{
    return QColor(0x6b, 0x6b, 0x6b);
}

} // namespace cutover
