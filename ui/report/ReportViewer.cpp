#include "report/ReportViewer.h"

#include "ReportTablesModel.h"
#include "report/ReportComparisonPane.h"
#include "report/ReportExportActions.h"
#include "report/ReportFacts.h"
#include "report/ReportHeader.h"
#include "report/ReportTableDetail.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

namespace {

enum TopTab
{
    TablesTab,
    ComparisonTab
};

QToolButton *toolButton(const QString &text, const QString &icon, const QString &name,
                        QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    if (!icon.isEmpty())
        button->setIcon(QIcon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ReportViewer::ReportViewer(QWidget *parent)
    : QWidget(parent)
    , m_service(new ReportService(this))
    , m_header(new ReportHeader(this))
    , m_tablesModel(new ReportTablesModel(this))
    , m_tabs(new QTabWidget(this))
    , m_detail(new ReportTableDetail(this))
    , m_comparisonPane(new ReportComparisonPane(this))
    , m_export(new ReportExportActions(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("reportViewer"));
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createTables(), tr("Tables"));
    m_tabs->addTab(m_comparisonPane, tr("Since an earlier report"));
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(QStringLiteral("reportSplit"));
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_tabs);
    m_split->addWidget(m_detail);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 3);
    m_body = new QStackedWidget(this);
    m_body->addWidget(createPlaceholder());
    m_body->addWidget(m_split);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_header);
    layout->addWidget(createToolBar());
    layout->addWidget(m_body, 1);
    addAction(m_export->printAction());

    connect(m_service, &ReportService::reportReady, this, &ReportViewer::showLoaded);
    connect(m_service, &ReportService::earlierReady, this, &ReportViewer::showEarlier);
    connect(m_service, &ReportService::failed, this, &ReportViewer::fail);
    connect(m_service, &ReportService::progressed, this, [this](const QString &text) {
        setStatus(text);
        Q_EMIT reconcileProgressed(text);
    });
    connect(m_service, &ReportService::busyChanged, this, [this](bool busy) {
        updateButtons();
        Q_EMIT busyChanged(busy);
    });
    connect(m_export, &ReportExportActions::exported, this, [this](const QString &file) {
        setStatus(tr("Exported to %1").arg(file));
        Q_EMIT reportExported(file);
    });
    connect(m_export, &ReportExportActions::exportFailed, this, [this](const Error &error) {
        setStatus(tr("Export failed: %1").arg(error.toString()), true);
        Q_EMIT exportFailed(error);
    });
    connect(m_export, &ReportExportActions::printed, this,
            [this](const QString &where) { setStatus(tr("Printed to %1").arg(where)); });
    connect(m_detail, &ReportTableDetail::mappingJumpRequested, this,
            &ReportViewer::mappingJumpRequested);
    connect(m_comparisonPane, &ReportComparisonPane::earlierChosen, this,
            &ReportViewer::compareWith);
    connect(m_comparisonPane, &ReportComparisonPane::tableChosen, this, &ReportViewer::showTable);
    clear();
}

ReportViewer::~ReportViewer()
{
    // the service is a child and outlives this part of the object: nothing more from it
    disconnect(m_service, nullptr, this, nullptr);
    disconnect(m_export, nullptr, this, nullptr);
}

QWidget *ReportViewer::createToolBar()
{
    auto *bar = new QWidget(this);
    m_reconcileButton = toolButton(tr("Reconcile again"), QStringLiteral(":/icons/refresh.svg"),
                                   QStringLiteral("reportReconcile"), bar);
    m_reconcileButton->setToolTip(tr("Reconcile the target now and show the new report"));
    m_cancelButton = toolButton(tr("Cancel"), {}, QStringLiteral("reportCancel"), bar);
    m_exportButton = toolButton(tr("Export"), QStringLiteral(":/icons/save.svg"),
                                QStringLiteral("reportExport"), bar);
    m_exportButton->setMenu(m_export->exportMenu());
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_printButton = toolButton(tr("Print\u2026"), {}, QStringLiteral("reportPrintButton"), bar);
    m_printButton->setDefaultAction(m_export->printAction());
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 4, 0, 4);
    for (QToolButton *button : {m_reconcileButton, m_cancelButton, m_exportButton, m_printButton})
        layout->addWidget(button);
    layout->addSpacing(12);
    layout->addWidget(m_status, 1);
    connect(m_reconcileButton, &QToolButton::clicked, this, [this] {
        if (m_project)
            reconcile(*m_project);
    });
    connect(m_cancelButton, &QToolButton::clicked, this, &ReportViewer::cancel);
    return bar;
}

QWidget *ReportViewer::createPlaceholder()
{
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("reportPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(
        tr("<p style=\"font-size:large\">No reconciliation report shown</p>"
           "<p>A report proves what arrived: the source through the mapping compared with the "
           "target, table by table.<br>Reconcile the target after a run, or open a report stored "
           "with an earlier run.</p>"));
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #555; }"));
    return m_placeholder;
}

void ReportViewer::fitSplit()
{
    if (!m_report)
        return;
    layout()->activate();
    const int total = m_split->height();
    const QHeaderView *header = m_tablesView->horizontalHeader();
    const int wanted =
        m_tabs->tabBar()->sizeHint().height() + header->sizeHint().height() +
        m_tablesModel->rowCount() * m_tablesView->verticalHeader()->defaultSectionSize() +
        2 * m_tablesView->frameWidth() + m_tablesView->horizontalScrollBar()->sizeHint().height() +
        m_comparisonPane->earlierBox()->sizeHint().height() + 8; // the comparison's row above
    const int top = qMin(wanted, total * 45 / 100);
    m_split->setSizes({top, qMax(0, total - top - m_split->handleWidth())});
}

void ReportViewer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitSplit();
}

QWidget *ReportViewer::createTables()
{
    m_tablesView = new QTableView(this);
    m_tablesView->setObjectName(QStringLiteral("reportTables"));
    m_tablesView->setModel(m_tablesModel);
    m_tablesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tablesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tablesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tablesView->setWordWrap(false);
    m_tablesView->verticalHeader()->hide();
    m_tablesView->verticalHeader()->setDefaultSectionSize(m_tablesView->fontMetrics().height() +
                                                          10);
    m_tablesView->horizontalHeader()->setStretchLastSection(true);
    connect(m_tablesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReportViewer::tableSelected);
    m_openTableMapping = new QAction(tr("Open Mapping"), this);
    m_openTableMapping->setObjectName(QStringLiteral("reportOpenTableMapping"));
    m_openTableMapping->setToolTip(
        tr("Open the transform editor on this table's mapping, at its first differing column"));
    m_tablesView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tablesView->addAction(m_openTableMapping);
    connect(m_openTableMapping, &QAction::triggered, this, [this] {
        openTableMapping(m_tablesModel->tableAt(m_tablesView->currentIndex().row()));
    });
    connect(m_tablesView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openTableMapping(m_tablesModel->tableAt(index.row()));
    });
    return m_tablesView;
}

void ReportViewer::setPasswordProvider(const PasswordProvider *passwords)
{
    m_service->setPasswordProvider(passwords);
}

void ReportViewer::setReport(const ReconcileReport &report,
                             const std::optional<ReconcileReport> &earlier)
{
    m_report = report;
    m_comparison = ReportComparison(earlier);
    refresh();
    showWorstTable();
    setStatus(tr("Report %1").arg(report.reportId.left(8)));
    Q_EMIT reportShown(report.reportId);
}

void ReportViewer::setEarlier(const std::optional<ReconcileReport> &earlier)
{
    if (!m_report)
        return;
    const QString table = shownTable();
    m_comparison = ReportComparison(earlier);
    refresh();
    if (!showTable(table))
        showWorstTable();
}

void ReportViewer::clear()
{
    m_report.reset();
    m_comparison = ReportComparison();
    m_stored.clear();
    m_header->clear();
    m_tablesModel->clear();
    m_detail->clear();
    m_comparisonPane->clear();
    m_tabs->setTabText(ComparisonTab, tr("Since an earlier report"));
    m_body->setCurrentIndex(0);
    m_export->clear();
    setStatus(QString());
    updateButtons();
}

void ReportViewer::refresh()
{
    m_detail->clear(); // shown again from the report of now
    m_header->setReport(*m_report);
    m_tablesModel->setReport(*m_report, m_comparison);
    m_tablesView->resizeColumnsToContents();
    // the last column may be new (the change since an earlier report): stretch it again
    m_tablesView->horizontalHeader()->setStretchLastSection(false);
    m_tablesView->horizontalHeader()->setStretchLastSection(true);
    m_body->setCurrentIndex(1);
    m_comparisonPane->setReports(*m_report, m_comparison);
    m_comparisonPane->setStoredReports(m_stored, *m_report);
    m_tabs->setTabText(ComparisonTab,
                       m_comparison.hasPrevious()
                           ? tr("Since the report of %1")
                                 .arg(m_comparison.previous()->createdAt.toLocalTime().toString(
                                     QStringLiteral("yyyy-MM-dd HH:mm")))
                           : tr("Since an earlier report"));
    m_export->setReport(*m_report, m_comparison);
    updateButtons();
    fitSplit();
}

void ReportViewer::setProject(const Project &project)
{
    m_project = project;
    updateButtons();
}

void ReportViewer::setStoredReports(const QList<StoredReport> &stored)
{
    m_stored = stored;
    if (m_report)
        m_comparisonPane->setStoredReports(m_stored, *m_report);
}

void ReportViewer::loadReport(const Project &project, const QString &reportId)
{
    m_project = project;
    setStatus(tr("Reading the report from the target\u2026"));
    m_service->load(project, reportId);
}

void ReportViewer::setAuditProject(const QString &projectPath)
{
    m_service->setAuditProject(projectPath);
}

void ReportViewer::reconcile(const Project &project, const ReconcileOptions &options)
{
    m_project = project;
    setStatus(tr("Reconciling\u2026"));
    m_service->reconcile(project, options);
}

void ReportViewer::compareWith(const QString &reportId)
{
    if (reportId.isEmpty()) {
        setEarlier(std::nullopt);
        return;
    }
    if (!m_project)
        return;
    setStatus(tr("Reading report %1\u2026").arg(reportId.left(8)));
    m_service->loadEarlier(*m_project, reportId);
}

void ReportViewer::cancel()
{
    m_service->cancel();
    setStatus(tr("Cancelled"));
}

bool ReportViewer::isBusy() const
{
    return m_service->isBusy();
}

void ReportViewer::showLoaded(const ReportService::Loaded &loaded)
{
    m_stored = loaded.stored;
    setReport(loaded.report, loaded.previous);
    if (!loaded.notice.isEmpty())
        setStatus(loaded.notice, true);
}

void ReportViewer::showEarlier(const ReconcileReport &earlier)
{
    setEarlier(earlier);
    showComparison(true);
    setStatus(tr("Compared with the report of %1").arg(ReportFacts::when(earlier.createdAt)));
}

void ReportViewer::fail(const Error &error)
{
    setStatus(error.toString(), true);
    if (!m_report)
        m_header->clear(tr("No report: %1").arg(error.toString()));
    Q_EMIT loadFailed(error);
}

void ReportViewer::updateButtons()
{
    const bool busy = m_service->isBusy();
    m_reconcileButton->setEnabled(m_project.has_value() && !busy);
    m_reconcileButton->setText(m_report ? tr("Reconcile again") : tr("Reconcile"));
    m_cancelButton->setVisible(busy);
    m_exportButton->setEnabled(m_report.has_value());
    m_openTableMapping->setEnabled(m_report.has_value());
}

void ReportViewer::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b83c00") : QString());
}

QString ReportViewer::statusText() const
{
    return m_status->text();
}

QString ReportViewer::shownTable() const
{
    return m_detail->table();
}

void ReportViewer::tableSelected()
{
    const QString table = m_tablesModel->tableAt(m_tablesView->currentIndex().row());
    if (!m_report || table.isEmpty() || table == m_detail->table())
        return;
    m_detail->setTable(*m_report, m_comparison, table);
    const TableReconciliation *t = m_report->table(table);
    m_detail->showTab(t && t->missing + t->extra + t->modified > 0
                          ? ReportTableDetail::DifferencesTab
                          : ReportTableDetail::SummaryTab);
    Q_EMIT tableShown(table);
}

bool ReportViewer::showTable(const QString &table)
{
    const int row = m_tablesModel->rowOf(table);
    if (row < 0)
        return false;
    m_tablesView->setCurrentIndex(m_tablesModel->index(row, ReportTablesModel::TableColumn));
    m_tablesView->scrollTo(m_tablesView->currentIndex());
    tableSelected(); // the row may have been current already
    return true;
}

bool ReportViewer::showDifference(ReportRowsModel::Kind kind)
{
    return m_detail->showDifference(kind);
}

void ReportViewer::showWorstTable()
{
    const int row = m_tablesModel->worstRow();
    if (row < 0)
        return;
    showTable(m_tablesModel->tableAt(row));
    for (const auto kind : {ReportRowsModel::Kind::Modified, ReportRowsModel::Kind::Missing,
                            ReportRowsModel::Kind::Extra})
        if (showDifference(kind))
            return;
}

void ReportViewer::showComparison(bool comparison)
{
    m_tabs->setCurrentIndex(comparison ? ComparisonTab : TablesTab);
}

void ReportViewer::exportReport(const QString &file, ReportExport::Format format)
{
    m_export->exportTo(file, format);
}

void ReportViewer::openTableMapping(const QString &table)
{
    const TableReconciliation *t = m_report ? m_report->table(table) : nullptr;
    if (!t)
        return;
    QString column;
    for (const ColumnComparisonSummary &c : t->columns)
        if (c.differing > 0 && column.isEmpty())
            column = c.column;
    Q_EMIT mappingJumpRequested(table, column, QString());
}

} // namespace cutover
