#include "SchemaTreeModel.h"

#include "schema/CutoverTables.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <algorithm>

namespace cutover {

struct SchemaTreeModel::Node
{
    NodeKind kind = NodeKind::Table;
    Node *parent = nullptr;
    int row = 0;
    int table = 0; // index into m_schema.tables
    int item = -1; // column, foreign key or index position within the table
    std::vector<std::unique_ptr<Node>> children;

    Node *addChild(NodeKind childKind, int childItem)
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->parent = this;
        child->row = int(children.size());
        child->table = table;
        child->item = childItem;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

const QString kSeparator = QStringLiteral("  \u00b7  ");

QString joined(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

QString foreignKeyTarget(const ForeignKeyInfo &fk)
{
    return QStringLiteral("%1(%2)").arg(fk.referencedTable, joined(fk.referencedColumns));
}

const ForeignKeyInfo *foreignKeyOf(const TableInfo &table, const QString &columnName)
{
    for (const ForeignKeyInfo &fk : table.foreignKeys)
        if (fk.columns.contains(columnName))
            return &fk;
    return nullptr;
}

bool isPrimaryKey(const TableInfo &table, const ColumnInfo &column)
{
    return column.primaryKeyPosition > 0 || table.primaryKey.contains(column.name);
}

bool isUniqueAlone(const TableInfo &table, const QString &columnName)
{
    for (const IndexInfo &index : table.indexes)
        if (index.unique && index.columns == QStringList{columnName})
            return true;
    return false;
}

// "patients(id)" style target of the foreign key a column takes part in, mapped to that column.
QString referencedColumnText(const ForeignKeyInfo &fk, const QString &columnName)
{
    const qsizetype at = fk.columns.indexOf(columnName);
    if (fk.columns.size() == 1 || at < 0 || at >= fk.referencedColumns.size())
        return foreignKeyTarget(fk);
    return QStringLiteral("%1(%2)").arg(fk.referencedTable, fk.referencedColumns.at(at));
}

// "1 row", "12,345 rows": English plurals without a translation file.
QString counted(qint64 count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(count),
                                       QString::fromLatin1(count == 1 ? one : many));
}

QColor detailColour()
{
    return QColor(0x5f, 0x6b, 0x7a);
}

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

SchemaTreeModel::~SchemaTreeModel() = default;

void SchemaTreeModel::setSchema(const DatabaseSchema &schema)
{
    beginResetModel();
    m_schema = schema;
    // The user's tables first; Cutover's own (ledger, crosswalk, reports) after them.
    std::stable_partition(m_schema.tables.begin(), m_schema.tables.end(),
                          [](const TableInfo &t) { return !CutoverTables::contains(t.name); });
    buildTree();
    endResetModel();
}

bool SchemaTreeModel::setHighlightedColumns(const QString &tableName,
                                            const QStringList &columnNames, const QString &readBy)
{
    const QStringList names = tableName.isEmpty() ? QStringList() : columnNames;
    if (tableName == m_highlightedTable && names == m_highlighted && readBy == m_readBy)
        return false;
    const QString before = m_highlightedTable;
    m_highlightedTable = tableName;
    m_highlighted = names;
    m_readBy = readBy;
    for (const QString &table : {before, tableName}) {
        const QModelIndex parent = tableIndex(table);
        if (parent.isValid() && rowCount(parent) > 0)
            Q_EMIT dataChanged(index(0, 0, parent),
                               index(rowCount(parent) - 1, ColumnCount - 1, parent));
    }
    return true;
}

void SchemaTreeModel::clear()
{
    setSchema(DatabaseSchema());
}

void SchemaTreeModel::buildTree()
{
    m_tables.clear();
    for (int t = 0; t < m_schema.tables.size(); ++t) {
        const TableInfo &table = m_schema.tables.at(t);
        auto node = std::make_unique<Node>();
        node->kind = table.isView ? NodeKind::View : NodeKind::Table;
        node->row = t;
        node->table = t;
        for (int c = 0; c < table.columns.size(); ++c)
            node->addChild(NodeKind::Column, c);
        if (!table.primaryKey.isEmpty() || !table.foreignKeys.isEmpty() ||
            !table.indexes.isEmpty()) {
            Node *group = node->addChild(NodeKind::KeyGroup, -1);
            if (!table.primaryKey.isEmpty())
                group->addChild(NodeKind::PrimaryKey, 0);
            for (int f = 0; f < table.foreignKeys.size(); ++f)
                group->addChild(NodeKind::ForeignKey, f);
            for (int i = 0; i < table.indexes.size(); ++i)
                group->addChild(NodeKind::Index, i);
        }
        m_tables.push_back(std::move(node));
    }
}

QModelIndex SchemaTreeModel::tableIndex(const QString &tableName) const
{
    for (int t = 0; t < m_schema.tables.size(); ++t)
        if (m_schema.tables.at(t).name == tableName)
            return createIndex(t, 0, m_tables.at(size_t(t)).get());
    return {};
}

QModelIndex SchemaTreeModel::columnIndex(const QString &tableName, const QString &columnName) const
{
    const QModelIndex table = tableIndex(tableName);
    if (!table.isValid())
        return {};
    const TableInfo &info = m_schema.tables.at(table.row());
    for (int c = 0; c < info.columns.size(); ++c)
        if (info.columns.at(c).name == columnName)
            return index(c, 0, table);
    return {};
}

SchemaTreeModel::Node *SchemaTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

const TableInfo &SchemaTreeModel::tableOf(const Node &node) const
{
    return m_schema.tables.at(node.table);
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (size_t(row) >= m_tables.size())
            return {};
        return createIndex(row, column, m_tables.at(size_t(row)).get());
    }
    if (parent.model() != this)
        return {};
    const Node *node = nodeFor(parent);
    if (!node || size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFor(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_tables.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeFor(parent);
    return node ? int(node->children.size()) : 0;
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SchemaTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags SchemaTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFor(index)->children.empty())
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

QHash<int, QByteArray> SchemaTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(NodeKindRole, "nodeKind");
    names.insert(TableNameRole, "tableName");
    names.insert(ColumnNameRole, "columnName");
    names.insert(IsViewRole, "isView");
    names.insert(IsPrimaryKeyRole, "isPrimaryKey");
    names.insert(IsForeignKeyRole, "isForeignKey");
    names.insert(IsNullableRole, "isNullable");
    names.insert(NormalizedTypeRole, "normalizedType");
    names.insert(NormalizedKindRole, "normalizedKind");
    names.insert(DeclaredTypeRole, "declaredType");
    names.insert(DefaultValueRole, "defaultValue");
    names.insert(RowEstimateRole, "rowEstimate");
    names.insert(ReferencedTableRole, "referencedTable");
    names.insert(MatchTextRole, "matchText");
    names.insert(IsHighlightedRole, "isHighlighted");
    return names;
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeFor(index);
    const TableInfo &table = tableOf(node);
    const ColumnInfo *column =
        node.kind == NodeKind::Column ? &table.columns.at(node.item) : nullptr;
    const bool highlighted = column && table.name == m_highlightedTable &&
                             m_highlighted.contains(column->name, Qt::CaseInsensitive);

    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case Qt::ToolTipRole:
        return highlighted && !m_readBy.isEmpty()
                   ? tr("Read by the expression of %1\n\n").arg(m_readBy) + toolTip(node)
                   : toolTip(node);
    case Qt::BackgroundRole:
        return highlighted ? QVariant(QColor(0xff, 0xf0, 0xc0)) : QVariant();
    case Qt::DecorationRole:
        return index.column() == NameColumn ? decoration(node) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == DetailsColumn ||
            (index.column() == TypeColumn && node.kind != NodeKind::Column) ||
            CutoverTables::contains(table.name))
            return detailColour();
        return {};
    case Qt::FontRole:
        if (index.column() == NameColumn && column &&
            (highlighted || isPrimaryKey(table, *column))) {
            QFont font;
            font.setBold(isPrimaryKey(table, *column));
            font.setUnderline(highlighted); // a mark that is not only a colour
            return font;
        }
        if (index.column() == NameColumn && node.kind == NodeKind::KeyGroup) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case NodeKindRole:
        return int(node.kind);
    case TableNameRole:
        return table.name;
    case ColumnNameRole:
        return column ? QVariant(column->name) : QVariant();
    case IsViewRole:
        return table.isView;
    case IsPrimaryKeyRole:
        return column ? isPrimaryKey(table, *column) : false;
    case IsForeignKeyRole:
        return column ? foreignKeyOf(table, column->name) != nullptr : false;
    case IsNullableRole:
        return column ? QVariant(column->nullable) : QVariant();
    case NormalizedTypeRole:
        return column ? QVariant(column->type.toString()) : QVariant();
    case NormalizedKindRole:
        return column ? QVariant(int(column->type.kind())) : QVariant();
    case DeclaredTypeRole:
        return column ? QVariant(column->declaredType) : QVariant();
    case DefaultValueRole:
        return column && column->hasDefault ? QVariant(column->defaultValue) : QVariant();
    case RowEstimateRole:
        return node.kind == NodeKind::Table || node.kind == NodeKind::View
                   ? QVariant(table.rowEstimate)
                   : QVariant();
    case ReferencedTableRole:
        if (column) {
            const ForeignKeyInfo *fk = foreignKeyOf(table, column->name);
            return fk ? QVariant(fk->referencedTable) : QVariant();
        }
        if (node.kind == NodeKind::ForeignKey)
            return table.foreignKeys.at(node.item).referencedTable;
        return {};
    case MatchTextRole:
        return displayData(node, NameColumn);
    case IsHighlightedRole:
        return highlighted;
    default:
        return {};
    }
}

QVariant SchemaTreeModel::displayData(const Node &node, int column) const
{
    const TableInfo &table = tableOf(node);
    switch (node.kind) {
    case NodeKind::Table:
    case NodeKind::View: {
        if (column == NameColumn)
            return table.name;
        if (column == TypeColumn)
            return node.kind == NodeKind::View           ? tr("view")
                   : CutoverTables::contains(table.name) ? tr("Cutover ledger")
                                                         : tr("table");
        QStringList parts;
        if (table.rowEstimate >= 0)
            parts << counted(table.rowEstimate, "row", "rows");
        parts << counted(table.columns.size(), "column", "columns");
        return parts.join(kSeparator);
    }
    case NodeKind::Column: {
        const ColumnInfo &info = table.columns.at(node.item);
        if (column == NameColumn)
            return info.name;
        if (column == TypeColumn)
            return info.type.toString();
        QStringList parts;
        // The declared type when it says more than the normalized one ("VARCHAR(80)" beside
        // "text(80)", but not "INTEGER" beside "integer"); the tooltip always has it.
        if (!info.declaredType.isEmpty() &&
            info.declaredType.compare(info.type.toString(), Qt::CaseInsensitive) != 0)
            parts << info.declaredType;
        if (isPrimaryKey(table, info))
            parts << (table.primaryKey.size() > 1 && info.primaryKeyPosition > 0
                          ? tr("PK %1").arg(info.primaryKeyPosition)
                          : tr("PK"));
        if (const ForeignKeyInfo *fk = foreignKeyOf(table, info.name))
            parts << tr("FK \u2192 %1").arg(referencedColumnText(*fk, info.name));
        if (!info.nullable)
            parts << tr("NOT NULL");
        if (isUniqueAlone(table, info.name) && !isPrimaryKey(table, info))
            parts << tr("UNIQUE");
        if (info.hasDefault)
            parts << tr("default %1").arg(info.defaultValue);
        if (info.autoIncrement)
            parts << tr("auto");
        return parts.join(kSeparator);
    }
    case NodeKind::KeyGroup: {
        if (column == NameColumn)
            return tr("Keys and indexes");
        if (column == TypeColumn)
            return {};
        QStringList parts;
        if (!table.primaryKey.isEmpty())
            parts << tr("primary key");
        if (!table.foreignKeys.isEmpty())
            parts << counted(table.foreignKeys.size(), "foreign key", "foreign keys");
        if (!table.indexes.isEmpty())
            parts << counted(table.indexes.size(), "index", "indexes");
        return parts.join(QStringLiteral(", "));
    }
    case NodeKind::PrimaryKey:
        if (column == NameColumn)
            return tr("PRIMARY KEY");
        if (column == TypeColumn)
            return tr("primary key");
        return QStringLiteral("(%1)").arg(joined(table.primaryKey));
    case NodeKind::ForeignKey: {
        const ForeignKeyInfo &fk = table.foreignKeys.at(node.item);
        if (column == NameColumn)
            return fk.name.isEmpty() ? tr("FOREIGN KEY (%1)").arg(joined(fk.columns)) : fk.name;
        if (column == TypeColumn)
            return tr("foreign key");
        return QStringLiteral("(%1) \u2192 %2").arg(joined(fk.columns), foreignKeyTarget(fk));
    }
    case NodeKind::Index: {
        const IndexInfo &index = table.indexes.at(node.item);
        if (column == NameColumn)
            return index.name.isEmpty() ? tr("INDEX (%1)").arg(joined(index.columns)) : index.name;
        if (column == TypeColumn)
            return index.isConstraint ? tr("unique constraint")
                                      : (index.unique ? tr("unique index") : tr("index"));
        return QStringLiteral("(%1)").arg(joined(index.columns));
    }
    }
    return {};
}

QString SchemaTreeModel::toolTip(const Node &node) const
{
    const TableInfo &table = tableOf(node);
    QStringList lines;
    switch (node.kind) {
    case NodeKind::Table:
    case NodeKind::View:
        lines << (node.kind == NodeKind::View ? tr("View %1") : tr("Table %1")).arg(table.name);
        lines << counted(table.columns.size(), "column", "columns");
        if (table.rowEstimate >= 0)
            lines << tr("About %1 rows").arg(QLocale().toString(table.rowEstimate));
        if (!table.primaryKey.isEmpty())
            lines << tr("Primary key: %1").arg(joined(table.primaryKey));
        for (const ForeignKeyInfo &fk : table.foreignKeys)
            lines << tr("Foreign key (%1) \u2192 %2").arg(joined(fk.columns), foreignKeyTarget(fk));
        break;
    case NodeKind::Column: {
        const ColumnInfo &info = table.columns.at(node.item);
        lines << QStringLiteral("%1.%2").arg(table.name, info.name);
        lines << tr("Declared type: %1")
                     .arg(info.declaredType.isEmpty() ? tr("(none)") : info.declaredType);
        lines << tr("Normalized type: %1").arg(info.type.toString());
        lines << (info.nullable ? tr("Nullable") : tr("NOT NULL"));
        if (info.hasDefault)
            lines << tr("Default: %1").arg(info.defaultValue);
        if (isPrimaryKey(table, info))
            lines << (info.primaryKeyPosition > 0
                          ? tr("Primary key (position %1)").arg(info.primaryKeyPosition)
                          : tr("Primary key"));
        if (const ForeignKeyInfo *fk = foreignKeyOf(table, info.name))
            lines << tr("References %1").arg(referencedColumnText(*fk, info.name));
        if (info.autoIncrement)
            lines << tr("Auto-increment");
        break;
    }
    case NodeKind::KeyGroup:
        return displayData(node, DetailsColumn).toString();
    case NodeKind::PrimaryKey:
        lines << tr("Primary key of %1: %2").arg(table.name, joined(table.primaryKey));
        break;
    case NodeKind::ForeignKey: {
        const ForeignKeyInfo &fk = table.foreignKeys.at(node.item);
        if (!fk.name.isEmpty())
            lines << fk.name;
        lines
            << tr("%1(%2) references %3").arg(table.name, joined(fk.columns), foreignKeyTarget(fk));
        break;
    }
    case NodeKind::Index: {
        const IndexInfo &index = table.indexes.at(node.item);
        lines << index.name;
        lines << tr("%1 on %2(%3)")
                     .arg(index.unique ? tr("Unique index") : tr("Index"), table.name,
                          joined(index.columns));
        break;
    }
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant SchemaTreeModel::decoration(const Node &node) const
{
    switch (node.kind) {
    case NodeKind::Table:
        return QIcon(QStringLiteral(":/icons/table.svg"));
    case NodeKind::View:
        return QIcon(QStringLiteral(":/icons/view.svg"));
    case NodeKind::Column: {
        const TableInfo &table = tableOf(node);
        const ColumnInfo &info = table.columns.at(node.item);
        if (isPrimaryKey(table, info))
            return QIcon(QStringLiteral(":/icons/key.svg"));
        if (foreignKeyOf(table, info.name))
            return QIcon(QStringLiteral(":/icons/foreign-key.svg"));
        return QIcon(QStringLiteral(":/icons/column.svg"));
    }
    case NodeKind::KeyGroup:
        return QIcon(QStringLiteral(":/icons/keys.svg"));
    case NodeKind::PrimaryKey:
        return QIcon(QStringLiteral(":/icons/key.svg"));
    case NodeKind::ForeignKey:
        return QIcon(QStringLiteral(":/icons/foreign-key.svg"));
    case NodeKind::Index:
        return QIcon(QStringLiteral(":/icons/index.svg"));
    }
    return {};
}

} // namespace cutover
