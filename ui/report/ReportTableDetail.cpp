#include "report/ReportTableDetail.h"

#include "ReportFindingsModel.h"
#include "ReportProfilesModel.h"
#include "report/ReportFacts.h"
#include "report/ReportKindFilter.h"
#include "report/ReportTableSummary.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace cutover {

namespace {

QTreeView *rowsView(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTextElideMode(Qt::ElideRight);
    view->header()->setStretchLastSection(true);
    return view;
}

QTableView *tableView(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

ReportTableDetail::ReportTableDetail(QWidget *parent)
    : QWidget(parent)
    , m_differences(new ReportRowsModel(ReportRowsModel::Content::Differences, this))
    , m_differencesFilter(new ReportRowsFilterModel(m_differences, this))
    , m_kindFilter(new ReportKindFilter(m_differencesFilter, this))
    , m_openMapping(new QAction(tr("Open Mapping"), this))
    , m_sample(new ReportRowsModel(ReportRowsModel::Content::Sample, this))
    , m_profiles(new ReportProfilesModel(this))
    , m_findings(new ReportFindingsModel(this))
    , m_tabs(new QTabWidget(this))
    , m_summary(new QTextBrowser(this))
    , m_differencesCaption(new QLabel(this))
    , m_sampleCaption(new QLabel(this))
    , m_profilesCaption(new QLabel(this))
    , m_findingsCaption(new QLabel(this))
{
    setObjectName(QStringLiteral("reportTableDetail"));
    m_tabs->setObjectName(QStringLiteral("reportTableTabs"));
    m_tabs->setDocumentMode(true);
    m_summary->setObjectName(QStringLiteral("reportTableSummary"));
    m_summary->setOpenLinks(false);
    m_differencesView = rowsView(m_differencesFilter, this, QStringLiteral("reportDifferences"));
    m_differencesView->setExpandsOnDoubleClick(false); // a double-click opens the mapping
    m_differencesView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_differencesView->addAction(m_openMapping);
    m_sampleView = rowsView(m_sample, this, QStringLiteral("reportSample"));
    m_profilesView = tableView(m_profiles, this, QStringLiteral("reportProfiles"));
    m_findingsView = tableView(m_findings, this, QStringLiteral("reportFindings"));
    m_tabs->addTab(m_summary, tr("Summary"));
    m_tabs->addTab(page(m_differencesCaption, m_differencesView, differencesBar()),
                   tr("Differences"));
    m_tabs->addTab(page(m_profilesCaption, m_profilesView), tr("Columns"));
    m_tabs->addTab(page(m_findingsCaption, m_findingsView), tr("Findings"));
    m_tabs->addTab(page(m_sampleCaption, m_sampleView), tr("Sample"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_differencesFilter, &ReportRowsFilterModel::kindChanged, this,
            &ReportTableDetail::showKind);
    connect(m_differencesView, &QTreeView::doubleClicked, this, &ReportTableDetail::openMapping);
    connect(m_openMapping, &QAction::triggered, this, [this] { openMapping(); });
    connect(m_differencesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReportTableDetail::updateOpenMapping);
    connect(m_differencesFilter, &QAbstractItemModel::modelReset, this,
            &ReportTableDetail::updateOpenMapping);
    clear();
}

QWidget *ReportTableDetail::differencesBar()
{
    m_openMapping->setObjectName(QStringLiteral("reportOpenMapping"));
    m_openMapping->setToolTip(tr("Open the transform editor on this table's mapping, at the "
                                 "first differing column, with the preview of this row"));
    auto *open = new QToolButton(this);
    open->setObjectName(QStringLiteral("reportOpenMappingButton"));
    open->setDefaultAction(m_openMapping);
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_kindFilter);
    layout->addStretch(1);
    layout->addWidget(open);
    return bar;
}

QWidget *ReportTableDetail::page(QLabel *caption, QWidget *view, QWidget *bar)
{
    auto *page = new QWidget(this);
    caption->setWordWrap(true);
    caption->setContentsMargins(4, 4, 4, 0);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(caption);
    if (bar)
        layout->addWidget(bar);
    layout->addWidget(view, 1);
    return page;
}

void ReportTableDetail::setTable(const ReconcileReport &report, const ReportComparison &comparison,
                                 const QString &table)
{
    const TableReconciliation *t = report.table(table);
    if (!t) {
        clear();
        return;
    }
    m_table = table;
    m_differences->setTable(report, table);
    m_sample->setTable(report, table);
    m_profiles->setTable(report, table);
    m_findings->setTable(report, table);
    m_summary->setHtml(ReportTableSummary::html(report, comparison, *t));
    m_differencesView->expandAll();
    m_sampleView->expandToDepth(0);
    updateCaptions(*t);
    fitColumns();
    setEnabled(true);
}

void ReportTableDetail::clear()
{
    m_table.clear();
    m_differences->clear();
    m_sample->clear();
    m_profiles->clear();
    m_findings->clear();
    m_summary->setHtml(tr("<p>Choose a table of the report to see its rows.</p>"));
    for (QLabel *caption :
         {m_differencesCaption, m_sampleCaption, m_profilesCaption, m_findingsCaption})
        caption->clear();
    for (int tab = DifferencesTab; tab <= SampleTab; ++tab)
        m_tabs->setTabText(tab, m_tabs->tabText(tab).section(QLatin1Char(' '), 0, 0));
}

void ReportTableDetail::updateCaptions(const TableReconciliation &t)
{
    const qint64 differences = t.missing + t.extra + t.modified;
    const qint64 findings = m_findings->found();
    const auto titled = [](const QString &title, qint64 n) {
        return n > 0 ? QStringLiteral("%1 (%2)").arg(title, ReportFacts::count(n)) : title;
    };
    m_tabs->setTabText(DifferencesTab, titled(tr("Differences"), differences));
    m_tabs->setTabText(ColumnsTab, titled(tr("Columns"), m_profiles->rowCount()));
    m_tabs->setTabText(FindingsTab, titled(tr("Findings"), findings));
    m_tabs->setTabText(SampleTab, titled(tr("Sample"), m_sample->rowCount()));
    m_differencesCaption->setText(
        tr("%1. Expected is the source row through the mapping, actual the target's; the "
           "columns that differ are marked \u2260.")
            .arg(m_differences->summary()));
    m_profilesCaption->setText(
        tr("How each column was compared, and its profile on both sides; %1 of %2 columns "
           "differ (marked \u2260).")
            .arg(m_profiles->differingColumns())
            .arg(m_profiles->rowCount()));
    m_findingsCaption->setText(
        findings == 0
            ? tr("No duplicate keys, orphaned references or rule violations in %1%2.")
                  .arg(t.table,
                       m_findings->rowCount() > 0 ? tr("; the checks made are listed") : QString())
            : tr("Target rows that share what should be unique, reference a missing "
                 "parent or break a blocking rule."));
    m_sampleCaption->setText(
        tr("%1. Rows picked at random and compared field by field.").arg(m_sample->summary()));
}

void ReportTableDetail::fitColumns()
{
    // long values (keys, timestamps) are elided: every column stays in view
    // (a UUID key whole in the rows, in part in the profiles)
    const int uuid = fontMetrics().horizontalAdvance(QString(36, QLatin1Char('0'))) + 24;
    for (QTreeView *view : {m_differencesView, m_sampleView}) {
        for (int c = 0; c < ReportRowsModel::ActualColumn; ++c) {
            view->resizeColumnToContents(c);
            view->setColumnWidth(c, qMin(view->columnWidth(c), uuid + 32));
        }
    }
    for (QTableView *view : {m_profilesView, m_findingsView}) {
        view->resizeColumnsToContents();
        for (int c = 0; c < view->model()->columnCount(); ++c)
            view->setColumnWidth(c, qMin(view->columnWidth(c), uuid));
    }
}

bool ReportTableDetail::showDifference(ReportRowsModel::Kind kind)
{
    const int row = m_differences->firstRow(kind);
    if (row < 0)
        return false;
    if (!m_differencesFilter->shows(kind))
        m_kindFilter->choose(std::nullopt);
    showTab(DifferencesTab);
    const QModelIndex index = m_differencesFilter->shownIndex(row);
    m_differencesView->expand(index);
    m_differencesView->setCurrentIndex(index);
    m_differencesView->scrollTo(index, QAbstractItemView::PositionAtTop);
    return true;
}

void ReportTableDetail::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

ReportTableDetail::Tab ReportTableDetail::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void ReportTableDetail::openMapping(const QModelIndex &index)
{
    const QModelIndex at = index.isValid() ? index : m_differencesView->currentIndex();
    if (!at.isValid() || m_table.isEmpty())
        return;
    const QModelIndex row = at.parent().isValid() ? at.parent() : at.siblingAtColumn(0);
    QString column = at.parent().isValid()
                         ? at.siblingAtColumn(0).data(ReportRowsModel::ColumnNameRole).toString()
                         : QString();
    if (column.isEmpty())
        column = row.data(ReportRowsModel::DifferingColumnsRole).toStringList().value(0);
    Q_EMIT mappingJumpRequested(m_table, column,
                                row.data(ReportRowsModel::SourceKeyRole).toString());
}

void ReportTableDetail::showKind()
{
    // the rows shown unfolded, as the table's rows are; one of them current for Open Mapping
    m_differencesView->expandAll();
    if (!m_differencesView->currentIndex().isValid() && m_differencesFilter->rowCount() > 0)
        m_differencesView->setCurrentIndex(m_differencesFilter->index(0, 0));
}

void ReportTableDetail::updateOpenMapping()
{
    m_openMapping->setEnabled(m_differencesView->currentIndex().isValid());
}

} // namespace cutover
