#include "SetExpressionCommand.h"

#include <QDeadlineTimer>

namespace cutover {

namespace {

qint64 now()
{
    return QDeadlineTimer::current().deadline();
}

ColumnMapping *findColumn(Project &project, const QString &mapping, const QString &column)
{
    for (TableMapping &m : project.mappings)
        if (m.target == mapping)
            for (ColumnMapping &c : m.columns)
                if (c.target == column)
                    return &c;
    return nullptr;
}

} // namespace

SetExpressionCommand::SetExpressionCommand(ProjectDocument &document, QString mapping,
                                           QString column, QString expression)
    : ProjectCommand(document)
    , m_mapping(std::move(mapping))
    , m_column(std::move(column))
    , m_after(std::move(expression))
    , m_at(now())
{
    if (const ColumnMapping *c = findColumn(this->project(), m_mapping, m_column))
        m_before = c->expression;
    setText(QStringLiteral("Change the expression of %1.%2").arg(m_mapping, m_column));
}

void SetExpressionCommand::set(const QString &expression)
{
    if (ColumnMapping *c = findColumn(project(), m_mapping, m_column)) {
        c->expression = expression;
        changed(ProjectDocument::Part::Mappings);
    }
}

void SetExpressionCommand::redo()
{
    set(m_after);
}

void SetExpressionCommand::undo()
{
    set(m_before);
}

bool SetExpressionCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetExpressionCommand *>(other);
    if (next->m_mapping != m_mapping || next->m_column != m_column ||
        next->m_at - m_at > kBurstGapMs)
        return false;
    m_after = next->m_after;
    m_at = next->m_at;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace cutover
