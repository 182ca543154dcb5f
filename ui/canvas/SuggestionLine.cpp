#include "canvas/SuggestionLine.h"

#include "canvas/CanvasStyle.h"
#include "canvas/ColumnPort.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace cutover {

namespace {

constexpr qreal kTagAt = 0.8; // how far along the curve the confidence tag sits
constexpr qreal kTagHeight = 16;

QFont tagFont()
{
    QFont font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

} // namespace

SuggestionLine::SuggestionLine(ColumnPort *from, ColumnPort *to,
                               const AutoMapper::ColumnSuggestion &suggestion)
    : m_from(from)
    , m_to(to)
    , m_suggestion(suggestion)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(-0.5); // over the lineage lines, under the boxes
    setToolTip(tr("Suggested: %1 = %2\nconfidence %3: %4\nDouble-click or Enter accepts it, Del "
                  "rejects it.")
                   .arg(suggestion.target, suggestion.expression.simplified(), confidenceText(),
                        suggestion.reason));
    updatePath();
}

ColumnPort *SuggestionLine::from() const
{
    return m_from;
}

ColumnPort *SuggestionLine::to() const
{
    return m_to;
}

QString SuggestionLine::confidenceText() const
{
    return QStringLiteral("%1%").arg(qRound(m_suggestion.confidence * 100));
}

void SuggestionLine::setFaint(bool faint)
{
    if (faint == m_faint)
        return;
    m_faint = faint;
    setOpacity(faint ? 0.35 : 1.0);
}

void SuggestionLine::updatePath()
{
    prepareGeometryChange();
    m_path = CanvasStyle::curve(m_from->anchor(), m_to->anchor());
    m_tagCentre = m_path.pointAtPercent(kTagAt);
}

QRectF SuggestionLine::tagRect() const
{
    const qreal width = QFontMetricsF(tagFont()).horizontalAdvance(confidenceText()) + 10;
    return QRectF(m_tagCentre - QPointF(width / 2, kTagHeight / 2), QSizeF(width, kTagHeight));
}

QRectF SuggestionLine::boundingRect() const
{
    return m_path.boundingRect().adjusted(-4, -4, 4, 4) | tagRect().adjusted(-2, -2, 2, 2);
}

QPainterPath SuggestionLine::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath hit = stroker.createStroke(m_path);
    hit.addRect(tagRect());
    return hit;
}

void SuggestionLine::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(CanvasStyle::suggestionPen(selected));
    painter->drawPath(m_path);
    const QRectF tag = tagRect();
    painter->setPen(QPen(CanvasStyle::suggestionColour(), selected ? 2 : 1));
    painter->setBrush(selected ? CanvasStyle::suggestionColour() : QColor(Qt::white));
    painter->drawRoundedRect(tag, kTagHeight / 2, kTagHeight / 2);
    painter->setFont(tagFont());
    painter->setPen(selected ? QColor(Qt::white) : CanvasStyle::suggestionColour());
    painter->drawText(tag, Qt::AlignCenter, confidenceText());
}

void SuggestionLine::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept();
    Q_EMIT acceptRequested(m_suggestion.target);
}

QVariant SuggestionLine::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged) {
        if (m_from)
            m_from->setHighlighted(value.toBool());
        if (m_to)
            m_to->setHighlighted(value.toBool());
    }
    return QGraphicsObject::itemChange(change, value);
}

} // namespace cutover
