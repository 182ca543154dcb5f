#pragma once

#include "canvas/ColumnPort.h"
#include "schema/TableInfo.h"

#include <QGraphicsObject>

namespace cutover {

// A table on the canvas: its name and row estimate over its columns, each a ColumnPort. A long
// table shows only the columns given (the mapped and the required ones) and says how many more
// it has.
class TableBox : public QGraphicsObject
{
    Q_OBJECT

public:
    static constexpr qreal kWidth = 260;
    static constexpr qreal kHeaderHeight = 34;

    // columns: the names to show, in the table's order; empty shows them all.
    TableBox(const TableInfo &table, ColumnPort::Side side, const QStringList &columns = {},
             QGraphicsItem *parent = nullptr);

    const QString &name() const { return m_table.name; }
    ColumnPort::Side side() const { return m_side; }
    ColumnPort *port(const QString &column) const;
    const QList<ColumnPort *> &ports() const { return m_ports; }
    int hiddenColumns() const { return m_hidden; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qreal footerHeight() const;

    TableInfo m_table;
    ColumnPort::Side m_side;
    QList<ColumnPort *> m_ports;
    int m_hidden = 0;
};

} // namespace cutover
