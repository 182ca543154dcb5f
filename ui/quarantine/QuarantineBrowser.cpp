#include "QuarantineBrowser.h"

#include "ElidedLabel.h"
#include "QuarantineExporter.h"
#include "QuarantineFilterBar.h"
#include "QuarantineModel.h"
#include "QuarantineRowDetails.h"
#include "run/ledger/RunHistory.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

namespace {

struct Runs
{
    QList<RunRecord> runs;
    QString error;
};

Runs readRuns(const Project &project, const PasswordProvider *passwords)
{
    Runs result;
    auto spec = RunHistory::targetSpec(project);
    if (!spec || (!spec->isServer() && !QFileInfo::exists(spec->path())))
        return result; // no target (yet): no runs; the model says why when it matters
    RunHistory history(project, passwords);
    if (auto runs = history.runs(); runs)
        result.runs = std::move(*runs);
    else
        result.error = runs.error().toString();
    return result;
}

} // namespace

QuarantineBrowser::QuarantineBrowser(const PasswordProvider *passwords, QWidget *parent)
    : QWidget(parent)
    , m_passwords(passwords)
    , m_model(new QuarantineModel(this))
    , m_exporter(new QuarantineExporter(this))
    , m_filters(new QuarantineFilterBar(this))
    , m_rows(new QTableView(this))
    , m_details(new QuarantineRowDetails(this))
    , m_status(new ElidedLabel(this))
    , m_jump(new QPushButton(tr("&Open mapping"), this))
    , m_retry(new QPushButton(tr("Re&try table"), this))
    , m_export(new QToolButton(this))
{
    m_model->setPasswordProvider(passwords);
    m_exporter->setPasswordProvider(passwords);
    buildLayout();
    connect(m_filters, &QuarantineFilterBar::filterChanged, this, &QuarantineBrowser::applyFilter);
    connect(m_model, &QuarantineModel::modelReset, this, &QuarantineBrowser::showCurrent);
    connect(m_model, &QuarantineModel::pageLoaded, this, &QuarantineBrowser::updateStatus);
    connect(m_model, &QuarantineModel::loadingChanged, this, &QuarantineBrowser::updateStatus);
    connect(m_model, &QuarantineModel::totalCountChanged, this, &QuarantineBrowser::updateStatus);
    connect(m_model, &QuarantineModel::failed, this, &QuarantineBrowser::updateStatus);
    connect(m_rows->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QuarantineBrowser::showCurrent);
    connect(m_rows, &QTableView::doubleClicked, this, [this] { requestJump(QString()); });
    connect(m_details, &QuarantineRowDetails::reasonActivated, this,
            &QuarantineBrowser::requestJump);
    connect(m_jump, &QPushButton::clicked, this, [this] { requestJump(QString()); });
    connect(m_retry, &QPushButton::clicked, this, &QuarantineBrowser::requestRetry);
    connect(m_exporter, &QuarantineExporter::progressed, this, [this](qint64 done, qint64 total) {
        m_exportText =
            tr("Exporting: %1 of %2 rows").arg(QLocale().toString(done), QLocale().toString(total));
        updateStatus();
    });
    connect(
        m_exporter, &QuarantineExporter::finished, this, [this](const QString &file, qint64 rows) {
            m_exportText = tr("Exported %n row(s) to %1", nullptr, int(qMin<qint64>(rows, INT_MAX)))
                               .arg(QFileInfo(file).fileName());
            updateStatus();
            Q_EMIT exportFinished(file, rows);
        });
    connect(m_exporter, &QuarantineExporter::failed, this,
            [this](const QString &file, const QString &message) {
                m_exportText = tr("\u26a0 Export failed: %1").arg(message);
                updateStatus();
                Q_EMIT exportFailed(file, message);
            });
    showCurrent();
}

QuarantineBrowser::~QuarantineBrowser() = default;

void QuarantineBrowser::buildLayout()
{
    m_rows->setModel(m_model);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rows->setAlternatingRowColors(true);
    m_rows->setWordWrap(false);
    m_rows->verticalHeader()->hide();
    m_rows->horizontalHeader()->setHighlightSections(false);
    // a click on a header sorts on the database (QuarantineModel::sort): ascending, descending,
    // then the ledger's read order again; the read order to begin with
    m_rows->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_rows->horizontalHeader()->setSortIndicatorClearable(true);
    m_rows->setSortingEnabled(true);
    const QFontMetrics metrics = fontMetrics();
    QHeaderView *header = m_rows->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QuarantineModel::ReasonColumn, QHeaderView::Stretch);
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    const QString when =
        QLocale().toString(QDateTime(QDate(2026, 12, 27), QTime(23, 59)), QLocale::ShortFormat);
    const QList<QPair<int, int>> widths = {
        {QuarantineModel::KeyColumn, 7 * em},
        {QuarantineModel::TableColumn, 8 * em},
        {QuarantineModel::RunColumn,
         metrics.horizontalAdvance(QStringLiteral("00000000")) + 2 * em},
        {QuarantineModel::WhenColumn, metrics.horizontalAdvance(when) + 2 * em},
        {QuarantineModel::RetriedColumn, metrics.horizontalAdvance(tr("Loaded again")) + 2 * em}};
    for (const auto &[column, width] : widths)
        m_rows->setColumnWidth(column, width);
    m_rows->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_rows->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    m_rows->setIconSize(QSize(metrics.height() - 4, metrics.height() - 4));
    m_rows->setMinimumHeight(6 * (metrics.height() + 8));

    m_export->setText(tr("&Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("As CSV\u2026"), this, [this] { chooseExportFile(QStringLiteral("csv")); });
    menu->addAction(tr("As JSON\u2026"), this,
                    [this] { chooseExportFile(QStringLiteral("json")); });
    m_export->setMenu(menu);
    m_export->setToolTip(tr("Write the rows the filters show to a file, as cutover-cli "
                            "quarantine --export does"));
    m_jump->setToolTip(tr("Open the mapping and column that rejected the row, with the preview "
                          "filtered to its source key"));
    m_status->setElideMode(Qt::ElideRight);

    // the rows above, the chosen one's details below: both get the window's width
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_rows);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_jump);
    actions->addWidget(m_retry);
    actions->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);
    layout->addWidget(split, 1);
    layout->addLayout(actions);
}

void QuarantineBrowser::setProject(const Project &project)
{
    m_project = project;
    m_hasProject = true;
    m_filters->setProject(project);
    readRuns();
    m_model->setFilter(m_filters->filter());
    m_model->setProject(project);
}

void QuarantineBrowser::refresh()
{
    if (!m_hasProject)
        return;
    readRuns();
    m_model->refresh();
}

void QuarantineBrowser::showRun(const QString &runId)
{
    m_filters->selectRun(runId);
}

void QuarantineBrowser::readRuns()
{
    const quint64 generation = ++m_runsGeneration;
    auto *watcher = new QFutureWatcher<Runs>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_runsGeneration)
            return; // stale
        m_filters->setRuns(watcher->result().runs);
    });
    watcher->setFuture(QtConcurrent::run(&cutover::readRuns, m_project, m_passwords));
}

void QuarantineBrowser::applyFilter()
{
    m_model->setFilter(m_filters->filter());
}

int QuarantineBrowser::currentRow() const
{
    const QModelIndex current = m_rows->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void QuarantineBrowser::showCurrent()
{
    const int row = currentRow();
    if (row < 0)
        m_details->clear();
    else
        m_details->showRow(m_model->quarantinedRow(row));
    const QString table = row < 0 ? QString() : m_model->quarantinedRow(row).tableName;
    m_jump->setEnabled(row >= 0);
    m_retry->setEnabled(row >= 0);
    m_retry->setText(table.isEmpty() ? tr("Re&try table") : tr("Re&try %1").arg(table));
    m_retry->setToolTip(table.isEmpty()
                            ? tr("Load a table's quarantined rows again, after a fix")
                            : tr("Load the quarantined rows of %1 again, after a fix").arg(table));
    updateStatus();
}

QString QuarantineBrowser::statusText() const
{
    return m_status->fullText();
}

void QuarantineBrowser::updateStatus()
{
    QString text;
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    if (!m_hasProject)
        text = tr("No project");
    else if (!m_model->errorText().isEmpty())
        text = tr("\u26a0 Cannot read the quarantine: %1").arg(m_model->errorText());
    else if (total == 0 && !m_model->isLoading())
        text = tr("\u2713 No rejected rows here");
    else if (total < 0)
        text = tr("%1 rejected rows shown, counting\u2026").arg(QLocale().toString(shown));
    else
        text = tr("%1 of %2 rejected rows shown")
                   .arg(QLocale().toString(shown), QLocale().toString(total));
    if (m_model->isLoading())
        text += tr(" \u00b7 loading\u2026");
    if (!m_exportText.isEmpty())
        text += QStringLiteral(" \u00b7 ") + m_exportText;
    m_status->setFullText(text);
    m_export->setEnabled(m_hasProject && !m_exporter->isRunning());
}

void QuarantineBrowser::requestJump(const QString &column)
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QuarantinedRow &quarantined = m_model->quarantinedRow(row);
    const TableMapping *mapping = m_project.mapping(quarantined.tableName);
    const QString target = column.isEmpty() ? m_details->currentColumn() : column;
    Q_EMIT mappingJumpRequested(mapping ? mapping->source : QString(), quarantined.tableName,
                                target, quarantined.sourceKey);
}

void QuarantineBrowser::requestRetry()
{
    const int row = currentRow();
    if (row >= 0)
        Q_EMIT retryRequested(m_model->quarantinedRow(row).tableName);
}

void QuarantineBrowser::chooseExportFile(const QString &suffix)
{
    const QString name =
        QStringLiteral("%1-quarantine.%2")
            .arg(m_project.name.isEmpty() ? QStringLiteral("project") : m_project.name, suffix);
    const QString filter =
        suffix == QLatin1String("json") ? tr("JSON (*.json)") : tr("CSV (*.csv)");
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export the quarantined rows"),
                                     QFileInfo(m_project.baseDir, name).absoluteFilePath(), filter);
    if (!file.isEmpty())
        exportTo(file);
}

bool QuarantineBrowser::exportTo(const QString &file)
{
    if (!m_hasProject || !m_exporter->start(m_project, m_filters->filter(), file))
        return false;
    m_exportText = tr("Exporting to %1\u2026").arg(QFileInfo(file).fileName());
    updateStatus();
    return true;
}

} // namespace cutover
