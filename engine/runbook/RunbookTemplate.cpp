#include "runbook/RunbookTemplate.h"

#include "core/JsonReadError.h"
#include "project/RunbookJson.h"
#include "project/RunbookVocabulary.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace cutover {

namespace {

using Section = RunbookStep::Section;
using Action = RunbookStep::Action;

constexpr const char *kMigrationLead = "Migration lead";
constexpr const char *kDataEngineer = "Data engineer";
constexpr const char *kDba = "DBA";
constexpr const char *kDataOwner = "Data owner";
constexpr const char *kSupportLead = "Support lead";
constexpr const char *kApplicationOwner = "Application owner";

constexpr int kHour = 60;
constexpr int kDay = 24 * kHour;

enum class Strategy
{
    BigBang,
    Phased,
    ParallelRun,
    BlueGreen
};

Strategy strategyOf(const QString &name)
{
    if (name == QLatin1String("phased"))
        return Strategy::Phased;
    if (name == QLatin1String("parallel-run"))
        return Strategy::ParallelRun;
    if (name == QLatin1String("blue-green"))
        return Strategy::BlueGreen;
    return Strategy::BigBang;
}

// Planned minutes of the steps whose length depends on the data.
struct Durations
{
    int load = 0;
    int reconcile = 0;
    int sync = 0;
    int rollback = 0;
};

Durations durationsFor(const AdvisorAnswers &answers)
{
    const int load = RunbookTemplate::loadMinutes(answers);
    // Reconciling reads both sides but writes nothing; a sync moves only what changed.
    return {load, std::max(5, load / 2), std::max(10, load / 10), std::max(15, load / 2)};
}

RunbookStep step(Section section, const QString &id, const QString &title, const char *role,
                 int minutes, const QStringList &after, const QString &description)
{
    RunbookStep s;
    s.id = id;
    s.title = title;
    s.section = section;
    s.owner.role = QString::fromUtf8(role);
    s.durationMinutes = minutes;
    s.after = after;
    s.description = description;
    return s;
}

// An engine step: its duration is planned from its rehearsals once there are some.
RunbookStep automated(RunbookStep s, Action action, const QString &phase = {})
{
    s.action = action;
    s.phase = phase;
    s.durationFromRehearsals = true;
    return s;
}

QStringList ids(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(QString::fromUtf8(name));
    return list;
}

// The checklist items execution waits for.
QStringList readyForExecution()
{
    return ids({"support-briefed", "monitoring-ready", "rollback-tested", "dry-run"});
}

QList<RunbookStep> preMigration(const Durations &d)
{
    const QStringList freeze = ids({"change-freeze"});
    return {
        step(Section::PreMigration, "change-freeze", "Announce the change freeze", kMigrationLead,
             15, {},
             QStringLiteral("No schema, mapping or application changes on source or target "
                            "until the cutover is decided; the migration team is assembled and "
                            "the communication channels are set up.")),
        step(Section::PreMigration, "stakeholders-notified", "Notify stakeholders", kMigrationLead,
             30, freeze,
             QStringLiteral("Tell decision makers, the engineering, product and support teams "
                            "and the users what will happen and when: the migration window, "
                            "what to expect (read-only windows, temporary limits), the "
                            "rehearsal results and when the go/no-go decision is made.")),
        step(Section::PreMigration, "monitoring-ready", "Get monitoring and alerting ready", kDba,
             60, freeze,
             QStringLiteral("Dashboards for migration progress, records per second, disk space, "
                            "database CPU and memory and error rate; alerts for a stalled "
                            "migration, an error rate above 1%, disk space under 20% and p95 "
                            "latency above 1.5 times the baseline.")),
        step(Section::PreMigration, "support-briefed", "Brief the support team", kSupportLead, 30,
             ids({"stakeholders-notified"}),
             QStringLiteral("Support knows the timeline, the expected impact on users, how "
                            "users report anomalies and whom to escalate to.")),
        automated(step(Section::PreMigration, "backup-verified", "Back up and verify the backup",
                       kDba, 30, freeze,
                       QStringLiteral("Take the pre-migration backup; check its size and "
                                      "integrity, restore it in a non-production environment "
                                      "and keep it in more than one place.")),
                  Action::Backup),
        step(Section::PreMigration, "rollback-tested", "Test the rollback procedure", kDba, 45,
             ids({"backup-verified"}),
             QStringLiteral("Rollback procedures are documented and tested: the rollback works, "
                            "the application recovers and the data is intact afterwards.")),
        automated(step(Section::PreMigration, "dry-run", "Dry run of the whole migration",
                       kDataEngineer, d.load, ids({"backup-verified"}),
                       QStringLiteral("Dress rehearsal: run every mapping and rule without "
                                      "committing; time each phase, identify any issues, "
                                      "review the quarantine and adjust the plan.")),
                  Action::DryRun),
    };
}

QList<RunbookStep> bigBangExecution(const Durations &d)
{
    return {
        step(Section::Execution, "stop-source", "Stop: put the source in read-only mode",
             kMigrationLead, 10, readyForExecution(),
             QStringLiteral("The downtime window starts. Lock the source data so nothing "
                            "changes while it is copied: stop the application or put it in "
                            "read-only mode, and note the time.")),
        automated(step(Section::Execution, "run-all", "Migrate: run the whole migration",
                       kDataEngineer, d.load, ids({"stop-source"}),
                       QStringLiteral("Start the migration pipeline for every table; monitor "
                                      "progress and track error rates. A threshold crossed "
                                      "stops the run.")),
                  Action::Run),
    };
}

// Each phase's share of the load, by the number of tables it moves.
QList<int> phaseMinutes(const Project &project, int loadMinutes)
{
    QList<int> weights;
    int total = 0;
    for (const Phase &phase : project.phases) {
        const int weight = int(std::max<qsizetype>(
            1, phase.tables.isEmpty() ? project.mappings.size() : phase.tables.size()));
        weights.append(weight);
        total += weight;
    }
    QList<int> minutes;
    for (int weight : weights)
        minutes.append(std::max(1, int(std::lround(double(loadMinutes) * weight / total))));
    return minutes;
}

QString uniqueId(const QString &wanted, QSet<QString> &taken)
{
    QString id = wanted;
    for (int n = 2; taken.contains(id); ++n)
        id = wanted + QLatin1Char('-') + QString::number(n);
    taken.insert(id);
    return id;
}

QList<RunbookStep> phaseSteps(const Phase &phase, const QString &slug, int minutes,
                              const QStringList &after)
{
    const QString runId = QStringLiteral("run-") + slug;
    return {
        automated(step(Section::Execution, runId, QStringLiteral("Run phase %1").arg(phase.name),
                       kDataEngineer, minutes, after,
                       QStringLiteral("%1 Put this slice of the source in read-only mode for its "
                                      "window and run its tables with the phase's filter; "
                                      "monitor progress and error rates. Once it reconciles, "
                                      "its users work in the new system.")
                           .arg(phase.description)
                           .trimmed()),
                  Action::Run, phase.name),
        automated(step(Section::Execution, QStringLiteral("reconcile-") + slug,
                       QStringLiteral("Reconcile phase %1").arg(phase.name), kDataEngineer,
                       std::max(5, minutes / 2), {runId},
                       QStringLiteral("Validate incrementally: counts, missing, extra and "
                                      "modified rows of the phases loaded so far. The report "
                                      "must pass, or every difference be explained, before the "
                                      "next phase starts.")),
                  Action::Reconcile),
    };
}

QList<RunbookStep> phasedExecution(const Project &project, const Durations &d)
{
    QList<RunbookStep> steps;
    QSet<QString> taken;
    const QList<int> minutes = phaseMinutes(project, d.load);
    QStringList after = readyForExecution();
    for (qsizetype i = 0; i < project.phases.size(); ++i) {
        const Phase &phase = project.phases[i];
        QString slug = RunbookTemplate::kebab(phase.name);
        if (slug.isEmpty())
            slug = QStringLiteral("phase-%1").arg(i + 1);
        const QList<RunbookStep> pair = phaseSteps(phase, uniqueId(slug, taken), minutes[i], after);
        steps.append(pair);
        after = {pair.last().id};
    }
    return steps;
}

QList<RunbookStep> parallelRunExecution(const Durations &d)
{
    return {
        automated(step(Section::Execution, "initial-load", "Initial load of the historical data",
                       kDataEngineer, d.load, readyForExecution(),
                       QStringLiteral("Migrate the bulk historical data while the old system "
                                      "stays live; monitor progress and validate data "
                                      "integrity.")),
                  Action::Run),
        step(Section::IncrementalSync, "dual-writes", "Switch on dual writes", kApplicationOwner,
             30, ids({"initial-load"}),
             QStringLiteral("From now on every change reaches both systems: dual writes in the "
                            "application, or change data capture on the source. Reads stay on "
                            "the old system.")),
        automated(step(Section::IncrementalSync, "incremental-sync", "Incremental sync",
                       kDataEngineer, d.sync, ids({"dual-writes"}),
                       QStringLiteral("Catch up on the changes made during the initial load "
                                      "(by watermark column) until the lag is under the agreed "
                                      "minutes: all changes captured, no data loss.")),
                  Action::IncrementalSync),
        step(Section::IncrementalSync, "shift-reads", "Shift reads to the new system",
             kApplicationOwner, 2 * kHour, ids({"incremental-sync"}),
             QStringLiteral("Move reads to the new system step by step and compare the answers "
                            "with the old one: live validation before the cutover.")),
    };
}

QList<RunbookStep> blueGreenExecution(const Durations &d)
{
    return {
        step(Section::Execution, "build-green", "Build green beside blue", kDba, 2 * kHour,
             readyForExecution(),
             QStringLiteral("Build parallel: provision the green environment with the target "
                            "database, the same versions and configuration as production, "
                            "behind the load balancer but taking no traffic.")),
        automated(step(Section::Execution, "load-green", "Load the data into green", kDataEngineer,
                       d.load, ids({"build-green"}),
                       QStringLiteral("Migrate the data into green while blue keeps serving "
                                      "users; monitor progress and error rates.")),
                  Action::Run),
        automated(step(Section::IncrementalSync, "sync-green", "Sync green with blue",
                       kDataEngineer, d.sync, ids({"load-green"}),
                       QStringLiteral("Catch up on the changes blue received during the load, "
                                      "until the lag is under the agreed minutes.")),
                  Action::IncrementalSync),
    };
}

QList<RunbookStep> execution(Strategy strategy, const Project &project, const Durations &d)
{
    switch (strategy) {
    case Strategy::Phased:
        return phasedExecution(project, d);
    case Strategy::ParallelRun:
        return parallelRunExecution(d);
    case Strategy::BlueGreen:
        return blueGreenExecution(d);
    case Strategy::BigBang:
        break;
    }
    return bigBangExecution(d);
}

QList<RunbookStep> validation(const QString &afterExecution, const Durations &d)
{
    return {
        automated(step(Section::Validation, "reconcile-all", "Reconcile the whole migration",
                       kDataEngineer, d.reconcile, {afterExecution},
                       QStringLiteral("Run the validation suite: row counts, missing, extra and "
                                      "modified rows, checksums, duplicates, broken references, "
                                      "rule violations and quarantined rows. The report's "
                                      "status must be Pass.")),
                  Action::Reconcile),
        step(Section::Validation, "acceptance-tests", "Smoke and acceptance tests", kDataOwner,
             kHour, {afterExecution},
             QStringLiteral("The migrated data renders correctly in the new system, with its "
                            "links, permissions and history; reads and writes work; performance "
                            "meets the targets; the quarantine is reviewed.")),
    };
}

RunbookStep goNoGo()
{
    RunbookStep gate =
        step(Section::Decision, "go-no-go", "Go / no-go decision", kMigrationLead, 30,
             ids({"reconcile-all", "acceptance-tests"}),
             QStringLiteral("Review the validation results and get stakeholder approval: a "
                            "reconciliation report that passes, newer than the last run; the "
                            "error rate under its threshold; sign-offs from the data owner and "
                            "the migration lead. On a no-go, follow the rollback section."));
    gate.gate.enabled = true;
    gate.gate.passReport = true;
    gate.gate.signoffs = RunbookTemplate::goNoGoSignoffs();
    return gate;
}

RunbookStep finalSync(const char *description)
{
    return automated(step(Section::Decision, "final-sync", "Final incremental sync", kDataEngineer,
                          15, ids({"go-no-go"}), QString::fromUtf8(description)),
                     Action::IncrementalSync);
}

QList<RunbookStep> cutover(Strategy strategy)
{
    const QStringList afterGate = ids({"go-no-go"});
    switch (strategy) {
    case Strategy::BigBang:
        return {step(Section::Decision, "execute-cutover", "Start: switch users to the new system",
                     kMigrationLead, 15, afterGate,
                     QStringLiteral("Point the application at the new database, restart it, "
                                    "enable writes, run the smoke tests and announce the "
                                    "cutover. The downtime window ends."))};
    case Strategy::Phased:
        return {step(Section::Decision, "execute-cutover", "Complete the cutover", kMigrationLead,
                     15, afterGate,
                     QStringLiteral("Every phase is in the new system: the last users move over, "
                                    "the old system becomes read-only and the completion is "
                                    "announced."))};
    case Strategy::ParallelRun:
        return {finalSync("Copy the last changes written to the old system only, so both hold "
                          "the same data."),
                step(Section::Decision, "execute-cutover",
                     "Cut over: stop writes to the old system", kApplicationOwner, 15,
                     ids({"final-sync"}),
                     QStringLiteral("Turn off dual writes and route every read and write to the "
                                    "new system; monitor for errors."))};
    case Strategy::BlueGreen:
        return {finalSync("Copy the last changes blue received, so green holds the same data."),
                step(Section::Decision, "execute-cutover", "Switch traffic to green", kDba, 5,
                     ids({"final-sync"}),
                     QStringLiteral("Point the load balancer (or DNS) at green. Blue stays "
                                    "ready as the instant rollback until monitoring ends."))};
    }
    return {};
}

QList<RunbookStep> monitoring()
{
    const QString success = QStringLiteral(" Success: error rate under 0.1%, performance meets "
                                           "the targets, no data loss, no user complaints.");
    return {
        step(Section::Monitoring, "monitor-hour-1", "Hour 1: check every 15 minutes", kDba, kHour,
             ids({"execute-cutover"}),
             QStringLiteral("Watch error rates, performance metrics and data integrity every 15 "
                            "minutes; a rollback trigger that fires goes to the rollback "
                            "section.") +
                 success),
        step(Section::Monitoring, "monitor-day-1", "Hours 2-24: check every hour", kDba, 23 * kHour,
             ids({"monitor-hour-1"}),
             QStringLiteral("Check error rates, performance and data consistency every hour; "
                            "address any issues.") +
                 success),
        step(Section::Monitoring, "monitor-week-1", "Days 2-7: check daily", kSupportLead, 6 * kDay,
             ids({"monitor-day-1"}),
             QStringLiteral("Check daily, with user acceptance testing and the issues users "
                            "report; keep the old database as a backup. From week 2, normal "
                            "monitoring.") +
                 success),
    };
}

QString rollbackTriggers()
{
    return QStringLiteral(
        "Roll back when a trigger fires. Automatic triggers: data loss detected, an error rate "
        "above its threshold, performance degraded beyond the agreed limit, critical "
        "functionality broken. Manual triggers: a stakeholder decision, unforeseen critical "
        "issues, a compliance violation, a security concern. By time since the cutover: under 1 "
        "hour (data loss risk low), an easy rollback; 1-24 hours (medium), evaluate carefully; "
        "over 24 hours (high), likely a forward fix. Once writes reached the new system, a "
        "rollback becomes complex.");
}

QString rollbackAction(Strategy strategy)
{
    switch (strategy) {
    case Strategy::ParallelRun:
        return QStringLiteral("Route reads and writes back to the old system, which stayed live, "
                              "then roll back the runs in the new one.");
    case Strategy::BlueGreen:
        return QStringLiteral("Switch the load balancer back to blue (the instant rollback), "
                              "then roll back the runs in green.");
    case Strategy::BigBang:
    case Strategy::Phased:
        break;
    }
    return QStringLiteral("Stop the migration, roll back its runs (restoring the target from "
                          "the pre-migration backup), revert the application's configuration "
                          "and restart it.");
}

QList<RunbookStep> rollback(Strategy strategy, const Durations &d)
{
    return {
        step(Section::Rollback, "rollback-decision", "Decide on rollback", kMigrationLead, 15,
             ids({"go-no-go"}), rollbackTriggers()),
        automated(step(Section::Rollback, "rollback", "Roll back the migration", kDba, d.rollback,
                       ids({"rollback-decision"}), rollbackAction(strategy)),
                  Action::Rollback),
        step(Section::Rollback, "rollback-verified", "Verify the rollback and inform everyone",
             kDataOwner, 30, ids({"rollback"}),
             QStringLiteral("The application recovers and the data is intact after the rollback; "
                            "stakeholders and support are told; data written to the new system "
                            "is synced back where possible; the issues are investigated before "
                            "a retry.")),
    };
}

QList<RunbookStep> decommission(Strategy strategy)
{
    const bool blueGreen = strategy == Strategy::BlueGreen;
    return {
        step(Section::Decommission, "decommission-old",
             blueGreen ? "Teardown: decommission blue" : "Decommission the old system", kDba,
             2 * kHour, ids({"monitor-week-1"}),
             QStringLiteral("After the retention period: decommission the old database, archive "
                            "the migration scripts, remove dual-write logic (if any) and clean "
                            "up temporary infrastructure.")),
        step(Section::Decommission, "lessons-learned", "Retrospective and documentation",
             kMigrationLead, 90, ids({"monitor-week-1"}),
             QStringLiteral("Final report and retrospective: document the lessons learned, "
                            "update the architecture documentation and this runbook for future "
                            "migrations.")),
    };
}

} // namespace

Result<RunbookPlan> RunbookTemplate::generate(const QString &strategy, const Project &project)
{
    return generate(strategy, project, project.advisor.answers);
}

Result<RunbookPlan> RunbookTemplate::generate(const QString &strategy, const Project &project,
                                              const AdvisorAnswers &answers)
{
    if (auto fit = refuseUnfit(strategy, project); !fit)
        return fit.error();
    const Strategy which = strategyOf(strategy);
    const Durations d = durationsFor(answers);
    RunbookPlan plan;
    plan.strategy = strategy;
    plan.windowMinutes = std::max(0, answers.downtimeMinutes);
    plan.steps = preMigration(d);
    plan.steps.append(execution(which, project, d));
    plan.steps.append(validation(plan.steps.last().id, d));
    plan.steps.append(goNoGo());
    plan.steps.append(cutover(which));
    plan.steps.append(monitoring());
    plan.steps.append(rollback(which, d));
    plan.steps.append(decommission(which));
    if (auto consistent = checkConsistent(plan); !consistent)
        return consistent.error();
    return plan;
}

QStringList RunbookTemplate::goNoGoSignoffs()
{
    return {QString::fromUtf8(kDataOwner), QString::fromUtf8(kMigrationLead)};
}

int RunbookTemplate::loadMinutes(const AdvisorAnswers &answers)
{
    if (answers.rehearsalMinutes > 0)
        return std::max(1, int(std::ceil(answers.rehearsalMinutes)));
    if (answers.rows > 0)
        return std::max<int>(kMinimumLoadMinutes,
                             int((answers.rows + kRowsPerMinute - 1) / kRowsPerMinute));
    return kDefaultLoadMinutes;
}

QString RunbookTemplate::kebab(const QString &text)
{
    QString id;
    for (const QChar c : text.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            id.append(c);
        else if (!id.isEmpty() && !id.endsWith(QLatin1Char('-')))
            id.append(QLatin1Char('-'));
    }
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

Result<void> RunbookTemplate::refuseUnfit(const QString &strategy, const Project &project)
{
    if (!RunbookVocabulary::strategyNames().contains(strategy))
        return Error(Error::Code::Usage, QStringLiteral("'%1' is no strategy").arg(strategy),
                     project.name,
                     QStringLiteral("choose one of %1")
                         .arg(RunbookVocabulary::strategyNames().join(QStringLiteral(", "))));
    if (strategy == QLatin1String("phased") && project.phases.isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("the project has no phases, and a phased runbook runs one "
                                    "phase at a time"),
                     project.name,
                     QStringLiteral("add phases to the project (each a set of tables or a source "
                                    "filter), or choose another strategy"));
    return {};
}

// A safety net for the templates above: a plan the project file would refuse is a bug here.
Result<void> RunbookTemplate::checkConsistent(const RunbookPlan &plan)
{
    try {
        RunbookJson::checkSteps(plan);
    } catch (const JsonReadError &e) {
        return Error(Error::Code::Internal,
                     QStringLiteral("the %1 runbook template is inconsistent: %2")
                         .arg(RunbookVocabulary::strategyTitle(plan.strategy), e.message),
                     e.path, QStringLiteral("report this as a bug in Cutover"));
    }
    return {};
}

} // namespace cutover
