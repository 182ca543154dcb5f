#pragma once

#include "core/Result.h"
#include "project/Project.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QUndoStack>

namespace cutover {

class ProjectCommand;

// The project the window edits: the loaded Project, its file and one undo stack. Every change is
// a ProjectCommand pushed on undoStack() (ProjectEdits makes them); views read project() and
// refresh on changed(). Saving goes through ProjectWriter, so the file is what cutover-cli
// writes, byte for byte. The file is watched: when someone else changes it (a git pull),
// changedOnDisk() says so and nothing is overwritten until the user decides.
class ProjectDocument : public QObject
{
    Q_OBJECT

public:
    // What a change touched, so a view refreshes only what it shows.
    enum class Part
    {
        Connections,
        Mappings,
        Lookups,
        Rules,
        Phases,
        Settings,
        Runbook,
    };
    Q_ENUM(Part)

    explicit ProjectDocument(QObject *parent = nullptr);

    Result<void> open(const QString &filePath);
    // Reads the file again, dropping unsaved edits and the undo history.
    Result<void> reload();
    Result<void> save();
    Result<void> saveAs(const QString &filePath);
    // Starts over with project (an empty one by default) and no file.
    void reset(Project project = {});
    // No project open.
    void close();

    const Project &project() const { return m_project; }
    QString filePath() const { return m_filePath; }
    // The project's name, else its file's name, else "Untitled".
    QString displayName() const;
    bool hasProject() const { return m_hasProject; }
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isModified() const { return !m_undoStack.isClean(); }
    // The file holds something this document neither read nor wrote (reported by changedOnDisk).
    bool fileChangedElsewhere() const { return m_diskChangeReported; }
    // The file's bytes as saving would write them now.
    QByteArray toBytes() const;

Q_SIGNALS:
    // A project was opened, reloaded or reset: every view starts over.
    void projectReplaced();
    void changed(cutover::ProjectDocument::Part part);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    // The project file now holds something this document neither read nor wrote.
    void changedOnDisk();

private:
    Project onDisk(const QString &path) const;
    friend class ProjectCommand;

    void watch(const QString &filePath);
    void checkDisk();
    void replace(Project project, const QString &filePath, bool hasProject = true);

    Project m_project;
    bool m_hasProject = false;
    QString m_filePath;
    QByteArray m_diskBytes; // what this document last read from or wrote to the file
    bool m_diskChangeReported = false;
    QUndoStack m_undoStack;
    QFileSystemWatcher m_watcher;
};

} // namespace cutover
