#pragma once

#include "run/RunOptions.h"

#include <QObject>

namespace cutover {

class ReportViewer;
class RunMonitor;
class RunbookSession;

// Carries out the automated runbook steps whose engine work has a view of its own in the
// window: a run, dry run or incremental sync in the run monitor, a reconciliation in the report
// viewer. The step is started first; when the work ends, the run or report goes back to the
// session as the step's evidence, and the step is done or failed by its result.
class RunbookRunLink : public QObject
{
    Q_OBJECT

public:
    RunbookRunLink(RunbookSession &session, RunMonitor &monitor, ReportViewer &reports,
                   QObject *parent = nullptr);

    // false, with the session's refused(), when the monitor cannot start the run.
    bool run(const QString &stepId, const RunOptions &options);
    // Marks the step as waiting for the next report the viewer shows: call before reconciling.
    void expectReport(const QString &stepId);
    const QString &runningStep() const { return m_runStep; }
    const QString &reconcilingStep() const { return m_reportStep; }

private:
    void begin(const QString &stepId);
    void fail(QString &pending, const QString &why);

    RunbookSession &m_session;
    RunMonitor &m_monitor;
    ReportViewer &m_reports;
    QString m_runStep;
    QString m_reportStep;
};

} // namespace cutover
