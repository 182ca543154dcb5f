#pragma once

#include "ProjectCommand.h"

namespace cutover {

// Replaces the whole project with an edited copy, for the edits that touch several places at
// once: renaming something the rest of the project refers to, accepting auto-map suggestions.
// It reports each part that differs.
class SnapshotCommand : public ProjectCommand
{
public:
    SnapshotCommand(ProjectDocument &document, Project after, const QString &text);

    void redo() override;
    void undo() override;

private:
    void apply(const Project &from, const Project &to);

    Project m_before;
    Project m_after;
};

} // namespace cutover
