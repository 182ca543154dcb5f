#pragma once

#include <QToolButton>

class QGraphicsScene;

namespace cutover {

// "Export…": asks where, then saves the scene as SVG or PNG (CanvasExport).
class CanvasExportButton : public QToolButton
{
    Q_OBJECT

public:
    CanvasExportButton(QGraphicsScene &scene, const QString &title, QWidget *parent = nullptr);

private:
    void exportScene();

    QGraphicsScene &m_scene;
    QString m_title;
};

} // namespace cutover
