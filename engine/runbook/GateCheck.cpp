#include "runbook/GateCheck.h"

#include "reconcile/ReconcileStatus.h"
#include "runbook/RunbookStateVocabulary.h"

#include <QLocale>

namespace cutover {

namespace {

QString shortId(const QString &id)
{
    return id.left(8);
}

QString clock(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString percent(double share)
{
    return QLocale::c().toString(share * 100, 'f', share < 0.01 ? 2 : 1) + QLatin1Char('%');
}

bool matches(const SignOff &s, const QString &who)
{
    return s.role.compare(who, Qt::CaseInsensitive) == 0 ||
           s.name.compare(who, Qt::CaseInsensitive) == 0;
}

// The newest sign-off on the step by each person, in order.
QList<SignOff> latestPerPerson(const RunbookExecution &execution, const QString &step)
{
    QList<SignOff> latest;
    for (const SignOff &s : execution.signoffs) {
        if (s.step != step)
            continue;
        auto same = std::find_if(latest.begin(), latest.end(), [&s](const SignOff &l) {
            return l.name.compare(s.name, Qt::CaseInsensitive) == 0;
        });
        if (same != latest.end())
            *same = s;
        else
            latest.append(s);
    }
    return latest;
}

} // namespace

QStringList GateCheck::waitingFor(const RunbookPlan &plan, const RunbookStep &step,
                                  const RunbookExecution &execution)
{
    QStringList reasons;
    for (const QString &id : step.after) {
        const StepState state = execution.step(id);
        if (state.status == StepStatus::Done || state.status == StepStatus::Skipped)
            continue;
        const RunbookStep *before = plan.step(id);
        reasons.append(QStringLiteral("Step %1 (%2) is %3, not done")
                           .arg(id, before ? before->title : id,
                                RunbookStateVocabulary::statusTitle(state.status).toLower()));
    }
    return reasons;
}

GateCheck::Verdict GateCheck::check(const RunbookPlan &plan, const RunbookStep &step,
                                    const RunbookExecution &execution, const GateFacts &facts)
{
    Verdict v;
    v.blockers = waitingFor(plan, step, execution);
    if (!step.after.isEmpty() && v.blockers.isEmpty())
        v.met.append(QStringLiteral("Every step before it is done"));
    if (!step.gate.enabled)
        return v;
    if (step.gate.passReport)
        checkReport(facts, v);
    checkSignoffs(step, execution, v);
    checkErrorRate(step, facts, v);
    return v;
}

void GateCheck::checkReport(const GateFacts &facts, Verdict &v)
{
    if (!facts.newestReport) {
        v.blockers.append(QStringLiteral("No reconciliation report yet: reconcile the target"));
        return;
    }
    const StoredReport &report = *facts.newestReport;
    const QString title = reconcileStatusTitle(report.status);
    if (report.status != ReconcileStatus::Pass) {
        v.blockers.append(QStringLiteral("The newest reconciliation report, %1 (%2), is %3, not "
                                         "Pass")
                              .arg(shortId(report.reportId), clock(report.createdAt), title));
        return;
    }
    if (facts.newestRun && facts.newestRun->finishedAt.isValid() &&
        report.createdAt < facts.newestRun->finishedAt) {
        v.blockers.append(QStringLiteral("The newest Pass report, %1 (%2), is older than run %3 "
                                         "(finished %4): reconcile again")
                              .arg(shortId(report.reportId), clock(report.createdAt),
                                   shortId(facts.newestRun->runId),
                                   clock(facts.newestRun->finishedAt)));
        return;
    }
    v.met.append(QStringLiteral("Reconciliation report %1 (%2) is Pass and newer than the newest "
                                "run")
                     .arg(shortId(report.reportId), clock(report.createdAt)));
}

void GateCheck::checkSignoffs(const RunbookStep &step, const RunbookExecution &execution,
                              Verdict &v)
{
    const QList<SignOff> latest = latestPerPerson(execution, step.id);
    for (const SignOff &s : latest)
        if (!s.approves())
            v.blockers.append(
                QStringLiteral("%1 (%2) rejected%3")
                    .arg(s.name, s.role,
                         s.comment.isEmpty() ? QString() : QStringLiteral(": ") + s.comment));
    for (const QString &needed : step.gate.signoffs) {
        const auto found = std::find_if(latest.cbegin(), latest.cend(),
                                        [&needed](const SignOff &s) { return matches(s, needed); });
        if (found == latest.cend())
            v.blockers.append(QStringLiteral("No sign-off from %1 yet").arg(needed));
        else if (found->approves())
            v.met.append(QStringLiteral("%1 signed off: %2 (%3)")
                             .arg(needed, found->name,
                                  RunbookStateVocabulary::decisionTitle(found->decision)));
    }
}

void GateCheck::checkErrorRate(const RunbookStep &step, const GateFacts &facts, Verdict &v)
{
    const double limit = step.gate.maxErrorRate >= 0 ? step.gate.maxErrorRate : facts.maxErrorRate;
    if (limit < 0 || !facts.newestRun)
        return;
    const double rate = facts.newestRunErrorRate();
    if (rate < 0)
        return;
    const QString run = shortId(facts.newestRun->runId);
    if (rate > limit)
        v.blockers.append(QStringLiteral("Run %1 quarantined %2 of its rows, over the %3 limit")
                              .arg(run, percent(rate), percent(limit)));
    else
        v.met.append(QStringLiteral("Run %1 quarantined %2 of its rows, within the %3 limit")
                         .arg(run, percent(rate), percent(limit)));
}

} // namespace cutover
