#include "SetConnectionUrlCommand.h"

namespace cutover {

SetConnectionUrlCommand::SetConnectionUrlCommand(ProjectDocument &document, QString connection,
                                                 QString url)
    : ProjectCommand(document)
    , m_connection(std::move(connection))
    , m_after(std::move(url))
{
    if (const ConnectionDef *def = project().connection(m_connection))
        m_before = def->url;
    setText(QStringLiteral("Point connection %1 at %2").arg(m_connection, m_after));
}

void SetConnectionUrlCommand::set(const QString &url)
{
    for (ConnectionDef &def : project().connections)
        if (def.name == m_connection) {
            def.url = url;
            changed(ProjectDocument::Part::Connections);
        }
}

void SetConnectionUrlCommand::redo()
{
    set(m_after);
}

void SetConnectionUrlCommand::undo()
{
    set(m_before);
}

} // namespace cutover
