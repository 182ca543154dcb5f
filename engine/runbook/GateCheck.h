#pragma once

#include "project/RunbookPlan.h"
#include "runbook/GateFacts.h"
#include "runbook/RunbookState.h"

#include <QStringList>

namespace cutover {

// Whether a step may be marked done, and why not, in words: its predecessors are done (or
// skipped), and, for a gate, the newest reconciliation report is a Pass newer than the newest
// run, the named sign-offs approve, and the newest run's quarantined share is under the limit.
class GateCheck
{
public:
    struct Verdict
    {
        QStringList blockers; // why the step may not be done; empty: it may
        QStringList met;      // the gate's conditions that hold, for showing beside the blockers

        bool open() const { return blockers.isEmpty(); }
    };

    static Verdict check(const RunbookPlan &plan, const RunbookStep &step,
                         const RunbookExecution &execution, const GateFacts &facts);
    // Only the predecessors: whether the step may start.
    static QStringList waitingFor(const RunbookPlan &plan, const RunbookStep &step,
                                  const RunbookExecution &execution);

private:
    static void checkReport(const GateFacts &facts, Verdict &v);
    static void checkSignoffs(const RunbookStep &step, const RunbookExecution &execution,
                              Verdict &v);
    static void checkErrorRate(const RunbookStep &step, const GateFacts &facts, Verdict &v);
};

} // namespace cutover
