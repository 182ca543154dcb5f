#pragma once

#include "core/Result.h"
#include "project/RunbookPlan.h"
#include "runbook/RunbookState.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace cutover {

// The runbook's schedule, computed from the plan's predecessors and durations (critical path
// method), and once an execution runs, what its actual times make of it: the forecast of every
// step and of the cutover's end, and the RAG status that follows from the forecast end against
// the window and from failed or blocked steps.
//
// All times hang off one anchor: the execution's start when there is one (planned times are
// rebaselined to it), else the plan's planned start, else `now`. `now` is always passed in, so
// the same inputs give the same schedule. Steps outside the cutover (rollback contingency, and
// monitoring and decommission once the new system is live) are scheduled after their predecessors
// but stay out of the cutover's end, its window and the critical path.
class RunbookSchedule
{
public:
    enum class Rag
    {
        Green,
        Amber,
        Red
    };

    struct StepTimes
    {
        QString id;
        bool outsideCutover = false; // a contingency, or monitoring and decommission after it
        int durationMinutes = 0;     // planned, or the median of its rehearsals when overridden
        StepStatus status = StepStatus::Pending;

        QDateTime plannedStart;
        QDateTime plannedEnd;
        // How far the step may slip without moving the planned end; 0 for steps outside the
        // cutover.
        int slackMinutes = 0;
        bool critical = false;

        QDateTime actualStart; // invalid until known
        QDateTime actualEnd;   // invalid until the step is done, skipped or failed

        QDateTime forecastStart;
        QDateTime forecastEnd;
        // The forecast (or actual) end against the planned end: positive late, negative early.
        int lateMinutes = 0;
    };

    // execution: the one to forecast from (usually RunbookState::current()), or nullptr for the
    // plan alone. durationOverrides: step id -> minutes, replacing the plan's duration (see
    // RehearsalDurations::forPlan). Fails only when steps wait for each other in a cycle.
    static Result<RunbookSchedule> compute(const RunbookPlan &plan,
                                           const RunbookExecution *execution, const QDateTime &now,
                                           const QMap<QString, int> &durationOverrides = {});

    // In plan order.
    const QList<StepTimes> &steps() const { return m_steps; }
    const StepTimes *step(const QString &id) const;

    QDateTime anchor() const { return m_anchor; }
    QDateTime plannedEnd() const { return m_plannedEnd; }
    QDateTime forecastEnd() const { return m_forecastEnd; }
    // anchor + the plan's window; invalid when the plan sets no window.
    QDateTime windowEnd() const { return m_windowEnd; }
    int plannedMinutes() const { return minutesFromAnchor(m_plannedEnd); }
    int forecastMinutes() const { return minutesFromAnchor(m_forecastEnd); }

    // The critical steps in the order they are carried out.
    const QStringList &criticalPath() const { return m_criticalPath; }

    Rag rag() const { return m_rag; }
    // Why the status is what it is, red findings first, e.g. "Step run-wave-1 failed and is on
    // the critical path". Clock times are read in the time zone of the `now` passed in.
    const QStringList &ragReasons() const { return m_ragReasons; }
    // "green", "amber", "red".
    static QString ragName(Rag rag);

private:
    RunbookSchedule() = default;

    int minutesFromAnchor(const QDateTime &time) const;
    void planForward(const QList<qsizetype> &order, const QList<QList<qsizetype>> &predecessors);
    void planBackward(const QList<qsizetype> &order, const QList<QList<qsizetype>> &predecessors);
    void collectCriticalPath(const QList<qsizetype> &order);
    void takeActualTimes(const RunbookExecution &execution);
    void forecast(const QList<qsizetype> &order, const QList<QList<qsizetype>> &predecessors,
                  const QDateTime &clock);
    void forecastStep(StepTimes &step, const QDateTime &ready, const QDateTime &clock) const;
    QDateTime endOfCutover(QDateTime StepTimes::*end) const;
    void assessRag();
    void addWindowFindings(QStringList &red, QStringList &amber, QStringList &green) const;
    void addPlanFindings(QStringList &amber, QStringList &green) const;
    void addStepFindings(QStringList &red, QStringList &amber) const;
    QString clockText(const QDateTime &time) const;

    QList<StepTimes> m_steps;
    QDateTime m_anchor;
    QDateTime m_plannedEnd;
    QDateTime m_forecastEnd;
    QDateTime m_windowEnd;
    int m_windowMinutes = 0;
    QTimeZone m_displayZone;
    QStringList m_criticalPath;
    Rag m_rag = Rag::Green;
    QStringList m_ragReasons;
};

} // namespace cutover
