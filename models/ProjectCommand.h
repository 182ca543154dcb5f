#pragma once

#include "ProjectDocument.h"

#include <QUndoCommand>

namespace cutover {

// The base of every edit of a ProjectDocument: the only way a change reaches the Project. A
// command changes the project in redo() and gives back exactly what was there in undo(), and
// says which part it touched.
class ProjectCommand : public QUndoCommand
{
public:
    enum Id
    {
        SetExpressionId = 1,
        ListReplaceId,
        SetValueId,
    };

protected:
    explicit ProjectCommand(ProjectDocument &document, const QString &text = {});

    Project &project() { return m_document.m_project; }
    ProjectDocument &document() { return m_document; }
    const Project &project() const { return m_document.m_project; }
    void changed(ProjectDocument::Part part) { Q_EMIT m_document.changed(part); }

private:
    ProjectDocument &m_document;
};

} // namespace cutover
