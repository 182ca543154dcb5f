#include "runbook/RunbookSummary.h"

#include "project/RunbookVocabulary.h"
#include "runbook/RunbookText.h"

namespace cutover {

QStringList RunbookSummary::route(const RunbookDocument &d)
{
    QStringList route;
    if (!d.plan.strategy.isEmpty())
        route.append(RunbookVocabulary::strategyTitle(d.plan.strategy) +
                     QStringLiteral(" strategy"));
    route.append(d.plan.windowMinutes > 0 ? QStringLiteral("cutover window ") +
                                                RunbookText::minutes(d.plan.windowMinutes)
                                          : QStringLiteral("no cutover window set"));
    route.append(d.execution ? RunbookText::execution(*d.execution)
                             : QStringLiteral("nothing under way yet"));
    return route;
}

QString RunbookSummary::execution(const RunbookDocument &d)
{
    if (!d.execution)
        return QStringLiteral("none: the times below are the plan from ") +
               RunbookText::dateTime(d.anchor, d.anchor);
    const RunbookExecution &e = *d.execution;
    return QStringLiteral("%1, started %2 by %3, %4")
        .arg(RunbookText::execution(e), RunbookText::dateTime(e.started, d.anchor), e.startedBy,
             e.isOpen() ? QStringLiteral("under way")
                        : QStringLiteral("ended ") + RunbookText::dateTime(e.ended, d.anchor));
}

RunbookSummary::Facts RunbookSummary::facts(const RunbookDocument &d)
{
    const QDateTime &ref = d.anchor;
    Facts facts{
        {QStringLiteral("Execution"), execution(d)},
        {QStringLiteral("Planned"),
         QStringLiteral("%1 (%2)").arg(RunbookText::span(d.anchor, d.plannedEnd, ref),
                                       RunbookText::minutes(d.plannedMinutes))},
        {QStringLiteral("Forecast end"),
         QStringLiteral("%1 (%2), %3")
             .arg(RunbookText::clock(d.forecastEnd, ref), RunbookText::minutes(d.forecastMinutes),
                  RunbookText::versusPlan(d.forecastMinutes - d.plannedMinutes))}};
    if (d.windowEnd.isValid())
        facts.append({QStringLiteral("Window ends"), RunbookText::clock(d.windowEnd, ref)});
    if (d.execution && d.execution->decision)
        facts.append(
            {QStringLiteral("Decision"), RunbookText::goNoGo(*d.execution->decision, ref)});
    facts.append({QStringLiteral("Times"), RunbookText::timesNote(d.anchor, d.now)});
    if (!d.factsError.isEmpty())
        facts.append({QStringLiteral("Target not readable"), d.factsError});
    return facts;
}

QStringList RunbookSummary::criticalPath(const RunbookDocument &d)
{
    QStringList titles;
    for (const QString &id : d.criticalPath)
        titles.append(d.titleOf(id));
    return titles;
}

} // namespace cutover
