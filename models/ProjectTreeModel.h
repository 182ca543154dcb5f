#pragma once

#include "ProjectDocument.h"
#include "ProjectHistory.h"
#include "validate/Problem.h"

#include <QAbstractItemModel>
#include <QHash>

namespace cutover {

// The project as a tree: connections, table mappings (with their state from the last check),
// lookup maps, rules, phases, settings and the runbook. It is read from the document and
// follows its changes; renaming an item (setData) is an edit through ProjectEdits.
class ProjectTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Group,
        Connection,
        Mapping,
        Lookup,
        Rule,
        Phase,
        Settings,
        RunbookStep,
        Run,
        Report,
    };
    Q_ENUM(Kind)

    // The groups, in the order the tree shows them.
    enum class Group
    {
        Connections,
        Mappings,
        Lookups,
        Rules,
        Phases,
        Settings,
        Runbook,
        Runs,    // read from the target's run ledger, read-only
        Reports, // read from the target's cutover_reports, read-only
    };
    Q_ENUM(Group)
    static constexpr int kGroupCount = 9;

    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind
        ItemIndexRole,               // index in the project's list, -1 for groups
        GroupRole,                   // Group
        SeverityRole,                // worst Problem::Severity of the item, -1 when none
    };

    explicit ProjectTreeModel(ProjectDocument &document, QObject *parent = nullptr);

    // The problems of the last check, for each item's state.
    void setProblems(const QList<Problem> &problems);
    // The runs and reports the target keeps.
    void setHistory(const ProjectHistory::Snapshot &history);
    // Groups the user edits (not the settings leaf, the runbook until its issue, runs, reports).
    static bool isEditable(Group group);

    QModelIndex groupIndex(Group group) const;
    QModelIndex itemIndex(Kind kind, qsizetype index) const;
    static Kind kindOf(Group group);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    int countOf(Group group) const;
    void follow(Group group);
    void resetAll();
    QVariant groupData(Group group, int role) const;
    QVariant itemData(Group group, int row, int role) const;
    QString itemName(Group group, int row) const;
    QString itemTip(Group group, int row) const;
    int severityOf(Group group, int row) const;
    bool rename(Group group, int row, const QString &name);

    QString itemIcon(Group group, int row) const;
    QString runName(int row) const;
    QString reportName(int row) const;

    ProjectDocument &m_document;
    ProjectHistory::Snapshot m_history;
    int m_counts[kGroupCount] = {};
    // "mappings[3]" -> worst severity among its problems
    QHash<QString, int> m_severity;
};

} // namespace cutover
