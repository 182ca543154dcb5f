#include "demo/DemoRunbook.h"

namespace cutover {

namespace {

using Action = RunbookStep::Action;
using Section = RunbookStep::Section;

const char *const kEngineer = "Migration engineer";
const char *const kSteward = "Data steward";
const char *const kDba = "Database administrator";
const char *const kLead = "Clinic operations lead";
const char *const kDirector = "Clinical director";

struct Line
{
    const char *id;
    const char *title;
    Section section;
    const char *role;
    Action action;
    int minutes;
    QStringList after;
    const char *description;
    const char *phase = "";
};

RunbookStep stepOf(const Line &line)
{
    RunbookStep s;
    s.id = QString::fromUtf8(line.id);
    s.title = QString::fromUtf8(line.title);
    s.section = line.section;
    s.owner.role = QString::fromUtf8(line.role);
    s.action = line.action;
    s.durationMinutes = line.minutes;
    s.after = line.after;
    s.description = QString::fromUtf8(line.description);
    s.phase = QString::fromUtf8(line.phase);
    return s;
}

QList<Line> preMigration()
{
    return {
        {"freeze",
         "Freeze changes to the legacy system",
         Section::PreMigration,
         kLead,
         Action::Manual,
         15,
         {},
         "Announce the freeze window; put the old front end in read-only mode and note the time, "
         "so the incremental sync knows where to start."},
        {"notify-stakeholders",
         "Notify stakeholders and brief support",
         Section::PreMigration,
         kLead,
         Action::Manual,
         10,
         {"freeze"},
         "Clinic staff, support and the on-call engineer know the window, the contact channel and "
         "what read-only means for them."},
        {"backup-target",
         "Back up the target database",
         Section::PreMigration,
         kDba,
         Action::Backup,
         20,
         {"freeze"},
         "Snapshot the target before anything is written; the backup is verified before the step "
         "is done."},
        {"dry-run",
         "Dry run of the whole migration",
         Section::PreMigration,
         kEngineer,
         Action::DryRun,
         30,
         {"freeze"},
         "Run every mapping and rule without writing; compare counts with the last rehearsal."},
        {"review-quarantine",
         "Review the quarantine",
         Section::PreMigration,
         kSteward,
         Action::Manual,
         45,
         {"dry-run"},
         "Every quarantined row has a decision: fixed at the source, mapping changed, or accepted "
         "with a ticket (retired codes NS, ZZ, M; DST times; shared e-mails; orphans)."},
    };
}

QList<Line> execution()
{
    return {
        {"load-reference-data",
         "Load reference data",
         Section::Execution,
         kEngineer,
         Action::Run,
         10,
         {"backup-target", "review-quarantine"},
         "Practitioners first: every visit refers to them.",
         "reference-data"},
        {"run-wave-1",
         "Run wave 1 (Berlin)",
         Section::Execution,
         kEngineer,
         Action::Run,
         60,
         {"load-reference-data"},
         "Patients, visits, observations and invoices of the Berlin site.",
         "wave-1"},
        {"reconcile-wave-1",
         "Reconcile wave 1",
         Section::Validation,
         kSteward,
         Action::Reconcile,
         20,
         {"run-wave-1"},
         "Counts, missing, extra and modified rows per table over the phases loaded so far."},
        {"run-wave-2",
         "Run wave 2 (Hamburg, Munich)",
         Section::Execution,
         kEngineer,
         Action::Run,
         90,
         {"reconcile-wave-1"},
         "The remaining sites, same checks as wave 1.",
         "wave-2"},
        {"incremental-sync",
         "Incremental sync",
         Section::IncrementalSync,
         kEngineer,
         Action::IncrementalSync,
         30,
         {"run-wave-2"},
         "Copy rows changed since the wave runs (LAST_UPD watermark) until the lag is zero."},
        {"final-reconcile",
         "Final reconciliation",
         Section::Validation,
         kSteward,
         Action::Reconcile,
         30,
         {"incremental-sync"},
         "Whole-project report: it must Pass for the go / no-go."},
    };
}

QList<Line> decisionAndAfter()
{
    return {
        {"go-no-go",
         "Go / no-go decision",
         Section::Decision,
         kDirector,
         Action::Manual,
         30,
         {"final-reconcile", "notify-stakeholders"},
         "Go when the final report passes, the quarantine share is under the limit and the "
         "clinical director and the data steward approve; smoke tests of the new application "
         "passed."},
        {"switch-front-ends",
         "Switch the clinic front ends to the new system",
         Section::Decision,
         kLead,
         Action::Manual,
         20,
         {"go-no-go"},
         "Point the clinic applications at the new database and lift the read-only mode."},
        {"monitor-first-day",
         "Monitor the first day",
         Section::Monitoring,
         kEngineer,
         Action::Manual,
         60,
         {"switch-front-ends"},
         "Hour 1: check every 15 minutes; hours 2-24: every hour. Error rate under 0.1 %, no data "
         "loss, no user complaints."},
        {"rollback-plan",
         "Roll back if a trigger fires",
         Section::Rollback,
         kDba,
         Action::Rollback,
         60,
         {"go-no-go"},
         "Triggers: any data loss found, error rate above 1 % or a critical function broken in "
         "the first hours, or a compliance or security concern. Within 1 hour: roll back; 1-24 "
         "hours: decide with the clinical director; after 24 hours: prefer a forward fix."},
        {"decommission-legacy",
         "Decommission the legacy system",
         Section::Decommission,
         kDba,
         Action::Manual,
         30,
         {"monitor-first-day"},
         "After the retention period: archive the last backup, switch the old database off."},
    };
}

} // namespace

RunbookPlan DemoRunbook::plan()
{
    RunbookPlan plan;
    plan.strategy = QStringLiteral("phased");
    plan.windowMinutes = 480;
    for (const QList<Line> &part : {preMigration(), execution(), decisionAndAfter()})
        for (const Line &line : part)
            plan.steps.append(stepOf(line));
    for (RunbookStep &s : plan.steps)
        if (s.id == QLatin1String("go-no-go")) {
            s.gate.enabled = true;
            s.gate.signoffs = {QString::fromUtf8(kDirector), QString::fromUtf8(kSteward)};
        }
    return plan;
}

} // namespace cutover
