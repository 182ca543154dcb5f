#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace cutover {

class CanvasView;

// A small picture of the whole scene in a corner of a canvas view, with the part the view
// shows outlined; a click or drag on it moves the view there. It shows only while the view
// holds less than three quarters of the scene's width or height. The picture is redrawn at
// most a few times a second, after the scene changes. Made after the view has its scene.
class CanvasMinimap : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxWidth = 200;
    static constexpr int kMaxHeight = 140;

    explicit CanvasMinimap(CanvasView *view);

    // The part of the scene the view shows, in the minimap's coordinates.
    QRectF viewedRect() const;
    // Where a point of the minimap is in the scene.
    QPointF toScene(const QPointF &point) const;
    // Draws the scene's picture again now (the scene's changes ask for it after a delay).
    void redraw();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    QRectF sceneBounds() const;
    QRectF picture() const; // where the scene is drawn in the widget

    CanvasView *m_view;
    QPixmap m_pixmap;
    QRectF m_rendered; // the scene rectangle m_pixmap shows
    QTimer m_redraw;
};

} // namespace cutover
