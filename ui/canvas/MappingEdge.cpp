#include "canvas/MappingEdge.h"

#include "canvas/CanvasStyle.h"
#include "canvas/OverviewBox.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace cutover {

MappingEdge::MappingEdge(OverviewBox *from, OverviewBox *to, qsizetype mapping,
                         const QString &label, ColumnMappingModel::State state)
    : m_from(from)
    , m_to(to)
    , m_mapping(mapping)
    , m_label(label)
    , m_state(state)
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
    updatePath();
    connect(from, &OverviewBox::moved, this, &MappingEdge::updatePath);
    connect(to, &OverviewBox::moved, this, &MappingEdge::updatePath);
    setToolTip(tr("%1 \u2192 %2: %3\nDouble-click to open its columns")
                   .arg(from->name(), to->name(), label));
}

void MappingEdge::updatePath()
{
    if (!m_from || !m_to)
        return;
    prepareGeometryChange();
    m_path = CanvasStyle::curve(m_from->anchor(), m_to->anchor());
}

void MappingEdge::setLabelShown(bool shown)
{
    prepareGeometryChange();
    m_labelShown = shown;
}

QRectF MappingEdge::labelRect() const
{
    if (!m_labelShown)
        return {};
    const QFontMetricsF metrics(QGuiApplication::font());
    const qreal width = metrics.horizontalAdvance(m_label) + 12;
    const QPointF middle = m_path.pointAtPercent(0.5);
    return QRectF(middle.x() - width / 2, middle.y() - 9, width, 18);
}

QRectF MappingEdge::boundingRect() const
{
    const QRectF path = m_path.boundingRect().adjusted(-4, -4, 4, 4);
    return m_labelShown ? path | labelRect().adjusted(-2, -2, 2, 2) : path;
}

QPainterPath MappingEdge::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath shape = stroker.createStroke(m_path);
    if (m_labelShown)
        shape.addRect(labelRect());
    return shape;
}

void MappingEdge::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(CanvasStyle::linePen(m_state, selected));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_labelShown)
        return;
    painter->setPen(QPen(CanvasStyle::stateColour(m_state), 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(labelRect(), 8, 8);
    painter->setPen(CanvasStyle::text());
    painter->drawText(labelRect(), Qt::AlignCenter, m_label);
}

} // namespace cutover
