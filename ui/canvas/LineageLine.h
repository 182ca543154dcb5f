#pragma once

#include "ColumnMappingModel.h"

#include <QGraphicsObject>
#include <QPainterPath>
#include <QPointer>

namespace cutover {

class ColumnPort;

// One lineage edge: a source column the expression of a target column reads, drawn as a curve
// from the source port to the target port, styled by the target column's state. A column fed by
// no source column (a constant, a function of nothing) gets a line from a small "f" mark. Hovering
// shows the expression; a selected line can be deleted to unmap its target column.
class LineageLine : public QGraphicsObject
{
    Q_OBJECT

public:
    static constexpr qreal kFunctionReach = 70; // how far left of the target the f mark sits

    // from is null for a column fed by no source column.
    LineageLine(ColumnPort *from, ColumnPort *to, const QString &expression,
                ColumnMappingModel::State state);

    ColumnPort *from() const { return m_from; }
    ColumnPort *to() const { return m_to; }
    QString targetColumn() const;
    ColumnMappingModel::State state() const { return m_state; }
    void updatePath();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QPointer<ColumnPort> m_from;
    QPointer<ColumnPort> m_to;
    ColumnMappingModel::State m_state;
    QPainterPath m_path;
    QPointF m_functionMark;
};

} // namespace cutover
