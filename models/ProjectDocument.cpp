#include "ProjectDocument.h"

#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"

#include <QFileInfo>

namespace cutover {

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Result<void> ProjectDocument::open(const QString &filePath)
{
    auto loaded = ProjectReader::load(filePath);
    if (!loaded)
        return loaded.error();
    m_project = std::move(loaded.value());
    m_undoStack.clear();
    m_filePath = QFileInfo(filePath).absoluteFilePath();
    Q_EMIT filePathChanged(m_filePath);
    Q_EMIT projectReplaced();
    return {};
}

Result<void> ProjectDocument::save()
{
    if (m_filePath.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("the project has no file yet"), {},
                     QStringLiteral("save it with Save As"));
    if (auto saved = ProjectWriter::save(m_project, m_filePath); !saved)
        return saved;
    m_undoStack.setClean();
    return {};
}

Result<void> ProjectDocument::saveAs(const QString &filePath)
{
    if (auto saved = ProjectWriter::save(m_project, filePath); !saved)
        return saved;
    m_filePath = QFileInfo(filePath).absoluteFilePath();
    m_undoStack.setClean();
    Q_EMIT filePathChanged(m_filePath);
    return {};
}

QByteArray ProjectDocument::toBytes() const
{
    return ProjectWriter::toBytes(m_project);
}

} // namespace cutover
