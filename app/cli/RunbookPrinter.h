#pragma once

#include "project/RunbookPlan.h"
#include "runbook/RunbookSchedule.h"
#include "runbook/RunbookState.h"

#include <QTextStream>

namespace cutover::cli {

// The runbook as `cutover-cli runbook PROJECT` prints it: the schedule's end against the
// cutover window and its RAG status with the reasons; the plan's sections and steps with owner,
// duration, planned times and the critical path (*); and, while a rehearsal or the live cutover
// goes on, each step's status, actual and forecast times and evidence, the sign-offs and the
// decision.
class RunbookPrinter
{
public:
    RunbookPrinter(QTextStream &out, const RunbookPlan &plan, const RunbookSchedule &schedule)
        : m_out(out)
        , m_plan(plan)
        , m_schedule(schedule)
    {}

    void print(const QString &projectName, const RunbookExecution *execution);

private:
    void header(const QString &projectName, const RunbookExecution *execution);
    void step(const RunbookStep &step, const RunbookExecution *execution);
    void signoffs(const RunbookExecution &execution);
    void times(const RunbookStep &step, const StepState &state);

    QTextStream &m_out;
    const RunbookPlan &m_plan;
    const RunbookSchedule &m_schedule;
};

} // namespace cutover::cli
