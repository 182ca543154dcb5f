#include "canvas/CanvasExportButton.h"

#include "canvas/CanvasExport.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>

namespace cutover {

namespace {

const QString kLastDirKey = QStringLiteral("canvas/lastExportDir");

} // namespace

CanvasExportButton::CanvasExportButton(QGraphicsScene &scene, const QString &title, QWidget *parent)
    : QToolButton(parent)
    , m_scene(scene)
    , m_title(title)
{
    setText(tr("Export\u2026"));
    setToolTip(tr("Save this picture as SVG or PNG"));
    setAutoRaise(true);
    connect(this, &QToolButton::clicked, this, &CanvasExportButton::exportScene);
}

void CanvasExportButton::exportScene()
{
    QSettings settings;
    const QString start =
        QDir(settings.value(kLastDirKey, QDir::homePath()).toString())
            .filePath(QString(m_title).replace(QLatin1Char(' '), QLatin1Char('-')) +
                      QStringLiteral(".svg"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the Picture"), start,
                                                      tr("SVG drawing (*.svg);;PNG image (*.png)"));
    if (file.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(file).absolutePath());
    if (const QString failure = CanvasExport::save(m_scene, file, m_title); !failure.isEmpty())
        QMessageBox::warning(this, tr("Cannot export"), failure);
}

} // namespace cutover
