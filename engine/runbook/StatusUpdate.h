#pragma once

#include "report/StoredReport.h"
#include "run/ledger/RunStatus.h"
#include "runbook/RunbookDocument.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cutover {

// The status update of the migration-planning template (Subject, Status, Phase, Progress,
// Completed, Currently In Progress with its ETA, Next Steps with when they are scheduled, Metrics,
// Issues/Risks, Downtime planned and actual, Next Update), made from a RunbookDocument: what
// stakeholders get by mail or chat every hour of the cutover. StatusUpdateWriter renders it.
struct StatusUpdate
{
    enum class Status
    {
        Planning, // nothing under way yet
        InProgress,
        Complete,
        IssuesEncountered
    };
    enum class Phase
    {
        PreMigration,
        Migration,
        PostMigration
    };
    enum class Severity
    {
        Low,
        Medium,
        High
    };

    struct Item
    {
        QString stepId;
        QString title;
        QString owner;
        StepStatus status = StepStatus::Pending;
        // Completed: when it finished; in progress: its ETA (forecast end); next: its forecast
        // start.
        QDateTime time;
    };

    struct Issue
    {
        QString text;
        Severity severity = Severity::Medium;
        QString state = QStringLiteral("Open");
    };

    // From the newest run that left rows in the target and the newest reconciliation report.
    struct Metrics
    {
        bool hasRun = false;
        QString runId;
        QString runPhase; // empty for all tables
        RunStatus runStatus = RunStatus::Running;
        QDateTime runFinished;
        qint64 rowsLoaded = 0;
        qint64 rowsQuarantined = 0;
        qint64 rowsExpected = 0; // source rows less those a filter skipped
        double seconds = -1;
        double errorRate = -1;    // quarantined over read; -1 when unknown
        double maxErrorRate = -1; // the project's limit; -1 when none
        std::optional<StoredReport> report;
        QString unavailable; // why there are no figures (the target cannot be read)

        // Rows loaded and quarantined per second; -1 when unknown.
        double rowsPerSecond() const;
    };

    QString project;
    std::optional<RunbookExecution> execution;
    QDateTime at; // when it was made
    QDateTime nextUpdate;

    Status status = Status::Planning;
    Phase phase = Phase::PreMigration;
    RunbookSchedule::Rag rag = RunbookSchedule::Rag::Green;
    int progressPercent = 0;
    int stepsFinished = 0; // done or skipped, of the steps in the cutover
    int stepsInCutover = 0;

    QList<Item> completed;  // by the time they finished
    QList<Item> inProgress; // in plan order
    QList<Item> next;       // by their forecast start
    Metrics metrics;
    QList<Issue> issues; // most severe first

    // The downtime budget: the plan's window, or when it has none the planned length.
    int plannedDowntimeMinutes = 0;
    bool downtimeFromWindow = false;
    // Since the execution started: until now, until the cutover's last step finished, or until
    // the execution ended; -1 before any started.
    int actualDowntimeMinutes = -1;
    int forecastDowntimeMinutes = 0;

    // Every hour while the cutover goes on, as the template's communication plan has it.
    static constexpr int kUpdateEveryMinutes = 60;
    // How many steps Next Steps lists at most.
    static constexpr int kNextSteps = 5;

    static StatusUpdate of(const RunbookDocument &document);

    // "[MIGRATION-demo] Rehearsal Status - 2024-05-04 20:15 UTC".
    QString subject() const;
    bool isRehearsal() const;
    static QString statusTitle(Status status);        // "In Progress"
    static QString phaseTitle(Phase phase);           // "Pre-Migration"
    static QString severityLetter(Severity severity); // "H"
    static Phase phaseOf(RunbookStep::Section section);

private:
    static Status statusOf(const RunbookDocument &d);
    static Phase phaseOf(const RunbookDocument &d);
    void takeProgress(const RunbookDocument &d);
    void takeSteps(const RunbookDocument &d);
    void takeNext(const RunbookDocument &d);
    void takeDowntime(const RunbookDocument &d);
    static Metrics metricsOf(const RunbookDocument &d);
    static QList<Issue> issuesOf(const RunbookDocument &d);
    static void addStepIssues(const RunbookDocument &d, QList<Issue> &issues);
    static void addScheduleIssues(const RunbookDocument &d, QList<Issue> &issues);
    static void addGateIssues(const RunbookDocument &d, QList<Issue> &issues);
    static void addEndIssues(const RunbookDocument &d, QList<Issue> &issues);
};

} // namespace cutover
