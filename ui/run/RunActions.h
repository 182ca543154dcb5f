#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace cutover {

class RunMonitor;

// The Run menu's actions over a run monitor: start a run or a dry run with the monitor's
// options, pause or resume, cancel at the next batch boundary, and show the monitor. They are
// enabled as the monitor's state allows; each one that acts shows the monitor first.
class RunActions : public QObject
{
    Q_OBJECT

public:
    explicit RunActions(RunMonitor *monitor, QObject *parent = nullptr);

    // A "&Run" menu holding every action.
    QMenu *createMenu(QWidget *parent) const;

    QAction *startAction() const { return m_start; }
    QAction *dryRunAction() const { return m_dryRun; }
    QAction *pauseAction() const { return m_pause; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *showMonitorAction() const { return m_showMonitor; }
    QAction *showHistoryAction() const { return m_showHistory; }
    QAction *reconcileAction() const { return m_reconcile; }
    QAction *showReportAction() const { return m_showReport; }
    QAction *showQuarantineAction() const { return m_showQuarantine; }

Q_SIGNALS:
    // The window should bring the run monitor to the front.
    void monitorWanted();
    void historyWanted();
    // Reconcile the newest run; show the newest report.
    void reconcileWanted();
    void reportWanted();
    void quarantineWanted();

private:
    void updateEnabled();

    RunMonitor *m_monitor;
    QAction *m_start = nullptr;
    QAction *m_dryRun = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_showMonitor = nullptr;
    QAction *m_showHistory = nullptr;
    QAction *m_reconcile = nullptr;
    QAction *m_showReport = nullptr;
    QAction *m_showQuarantine = nullptr;
};

} // namespace cutover
