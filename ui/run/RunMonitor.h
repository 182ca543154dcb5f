#pragma once

#include "RunAlarms.h"
#include "core/Error.h"
#include "run/RunOptions.h"
#include "run/RunProgress.h"
#include "run/ledger/RunRecord.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;

namespace cutover {

class PasswordProvider;
class ProjectDocument;
class RunController;
class RunOutcome;
class RunProgressModel;
class RunSpeedChart;
class RunStartBar;
class RunTotalsBar;

// The run monitor: starts the project as the document holds it through RunController (the
// engine on its own thread), with the start bar's options; shows every table's progress, the
// whole run's totals and, in tabs below, the rows per second over time, the engine's notices,
// and at the end the run's status and row ledger with one click to reconcile it. Pause,
// resume and cancel act at the next batch boundary; an interrupted run resumes from Start.
class RunMonitor : public QWidget
{
    Q_OBJECT

public:
    RunMonitor(ProjectDocument &document, const PasswordProvider *passwords,
               QWidget *parent = nullptr);
    ~RunMonitor() override;

    // Starts a run with the start bar's options (or these); false, with the reason in the
    // outcome and the log, when it could not start.
    bool start();
    bool start(const RunOptions &options);
    bool isRunning() const;
    // The project's runs, newest first: an interrupted newest run is resumed by Start.
    void setRuns(const QList<RunRecord> &runs);
    // Whether the next run resumes run, the newest of its project (RunContinuation's rule: one
    // that did not finish, or failed after loading rows; not a dry run's or a retry's failure).
    static bool resumable(const RunRecord &run);

    RunController *controller() const { return m_controller; }
    RunStartBar *startBar() const { return m_startBar; }
    RunTotalsBar *totals() const { return m_totals; }
    RunProgressModel *progressModel() const { return m_progress; }
    QTableView *tableView() const { return m_tables; }
    RunSpeedChart *chart() const { return m_chart; }
    QPlainTextEdit *notices() const { return m_notices; }
    RunOutcome *outcome() const { return m_outcome; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void runStarted();
    // The run ended, whatever its status (the run history needs reading again).
    void runEnded(const cutover::RunRecord &run);
    void runFailed(const cutover::Error &error);
    void reconcileRequested(const QString &runId);
    void quarantineRequested(const QString &runId);

private:
    void createLayout();
    void connectController();
    void receiveProgress(const RunProgress &progress);
    void showProgress(const RunProgress &progress);
    void showFinished(const RunRecord &run);
    void showFailed(const Error &error);
    void logNotice(const QString &message);
    QString describe(const RunOptions &options) const;

    ProjectDocument &m_document;
    RunController *m_controller = nullptr;
    RunProgressModel *m_progress = nullptr;
    std::optional<RunAlarms> m_alarms;
    RunStartBar *m_startBar = nullptr;
    RunTotalsBar *m_totals = nullptr;
    QTableView *m_tables = nullptr;
    RunSpeedChart *m_chart = nullptr;
    QPlainTextEdit *m_notices = nullptr;
    RunOutcome *m_outcome = nullptr;
    QTabWidget *m_tabs = nullptr;
    bool m_stopping = false;
    // The views follow the run kShowIntervalMs apart (the controller samples it ten times a
    // second): the newest progress waits in m_pending.
    static constexpr int kShowIntervalMs = 250;
    std::optional<RunProgress> m_pending;
    QElapsedTimer m_shown;
    QTimer m_showTimer;
};

} // namespace cutover
