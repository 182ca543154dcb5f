#include "RunbookRunLink.h"

#include "RunbookSession.h"
#include "report/ReportViewer.h"
#include "run/RunMonitor.h"

namespace cutover {

RunbookRunLink::RunbookRunLink(RunbookSession &session, RunMonitor &monitor, ReportViewer &reports,
                               QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_monitor(monitor)
    , m_reports(reports)
{
    connect(&monitor, &RunMonitor::runEnded, this, [this](const RunRecord &run) {
        if (!m_runStep.isEmpty())
            m_session.recordRun(std::exchange(m_runStep, {}), run);
        m_session.refresh();
    });
    connect(&monitor, &RunMonitor::runFailed, this,
            [this](const Error &error) { fail(m_runStep, error.toString()); });
    connect(&reports, &ReportViewer::reportShown, this, [this] {
        if (!m_reportStep.isEmpty() && m_reports.report())
            m_session.recordReport(std::exchange(m_reportStep, {}), *m_reports.report());
        m_session.refresh();
    });
    connect(&reports, &ReportViewer::loadFailed, this,
            [this](const Error &error) { fail(m_reportStep, error.toString()); });
}

void RunbookRunLink::begin(const QString &stepId)
{
    const auto &document = m_session.document();
    const RunbookDocument::Step *step = document ? document->step(stepId) : nullptr;
    if (!step || step->state.status != StepStatus::InProgress)
        m_session.startStep(stepId);
}

bool RunbookRunLink::run(const QString &stepId, const RunOptions &options)
{
    if (m_monitor.isRunning()) {
        Q_EMIT m_session.refused(
            tr("A run is already going: step %1 waits until it ends").arg(stepId));
        return false;
    }
    begin(stepId);
    m_runStep = stepId;
    if (m_monitor.start(options))
        return true;
    fail(m_runStep, tr("the run could not start (see the run monitor)"));
    return false;
}

void RunbookRunLink::expectReport(const QString &stepId)
{
    begin(stepId);
    m_reportStep = stepId;
}

void RunbookRunLink::fail(QString &pending, const QString &why)
{
    if (pending.isEmpty())
        return;
    StepChange change;
    change.note = why;
    m_session.finishStep(std::exchange(pending, {}), StepStatus::Failed, change);
}

} // namespace cutover
