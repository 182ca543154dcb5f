#include "canvas/OverviewBox.h"

#include "canvas/CanvasStyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace cutover {

namespace {

// A phase's tag colour: picked from its name, so a phase keeps its colour everywhere.
QColor phaseColour(const QString &phase)
{
    static const QColor colours[] = {QColor(0xf4, 0xa2, 0x61), QColor(0x8e, 0xca, 0xe6),
                                     QColor(0xe9, 0xc4, 0x6a), QColor(0xb5, 0xe4, 0x8c),
                                     QColor(0xd4, 0xa5, 0xe8)};
    return colours[qHash(phase) % std::size(colours)];
}

} // namespace

OverviewBox::OverviewBox(const QString &name, const QString &detail, bool source,
                         const QStringList &phases)
    : m_name(name)
    , m_detail(detail)
    , m_source(source)
    , m_phases(phases)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemIsMovable);
    setFlag(ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    QString tip = QStringLiteral("%1\n%2").arg(name, detail);
    if (!phases.isEmpty())
        tip += tr("\nPhases: %1").arg(phases.join(QStringLiteral(", ")));
    if (source)
        tip += tr("\nDrag the dot onto a target table to map it; drag the box to move it");
    setToolTip(tip);
}

QPointF OverviewBox::anchor() const
{
    return mapToScene(QPointF(m_source ? kWidth : 0, kHeight / 2));
}

bool OverviewBox::isOnHandle(const QPointF &scenePosition) const
{
    return m_source && mapFromScene(scenePosition).x() >= kWidth - kHandleWidth;
}

QVariant OverviewBox::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        Q_EMIT moved();
    return QGraphicsObject::itemChange(change, value);
}

QRectF OverviewBox::boundingRect() const
{
    return QRectF(0, 0, kWidth, kHeight);
}

void OverviewBox::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(
        QPen(selected ? QColor(0x2b, 0x4c, 0x7e) : QColor(0x9a, 0xa5, 0xb1), selected ? 2 : 1));
    painter->setBrush(CanvasStyle::headerFill(m_source));
    painter->drawRoundedRect(boundingRect().adjusted(1, 1, -1, -1), 5, 5);
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(CanvasStyle::text());
    painter->drawText(QRectF(10, 4, kWidth - 20, 20), Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(m_name, Qt::ElideRight, int(kWidth - 20)));
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter->setFont(font);
    painter->setPen(CanvasStyle::quietText());
    painter->drawText(QRectF(10, 24, kWidth - 20, 18), Qt::AlignVCenter | Qt::AlignLeft, m_detail);
    if (m_source) { // the handle a new mapping is dragged from
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x2b, 0x4c, 0x7e));
        painter->drawEllipse(QPointF(kWidth - 7, kHeight / 2), 4, 4);
    }
    // phase tags at the right, newest last
    qreal right = kWidth - 8;
    for (auto it = m_phases.crbegin(); it != m_phases.crend(); ++it) {
        const qreal width = painter->fontMetrics().horizontalAdvance(*it) + 10;
        const QRectF tag(right - width, 26, width, 16);
        if (tag.left() < kWidth * 0.38)
            break;
        painter->setPen(Qt::NoPen);
        painter->setBrush(phaseColour(*it));
        painter->drawRoundedRect(tag, 7, 7);
        painter->setPen(CanvasStyle::text());
        painter->drawText(tag, Qt::AlignCenter, *it);
        right = tag.left() - 4;
    }
}

} // namespace cutover
