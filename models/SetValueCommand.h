#pragma once

#include "ProjectCommand.h"

namespace cutover {

// Sets one member of the project (its name, description, source or target connection, settings,
// reconciliation settings). Consecutive changes of the same member with the same non-empty merge
// key (typing in one field) are one undo step.
template <typename T>
class SetValueCommand : public ProjectCommand
{
public:
    using Member = T Project::*;

    SetValueCommand(ProjectDocument &document, Member member, ProjectDocument::Part part, T value,
                    const QString &text, const QString &mergeKey = {})
        : ProjectCommand(document, text)
        , m_member(member)
        , m_part(part)
        , m_before(project().*member)
        , m_after(std::move(value))
        , m_mergeKey(mergeKey)
    {}

    void redo() override { set(m_after); }
    void undo() override { set(m_before); }
    int id() const override { return SetValueId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const SetValueCommand *>(other);
        if (!next || m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey ||
            next->m_member != m_member)
            return false;
        m_after = next->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    void set(const T &value)
    {
        project().*m_member = value;
        changed(m_part);
    }

    Member m_member;
    ProjectDocument::Part m_part;
    T m_before;
    T m_after;
    QString m_mergeKey;
};

} // namespace cutover
