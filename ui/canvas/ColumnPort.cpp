#include "canvas/ColumnPort.h"

#include "canvas/CanvasStyle.h"

#include <QIcon>
#include <QPainter>

namespace cutover {

ColumnPort::ColumnPort(const ColumnInfo &column, Side side, qreal width, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_column(column)
    , m_side(side)
    , m_width(width)
{
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    updateTip();
}

QString ColumnPort::shortType(const ColumnInfo &column)
{
    QString type = column.declaredType.toLower();
    if (const qsizetype paren = type.indexOf(QLatin1Char('(')); paren > 0)
        type = type.left(paren);
    return type.isEmpty() ? QStringLiteral("any") : type.left(12);
}

QPointF ColumnPort::anchor() const
{
    const qreal x = m_side == Side::Source ? m_width : 0;
    return mapToScene(QPointF(x, kHeight / 2));
}

void ColumnPort::setState(ColumnMappingModel::State state)
{
    if (state == m_state)
        return;
    m_state = state;
    updateTip();
    update();
}

void ColumnPort::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void ColumnPort::updateTip()
{
    QString tip = QStringLiteral("%1 %2%3").arg(m_column.name, m_column.declaredType,
                                                m_column.nullable ? QString() : tr(" not null"));
    if (m_side == Side::Target)
        tip += QStringLiteral("\n") + CanvasStyle::stateWord(m_state);
    else
        tip += tr("\nDrag onto a target column to map it");
    setToolTip(tip);
}

QRectF ColumnPort::boundingRect() const
{
    return QRectF(0, 0, m_width, kHeight);
}

void ColumnPort::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF row = boundingRect();
    if (m_highlighted)
        painter->fillRect(row, QColor(0xcf, 0xe2, 0xf7));
    else if (m_side == Side::Target)
        painter->fillRect(row, CanvasStyle::rowTint(m_state));
    painter->setPen(QColor(0xe2, 0xe2, 0xe2));
    painter->drawLine(row.bottomLeft(), row.bottomRight());

    QFont font = painter->font();
    const bool key = m_column.primaryKeyPosition > 0;
    font.setBold(key);
    painter->setFont(font);
    painter->setPen(CanvasStyle::text());
    qreal left = 8;
    if (key) {
        QIcon(QStringLiteral(":/icons/key.svg")).paint(painter, QRect(6, 4, 14, 14));
        left = 24;
    }
    const bool required =
        m_side == Side::Target && m_state == ColumnMappingModel::State::RequiredUnmapped;
    const QRectF textArea = row.adjusted(left, 0, -70, 0);
    painter->drawText(textArea, Qt::AlignVCenter | Qt::AlignLeft,
                      painter->fontMetrics().elidedText(
                          (required ? QStringLiteral("! ") : QString()) + m_column.name,
                          Qt::ElideRight, int(textArea.width())));
    // the type badge, and a dot where NOT NULL
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(CanvasStyle::quietText());
    const QRectF badge(row.right() - 66, row.top() + 3, 58, row.height() - 6);
    painter->drawText(badge, Qt::AlignVCenter | Qt::AlignRight,
                      shortType(m_column) +
                          (m_column.nullable ? QString() : QStringLiteral(" \u2022")));
    // the anchor where lines attach
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_side == Side::Target
                          ? CanvasStyle::stateColour(m_state)
                          : CanvasStyle::stateColour(ColumnMappingModel::State::Mapped));
    const QPointF dot(m_side == Side::Source ? row.right() : row.left(), row.center().y());
    painter->drawEllipse(dot, 3.2, 3.2);
}

} // namespace cutover
