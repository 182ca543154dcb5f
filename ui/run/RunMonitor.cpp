#include "run/RunMonitor.h"

#include "AuditRecorder.h"
#include "ProjectDocument.h"
#include "RunProgressModel.h"
#include "run/RunController.h"
#include "run/RunOutcome.h"
#include "run/RunProgressDelegate.h"
#include "run/RunSpeedChart.h"
#include "run/RunStartBar.h"
#include "run/RunTotalsBar.h"

#include <QDateTime>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace cutover {

RunMonitor::RunMonitor(ProjectDocument &document, const PasswordProvider *passwords,
                       QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_controller(new RunController(passwords, this))
    , m_progress(new RunProgressModel(this))
{
    createLayout();
    connectController();
    m_startBar->setProject(m_document.project());
    connect(&m_document, &ProjectDocument::projectReplaced, this,
            [this] { m_startBar->setProject(m_document.project()); });
    connect(&m_document, &ProjectDocument::changed, this,
            [this] { m_startBar->setProject(m_document.project()); });
}

RunMonitor::~RunMonitor() = default;

void RunMonitor::createLayout()
{
    m_startBar = new RunStartBar(this);
    m_totals = new RunTotalsBar(this);
    m_tables = new QTableView(this);
    m_tables->setModel(m_progress);
    m_tables->setItemDelegateForColumn(
        RunProgressModel::ProgressColumn,
        new RunProgressDelegate(RunProgressModel::PercentRole, m_tables));
    m_tables->verticalHeader()->hide();
    m_tables->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tables->setWordWrap(false);
    QHeaderView *header = m_tables->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RunProgressModel::ProgressColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    m_chart = new RunSpeedChart(this);
    m_notices = new QPlainTextEdit(this);
    m_notices->setReadOnly(true);
    m_notices->setMaximumBlockCount(5000);
    m_notices->setPlaceholderText(tr("The run's notices show here."));
    m_outcome = new RunOutcome(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_chart, tr("Rows per Second"));
    m_tabs->addTab(m_notices, tr("Notices"));
    m_tabs->addTab(m_outcome, tr("Result"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tables);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_startBar);
    layout->addWidget(m_totals);
    layout->addWidget(split, 1);

    connect(m_startBar, &RunStartBar::startRequested, this, qOverload<>(&RunMonitor::start));
    connect(m_startBar, &RunStartBar::pauseRequested, m_controller, &RunController::pause);
    connect(m_startBar, &RunStartBar::resumeRequested, m_controller, &RunController::resume);
    connect(m_startBar, &RunStartBar::cancelRequested, this, [this] {
        m_stopping = true;
        m_startBar->setState(RunStartBar::State::Stopping);
        logNotice(tr("stopping at the next batch boundary…"));
        m_controller->cancel();
    });
    connect(m_outcome, &RunOutcome::reconcileRequested, this, &RunMonitor::reconcileRequested);
    connect(m_outcome, &RunOutcome::quarantineRequested, this, &RunMonitor::quarantineRequested);
}

void RunMonitor::connectController()
{
    connect(m_controller, &RunController::progress, this, &RunMonitor::receiveProgress);
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, [this] {
        if (m_pending)
            showProgress(*std::exchange(m_pending, std::nullopt));
    });
    connect(m_controller, &RunController::notice, this, &RunMonitor::logNotice);
    connect(m_controller, &RunController::finished, this, &RunMonitor::showFinished);
    connect(m_controller, &RunController::failed, this, &RunMonitor::showFailed);
}

bool RunMonitor::isRunning() const
{
    return m_controller->isRunning();
}

void RunMonitor::setRuns(const QList<RunRecord> &runs)
{
    const RunRecord *newest = runs.isEmpty() ? nullptr : &runs.first();
    m_startBar->setInterruptedRun(newest && resumable(*newest) ? newest : nullptr);
}

bool RunMonitor::resumable(const RunRecord &run)
{
    switch (run.status) {
    case RunStatus::Succeeded:
    case RunStatus::RolledBack:
        return false;
    case RunStatus::Failed:
        return run.mode != RunMode::DryRun && !run.isRetry() &&
               std::any_of(run.tables.cbegin(), run.tables.cend(),
                           [](const RunTableRecord &t) { return t.loaded + t.quarantined > 0; });
    default:
        return true;
    }
}

bool RunMonitor::start()
{
    return start(m_startBar->options());
}

QString RunMonitor::describe(const RunOptions &options) const
{
    QString what = options.retryQuarantined               ? tr("a retry of the quarantined rows")
                   : options.mode == RunMode::DryRun      ? tr("a dry run")
                   : options.mode == RunMode::Incremental ? tr("an incremental sync")
                                                          : tr("a run");
    what += options.phase.isEmpty() ? tr(" of all tables") : tr(" of phase %1").arg(options.phase);
    if (!options.tables.isEmpty())
        what += tr(" (%1)").arg(options.tables.join(QStringLiteral(", ")));
    return what;
}

bool RunMonitor::start(const RunOptions &options)
{
    if (m_controller->isRunning())
        return false;
    const Project &project = m_document.project();
    m_startBar->setOptions(options);
    m_alarms.emplace(project, options);
    m_progress->clear();
    m_totals->clear();
    m_outcome->clear();
    // The chart's reset and its tab's first layout take as long as a frame: a turn of the event
    // loop of their own, after the click's (both under 25 ms instead of 45 together).
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_chart->clear();
            m_tabs->setCurrentWidget(m_chart);
        },
        Qt::QueuedConnection);
    m_stopping = false;
    m_shown.invalidate();
    m_pending.reset();
    logNotice(tr("starting %1").arg(describe(options)));
    if (m_document.isModified())
        logNotice(tr("the project has unsaved changes: the run uses them as the window shows "
                     "them"));
    if (!m_controller->start(project, options))
        return false;
    m_startBar->setState(RunStartBar::State::Running);
    Q_EMIT runStarted();
    return true;
}

// A progress event shows at once when the views have not changed for kShowIntervalMs, or when
// the run pauses or ends; otherwise it waits for the timer (only the newest one is kept). Drawing
// the table, the totals and the chart ten times a second took CPU time from the run.
void RunMonitor::receiveProgress(const RunProgress &progress)
{
    const bool now = !m_shown.isValid() || m_shown.elapsed() >= kShowIntervalMs ||
                     progress.paused != m_progress->progress().paused ||
                     progress.stage == QLatin1String("done") || !m_controller->isRunning();
    if (!now) {
        m_pending = progress;
        if (!m_showTimer.isActive())
            m_showTimer.start(int(kShowIntervalMs - m_shown.elapsed()));
        return;
    }
    m_showTimer.stop();
    m_pending.reset();
    showProgress(progress);
}

void RunMonitor::showProgress(const RunProgress &progress)
{
    m_shown.start();
    m_progress->setProgress(progress);
    m_totals->setProgress(progress, *m_alarms);
    m_chart->addSample(progress);
    if (!m_stopping && m_controller->isRunning())
        m_startBar->setState(progress.paused ? RunStartBar::State::Paused
                                             : RunStartBar::State::Running);
}

void RunMonitor::showFinished(const RunRecord &run)
{
    if (m_showTimer.isActive()) { // the run's last figures before its end
        m_showTimer.stop();
        if (m_pending)
            showProgress(*std::exchange(m_pending, std::nullopt));
    }
    m_stopping = false;
    m_startBar->setState(RunStartBar::State::Idle);
    m_startBar->setInterruptedRun(resumable(run) ? &run : nullptr);
    m_outcome->showRun(run);
    m_tabs->setCurrentWidget(m_outcome);
    AuditRecorder::run(m_document.filePath(), run);
    logNotice(tr("run %1 %2").arg(run.runId.left(8), runStatusName(run.status)));
    Q_EMIT runEnded(run);
}

void RunMonitor::showFailed(const Error &error)
{
    m_stopping = false;
    m_startBar->setState(RunStartBar::State::Idle);
    m_outcome->showFailure(error);
    m_tabs->setCurrentWidget(m_outcome);
    logNotice(tr("the run failed: %1").arg(error.toString()));
    Q_EMIT runFailed(error);
}

void RunMonitor::logNotice(const QString &message)
{
    m_notices->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), message));
}

} // namespace cutover
