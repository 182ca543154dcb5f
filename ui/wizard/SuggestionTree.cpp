#include "wizard/SuggestionTree.h"

#include <QHeaderView>
#include <QSignalBlocker>

namespace cutover {

namespace {
constexpr int kKindRole = Qt::UserRole;
constexpr int kIndexRole = Qt::UserRole + 1;
constexpr int kConfidenceRole = Qt::UserRole + 2;
constexpr int kExpressionWidth = 200;
const QString kArrow = QStringLiteral(" \u2190 ");

QString confidenceText(double confidence)
{
    return QString::number(confidence, 'f', 2);
}
} // namespace

SuggestionTree::SuggestionTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("suggestions"));
    setHeaderLabels({tr("Target \u2190 source"), tr("Confidence"), tr("Expression"), tr("Reason")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ConfidenceColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ExpressionColumn, QHeaderView::Interactive);
    header()->resizeSection(ExpressionColumn, kExpressionWidth);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemChanged, this, &SuggestionTree::itemChanged);
}

void SuggestionTree::setSuggestions(const QList<AutoMapper::MappingSuggestion> &suggestions,
                                    const Project &creatable)
{
    QSignalBlocker blocker(this);
    clear();
    m_suggestions = suggestions;
    m_creatable.clear();
    for (int i = 0; i < m_suggestions.size(); ++i)
        addTable(i, m_suggestions.at(i))->setExpanded(true);
    for (const TableInfo &definition : creatable.targetTables)
        if (const TableMapping *mapping = creatable.mapping(definition.name))
            addCreatable(*mapping, definition);
    blocker.unblock();
    Q_EMIT choiceChanged();
}

QTreeWidgetItem *SuggestionTree::addTable(int index,
                                          const AutoMapper::MappingSuggestion &suggestion)
{
    auto *item = new QTreeWidgetItem(this);
    item->setData(NameColumn, kKindRole, TableItem);
    item->setData(NameColumn, kIndexRole, index);
    item->setData(NameColumn, kConfidenceRole, suggestion.table.confidence);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
    item->setText(NameColumn, suggestion.table.target + kArrow + suggestion.table.source);
    item->setText(ConfidenceColumn, confidenceText(suggestion.table.confidence));
    item->setCheckState(NameColumn, Qt::Unchecked);
    QString reason = suggestion.table.reason;
    if (!suggestion.unmatched.isEmpty())
        reason += tr("; no source column for %1 (the target's default applies)")
                      .arg(suggestion.unmatched.join(QStringLiteral(", ")));
    item->setText(ReasonColumn, reason);
    item->setToolTip(ReasonColumn, reason);
    QFont bold = item->font(NameColumn);
    bold.setBold(true);
    item->setFont(NameColumn, bold);
    for (int c = 0; c < suggestion.columns.size(); ++c)
        addColumn(item, c, suggestion.columns.at(c));
    return item;
}

void SuggestionTree::addColumn(QTreeWidgetItem *table, int index,
                               const AutoMapper::ColumnSuggestion &column)
{
    auto *item = new QTreeWidgetItem(table);
    item->setData(NameColumn, kKindRole, ColumnItem);
    item->setData(NameColumn, kIndexRole, index);
    item->setData(NameColumn, kConfidenceRole, column.confidence);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(NameColumn, Qt::Unchecked);
    item->setText(NameColumn, column.target + kArrow + column.source);
    item->setText(ConfidenceColumn, confidenceText(column.confidence));
    item->setText(ExpressionColumn, column.expression);
    item->setToolTip(ExpressionColumn, column.expression);
    QString reason = column.reason;
    if (!column.cleanExpression.isEmpty())
        reason +=
            tr("; a cleaning is offered: %1 (%2)").arg(column.cleanExpression, column.cleanReason);
    item->setText(ReasonColumn, reason);
    item->setToolTip(ReasonColumn, reason);
}

void SuggestionTree::addCreatable(const TableMapping &mapping, const TableInfo &definition)
{
    auto *item = new QTreeWidgetItem(this);
    item->setData(NameColumn, kKindRole, CreateItem);
    item->setData(NameColumn, kIndexRole, definition.name);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(NameColumn, Qt::Unchecked);
    item->setText(NameColumn, definition.name + kArrow + mapping.source);
    item->setText(ConfidenceColumn, tr("new"));
    const QString reason = tr("The target has no such table: create it from the source's "
                              "definition (%1 columns) and copy the rows as they are.")
                               .arg(definition.columns.size());
    item->setText(ReasonColumn, reason);
    item->setToolTip(ReasonColumn, reason);
    for (const ColumnMapping &column : mapping.columns) {
        auto *child = new QTreeWidgetItem(item);
        child->setText(NameColumn, column.target + kArrow + column.expression);
        child->setFlags(child->flags() & ~Qt::ItemIsEnabled);
    }
    m_creatable << definition.name;
}

SuggestionTree::Kind SuggestionTree::kindOf(const QTreeWidgetItem *item)
{
    return Kind(item->data(NameColumn, kKindRole).toInt());
}

// Table pairs and tables to create are the top-level rows.
QList<QTreeWidgetItem *> SuggestionTree::itemsOf(Kind kind) const
{
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (kindOf(topLevelItem(i)) == kind)
            items << topLevelItem(i);
    return items;
}

void SuggestionTree::acceptAbove(double threshold)
{
    QSignalBlocker blocker(this);
    for (QTreeWidgetItem *table : itemsOf(TableItem)) {
        const bool tableOk = table->data(NameColumn, kConfidenceRole).toDouble() >= threshold;
        for (int i = 0; i < table->childCount(); ++i) {
            QTreeWidgetItem *column = table->child(i);
            if (kindOf(column) != ColumnItem)
                continue;
            const bool ok =
                tableOk && column->data(NameColumn, kConfidenceRole).toDouble() >= threshold;
            column->setCheckState(NameColumn, ok ? Qt::Checked : Qt::Unchecked);
        }
    }
    blocker.unblock();
    viewport()->update();
    Q_EMIT choiceChanged();
}

void SuggestionTree::setCreateAll(bool create)
{
    QSignalBlocker blocker(this);
    for (QTreeWidgetItem *item : itemsOf(CreateItem))
        item->setCheckState(NameColumn, create ? Qt::Checked : Qt::Unchecked);
    blocker.unblock();
    Q_EMIT choiceChanged();
}

int SuggestionTree::createTicked() const
{
    int ticked = 0;
    for (QTreeWidgetItem *item : itemsOf(CreateItem))
        ticked += item->checkState(NameColumn) == Qt::Checked;
    return ticked;
}

MigrationDraft::Choice SuggestionTree::choice() const
{
    MigrationDraft::Choice choice;
    for (QTreeWidgetItem *table : itemsOf(TableItem)) {
        AutoMapper::MappingSuggestion chosen =
            m_suggestions.at(table->data(NameColumn, kIndexRole).toInt());
        chosen.columns.clear();
        for (int i = 0; i < table->childCount(); ++i) {
            const QTreeWidgetItem *column = table->child(i);
            if (kindOf(column) == ColumnItem && column->checkState(NameColumn) == Qt::Checked)
                chosen.columns << m_suggestions.at(table->data(NameColumn, kIndexRole).toInt())
                                      .columns.at(column->data(NameColumn, kIndexRole).toInt());
        }
        if (!chosen.columns.isEmpty())
            choice.mappings << chosen;
    }
    for (QTreeWidgetItem *item : itemsOf(CreateItem))
        if (item->checkState(NameColumn) == Qt::Checked)
            choice.create << item->data(NameColumn, kIndexRole).toString();
    return choice;
}

QString SuggestionTree::details(const QTreeWidgetItem *item)
{
    if (!item)
        return {};
    QString text = QStringLiteral("<b>%1</b>").arg(item->text(NameColumn).toHtmlEscaped());
    if (!item->text(ExpressionColumn).isEmpty())
        text +=
            QStringLiteral(" = <code>%1</code>").arg(item->text(ExpressionColumn).toHtmlEscaped());
    if (!item->text(ReasonColumn).isEmpty())
        text += QStringLiteral("<br>") + item->text(ReasonColumn).toHtmlEscaped();
    return text;
}

void SuggestionTree::itemChanged(QTreeWidgetItem *item, int column)
{
    if (column == NameColumn && kindOf(item) != 0)
        Q_EMIT choiceChanged();
}

} // namespace cutover
