#pragma once

#include <QGraphicsObject>
#include <QStringList>

namespace cutover {

// A table on the overview: its name, its row estimate or column count, and for a target table the
// phases that take it, as tags that carry their name (not only a colour). The user moves it by
// dragging; a source table's handle starts a new table mapping instead.
class OverviewBox : public QGraphicsObject
{
    Q_OBJECT

public:
    static constexpr qreal kWidth = 220;
    static constexpr qreal kHeight = 48;

    OverviewBox(const QString &name, const QString &detail, bool source,
                const QStringList &phases = {});

    const QString &name() const { return m_name; }
    bool isSource() const { return m_source; }
    QPointF anchor() const; // where edges attach, in scene coordinates
    // On a source table: whether scenePosition is on the handle a new mapping is dragged from
    // (the dot at its right edge); the rest of a box moves it.
    bool isOnHandle(const QPointF &scenePosition) const;
    static constexpr qreal kHandleWidth = 18;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void moved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QString m_name;
    QString m_detail;
    bool m_source;
    QStringList m_phases;
};

} // namespace cutover
