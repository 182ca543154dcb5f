#include "ProjectDocument.h"

#include "AuditRecorder.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace cutover {

namespace {

QByteArray readAll(const QString &filePath)
{
    QFile file(filePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    // Editors and git replace a file rather than write into it; wait for the dust to settle.
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this,
            [this] { QTimer::singleShot(150, this, &ProjectDocument::checkDisk); });
}

Result<void> ProjectDocument::open(const QString &filePath)
{
    const QByteArray bytes = readAll(filePath);
    auto loaded = ProjectReader::load(filePath);
    if (!loaded)
        return loaded.error();
    m_diskBytes = bytes;
    replace(std::move(loaded.value()), QFileInfo(filePath).absoluteFilePath());
    return {};
}

Result<void> ProjectDocument::reload()
{
    return open(m_filePath);
}

void ProjectDocument::reset(Project project)
{
    m_diskBytes.clear();
    replace(std::move(project), {});
}

void ProjectDocument::close()
{
    m_diskBytes.clear();
    replace({}, {}, false);
}

void ProjectDocument::replace(Project project, const QString &filePath, bool hasProject)
{
    m_project = std::move(project);
    m_hasProject = hasProject;
    m_undoStack.clear();
    m_undoStack.setClean();
    m_diskChangeReported = false;
    const bool renamed = filePath != m_filePath;
    m_filePath = filePath;
    watch(filePath);
    if (renamed)
        Q_EMIT filePathChanged(m_filePath);
    Q_EMIT projectReplaced();
    Q_EMIT modifiedChanged(false);
}

Result<void> ProjectDocument::save()
{
    if (m_filePath.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("the project has no file yet"), {},
                     QStringLiteral("save it with Save As"));
    return saveAs(m_filePath);
}

// The project the file at path holds now: what a save changes, for the audit trail. Empty for
// a new file or one that does not read.
Project ProjectDocument::onDisk(const QString &path) const
{
    const QByteArray bytes = path == m_filePath ? m_diskBytes : readAll(path);
    if (bytes.isEmpty())
        return {};
    auto project = ProjectReader::parse(bytes, path, QFileInfo(path).absolutePath());
    return project ? *project : Project{};
}

Result<void> ProjectDocument::saveAs(const QString &filePath)
{
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    Project saved = m_project;
    // A new project's relative paths resolve against the folder it is first saved into.
    if (saved.baseDir.isEmpty())
        saved.baseDir = QFileInfo(absolute).absolutePath();
    const Project before = onDisk(absolute);
    if (auto written = ProjectWriter::save(saved, absolute); !written)
        return written;
    AuditRecorder::save(absolute, before, saved);
    m_project.baseDir = saved.baseDir;
    m_diskBytes = readAll(absolute);
    m_diskChangeReported = false;
    m_undoStack.setClean();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        watch(absolute);
        Q_EMIT filePathChanged(m_filePath);
    }
    return {};
}

QString ProjectDocument::displayName() const
{
    if (!m_project.name.isEmpty())
        return m_project.name;
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).completeBaseName();
    return tr("Untitled");
}

QByteArray ProjectDocument::toBytes() const
{
    return ProjectWriter::toBytes(m_project);
}

void ProjectDocument::watch(const QString &filePath)
{
    if (const QStringList files = m_watcher.files(); !files.isEmpty())
        m_watcher.removePaths(files);
    if (!filePath.isEmpty() && QFileInfo::exists(filePath))
        m_watcher.addPath(filePath);
}

void ProjectDocument::checkDisk()
{
    if (m_filePath.isEmpty())
        return;
    // A file replaced by rename is no longer watched under its name: watch the new one.
    if (!m_watcher.files().contains(m_filePath) && QFileInfo::exists(m_filePath))
        m_watcher.addPath(m_filePath);
    if (!QFileInfo::exists(m_filePath) || m_diskChangeReported)
        return;
    if (readAll(m_filePath) == m_diskBytes)
        return;
    m_diskChangeReported = true;
    Q_EMIT changedOnDisk();
}

} // namespace cutover
