#pragma once

#include "schema/DatabaseSchema.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace cutover {

// The schema of one connection as a tree:
//   table or view            (Name, "table"/"view", row estimate and column count)
//     column                 (Name, normalized type, declared type and flags)
//     Keys and indexes       (a group, present when the table has any)
//       primary key / foreign key / index
// The schema is copied in; setSchema() resets the model.
class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        DetailsColumn,
        ColumnCount
    };

    enum class NodeKind
    {
        Table,
        View,
        Column,
        KeyGroup,
        PrimaryKey,
        ForeignKey,
        Index
    };
    Q_ENUM(NodeKind)

    enum Role
    {
        NodeKindRole = Qt::UserRole + 1, // int of NodeKind
        TableNameRole,                   // the table every node belongs to
        ColumnNameRole,                  // column nodes only
        IsViewRole,
        IsPrimaryKeyRole,    // column is part of the primary key
        IsForeignKeyRole,    // column is part of a foreign key
        IsNullableRole,      // column accepts NULL
        NormalizedTypeRole,  // "integer", "text(255)", ... (columns)
        NormalizedKindRole,  // int of NormalizedType::Kind (columns)
        DeclaredTypeRole,    // as the database spells it (columns)
        DefaultValueRole,    // SQL text of the default, invalid when there is none
        RowEstimateRole,     // qint64, -1 when unknown (tables)
        ReferencedTableRole, // foreign keys and FK columns: the referenced table
        MatchTextRole,       // what the filter matches: the node's name
        IsHighlightedRole,   // column read by the expression being edited
    };
    Q_ENUM(Role)

    explicit SchemaTreeModel(QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    void setSchema(const DatabaseSchema &schema);
    void clear();
    const DatabaseSchema &schema() const { return m_schema; }
    // Marks the columns of a table (underlined on a tint, "read by ..." in the tooltip) that the
    // expression being edited reads; an empty table clears the marks. False when nothing changed.
    bool setHighlightedColumns(const QString &tableName, const QStringList &columnNames,
                               const QString &readBy = {});
    const QStringList &highlightedColumns() const { return m_highlighted; }
    const QString &highlightedTable() const { return m_highlightedTable; }

    // Index (column 0) of a table, or of one of its columns when columnName is given; invalid when
    // there is no such table or column.
    QModelIndex tableIndex(const QString &tableName) const;
    QModelIndex columnIndex(const QString &tableName, const QString &columnName) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;

    void buildTree();
    Node *nodeFor(const QModelIndex &index) const;
    const TableInfo &tableOf(const Node &node) const;
    QVariant displayData(const Node &node, int column) const;
    QString toolTip(const Node &node) const;
    QVariant decoration(const Node &node) const;

    DatabaseSchema m_schema;
    QString m_highlightedTable;
    QStringList m_highlighted;
    QString m_readBy;
    std::vector<std::unique_ptr<Node>> m_tables;
};

} // namespace cutover
