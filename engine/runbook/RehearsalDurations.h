#pragma once

#include "project/RunbookPlan.h"
#include "runbook/RunbookState.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace cutover {

// What the rehearsals say about the steps' durations: the median of a step's last rehearsals,
// which plans the steps marked durationFromRehearsals, and the rehearsals side by side.
// A step's duration in a rehearsal is its finish minus its start, in whole minutes.
class RehearsalDurations
{
public:
    // One step in one rehearsal.
    struct Cell
    {
        StepStatus status = StepStatus::Pending;
        std::optional<int> minutes; // when both its start and its finish are known
    };

    struct Rehearsal
    {
        QString id;
        QDateTime started;
        QDateTime ended; // invalid while it goes on
    };

    struct Row
    {
        QString stepId;
        QString title;
        int plannedMinutes = 0; // as the plan has it
        // Over its last plan.rehearsalsForDuration rehearsals where it was done.
        std::optional<int> median;
        QList<Cell> cells; // one per Comparison::rehearsals, in that order
    };

    struct Comparison
    {
        QList<Rehearsal> rehearsals; // newest first
        QList<Row> rows;             // in plan order
    };

    // The median over the step's last `count` rehearsals where it was done; rehearsals where it
    // was skipped, failed or never finished do not count. Nothing when it was never done.
    static std::optional<int> median(const RunbookState &state, const QString &stepId, int count);

    // Step id -> median minutes, for the steps with durationFromRehearsals that were rehearsed:
    // the duration overrides of RunbookSchedule::compute.
    static QMap<QString, int> forPlan(const RunbookPlan &plan, const RunbookState &state);

    // Every step of the plan in the last `count` rehearsals (all of them when count <= 0).
    static Comparison compare(const RunbookPlan &plan, const RunbookState &state, int count);

private:
    static std::optional<qint64> doneSeconds(const StepState &state);
    static Cell cellOf(const StepState &state);
};

} // namespace cutover
