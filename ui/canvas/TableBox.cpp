#include "canvas/TableBox.h"

#include "canvas/CanvasStyle.h"

#include <QLocale>
#include <QPainter>

namespace cutover {

TableBox::TableBox(const TableInfo &table, ColumnPort::Side side, const QStringList &columns,
                   QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_table(table)
    , m_side(side)
{
    setCacheMode(DeviceCoordinateCache);
    qreal y = kHeaderHeight;
    for (const ColumnInfo &column : table.columns) {
        if (!columns.isEmpty() && !columns.contains(column.name)) {
            ++m_hidden;
            continue;
        }
        auto *port = new ColumnPort(column, side, kWidth, this);
        port->setPos(0, y);
        y += ColumnPort::kHeight;
        m_ports.append(port);
    }
}

ColumnPort *TableBox::port(const QString &column) const
{
    for (ColumnPort *port : m_ports)
        if (port->name() == column)
            return port;
    return nullptr;
}

qreal TableBox::footerHeight() const
{
    return m_hidden > 0 ? ColumnPort::kHeight : 4;
}

QRectF TableBox::boundingRect() const
{
    return QRectF(0, 0, kWidth,
                  kHeaderHeight + m_ports.size() * ColumnPort::kHeight + footerHeight());
}

void TableBox::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF box = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x9a, 0xa5, 0xb1), 1));
    painter->setBrush(CanvasStyle::boxFill());
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    const QRectF header(0, 0, kWidth, kHeaderHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(CanvasStyle::headerFill(m_side == ColumnPort::Side::Source));
    painter->drawRoundedRect(header.adjusted(1, 1, -1, 0), 3, 3);

    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(CanvasStyle::text());
    painter->drawText(
        header.adjusted(10, 0, -90, 0), Qt::AlignVCenter | Qt::AlignLeft,
        painter->fontMetrics().elidedText(m_table.name, Qt::ElideRight, int(kWidth - 100)));
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(CanvasStyle::quietText());
    const QString rows = m_table.rowEstimate < 0
                             ? QString()
                             : tr("%1 rows").arg(QLocale().toString(m_table.rowEstimate));
    painter->drawText(header.adjusted(0, 0, -10, 0), Qt::AlignVCenter | Qt::AlignRight, rows);
    if (m_hidden > 0) {
        const QRectF footer(0, box.bottom() - ColumnPort::kHeight, kWidth, ColumnPort::kHeight);
        painter->drawText(
            footer.adjusted(10, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
            (m_hidden == 1 ? tr("1 more column") : tr("%1 more columns").arg(m_hidden)));
    }
}

} // namespace cutover
