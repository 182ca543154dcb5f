#pragma once

#include "automap/AutoMapper.h"

#include <QGraphicsObject>
#include <QPainterPath>
#include <QPointer>

namespace cutover {

class ColumnPort;

// An auto-map suggestion not yet accepted: a dash-dot curve from the source column to the
// target column it would feed, with its confidence written in a tag near the target. Hovering
// shows the expression and the reason. A suggestion under the acceptance threshold is drawn
// faint. The scene accepts it on a double-click (or Enter) and rejects it on Del.
class SuggestionLine : public QGraphicsObject
{
    Q_OBJECT

public:
    SuggestionLine(ColumnPort *from, ColumnPort *to,
                   const AutoMapper::ColumnSuggestion &suggestion);

    const AutoMapper::ColumnSuggestion &suggestion() const { return m_suggestion; }
    ColumnPort *from() const;
    ColumnPort *to() const;
    // Faint when the suggestion is under the confidence chosen for "accept all".
    void setFaint(bool faint);
    bool isFaint() const { return m_faint; }
    QString confidenceText() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void acceptRequested(const QString &targetColumn);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void updatePath();
    QRectF tagRect() const;

    QPointer<ColumnPort> m_from;
    QPointer<ColumnPort> m_to;
    AutoMapper::ColumnSuggestion m_suggestion;
    QPainterPath m_path;
    QPointF m_tagCentre;
    bool m_faint = false;
};

} // namespace cutover
