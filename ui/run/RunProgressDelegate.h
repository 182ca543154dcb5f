#pragma once

#include <QStyledItemDelegate>

namespace cutover {

// Draws a column of percentages (a model role, -1 while unknown) as progress bars with the
// cell's text on them: the run monitor's "Read" column.
class RunProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    RunProgressDelegate(int percentRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_percentRole;
};

} // namespace cutover
