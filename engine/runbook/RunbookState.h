#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace cutover {

// What has happened to a runbook: its executions (rehearsals and the live cutover), each with
// its steps' statuses, actual times, notes, evidence, sign-offs and go/no-go decision.
// RunbookJournal reads it back from the project's audit trail, where every change is an entry.

enum class StepStatus
{
    Pending,
    InProgress,
    Done,
    Skipped,
    Failed,
    Blocked
};

struct StepNote
{
    QDateTime at;
    QString who;
    QString text;

    bool operator==(const StepNote &) const = default;
};

// What proves a step was carried out.
struct Evidence
{
    enum class Kind
    {
        Run,    // ref: the run id
        Report, // ref: the reconciliation report id
        File,   // ref: a path
        Link    // ref: a URL
    };
    Kind kind = Kind::Link;
    QString ref;
    QString summary; // "run 1a2b3c4d succeeded: 1,204 rows", "report 9f8e Pass"
    QDateTime at;
    QString who;

    bool operator==(const Evidence &) const = default;
};

struct SignOff
{
    enum class Decision
    {
        Approve,
        Reject,
        ApproveWithConditions
    };
    QString step;
    QString name;
    QString role;
    Decision decision = Decision::Approve;
    QString comment;
    QDateTime at;
    QString recordedBy; // who entered it (the audit identity)

    bool approves() const { return decision != Decision::Reject; }
    bool operator==(const SignOff &) const = default;
};

struct StepState
{
    StepStatus status = StepStatus::Pending;
    QDateTime started;  // first time it went in progress
    QDateTime finished; // when it became done, skipped or failed
    QString changedBy;  // who made the last status change
    QList<StepNote> notes;
    QList<Evidence> evidence;

    bool isFinished() const
    {
        return status == StepStatus::Done || status == StepStatus::Skipped ||
               status == StepStatus::Failed;
    }
    bool operator==(const StepState &) const = default;
};

// The go / no-go decision, recorded on the gate step that was passed (go) or refused (no-go).
struct GoNoGo
{
    QString step;
    bool go = false;
    QString by;
    QString comment;
    QDateTime at;

    bool operator==(const GoNoGo &) const = default;
};

struct RunbookExecution
{
    enum class Mode
    {
        Rehearsal,
        Live
    };
    QString id;
    Mode mode = Mode::Rehearsal;
    QDateTime started;
    QString startedBy;
    QDateTime ended;                // invalid while it goes on
    QMap<QString, StepState> steps; // by step id; a step not here is pending
    QList<SignOff> signoffs;
    std::optional<GoNoGo> decision;

    bool isOpen() const { return !ended.isValid(); }
    StepState step(const QString &id) const { return steps.value(id); }
    bool operator==(const RunbookExecution &) const = default;
};

struct RunbookState
{
    QList<RunbookExecution> executions; // oldest first

    // The newest execution still going on, or nullptr.
    const RunbookExecution *current() const
    {
        for (auto it = executions.crbegin(); it != executions.crend(); ++it)
            if (it->isOpen())
                return &*it;
        return nullptr;
    }
    const RunbookExecution *execution(const QString &id) const
    {
        for (const RunbookExecution &e : executions)
            if (e.id == id)
                return &e;
        return nullptr;
    }
    // Rehearsals, newest first.
    QList<const RunbookExecution *> rehearsals() const
    {
        QList<const RunbookExecution *> result;
        for (auto it = executions.crbegin(); it != executions.crend(); ++it)
            if (it->mode == RunbookExecution::Mode::Rehearsal)
                result.append(&*it);
        return result;
    }
};

} // namespace cutover
