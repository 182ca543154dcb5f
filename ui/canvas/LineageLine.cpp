#include "canvas/LineageLine.h"

#include "canvas/CanvasStyle.h"
#include "canvas/ColumnPort.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace cutover {

LineageLine::LineageLine(ColumnPort *from, ColumnPort *to, const QString &expression,
                         ColumnMappingModel::State state)
    : m_from(from)
    , m_to(to)
    , m_state(state)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(-1); // under the boxes
    setToolTip(QStringLiteral("%1 = %2\n%3")
                   .arg(to->name(), expression.simplified(), CanvasStyle::stateWord(state)));
    updatePath();
}

QString LineageLine::targetColumn() const
{
    return m_to ? m_to->name() : QString();
}

void LineageLine::updatePath()
{
    prepareGeometryChange();
    const QPointF end = m_to->anchor();
    m_functionMark = end - QPointF(kFunctionReach, 0);
    const QPointF start = m_from ? m_from->anchor() : m_functionMark + QPointF(7, 0);
    m_path = CanvasStyle::curve(start, end);
}

QRectF LineageLine::boundingRect() const
{
    QRectF bounds = m_path.boundingRect().adjusted(-4, -4, 4, 4);
    if (!m_from)
        bounds |= QRectF(m_functionMark - QPointF(9, 9), QSizeF(18, 18));
    return bounds;
}

QPainterPath LineageLine::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8); // easy to hit with the mouse
    return stroker.createStroke(m_path);
}

void LineageLine::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(CanvasStyle::linePen(m_state, selected));
    painter->drawPath(m_path);
    if (m_from)
        return;
    // a column fed by no source column: a small function mark where the line starts
    painter->setPen(QPen(CanvasStyle::stateColour(m_state), 1.2));
    painter->setBrush(Qt::white);
    painter->drawEllipse(m_functionMark, 8, 8);
    QFont font = painter->font();
    font.setItalic(true);
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(QRectF(m_functionMark - QPointF(8, 8), QSizeF(16, 16)), Qt::AlignCenter,
                      QStringLiteral("f"));
}

QVariant LineageLine::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged) {
        setZValue(value.toBool() ? 1 : -1); // a selected line comes to the front
        if (m_from)
            m_from->setHighlighted(value.toBool());
        if (m_to)
            m_to->setHighlighted(value.toBool());
    }
    return QGraphicsObject::itemChange(change, value);
}

} // namespace cutover
