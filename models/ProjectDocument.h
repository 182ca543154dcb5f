#pragma once

#include "core/Result.h"
#include "project/Project.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace cutover {

class ProjectCommand;

// The project the window edits: the loaded Project, its file and one undo stack. Every change is
// a ProjectCommand pushed on undoStack(); views read project() and refresh on changed(). Saving
// goes through ProjectWriter, so the file is what cutover-cli writes, byte for byte.
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
    Result<void> save();
    Result<void> saveAs(const QString &filePath);

    const Project &project() const { return m_project; }
    QString filePath() const { return m_filePath; }
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isModified() const { return !m_undoStack.isClean(); }
    // The file's bytes as saving would write them now.
    QByteArray toBytes() const;

Q_SIGNALS:
    // A project was opened: every view starts over.
    void projectReplaced();
    void changed(cutover::ProjectDocument::Part part);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);

private:
    friend class ProjectCommand;

    Project m_project;
    QString m_filePath;
    QUndoStack m_undoStack;
};

} // namespace cutover
