#include "ProjectCommand.h"

namespace cutover {

ProjectCommand::ProjectCommand(ProjectDocument &document, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
{}

} // namespace cutover
