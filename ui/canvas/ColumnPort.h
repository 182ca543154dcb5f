#pragma once

#include "ColumnMappingModel.h"
#include "schema/ColumnInfo.h"

#include <QGraphicsObject>

namespace cutover {

// One column's row in a table box: its name, a type badge, key and NOT NULL marks, and for a
// target column its state. Lines attach at its anchor: the right edge of a source column, the
// left edge of a target column. A drag starts from a source column and ends on a target one.
class ColumnPort : public QGraphicsObject
{
    Q_OBJECT

public:
    enum class Side
    {
        Source,
        Target,
    };

    static constexpr qreal kHeight = 22;

    ColumnPort(const ColumnInfo &column, Side side, qreal width, QGraphicsItem *parent);

    const QString &name() const { return m_column.name; }
    Side side() const { return m_side; }
    QPointF anchor() const; // in scene coordinates
    void setState(ColumnMappingModel::State state);
    ColumnMappingModel::State state() const { return m_state; }
    void setHighlighted(bool highlighted);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    static QString shortType(const ColumnInfo &column);
    void updateTip();

    ColumnInfo m_column;
    Side m_side;
    qreal m_width;
    ColumnMappingModel::State m_state = ColumnMappingModel::State::Unmapped;
    bool m_highlighted = false;
};

} // namespace cutover
