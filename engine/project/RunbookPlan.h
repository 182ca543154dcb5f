#pragma once

#include "project/RunbookStep.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cutover {

// The runbook as planned: part of the project file, so it is reviewed and versioned in git with
// the mappings. What happens during a cutover (statuses, actual times, sign-offs, evidence) is
// kept apart, in the project's audit trail (see runbook/RunbookJournal).
struct RunbookPlan
{
    // "big-bang", "phased", "parallel-run" or "blue-green"; empty when none was chosen.
    QString strategy;
    // The downtime budget: the cutover window, in minutes; 0 when none is set.
    int windowMinutes = 0;
    // When the live cutover is planned to start (UTC); invalid when not yet scheduled.
    QDateTime plannedStart;
    // How many of its last rehearsals a step's duration is the median of.
    int rehearsalsForDuration = 3;
    QList<RunbookStep> steps;

    bool isEmpty() const { return steps.isEmpty() && strategy.isEmpty() && windowMinutes == 0; }
    const RunbookStep *step(const QString &id) const
    {
        for (const RunbookStep &s : steps)
            if (s.id == id)
                return &s;
        return nullptr;
    }

    bool operator==(const RunbookPlan &) const = default;
};

} // namespace cutover
