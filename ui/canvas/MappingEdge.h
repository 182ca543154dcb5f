#pragma once

#include "ColumnMappingModel.h"

#include <QGraphicsObject>
#include <QPainterPath>
#include <QPointer>

namespace cutover {

class OverviewBox;

// A table mapping on the overview: a line from its source table to its target table, labelled
// with how many columns it maps and how many have problems, styled by its worst problem (solid,
// dashed for warnings, dotted for errors). Double-click opens its column level.
class MappingEdge : public QGraphicsObject
{
    Q_OBJECT

public:
    MappingEdge(OverviewBox *from, OverviewBox *to, qsizetype mapping, const QString &label,
                ColumnMappingModel::State state);

    qsizetype mapping() const { return m_mapping; }
    // Follows its tables when the user moves one.
    void updatePath();
    const QString &label() const { return m_label; }
    const QPainterPath &path() const { return m_path; }
    // A query reading several tables draws one edge from each; only the first shows the label.
    void setLabelShown(bool shown);
    bool labelShown() const { return m_labelShown; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF labelRect() const;

    QPointer<OverviewBox> m_from;
    QPointer<OverviewBox> m_to;
    qsizetype m_mapping;
    QString m_label;
    ColumnMappingModel::State m_state;
    QPainterPath m_path;
    bool m_labelShown = true;
};

} // namespace cutover
