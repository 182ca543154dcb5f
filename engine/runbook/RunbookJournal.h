#pragma once

#include "audit/AuditTrail.h"
#include "core/Result.h"
#include "runbook/RunbookState.h"

namespace cutover {

// Keeps the runbook's state in the project's audit trail: every start, status change, note,
// evidence, sign-off and decision is an entry ("runbook.*"), and the state is those entries
// replayed. So the state lives beside the project file rather than in it (a cutover edits no
// file in git), two programs changing it at once cannot lose each other's change (appends take
// the trail's lock), it survives a restart, and it cannot be rewritten without the chain
// showing it. Rules about what may change (gates, order) are RunbookService's, not this class's.
class RunbookJournal
{
public:
    explicit RunbookJournal(AuditTrail trail);

    Result<RunbookState> read() const;
    static RunbookState replay(const QList<AuditEntry> &entries);

    Result<RunbookExecution> start(RunbookExecution::Mode mode);
    Result<void> end(const QString &execution);
    Result<void> setStatus(const QString &execution, const QString &step, StepStatus status,
                           const QString &note = {});
    Result<void> addNote(const QString &execution, const QString &step, const QString &text);
    Result<void> addEvidence(const QString &execution, const QString &step,
                             const Evidence &evidence);
    Result<void> signOff(const QString &execution, const SignOff &signoff);
    Result<void> decide(const QString &execution, const GoNoGo &decision);

    const AuditTrail &trail() const { return m_trail; }

private:
    Result<void> append(const QString &kind, const QString &summary, const QJsonObject &data);

    AuditTrail m_trail;
};

} // namespace cutover
