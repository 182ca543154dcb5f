#include "SchemaPane.h"

#include "ElidedLabel.h"
#include "SchemaTreeModel.h"
#include "schema/DatabaseSchema.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cutover {

namespace {

QString plural(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

SchemaPane::SchemaPane(const QString &role, QWidget *parent)
    : QWidget(parent)
    , m_model(new SchemaTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_caption(new QLabel(role.toUpper(), this))
    , m_name(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_location(new ElidedLabel(this))
    , m_banner(new QLabel(this))
{
    setObjectName(role.toLower() + QStringLiteral("Pane"));
    m_tree->setObjectName(role.toLower() + QStringLiteral("Tree"));
    m_filter->setObjectName(role.toLower() + QStringLiteral("Filter"));

    QFont captionFont = m_caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.85);
    captionFont.setBold(true);
    captionFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    m_caption->setFont(captionFont);
    m_caption->setStyleSheet(QStringLiteral("color: #5f6b7a;"));

    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setText(tr("No connection"));

    m_summary->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_location->setStyleSheet(QStringLiteral("color: #5f6b7a;"));

    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid #f5c2c0;"
                       " border-radius: 3px; padding: 6px; }"));
    m_banner->hide();

    m_filter->setPlaceholderText(tr("Filter tables and columns"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(SchemaTreeModel::NameColumn);
    m_proxy->setFilterRole(SchemaTreeModel::MatchTextRole);

    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setIconSize(QSize(16, 16));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setMinimumSectionSize(48);

    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->addWidget(m_caption);
    titleRow->addStretch(1);
    titleRow->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(m_name);
    layout->addWidget(m_location);
    layout->addSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_banner);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &SchemaPane::applyFilter);
    updateSummary();
}

void SchemaPane::setConnection(const QString &connectionName, const QString &displayName)
{
    m_connectionName = connectionName;
    m_name->setText(connectionName.isEmpty() ? tr("No connection") : connectionName);
    m_location->setFullText(displayName);
}

void SchemaPane::setSchema(const DatabaseSchema &schema)
{
    // A reload keeps the tables that were open and the current item.
    QStringList expanded;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex table = m_proxy->index(row, 0);
        if (m_tree->isExpanded(table))
            expanded << table.data(SchemaTreeModel::TableNameRole).toString();
    }
    const QModelIndex current = m_tree->currentIndex();
    const QString currentTable = current.data(SchemaTreeModel::TableNameRole).toString();
    const QString currentColumn = current.data(SchemaTreeModel::ColumnNameRole).toString();

    m_banner->hide();
    m_model->setSchema(schema);
    applyFilter(m_filter->text());
    for (const QString &name : std::as_const(expanded))
        m_tree->expand(m_proxy->mapFromSource(m_model->tableIndex(name)));
    const QModelIndex restored = currentColumn.isEmpty()
                                     ? m_model->tableIndex(currentTable)
                                     : m_model->columnIndex(currentTable, currentColumn);
    if (restored.isValid())
        m_tree->setCurrentIndex(m_proxy->mapFromSource(restored));
    updateSummary();
    fitColumns();
}

void SchemaPane::setUnavailable(const QString &reason)
{
    m_model->clear();
    m_banner->setText(reason);
    m_banner->setVisible(!reason.isEmpty());
    updateSummary();
}

QString SchemaPane::unavailableReason() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void SchemaPane::clear()
{
    setConnection({}, {});
    m_model->clear();
    m_banner->hide();
    updateSummary();
}

void SchemaPane::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QString SchemaPane::filterText() const
{
    return m_filter->text();
}

void SchemaPane::applyFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
    if (text.trimmed().isEmpty()) {
        m_tree->collapseAll();
        return;
    }
    // Open the tables kept for a matching child, so the match is in sight; a table that matched
    // by name stays closed.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex table = m_proxy->index(row, 0);
        const bool byName = table.data(SchemaTreeModel::MatchTextRole)
                                .toString()
                                .contains(text.trimmed(), Qt::CaseInsensitive);
        if (byName) {
            m_tree->collapse(table);
            continue;
        }
        m_tree->expand(table);
        for (int child = 0; child < m_proxy->rowCount(table); ++child) {
            const QModelIndex group = m_proxy->index(child, 0, table);
            if (m_proxy->hasChildren(group))
                m_tree->expand(group);
        }
    }
}

void SchemaPane::updateSummary()
{
    const DatabaseSchema &schema = m_model->schema();
    qsizetype views = 0;
    for (const TableInfo &table : schema.tables)
        views += table.isView ? 1 : 0;
    const qsizetype tables = schema.tables.size() - views;
    if (schema.tables.isEmpty()) {
        m_summary->clear();
        return;
    }
    QString text = plural(tables, "table", "tables");
    if (views > 0)
        text += QStringLiteral(", ") + plural(views, "view", "views");
    m_summary->setText(text);
}

void SchemaPane::fitColumns()
{
    QHeaderView *header = m_tree->header();
    const int available = qMax(m_tree->viewport()->width(), 360);
    m_tree->resizeColumnToContents(SchemaTreeModel::NameColumn);
    // Names are fitted to their content (tables are shown closed, so allow for columns too), but
    // never so wide that the type and details have no room.
    const QFontMetrics metrics(m_tree->font());
    int nameWidth = header->sectionSize(SchemaTreeModel::NameColumn);
    for (const TableInfo &table : m_model->schema().tables)
        for (const ColumnInfo &column : table.columns)
            nameWidth = qMax(nameWidth, metrics.horizontalAdvance(column.name) + 64);
    header->resizeSection(SchemaTreeModel::NameColumn,
                          qBound(140, nameWidth, available * 45 / 100));
    header->resizeSection(SchemaTreeModel::TypeColumn,
                          qBound(80,
                                 metrics.horizontalAdvance(QStringLiteral("decimal(12,2)")) + 24,
                                 available * 25 / 100));
}

bool SchemaPane::select(const QString &table, const QString &column)
{
    QModelIndex source =
        column.isEmpty() ? m_model->tableIndex(table) : m_model->columnIndex(table, column);
    if (!source.isValid())
        source = m_model->tableIndex(table);
    if (!source.isValid())
        return false;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(source);
    }
    if (!index.isValid())
        return false;
    if (index.parent().isValid())
        m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_tree->setFocus(Qt::OtherFocusReason);
    return true;
}

void SchemaPane::highlightColumns(const QString &table, const QStringList &columns,
                                  const QString &readBy)
{
    if (!m_model->setHighlightedColumns(table, columns, readBy) || columns.isEmpty())
        return;
    const QModelIndex tableRow = m_proxy->mapFromSource(m_model->tableIndex(table));
    if (!tableRow.isValid())
        return; // not in the schema, or filtered out: the user's filter stays
    m_tree->expand(tableRow);
    for (const QString &column : columns) {
        const QModelIndex row = m_proxy->mapFromSource(m_model->columnIndex(table, column));
        if (row.isValid()) {
            m_tree->scrollTo(row, QAbstractItemView::EnsureVisible);
            return;
        }
    }
}

} // namespace cutover
