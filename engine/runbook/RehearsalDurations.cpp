#include "runbook/RehearsalDurations.h"

#include <algorithm>

namespace cutover {

namespace {

int wholeMinutes(qint64 seconds)
{
    return qRound(double(seconds) / 60.0);
}

// Even counts take the mean of the middle two.
qint64 medianOf(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}

} // namespace

std::optional<int> RehearsalDurations::median(const RunbookState &state, const QString &stepId,
                                              int count)
{
    QList<qint64> seconds;
    for (const RunbookExecution *rehearsal : state.rehearsals()) {
        if (seconds.size() >= qMax(1, count))
            break;
        if (const std::optional<qint64> done = doneSeconds(rehearsal->step(stepId)))
            seconds.append(*done);
    }
    if (seconds.isEmpty())
        return std::nullopt;
    return wholeMinutes(medianOf(seconds));
}

QMap<QString, int> RehearsalDurations::forPlan(const RunbookPlan &plan, const RunbookState &state)
{
    QMap<QString, int> durations;
    for (const RunbookStep &step : plan.steps) {
        if (!step.durationFromRehearsals)
            continue;
        if (const std::optional<int> minutes = median(state, step.id, plan.rehearsalsForDuration))
            durations.insert(step.id, *minutes);
    }
    return durations;
}

RehearsalDurations::Comparison RehearsalDurations::compare(const RunbookPlan &plan,
                                                           const RunbookState &state, int count)
{
    QList<const RunbookExecution *> rehearsals = state.rehearsals();
    if (count > 0 && rehearsals.size() > count)
        rehearsals.resize(count);
    Comparison comparison;
    for (const RunbookExecution *rehearsal : std::as_const(rehearsals))
        comparison.rehearsals.append({rehearsal->id, rehearsal->started, rehearsal->ended});
    for (const RunbookStep &step : plan.steps) {
        Row row{step.id,
                step.title,
                step.durationMinutes,
                median(state, step.id, plan.rehearsalsForDuration),
                {}};
        for (const RunbookExecution *rehearsal : std::as_const(rehearsals))
            row.cells.append(cellOf(rehearsal->step(step.id)));
        comparison.rows.append(row);
    }
    return comparison;
}

std::optional<qint64> RehearsalDurations::doneSeconds(const StepState &state)
{
    if (state.status != StepStatus::Done || !state.started.isValid() || !state.finished.isValid())
        return std::nullopt;
    return state.started.secsTo(state.finished);
}

RehearsalDurations::Cell RehearsalDurations::cellOf(const StepState &state)
{
    Cell cell;
    cell.status = state.status;
    if (state.started.isValid() && state.finished.isValid())
        cell.minutes = wholeMinutes(state.started.secsTo(state.finished));
    return cell;
}

} // namespace cutover
