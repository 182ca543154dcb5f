#include "lookup/UncoveredValuesPanel.h"

#include "LookupEntriesModel.h"
#include "ProjectDocument.h"
#include "transform/LookupCallFinder.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cutover {

namespace {

struct Suggestion
{
    QString table;
    QString column;
};

// The source column a lookup call's value argument reads: its last identifier that is not a
// function name ("upper(trim(STATUS))" reads STATUS).
QString columnRead(const QString &expression)
{
    static const QRegularExpression identifier(QStringLiteral(
        R"re("([^"]+)"|`([^`]+)`|\[([^\]]+)\]|\b([A-Za-z_][A-Za-z0-9_$]*)\b(?!\s*\())re"));
    QString last;
    for (auto it = identifier.globalMatch(expression); it.hasNext();) {
        const auto match = it.next();
        for (int group = 1; group <= 4; ++group)
            if (!match.captured(group).isEmpty())
                last = match.captured(group);
    }
    return last;
}

// Where the project's expressions look values up in this map: source table and column.
QList<Suggestion> suggestions(const Project &project, const QString &lookupName)
{
    QList<Suggestion> found;
    for (const TableMapping &mapping : project.mappings) {
        if (mapping.source.isEmpty())
            continue;
        for (const ColumnMapping &column : mapping.columns)
            for (const LookupCallFinder::Call &call : LookupCallFinder::find(column.expression))
                if (call.map == lookupName)
                    found.append({mapping.source, columnRead(call.expression)});
    }
    return found;
}

QStringList sourceTables(const Project &project)
{
    QStringList tables;
    for (const TableMapping &mapping : project.mappings)
        if (!mapping.source.isEmpty() && !tables.contains(mapping.source))
            tables.append(mapping.source);
    tables.sort(Qt::CaseInsensitive);
    return tables;
}

} // namespace

UncoveredValuesPanel::UncoveredValuesPanel(ProjectDocument &document, LookupEntriesModel &entries,
                                           QWidget *parent)
    : QGroupBox(tr("Source values not covered"), parent)
    , m_document(document)
    , m_entries(entries)
{
    buildLayout();
    connect(&entries, &LookupEntriesModel::refreshed, this, &UncoveredValuesPanel::showUncovered);
}

UncoveredValuesPanel::~UncoveredValuesPanel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

void UncoveredValuesPanel::buildLayout()
{
    m_table = new QComboBox(this);
    m_table->setEditable(true);
    m_table->setMinimumContentsLength(14);
    m_table->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_column = new QComboBox(this);
    m_column->setEditable(true);
    m_column->setMinimumContentsLength(14);
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_find = new QPushButton(tr("&Find values"), this);
    m_find->setToolTip(tr("Read the distinct values of this source column and list those the "
                          "map has no key for"));
    m_status = new QLabel(tr("Pick the source column whose values this map translates."), this);
    m_status->setWordWrap(true);
    m_values = new QTreeWidget(this);
    m_values->setColumnCount(2);
    m_values->setHeaderLabels({tr("Value"), tr("Rows")});
    m_values->setRootIsDecorated(false);
    m_values->setUniformRowHeights(true);
    m_values->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_values->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_add = new QPushButton(tr("&Add as keys"), this);
    m_add->setEnabled(false);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Table:"), this));
    pick->addWidget(m_table, 1);
    pick->addWidget(new QLabel(tr("Column:"), this));
    pick->addWidget(m_column, 1);
    pick->addWidget(m_find);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_status);
    layout->addWidget(m_values, 1);
    layout->addLayout(bottom);

    connect(m_find, &QPushButton::clicked, this, &UncoveredValuesPanel::find);
    connect(m_add, &QPushButton::clicked, this, &UncoveredValuesPanel::addTicked);
    connect(m_table, &QComboBox::currentTextChanged, this, &UncoveredValuesPanel::fillColumns);
    connect(m_values, &QTreeWidget::itemChanged, this, &UncoveredValuesPanel::updateAddButton);
}

void UncoveredValuesPanel::reset()
{
    m_cancelled.reset();
    ++m_generation;
    m_found = {};
    m_values->clear();
    m_status->setText(tr("Pick the source column whose values this map translates."));
    const qsizetype index = m_entries.lookupIndex();
    const QString name = index >= 0 ? m_document.project().lookups.at(index).name : QString();
    const QList<Suggestion> suggested = suggestions(m_document.project(), name);
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    m_table->addItems(sourceTables(m_document.project()));
    if (!suggested.isEmpty())
        setSource(suggested.first().table, suggested.first().column);
    else
        setSource(m_table->count() > 0 ? m_table->itemText(0) : QString(), {});
    updateAddButton();
}

void UncoveredValuesPanel::setSource(const QString &table, const QString &column)
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setCurrentText(table);
    }
    fillColumns();
    if (!column.isEmpty())
        m_column->setCurrentText(column);
}

void UncoveredValuesPanel::fillColumns()
{
    const qsizetype index = m_entries.lookupIndex();
    const QString name = index >= 0 ? m_document.project().lookups.at(index).name : QString();
    QStringList columns;
    for (const Suggestion &s : suggestions(m_document.project(), name))
        if (s.table.compare(m_table->currentText(), Qt::CaseInsensitive) == 0 &&
            !s.column.isEmpty() && !columns.contains(s.column))
            columns.append(s.column);
    m_column->clear();
    m_column->addItems(columns);
}

void UncoveredValuesPanel::find()
{
    if (m_cancelled)
        m_cancelled->store(true);
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    Found request;
    request.generation = ++m_generation;
    request.table = m_table->currentText().trimmed();
    request.column = m_column->currentText().trimmed();
    m_values->clear();
    m_add->setEnabled(false);
    m_status->setText(tr("Reading the values of %1.%2\u2026").arg(request.table, request.column));
    auto *watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcher<Found>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Found found = watcher->result();
        if (found.generation != m_generation)
            return; // a newer search (or a reset) superseded it
        showFound(found);
        Q_EMIT searchFinished();
    });
    watcher->setFuture(QtConcurrent::run(&UncoveredValuesPanel::search, m_document.project(),
                                         request, m_passwords, m_cancelled));
}

UncoveredValuesPanel::Found
UncoveredValuesPanel::search(Project project, Found request, const PasswordProvider *passwords,
                             std::shared_ptr<std::atomic<bool>> cancelled)
{
    auto counts =
        ValueCounter::count(project, request.table, request.column, passwords, cancelled.get());
    if (counts)
        request.counts = std::move(counts.value());
    else
        request.error = counts.error().toString();
    return request;
}

void UncoveredValuesPanel::showFound(const Found &found)
{
    m_found = found;
    showUncovered();
}

void UncoveredValuesPanel::showUncovered()
{
    if (m_found.generation == 0)
        return;
    if (!m_found.error.isEmpty()) {
        m_status->setText(m_found.error);
        return;
    }
    const qsizetype index = m_entries.lookupIndex();
    if (index < 0)
        return;
    const LookupMap &map = m_document.project().lookups.at(index);
    const QSignalBlocker blocker(m_values);
    m_values->clear();
    const QLocale locale;
    qint64 rows = 0;
    for (const ValueCounter::Count &count : m_found.counts) {
        if (map.entries.contains(count.value))
            continue;
        auto *item = new QTreeWidgetItem(m_values, {count.value, locale.toString(count.rows)});
        item->setCheckState(0, Qt::Checked);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        rows += count.rows;
    }
    const int missing = m_values->topLevelItemCount();
    m_status->setText(
        missing == 0 ? tr("All %1 distinct values of %2.%3 are keys of the map.")
                           .arg(m_found.counts.size())
                           .arg(m_found.table, m_found.column)
                     : tr("%1 of %2 distinct values of %3.%4 are not keys of the map (%5 rows).")
                           .arg(missing)
                           .arg(m_found.counts.size())
                           .arg(m_found.table, m_found.column, locale.toString(rows)));
    updateAddButton();
}

QStringList UncoveredValuesPanel::listedValues() const
{
    QStringList values;
    for (int i = 0; i < m_values->topLevelItemCount(); ++i)
        values.append(m_values->topLevelItem(i)->text(0));
    return values;
}

void UncoveredValuesPanel::updateAddButton()
{
    int ticked = 0;
    for (int i = 0; i < m_values->topLevelItemCount(); ++i)
        ticked += m_values->topLevelItem(i)->checkState(0) == Qt::Checked ? 1 : 0;
    m_add->setEnabled(ticked > 0);
    m_add->setText(ticked > 0 ? (ticked == 1 ? tr("&Add 1 value as a key")
                                             : tr("&Add %1 values as keys").arg(ticked))
                              : tr("&Add as keys"));
}

void UncoveredValuesPanel::addTicked()
{
    QMap<QString, QString> added;
    for (int i = 0; i < m_values->topLevelItemCount(); ++i)
        if (const QTreeWidgetItem *item = m_values->topLevelItem(i);
            item->checkState(0) == Qt::Checked)
            added.insert(item->text(0), QString());
    if (!added.isEmpty())
        m_entries.mergeEntries(added, tr("entries from %1.%2").arg(m_found.table, m_found.column));
}

} // namespace cutover
