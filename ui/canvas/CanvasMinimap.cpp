#include "canvas/CanvasMinimap.h"

#include "canvas/CanvasView.h"

#include <QEvent>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace cutover {

namespace {

constexpr int kMargin = 8;          // from the view's corner
constexpr int kPadding = 4;         // inside the frame
constexpr qreal kShownBelow = 0.75; // of the scene's width or height in view

} // namespace

CanvasMinimap::CanvasMinimap(CanvasView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("canvasMinimap"));
    setToolTip(tr("The whole canvas: click or drag to move the view"));
    setCursor(Qt::PointingHandCursor);
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(250);
    connect(&m_redraw, &QTimer::timeout, this, &CanvasMinimap::redraw);
    for (QScrollBar *bar : {view->horizontalScrollBar(), view->verticalScrollBar()}) {
        connect(bar, &QScrollBar::valueChanged, this, &CanvasMinimap::place);
        connect(bar, &QScrollBar::rangeChanged, this, &CanvasMinimap::place);
    }
    if (view->scene())
        connect(view->scene(), &QGraphicsScene::changed, &m_redraw, qOverload<>(&QTimer::start));
    view->installEventFilter(this);
    view->viewport()->installEventFilter(this); // it shrinks when the scroll bars come
    hide();
}

bool CanvasMinimap::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_view || watched == m_view->viewport()) && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

QRectF CanvasMinimap::sceneBounds() const
{
    return m_view->scene() ? m_view->scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20)
                           : QRectF();
}

// Sized to the scene's shape in the view's bottom-right corner; hidden while the scene fits.
void CanvasMinimap::place()
{
    const QRectF bounds = sceneBounds();
    const QRectF viewed = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const QRectF items = m_view->scene() ? m_view->scene()->itemsBoundingRect() : QRectF();
    // a scene a little larger than the view is scrolled, not mapped
    if (items.isEmpty() || (viewed.width() >= kShownBelow * items.width() &&
                            viewed.height() >= kShownBelow * items.height())) {
        hide();
        return;
    }
    const qreal scale = qMin((kMaxWidth - 2 * kPadding) / bounds.width(),
                             (kMaxHeight - 2 * kPadding) / bounds.height());
    const QSize size(qCeil(bounds.width() * scale) + 2 * kPadding,
                     qCeil(bounds.height() * scale) + 2 * kPadding);
    const QRect viewport = m_view->viewport()->geometry();
    setGeometry(QRect(
        viewport.bottomRight() - QPoint(size.width() + kMargin, size.height() + kMargin), size));
    if (bounds != m_rendered)
        redraw();
    show();
    raise();
    update();
}

QRectF CanvasMinimap::picture() const
{
    return QRectF(rect()).adjusted(kPadding, kPadding, -kPadding, -kPadding);
}

void CanvasMinimap::redraw()
{
    if (!m_view->scene())
        return;
    m_rendered = sceneBounds();
    const qreal ratio = devicePixelRatioF();
    m_pixmap = QPixmap((picture().size() * ratio).toSize());
    m_pixmap.setDevicePixelRatio(ratio);
    m_pixmap.fill(m_view->backgroundBrush().color());
    QPainter painter(&m_pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    m_view->scene()->render(&painter, QRectF(QPointF(), picture().size()), m_rendered,
                            Qt::IgnoreAspectRatio);
    painter.end();
    if (!isVisible())
        place();
    update();
}

QRectF CanvasMinimap::viewedRect() const
{
    const QRectF viewed = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    if (m_rendered.isEmpty())
        return {};
    const QRectF area = picture();
    const qreal sx = area.width() / m_rendered.width();
    const qreal sy = area.height() / m_rendered.height();
    return QRectF(area.left() + (viewed.left() - m_rendered.left()) * sx,
                  area.top() + (viewed.top() - m_rendered.top()) * sy, viewed.width() * sx,
                  viewed.height() * sy)
        .intersected(area);
}

QPointF CanvasMinimap::toScene(const QPointF &point) const
{
    const QRectF area = picture();
    return QPointF(
        m_rendered.left() + (point.x() - area.left()) * m_rendered.width() / area.width(),
        m_rendered.top() + (point.y() - area.top()) * m_rendered.height() / area.height());
}

void CanvasMinimap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(QPen(QColor(0x9a, 0xa3, 0xad), 1));
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    painter.drawPixmap(picture().topLeft(), m_pixmap);
    painter.setPen(QPen(QColor(0x2b, 0x4c, 0x7e), 1.5));
    painter.setBrush(QColor(0x2b, 0x4c, 0x7e, 40));
    painter.drawRect(viewedRect());
}

void CanvasMinimap::mousePressEvent(QMouseEvent *event)
{
    m_view->centerOn(toScene(event->position()));
    event->accept();
}

void CanvasMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_view->centerOn(toScene(event->position()));
    event->accept();
}

} // namespace cutover
