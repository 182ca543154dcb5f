#pragma once

#include <QString>

class QGraphicsScene;

namespace cutover {

// Saves a canvas as SVG (QSvgGenerator) or PNG (at twice the scene's size, sharp in documents),
// for design documents and reviews. The format follows the file's suffix.
class CanvasExport
{
public:
    // An empty string on success, else why not.
    static QString save(QGraphicsScene &scene, const QString &filePath, const QString &title);
};

} // namespace cutover
