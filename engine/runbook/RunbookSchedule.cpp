#include "runbook/RunbookSchedule.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace cutover {

namespace {

constexpr double kAmberWindowShare = 0.9;

int minutesBetween(const QDateTime &from, const QDateTime &to)
{
    return qRound(double(from.secsTo(to)) / 60.0);
}

QDateTime later(const QDateTime &time, const QDateTime &other)
{
    return other.isValid() && other > time ? other : time;
}

// "40 min", "8 h", "1 h 30 min".
QString durationText(int minutes)
{
    minutes = std::abs(minutes);
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    if (hours == 0)
        return QStringLiteral("%1 min").arg(rest);
    if (rest == 0)
        return QStringLiteral("%1 h").arg(hours);
    return QStringLiteral("%1 h %2 min").arg(hours).arg(rest);
}

QList<QList<qsizetype>> predecessorIndexes(const RunbookPlan &plan)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        if (!index.contains(plan.steps.at(i).id))
            index.insert(plan.steps.at(i).id, i);
    QList<QList<qsizetype>> predecessors(plan.steps.size());
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        for (const QString &id : plan.steps.at(i).after)
            if (index.contains(id)) // an unknown id leaves nothing to wait for
                predecessors[i].append(index.value(id));
    return predecessors;
}

bool allPlaced(const QList<qsizetype> &steps, const QList<bool> &placed)
{
    return std::all_of(steps.cbegin(), steps.cend(), [&](qsizetype i) { return placed.at(i); });
}

Error cycleError(const RunbookPlan &plan, const QList<bool> &placed)
{
    QStringList stuck;
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        if (!placed.at(i))
            stuck.append(plan.steps.at(i).id);
    return Error(Error::Code::Validation,
                 QStringLiteral("The runbook's steps wait for each other in a cycle; these can "
                                "never start: %1")
                     .arg(stuck.join(QStringLiteral(", "))),
                 QStringLiteral("runbook.steps"),
                 QStringLiteral("remove one of the predecessors that closes the cycle"));
}

// Every step after all it waits for; of the steps ready at once, the first in the plan. Each
// pass places one step or ends, so a cycle ends the loop instead of spinning in it.
Result<QList<qsizetype>> topologicalOrder(const RunbookPlan &plan,
                                          const QList<QList<qsizetype>> &predecessors)
{
    QList<bool> placed(plan.steps.size(), false);
    QList<qsizetype> order;
    for (bool progress = true; progress;) {
        progress = false;
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            if (placed.at(i) || !allPlaced(predecessors.at(i), placed))
                continue;
            placed[i] = true;
            order.append(i);
            progress = true;
            break;
        }
    }
    if (order.size() < plan.steps.size())
        return cycleError(plan, placed);
    return order;
}

QDateTime anchorOf(const RunbookPlan &plan, const RunbookExecution *execution, const QDateTime &now)
{
    if (execution && execution->started.isValid())
        return execution->started;
    if (plan.plannedStart.isValid())
        return plan.plannedStart;
    return now;
}

QList<RunbookSchedule::StepTimes> unscheduledSteps(const RunbookPlan &plan,
                                                   const QMap<QString, int> &durationOverrides)
{
    QList<RunbookSchedule::StepTimes> steps;
    for (const RunbookStep &planned : plan.steps) {
        RunbookSchedule::StepTimes step;
        step.id = planned.id;
        step.outsideCutover = planned.isOutsideCutover();
        step.durationMinutes =
            qMax(0, durationOverrides.value(planned.id, planned.durationMinutes));
        steps.append(step);
    }
    return steps;
}

bool isFinished(StepStatus status)
{
    return status == StepStatus::Done || status == StepStatus::Skipped ||
           status == StepStatus::Failed;
}

} // namespace

Result<RunbookSchedule> RunbookSchedule::compute(const RunbookPlan &plan,
                                                 const RunbookExecution *execution,
                                                 const QDateTime &now,
                                                 const QMap<QString, int> &durationOverrides)
{
    const QList<QList<qsizetype>> predecessors = predecessorIndexes(plan);
    const Result<QList<qsizetype>> order = topologicalOrder(plan, predecessors);
    if (!order)
        return order.error();
    RunbookSchedule schedule;
    schedule.m_anchor = anchorOf(plan, execution, now);
    if (!schedule.m_anchor.isValid())
        return Error(Error::Code::Usage,
                     QStringLiteral("The schedule has no start: no execution, no planned start "
                                    "and no valid current time"));
    schedule.m_displayZone = now.isValid() ? now.timeZone() : QTimeZone::utc();
    schedule.m_steps = unscheduledSteps(plan, durationOverrides);
    schedule.planForward(*order, predecessors);
    schedule.m_plannedEnd = schedule.endOfCutover(&StepTimes::plannedEnd);
    schedule.planBackward(*order, predecessors);
    schedule.collectCriticalPath(*order);
    if (execution)
        schedule.takeActualTimes(*execution);
    // A closed execution's pending steps no longer wait for the present.
    const QDateTime clock = execution && execution->isOpen() ? now : QDateTime();
    schedule.forecast(*order, predecessors, clock);
    schedule.m_forecastEnd = schedule.endOfCutover(&StepTimes::forecastEnd);
    schedule.m_windowMinutes = qMax(0, plan.windowMinutes);
    if (schedule.m_windowMinutes > 0)
        schedule.m_windowEnd = schedule.m_anchor.addSecs(60LL * schedule.m_windowMinutes);
    schedule.assessRag();
    return schedule;
}

const RunbookSchedule::StepTimes *RunbookSchedule::step(const QString &id) const
{
    for (const StepTimes &s : m_steps)
        if (s.id == id)
            return &s;
    return nullptr;
}

QString RunbookSchedule::ragName(Rag rag)
{
    switch (rag) {
    case Rag::Green:
        return QStringLiteral("green");
    case Rag::Amber:
        return QStringLiteral("amber");
    case Rag::Red:
        return QStringLiteral("red");
    }
    return {};
}

int RunbookSchedule::minutesFromAnchor(const QDateTime &time) const
{
    return minutesBetween(m_anchor, time);
}

// Earliest start: when the last predecessor ends, or the anchor.
void RunbookSchedule::planForward(const QList<qsizetype> &order,
                                  const QList<QList<qsizetype>> &predecessors)
{
    for (qsizetype i : order) {
        QDateTime start = m_anchor;
        for (qsizetype before : predecessors.at(i))
            start = later(start, m_steps.at(before).plannedEnd);
        StepTimes &step = m_steps[i];
        step.plannedStart = start;
        step.plannedEnd = start.addSecs(60LL * step.durationMinutes);
    }
}

// Latest end: when the first non-contingency successor must start, or the planned end. Contingency
// steps take no part, so a rollback never makes the steps before it critical.
void RunbookSchedule::planBackward(const QList<qsizetype> &order,
                                   const QList<QList<qsizetype>> &predecessors)
{
    QList<QDateTime> latestEnd(m_steps.size(), m_plannedEnd);
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        StepTimes &step = m_steps[*it];
        if (step.outsideCutover)
            continue;
        step.slackMinutes = minutesBetween(step.plannedEnd, latestEnd.at(*it));
        step.critical = step.plannedEnd == latestEnd.at(*it);
        const QDateTime latestStart = latestEnd.at(*it).addSecs(-60LL * step.durationMinutes);
        for (qsizetype before : predecessors.at(*it))
            latestEnd[before] = qMin(latestEnd.at(before), latestStart);
    }
}

void RunbookSchedule::collectCriticalPath(const QList<qsizetype> &order)
{
    QList<qsizetype> critical;
    for (qsizetype i : order)
        if (m_steps.at(i).critical)
            critical.append(i);
    // Stable: steps starting together (after a 0-minute step) keep their predecessors first.
    std::stable_sort(critical.begin(), critical.end(), [this](qsizetype a, qsizetype b) {
        return m_steps.at(a).plannedStart < m_steps.at(b).plannedStart;
    });
    m_criticalPath.clear();
    for (qsizetype i : critical)
        m_criticalPath.append(m_steps.at(i).id);
}

void RunbookSchedule::takeActualTimes(const RunbookExecution &execution)
{
    for (StepTimes &step : m_steps) {
        const StepState state = execution.step(step.id);
        step.status = state.status;
        step.actualStart = state.started;
        if (isFinished(state.status))
            step.actualEnd = state.finished;
    }
}

void RunbookSchedule::forecast(const QList<qsizetype> &order,
                               const QList<QList<qsizetype>> &predecessors, const QDateTime &clock)
{
    for (qsizetype i : order) {
        QDateTime ready = m_anchor;
        for (qsizetype before : predecessors.at(i))
            ready = later(ready, m_steps.at(before).forecastEnd);
        StepTimes &step = m_steps[i];
        forecastStep(step, ready, clock);
        step.lateMinutes = minutesBetween(step.plannedEnd, step.forecastEnd);
    }
}

void RunbookSchedule::forecastStep(StepTimes &step, const QDateTime &ready,
                                   const QDateTime &clock) const
{
    const qint64 duration = 60LL * step.durationMinutes;
    if (isFinished(step.status) && step.actualEnd.isValid()) {
        // Marked done straight from pending, a step has no start of its own.
        step.forecastStart = step.actualStart.isValid() ? step.actualStart : step.actualEnd;
        step.forecastEnd = step.actualEnd;
    } else if (step.status == StepStatus::InProgress && step.actualStart.isValid()) {
        step.forecastStart = step.actualStart;
        step.forecastEnd = later(step.actualStart.addSecs(duration), clock);
    } else {
        step.forecastStart = later(ready, clock);
        step.forecastEnd = step.forecastStart.addSecs(duration);
    }
}

QDateTime RunbookSchedule::endOfCutover(QDateTime StepTimes::*end) const
{
    QDateTime result = m_anchor;
    for (const StepTimes &step : m_steps)
        if (!step.outsideCutover)
            result = later(result, step.*end);
    return result;
}

void RunbookSchedule::assessRag()
{
    QStringList red;
    QStringList amber;
    QStringList green;
    addWindowFindings(red, amber, green);
    addStepFindings(red, amber);
    addPlanFindings(amber, green);
    if (!red.isEmpty())
        m_rag = Rag::Red;
    else if (!amber.isEmpty())
        m_rag = Rag::Amber;
    else
        m_rag = Rag::Green;
    m_ragReasons = m_rag == Rag::Green ? green : red + amber;
}

void RunbookSchedule::addWindowFindings(QStringList &red, QStringList &amber,
                                        QStringList &green) const
{
    if (!m_windowEnd.isValid())
        return;
    const QString window = QStringLiteral("the %1 window (ends %2)")
                               .arg(durationText(m_windowMinutes), clockText(m_windowEnd));
    const QString end = clockText(m_forecastEnd);
    if (m_forecastEnd > m_windowEnd) {
        const int past = qMax(1, minutesBetween(m_windowEnd, m_forecastEnd));
        red.append(QStringLiteral("The forecast end %1 is %2 past %3")
                       .arg(end, durationText(past), window));
        return;
    }
    const double share = double(m_anchor.secsTo(m_forecastEnd)) / (60.0 * m_windowMinutes);
    if (share > kAmberWindowShare) {
        amber.append(QStringLiteral("The forecast end %1 uses %2% of %3")
                         .arg(end)
                         .arg(int(std::ceil(share * 100.0)))
                         .arg(window));
        return;
    }
    green.append(QStringLiteral("The forecast end %1 leaves %2 of %3")
                     .arg(end, durationText(minutesBetween(m_forecastEnd, m_windowEnd)), window));
}

void RunbookSchedule::addStepFindings(QStringList &red, QStringList &amber) const
{
    for (const StepTimes &step : m_steps) {
        if (step.status != StepStatus::Failed && step.status != StepStatus::Blocked)
            continue;
        const QString what = step.status == StepStatus::Failed
                                 ? QStringLiteral("Step %1 failed").arg(step.id)
                                 : QStringLiteral("Step %1 is blocked").arg(step.id);
        if (step.critical)
            red.append(what + QStringLiteral(" and is on the critical path"));
        else
            amber.append(what + QStringLiteral(", off the critical path"));
    }
}

void RunbookSchedule::addPlanFindings(QStringList &amber, QStringList &green) const
{
    const int late = minutesBetween(m_plannedEnd, m_forecastEnd);
    const QString end = clockText(m_forecastEnd);
    const QString planned = clockText(m_plannedEnd);
    if (late >= 1)
        amber.append(QStringLiteral("The forecast end %1 is %2 later than the planned end %3")
                         .arg(end, durationText(late), planned));
    else if (late <= -1)
        green.append(QStringLiteral("The forecast end %1 is %2 ahead of the planned end %3")
                         .arg(end, durationText(late), planned));
    else
        green.append(QStringLiteral("The forecast end %1 keeps to the planned end").arg(end));
}

// The clock time alone while it is the anchor's day, else with its date.
QString RunbookSchedule::clockText(const QDateTime &time) const
{
    const QDateTime shown = time.toTimeZone(m_displayZone);
    const bool sameDay = shown.date() == m_anchor.toTimeZone(m_displayZone).date();
    return shown.toString(sameDay ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace cutover
