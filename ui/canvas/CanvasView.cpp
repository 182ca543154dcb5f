#include "canvas/CanvasView.h"

#include <QKeyEvent>
#include <QWheelEvent>

namespace cutover {

CanvasView::CanvasView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("canvasView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setBackgroundBrush(QColor(0xf6, 0xf7, 0xf9));
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

qreal CanvasView::zoom() const
{
    return transform().m11();
}

void CanvasView::zoomBy(qreal factor)
{
    const qreal next = qBound(kMinZoom, zoom() * factor, kMaxZoom);
    scale(next / zoom(), next / zoom());
}

void CanvasView::fit()
{
    if (!scene() || scene()->itemsBoundingRect().isEmpty())
        return;
    fitInView(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    if (zoom() > 1.0) // never blow a small mapping up
        setTransform(QTransform());
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    if (event->angleDelta().y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
    event->accept();
}

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn) ||
        (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_Equal))
        zoomBy(1.25);
    else if (event->matches(QKeySequence::ZoomOut))
        zoomBy(1 / 1.25);
    else if (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_0)
        fit();
    else if (event->matches(QKeySequence::Delete))
        Q_EMIT deletePressed();
    else if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)
        Q_EMIT stepRequested(event->key() == Qt::Key_Up ? -1 : 1);
    else if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)
        Q_EMIT followRequested(event->key() == Qt::Key_Left ? -1 : 1);
    else if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        Q_EMIT acceptPressed();
    else
        QGraphicsView::keyPressEvent(event);
}

} // namespace cutover
