#include "canvas/CanvasExport.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace cutover {

namespace {

// Cached items would paint pixmaps: an SVG of pictures of text. Drawn afresh while it lives.
class UncachedItems
{
public:
    explicit UncachedItems(QGraphicsScene &scene)
    {
        for (QGraphicsItem *item : scene.items())
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_cached.append({item, item->cacheMode()});
                item->setCacheMode(QGraphicsItem::NoCache);
            }
    }
    ~UncachedItems()
    {
        for (const auto &[item, mode] : m_cached)
            item->setCacheMode(mode);
    }

private:
    QList<std::pair<QGraphicsItem *, QGraphicsItem::CacheMode>> m_cached;
};

} // namespace

QString CanvasExport::save(QGraphicsScene &scene, const QString &filePath, const QString &title)
{
    const UncachedItems uncached(scene);
    const QRectF area = scene.itemsBoundingRect().adjusted(-16, -16, 16, 16);
    if (area.isEmpty())
        return QObject::tr("the canvas is empty");
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(filePath);
        svg.setTitle(title);
        svg.setDescription(QObject::tr("Drawn by Cutover"));
        svg.setSize(area.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
        QPainter painter;
        if (!painter.begin(&svg))
            return QObject::tr("cannot write %1").arg(filePath);
        painter.fillRect(QRectF(QPointF(0, 0), area.size()), Qt::white);
        scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area);
        painter.end();
        return QFileInfo(filePath).size() > 0 ? QString()
                                              : QObject::tr("cannot write %1").arg(filePath);
    }
    if (suffix != QLatin1String("png"))
        return QObject::tr("give the file the suffix .svg or .png");
    QImage image((area.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), area);
    painter.end();
    return image.save(filePath, "PNG") ? QString() : QObject::tr("cannot write %1").arg(filePath);
}

} // namespace cutover
