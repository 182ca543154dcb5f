#include "run/RunOutcome.h"

#include "RunProgressModel.h"
#include "RunTablesModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace cutover {

RunOutcome::RunOutcome(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunTablesModel(this))
{
    m_icon = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reconcile = new QPushButton(tr("Reconcile"), this);
    m_reconcile->setToolTip(tr("Prove the run: compare the target with the source."));
    m_quarantine = new QPushButton(tr("Quarantined Rows…"), this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto *banner = new QHBoxLayout;
    banner->addWidget(m_icon);
    banner->addWidget(m_status, 1);
    banner->addWidget(m_quarantine);
    banner->addWidget(m_reconcile);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(banner);
    layout->addWidget(m_view, 1);

    connect(m_reconcile, &QPushButton::clicked, this,
            [this] { Q_EMIT reconcileRequested(m_runId); });
    connect(m_quarantine, &QPushButton::clicked, this,
            [this] { Q_EMIT quarantineRequested(m_runId); });
    clear();
}

void RunOutcome::clear()
{
    m_runId.clear();
    m_model->clear();
    m_icon->clear();
    m_status->setText(tr("The run's ledger shows here when it ends."));
    m_status->setStyleSheet({});
    m_reconcile->setEnabled(false);
    m_quarantine->setEnabled(false);
}

QString RunOutcome::summary(const RunRecord &run, bool balances)
{
    const qint64 ms = run.startedAt.isValid() && run.finishedAt.isValid()
                          ? run.startedAt.msecsTo(run.finishedAt)
                          : 0;
    QString text = tr("%1 %2 %3 in %4.")
                       .arg(run.mode == RunMode::DryRun        ? tr("Dry run")
                            : run.mode == RunMode::Incremental ? tr("Incremental sync")
                            : run.isRetry()                    ? tr("Retry")
                                                               : tr("Run"),
                            run.runId.left(8), runStatusName(run.status),
                            ms >= 60000 ? RunProgressModel::durationText(ms / 1000)
                                        : tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1)));
    text += QLatin1Char(' ') + (balances ? tr("Every table's ledger balances.")
                                         : tr("A table's ledger does not balance."));
    if (!run.message.isEmpty())
        text += QLatin1Char(' ') + run.message;
    return text;
}

void RunOutcome::showRun(const RunRecord &run)
{
    m_runId = run.runId;
    m_model->setRun(run);
    const bool ok = run.status == RunStatus::Succeeded && m_model->balances();
    const bool stopped = run.status == RunStatus::Interrupted || run.status == RunStatus::Cancelled;
    showBanner(summary(run, m_model->balances()),
               ok        ? QStyle::SP_DialogApplyButton
               : stopped ? QStyle::SP_MessageBoxWarning
                         : QStyle::SP_MessageBoxCritical,
               ok        ? QStringLiteral("#D5EFD9")
               : stopped ? QStringLiteral("#FFE3A3")
                         : QStringLiteral("#F7B4AE"));
    m_view->resizeColumnsToContents();
    m_reconcile->setEnabled(run.leftRows());
    qint64 quarantined = 0;
    for (const RunTableRecord &table : run.tables)
        quarantined += table.quarantined;
    m_quarantine->setEnabled(quarantined > 0);
    m_quarantine->setText(quarantined > 0
                              ? tr("%1 Quarantined Rows…").arg(QLocale().toString(quarantined))
                              : tr("No Quarantined Rows"));
}

void RunOutcome::showFailure(const Error &error)
{
    m_runId.clear();
    m_model->clear();
    showBanner(tr("The run could not go on: %1").arg(error.toString()),
               QStyle::SP_MessageBoxCritical, QStringLiteral("#F7B4AE"));
    m_reconcile->setEnabled(false);
    m_quarantine->setEnabled(false);
}

void RunOutcome::showBanner(const QString &text, int icon, const QString &tint)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::StandardPixmap(icon)).pixmap(size, size));
    m_status->setText(text);
    m_status->setStyleSheet(
        QStringLiteral("background:%1; color:#1A1A1A; padding:4px; border-radius:3px;").arg(tint));
}

} // namespace cutover
