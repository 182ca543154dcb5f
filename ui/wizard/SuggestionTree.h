#pragma once

#include "automap/AutoMapper.h"
#include "wizard/MigrationDraft.h"

#include <QTreeWidget>

namespace cutover {

// Auto-map's suggestions to tick: one row per table pair (target <- source) with its column
// pairs below it, each with confidence, expression and reason; then the source tables the
// target lacks, to create from the source schema. A table row is ticked through its columns.
class SuggestionTree : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ConfidenceColumn,
        ExpressionColumn,
        ReasonColumn
    };

    explicit SuggestionTree(QWidget *parent = nullptr);

    void setSuggestions(const QList<AutoMapper::MappingSuggestion> &suggestions,
                        const Project &creatable);
    // Ticks every table pair and column pair of at least threshold and unticks the others;
    // tables to create are left as they are.
    void acceptAbove(double threshold);
    void setCreateAll(bool create);
    // How many tables to create are ticked, of how many.
    int createTicked() const;
    int createCount() const { return int(m_creatable.size()); }
    MigrationDraft::Choice choice() const;
    // The whole of an item (pair, expression, reason) as rich text, for a details line.
    static QString details(const QTreeWidgetItem *item);

Q_SIGNALS:
    void choiceChanged();

private:
    enum Kind
    {
        TableItem = 1,
        ColumnItem,
        CreateItem
    };

    QTreeWidgetItem *addTable(int index, const AutoMapper::MappingSuggestion &suggestion);
    void addColumn(QTreeWidgetItem *table, int index, const AutoMapper::ColumnSuggestion &column);
    void addCreatable(const TableMapping &mapping, const TableInfo &definition);
    static Kind kindOf(const QTreeWidgetItem *item);
    QList<QTreeWidgetItem *> itemsOf(Kind kind) const; // TableItem or CreateItem
    void itemChanged(QTreeWidgetItem *item, int column);

    QList<AutoMapper::MappingSuggestion> m_suggestions;
    QStringList m_creatable;
};

} // namespace cutover
