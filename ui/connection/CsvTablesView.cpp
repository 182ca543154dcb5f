#include "connection/CsvTablesView.h"

#include "connect/csv/CsvIntrospector.h"
#include "dialect/ConnectionSpec.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

CsvTablesView::CsvTablesView(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    m_tree->setObjectName(QStringLiteral("csvTables"));
    m_tree->setHeaderLabels({tr("Table / column"), tr("Type"), tr("Rows")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setMinimumHeight(220);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("csvStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    showMessage(tr("Choose a folder of *.csv or *.tsv files to see its tables."));
}

void CsvTablesView::preview(const QString &url, const QString &baseDir)
{
    const quint64 generation = ++m_generation;
    m_reading = true;
    m_status->setText(tr("Reading the folder…"));
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        show(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&CsvTablesView::read, url, baseDir));
}

void CsvTablesView::showMessage(const QString &message)
{
    ++m_generation; // a preview still running is no longer wanted
    m_reading = false;
    m_tree->clear();
    m_status->setText(message);
}

CsvTablesView::Outcome CsvTablesView::read(const QString &url, const QString &baseDir)
{
    Outcome outcome;
    auto spec = ConnectionSpec::parse(url, baseDir);
    if (!spec) {
        outcome.error = spec.error();
        return outcome;
    }
    auto schema = CsvIntrospector(*spec).introspect();
    if (!schema) {
        outcome.error = schema.error();
        return outcome;
    }
    outcome.ok = true;
    outcome.schema = std::move(schema.value());
    return outcome;
}

void CsvTablesView::show(quint64 generation, const Outcome &outcome)
{
    if (generation != m_generation)
        return; // superseded by a newer preview
    m_reading = false;
    m_tree->clear();
    if (!outcome.ok) {
        QString text = outcome.error.message();
        if (!outcome.error.hint().isEmpty())
            text += QStringLiteral(" (%1)").arg(outcome.error.hint());
        m_status->setText(text);
    } else {
        fill(outcome.schema);
    }
    Q_EMIT previewShown(outcome.ok);
}

void CsvTablesView::fill(const DatabaseSchema &schema)
{
    const QLocale locale;
    for (const TableInfo &table : schema.tables) {
        auto *tableItem = new QTreeWidgetItem(
            m_tree, {table.name, QString(), locale.toString(table.rowEstimate)});
        tableItem->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        for (const ColumnInfo &column : table.columns) {
            const QString type =
                column.type.toString() + (column.nullable ? QString() : tr(", not null"));
            new QTreeWidgetItem(tableItem, {column.name, type});
        }
    }
    m_tree->expandAll();
    const qsizetype count = schema.tables.size();
    if (count == 0)
        m_status->setText(tr("The folder holds no *.csv or *.tsv file."));
    else
        m_status->setText((count == 1 ? tr("1 table") : tr("%1 tables").arg(count)) +
                          tr("; column types inferred from the first rows of each file."));
}

} // namespace cutover
