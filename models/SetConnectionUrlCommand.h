#pragma once

#include "ProjectCommand.h"

namespace cutover {

// Points a named connection of the project at another URL (never with a password in it).
class SetConnectionUrlCommand : public ProjectCommand
{
public:
    SetConnectionUrlCommand(ProjectDocument &document, QString connection, QString url);

    void redo() override;
    void undo() override;

private:
    void set(const QString &url);

    QString m_connection;
    QString m_before;
    QString m_after;
};

} // namespace cutover
