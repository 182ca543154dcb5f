#include "run/RunActions.h"

#include "run/RunMonitor.h"
#include "run/RunStartBar.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPushButton>
#include <QStyle>

namespace cutover {

RunActions::RunActions(RunMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
{
    QStyle *style = QApplication::style();
    m_start = new QAction(style->standardIcon(QStyle::SP_MediaPlay), tr("&Start Run"), this);
    m_start->setShortcut(QKeySequence(Qt::Key_F9));
    m_start->setToolTip(tr("Run the migration with the run monitor's options (F9)"));
    m_dryRun = new QAction(tr("&Dry Run"), this);
    m_dryRun->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F9));
    m_pause = new QAction(style->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_cancel = new QAction(style->standardIcon(QStyle::SP_MediaStop), tr("&Cancel Run"), this);
    m_showMonitor = new QAction(tr("Run &Monitor"), this);
    m_showMonitor->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_showHistory = new QAction(tr("Run &History"), this);
    m_showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_reconcile = new QAction(tr("Re&concile Newest Run"), this);
    m_reconcile->setToolTip(tr("Compare the target with the source for the newest run"));
    m_showReport = new QAction(tr("Reconciliation &Report"), this);
    m_showQuarantine = new QAction(tr("&Quarantined Rows"), this);
    m_showQuarantine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));

    connect(m_start, &QAction::triggered, this, [this] {
        Q_EMIT monitorWanted();
        RunOptions options = m_monitor->startBar()->options();
        if (options.mode == RunMode::DryRun)
            options.mode = RunMode::Run;
        m_monitor->start(options);
    });
    connect(m_dryRun, &QAction::triggered, this, [this] {
        Q_EMIT monitorWanted();
        RunOptions options = m_monitor->startBar()->options();
        options.mode = RunMode::DryRun;
        options.retryQuarantined = false;
        m_monitor->start(options);
    });
    RunStartBar *bar = m_monitor->startBar();
    connect(m_pause, &QAction::triggered, bar->pauseButton(), &QPushButton::click);
    connect(m_cancel, &QAction::triggered, bar->cancelButton(), &QPushButton::click);
    connect(m_showMonitor, &QAction::triggered, this, &RunActions::monitorWanted);
    connect(m_showHistory, &QAction::triggered, this, &RunActions::historyWanted);
    connect(m_reconcile, &QAction::triggered, this, &RunActions::reconcileWanted);
    connect(m_showReport, &QAction::triggered, this, &RunActions::reportWanted);
    connect(m_showQuarantine, &QAction::triggered, this, &RunActions::quarantineWanted);
    connect(bar, &RunStartBar::stateChanged, this, &RunActions::updateEnabled);
    updateEnabled();
}

void RunActions::updateEnabled()
{
    RunStartBar *bar = m_monitor->startBar();
    m_start->setEnabled(bar->startButton()->isEnabled());
    m_dryRun->setEnabled(bar->startButton()->isEnabled());
    m_pause->setEnabled(bar->pauseButton()->isEnabled());
    m_pause->setText(bar->state() == RunStartBar::State::Paused ? tr("&Resume") : tr("&Pause"));
    m_cancel->setEnabled(bar->cancelButton()->isEnabled());
    m_reconcile->setEnabled(bar->startButton()->isEnabled());
}

QMenu *RunActions::createMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("&Run"), parent);
    menu->addAction(m_start);
    menu->addAction(m_dryRun);
    menu->addAction(m_pause);
    menu->addAction(m_cancel);
    menu->addSeparator();
    menu->addAction(m_showMonitor);
    menu->addAction(m_showHistory);
    menu->addAction(m_showQuarantine);
    menu->addSeparator();
    menu->addAction(m_reconcile);
    menu->addAction(m_showReport);
    return menu;
}

} // namespace cutover
