#include "run/RunHistoryView.h"

#include "AuditRecorder.h"
#include "ProjectDocument.h"
#include "RunHistoryModel.h"
#include "RunTablesModel.h"
#include "run/RunComparisonView.h"
#include "run/RunOutcome.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cutover {

RunHistoryView::RunHistoryView(ProjectDocument &document, const PasswordProvider *passwords,
                               QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_passwords(passwords)
    , m_model(new RunHistoryModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_ledger(new RunTablesModel(this))
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(RunHistoryModel::SortRole);
    m_view = new QTableView(this);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunHistoryModel::StartedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_hint = new QLabel(tr("Choose a run to see its ledger, or two to compare them (Ctrl+click)."),
                        this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_ledgerPage = new QWidget(this);
    m_runTitle = new QLabel(m_ledgerPage);
    m_runTitle->setWordWrap(true);
    m_runTitle->setTextFormat(Qt::PlainText);
    m_runTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *ledgerView = new QTableView(m_ledgerPage);
    ledgerView->setModel(m_ledger);
    ledgerView->verticalHeader()->hide();
    ledgerView->setAlternatingRowColors(true);
    ledgerView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *ledgerLayout = new QVBoxLayout(m_ledgerPage);
    ledgerLayout->setContentsMargins(0, 0, 0, 0);
    ledgerLayout->addWidget(m_runTitle);
    ledgerLayout->addWidget(createButtons());
    ledgerLayout->addWidget(ledgerView, 1);
    m_comparison = new RunComparisonView(this);
    m_details = new QStackedWidget(this);
    m_details->addWidget(m_hint);
    m_details->addWidget(m_ledgerPage);
    m_details->addWidget(m_comparison);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunHistoryView::showSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunHistoryView::showSelection);
}

RunHistoryView::~RunHistoryView() = default;

QWidget *RunHistoryView::createButtons()
{
    auto *bar = new QWidget(m_ledgerPage);
    m_reconcile = new QPushButton(tr("Reconcile"), bar);
    m_quarantine = new QPushButton(tr("Quarantined Rows…"), bar);
    m_rollback = new QPushButton(tr("Roll Back…"), bar);
    m_rollback->setToolTip(tr("Undo the run in the target, as 'cutover-cli rollback' does."));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reconcile);
    layout->addWidget(m_quarantine);
    layout->addStretch();
    layout->addWidget(m_rollback);
    auto current = [this] {
        const QStringList ids = selectedRunIds();
        return ids.size() == 1 ? ids.first() : QString();
    };
    connect(m_reconcile, &QPushButton::clicked, this,
            [this, current] { Q_EMIT reconcileRequested(current()); });
    connect(m_quarantine, &QPushButton::clicked, this,
            [this, current] { Q_EMIT quarantineRequested(current()); });
    connect(m_rollback, &QPushButton::clicked, this, [this, current] { rollBack(current()); });
    return bar;
}

void RunHistoryView::setRuns(const QList<RunRecord> &runs)
{
    const QStringList selected = selectedRunIds();
    m_model->setRuns(runs);
    selectRuns(selected);
    showSelection();
}

QStringList RunHistoryView::selectedRunIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids << row.data(RunHistoryModel::RunIdRole).toString();
    return ids;
}

void RunHistoryView::selectRuns(const QStringList &runIds)
{
    QItemSelection selection;
    for (const QString &id : runIds) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
        selection.select(index, index.siblingAtColumn(RunHistoryModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void RunHistoryView::showSelection()
{
    const QStringList ids = selectedRunIds();
    if (ids.size() == 2) {
        m_comparison->setRuns(*m_model->run(m_model->rowOf(ids.at(0))),
                              *m_model->run(m_model->rowOf(ids.at(1))));
        m_details->setCurrentWidget(m_comparison);
        return;
    }
    const RunRecord *run = ids.size() == 1 ? m_model->run(m_model->rowOf(ids.first())) : nullptr;
    if (!run) {
        m_hint->setText(m_model->rowCount() == 0
                            ? tr("No runs yet: start one from the run monitor (F9).")
                            : tr("Choose a run to see its ledger, or two to compare them "
                                 "(Ctrl+click)."));
        m_details->setCurrentWidget(m_hint);
        return;
    }
    m_ledger->setRun(*run);
    m_runTitle->setText(RunOutcome::summary(*run, m_ledger->balances()));
    m_reconcile->setEnabled(run->leftRows());
    m_rollback->setEnabled(run->leftRows() && !m_rollingBack);
    qint64 quarantined = 0;
    for (const RunTableRecord &t : run->tables)
        quarantined += t.quarantined;
    m_quarantine->setEnabled(quarantined > 0);
    m_details->setCurrentWidget(m_ledgerPage);
}

void RunHistoryView::rollBack(const QString &runId, bool confirm)
{
    if (runId.isEmpty() || m_rollingBack)
        return;
    m_interactive = confirm;
    if (confirm && QMessageBox::question(
                       this, tr("Roll Back Run"),
                       tr("Roll back run %1? A SQLite target is restored from the backup the run "
                          "took; on a server the rows it wrote are deleted and the tables it "
                          "created dropped.")
                           .arg(runId.left(8))) != QMessageBox::Yes)
        return;
    rollBackNow(runId, false);
}

void RunHistoryView::rollBackNow(const QString &runId, bool force)
{
    m_rollingBack = true;
    m_rollback->setEnabled(false);
    m_rollback->setText(tr("Rolling Back…"));
    const Project project = m_document.project();
    const PasswordProvider *passwords = m_passwords;
    auto *watcher = new QFutureWatcher<Result<RunRollback::Report>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, runId, force] {
        watcher->deleteLater();
        rollbackDone(runId, force, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([project, passwords, runId, force] {
        RunRollback rollback(project, passwords);
        return rollback.rollback(runId, force);
    }));
}

void RunHistoryView::rollbackDone(const QString &runId, bool force,
                                  const Result<RunRollback::Report> &result)
{
    m_rollingBack = false;
    m_rollback->setText(tr("Roll Back…"));
    showSelection();
    if (result) {
        AuditRecorder::rollback(m_document.filePath(), *result);
        const QStringList lines = result->lines();
        Q_EMIT rolledBack(runId, lines);
        Q_EMIT refreshRequested();
        if (m_interactive)
            QMessageBox::information(this, tr("Run Rolled Back"), lines.join(QLatin1Char('\n')));
        return;
    }
    const QString reason = result.error().toString();
    Q_EMIT rollbackRefused(runId, reason);
    const bool forcible = !force && result.error().code() == Error::Code::Usage &&
                          reason.contains(QLatin1String("--force"));
    if (!m_interactive)
        return;
    if (!forcible) {
        QMessageBox::warning(this, tr("Rollback Refused"), reason);
        return;
    }
    if (QMessageBox::warning(this, tr("Rollback Refused"),
                             tr("%1\n\nRoll back anyway (as --force does)?").arg(reason),
                             QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) == QMessageBox::Yes)
        rollBackNow(runId, true);
}

} // namespace cutover
