#pragma once

#include "ProjectCommand.h"

#include <functional>
#include <optional>

namespace cutover {

// Inserts, removes, replaces or moves one item of a list in the project: connections, mappings,
// the columns of one mapping, lookups, rules, phases, runbook steps. The list is reached through
// an accessor, so nested lists (a mapping's columns) work like the project's own; listPath names
// it ("mappings[2].columns") so replacements of the same item with the same merge key (typing in
// one field) merge into one undo step.
template <typename T>
class ListCommand : public ProjectCommand
{
public:
    using Accessor = std::function<QList<T> &(Project &)>;
    enum class Op
    {
        Insert,
        Remove,
        Replace,
        Move,
    };

    struct Target
    {
        QString listPath;
        Accessor list;
        ProjectDocument::Part part;
    };

    static ListCommand *insert(ProjectDocument &document, Target target, qsizetype index, T item,
                               const QString &text)
    {
        auto *command = new ListCommand(document, std::move(target), Op::Insert, index, text);
        command->m_after = std::move(item);
        return command;
    }

    static ListCommand *remove(ProjectDocument &document, Target target, qsizetype index,
                               const QString &text)
    {
        auto *command = new ListCommand(document, std::move(target), Op::Remove, index, text);
        command->m_before = command->list().at(index);
        return command;
    }

    // mergeKey: replacements of the same item with the same non-empty key merge.
    static ListCommand *replace(ProjectDocument &document, Target target, qsizetype index, T item,
                                const QString &text, const QString &mergeKey = {})
    {
        auto *command = new ListCommand(document, std::move(target), Op::Replace, index, text);
        command->m_before = command->list().at(index);
        command->m_after = std::move(item);
        command->m_mergeKey = mergeKey;
        return command;
    }

    static ListCommand *move(ProjectDocument &document, Target target, qsizetype from, qsizetype to,
                             const QString &text)
    {
        auto *command = new ListCommand(document, std::move(target), Op::Move, from, text);
        command->m_to = to;
        return command;
    }

    void redo() override
    {
        QList<T> &items = list();
        switch (m_op) {
        case Op::Insert:
            items.insert(m_index, *m_after);
            break;
        case Op::Remove:
            items.removeAt(m_index);
            break;
        case Op::Replace:
            items[m_index] = *m_after;
            break;
        case Op::Move:
            items.move(m_index, m_to);
            break;
        }
        changed(m_target.part);
    }

    void undo() override
    {
        QList<T> &items = list();
        switch (m_op) {
        case Op::Insert:
            items.removeAt(m_index);
            break;
        case Op::Remove:
            items.insert(m_index, *m_before);
            break;
        case Op::Replace:
            items[m_index] = *m_before;
            break;
        case Op::Move:
            items.move(m_to, m_index);
            break;
        }
        changed(m_target.part);
    }

    int id() const override { return ListReplaceId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ListCommand *>(other);
        if (!next || m_op != Op::Replace || next->m_op != Op::Replace || m_mergeKey.isEmpty() ||
            next->m_mergeKey != m_mergeKey || next->m_target.listPath != m_target.listPath ||
            next->m_index != m_index)
            return false;
        m_after = next->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    ListCommand(ProjectDocument &document, Target target, Op op, qsizetype index,
                const QString &text)
        : ProjectCommand(document, text)
        , m_target(std::move(target))
        , m_op(op)
        , m_index(index)
    {}

    QList<T> &list() { return m_target.list(project()); }

    Target m_target;
    Op m_op;
    qsizetype m_index;
    qsizetype m_to = 0;
    std::optional<T> m_before;
    std::optional<T> m_after;
    QString m_mergeKey;
};

} // namespace cutover
