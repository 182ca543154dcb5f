#include "SnapshotCommand.h"

namespace cutover {

SnapshotCommand::SnapshotCommand(ProjectDocument &document, Project after, const QString &text)
    : ProjectCommand(document, text)
    , m_before(project())
    , m_after(std::move(after))
{}

void SnapshotCommand::redo()
{
    apply(m_before, m_after);
}

void SnapshotCommand::undo()
{
    apply(m_after, m_before);
}

void SnapshotCommand::apply(const Project &from, const Project &to)
{
    project() = to;
    using Part = ProjectDocument::Part;
    if (from.connections != to.connections || from.sourceConnection != to.sourceConnection ||
        from.targetConnection != to.targetConnection)
        changed(Part::Connections);
    if (from.mappings != to.mappings || from.targetTables != to.targetTables ||
        from.canvas != to.canvas)
        changed(Part::Mappings);
    if (from.lookups != to.lookups)
        changed(Part::Lookups);
    if (from.rules != to.rules)
        changed(Part::Rules);
    if (from.phases != to.phases)
        changed(Part::Phases);
    if (from.settings != to.settings || from.reconcile != to.reconcile || from.name != to.name ||
        from.description != to.description)
        changed(Part::Settings);
    if (from.runbook != to.runbook)
        changed(Part::Runbook);
}

} // namespace cutover
