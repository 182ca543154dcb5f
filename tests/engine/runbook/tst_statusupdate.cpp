#include "runbook/RunbookDocument.h"
#include "runbook/StatusUpdate.h"
#include "runbook/StatusUpdateWriter.h"

#include <QTest>

using namespace cutover;

// The status update of hand-made runbooks on 2024-05-04 (UTC). The plan, "night": freeze 15 ->
// backup 45 -> run 120 -> check 30 -> go 10 (a gate needing the director's sign-off), then
// monitor 60 and the rollback contingency 60 after go. From 20:00 in a 5 h window: planned
// freeze 20:00-20:15, backup -21:00, run -23:00, check -23:30, go -23:40; 220 minutes in the
// cutover.
namespace {

using Section = RunbookStep::Section;
using Severity = StatusUpdate::Severity;
using Steps = QMap<QString, StepState>;

QDateTime at(const QString &clock, int day = 4)
{
    return QDateTime(QDate(2024, 5, day), QTime::fromString(clock, QStringLiteral("HH:mm")),
                     QTimeZone::utc());
}

RunbookStep step(const QString &id, Section section, int minutes, const QStringList &after = {})
{
    RunbookStep s;
    s.id = id;
    s.title = QStringLiteral("Step ") + id;
    s.section = section;
    s.durationMinutes = minutes;
    s.after = after;
    s.owner.role = QStringLiteral("Engineer");
    return s;
}

RunbookPlan night()
{
    RunbookPlan plan;
    plan.strategy = QStringLiteral("big-bang");
    plan.windowMinutes = 300;
    plan.plannedStart = at(QStringLiteral("20:00"));
    RunbookStep go = step(QStringLiteral("go"), Section::Decision, 10, {QStringLiteral("check")});
    go.gate.enabled = true;
    go.gate.signoffs = {QStringLiteral("Director")};
    plan.steps = {
        step(QStringLiteral("freeze"), Section::PreMigration, 15),
        step(QStringLiteral("backup"), Section::PreMigration, 45, {QStringLiteral("freeze")}),
        step(QStringLiteral("run"), Section::Execution, 120, {QStringLiteral("backup")}),
        step(QStringLiteral("check"), Section::Validation, 30, {QStringLiteral("run")}),
        go,
        step(QStringLiteral("monitor"), Section::Monitoring, 60, {QStringLiteral("go")}),
        step(QStringLiteral("rollback"), Section::Rollback, 60, {QStringLiteral("go")})};
    return plan;
}

StepState state(StepStatus status, const QString &from = {}, const QString &to = {})
{
    StepState s;
    s.status = status;
    if (!from.isEmpty())
        s.started = at(from);
    if (!to.isEmpty())
        s.finished = at(to);
    return s;
}

RunbookExecution rehearsal(const QMap<QString, StepState> &steps)
{
    RunbookExecution e;
    e.id = QStringLiteral("r1");
    e.mode = RunbookExecution::Mode::Rehearsal;
    e.started = at(QStringLiteral("20:00"));
    e.startedBy = QStringLiteral("alice");
    e.steps = steps;
    return e;
}

// Freeze and backup done on time, the run under way since 21:00.
QMap<QString, StepState> runUnderWay()
{
    return {{QStringLiteral("freeze"), state(StepStatus::Done, "20:00", "20:15")},
            {QStringLiteral("backup"), state(StepStatus::Done, "20:15", "21:00")},
            {QStringLiteral("run"), state(StepStatus::InProgress, "21:00")}};
}

GateFacts facts()
{
    GateFacts f;
    RunRecord run;
    run.runId = QStringLiteral("1a2b3c4d-5e6f");
    run.phase = QStringLiteral("wave-1");
    run.status = RunStatus::Succeeded;
    run.startedAt = at(QStringLiteral("21:00"));
    run.finishedAt = run.startedAt.addSecs(10);
    RunTableRecord t;
    t.sourceRows = 1000;
    t.loaded = 990;
    t.quarantined = 10;
    run.tables = {t};
    f.newestRun = run;
    StoredReport report;
    report.reportId = QStringLiteral("9f8e7d6c-report");
    report.createdAt = at(QStringLiteral("21:05"));
    report.status = ReconcileStatus::Pass;
    f.newestReport = report;
    f.maxErrorRate = 0.05;
    return f;
}

StatusUpdate update(const QList<RunbookExecution> &executions, const QString &now,
                    const GateFacts &gateFacts = {}, int day = 4)
{
    RunbookDocument::Inputs inputs;
    inputs.projectName = QStringLiteral("night");
    inputs.plan = night();
    inputs.state.executions = executions;
    inputs.facts = gateFacts;
    inputs.now = at(now, day);
    const auto document = RunbookDocument::assemble(inputs);
    if (!document)
        qFatal("%s", qPrintable(document.error().toString()));
    return StatusUpdate::of(*document);
}

QStringList ids(const QList<StatusUpdate::Item> &items)
{
    QStringList result;
    for (const StatusUpdate::Item &i : items)
        result.append(i.stepId);
    return result;
}

const StatusUpdate::Issue *issueContaining(const StatusUpdate &u, const QString &text)
{
    for (const StatusUpdate::Issue &i : u.issues)
        if (i.text.contains(text))
            return &i;
    return nullptr;
}

} // namespace

class TestStatusUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void beforeAnyExecutionItIsPlanning()
    {
        const StatusUpdate u = update({}, QStringLiteral("18:00"));
        QCOMPARE(u.status, StatusUpdate::Status::Planning);
        QCOMPARE(u.phase, StatusUpdate::Phase::PreMigration);
        QCOMPARE(u.progressPercent, 0);
        QCOMPARE(u.stepsInCutover, 5); // monitor and the rollback are outside the cutover
        QCOMPARE(ids(u.next), QStringList{QStringLiteral("freeze")});
        QCOMPARE(u.next.first().time, at(QStringLiteral("20:00")));
        QCOMPARE(u.actualDowntimeMinutes, -1);
        QCOMPARE(u.plannedDowntimeMinutes, 300);
        QVERIFY(u.downtimeFromWindow);
        QVERIFY(!u.subject().contains(QLatin1String("Rehearsal")));
    }

    void progressIsTheFinishedStepsShareOfThePlannedMinutes_data()
    {
        QTest::addColumn<QMap<QString, StepState>>("steps");
        QTest::addColumn<int>("percent");
        QTest::addColumn<int>("finished");
        using S = StepStatus;
        QTest::newRow("nothing") << QMap<QString, StepState>{} << 0 << 0;
        QTest::newRow("freeze: 15 of 220")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")}} << 6 << 1;
        QTest::newRow("freeze done, backup skipped: 60 of 220")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")},
                                        {"backup", state(S::Skipped, {}, "20:10")}}
            << 27 << 2;
        QTest::newRow("in progress and failed count nothing")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")},
                                        {"backup", state(S::Failed, "20:10", "20:20")},
                                        {"run", state(S::InProgress, "20:20")}}
            << 6 << 1;
        QTest::newRow("steps outside the cutover count nothing")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")},
                                        {"monitor", state(S::Done, "20:10", "20:20")},
                                        {"rollback", state(S::Done, "20:20", "20:30")}}
            << 6 << 1;
        QTest::newRow("all of the cutover")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")},
                                        {"backup", state(S::Done, "20:10", "20:50")},
                                        {"run", state(S::Done, "20:50", "22:50")},
                                        {"check", state(S::Done, "22:50", "23:20")},
                                        {"go", state(S::Done, "23:20", "23:30")}}
            << 100 << 5;
    }

    void progressIsTheFinishedStepsShareOfThePlannedMinutes()
    {
        QFETCH(Steps, steps);
        QFETCH(int, percent);
        QFETCH(int, finished);
        const StatusUpdate u = update({rehearsal(steps)}, QStringLiteral("23:45"));
        QCOMPARE(u.progressPercent, percent);
        QCOMPARE(u.stepsFinished, finished);
        QCOMPARE(u.stepsInCutover, 5);
    }

    void phaseIsTheFurthestSectionUnderWayOrDone_data()
    {
        QTest::addColumn<QMap<QString, StepState>>("steps");
        QTest::addColumn<StatusUpdate::Phase>("phase");
        using S = StepStatus;
        using P = StatusUpdate::Phase;
        QTest::newRow("nothing started") << QMap<QString, StepState>{} << P::PreMigration;
        QTest::newRow("freeze under way")
            << QMap<QString, StepState>{{"freeze", state(S::InProgress, "20:00")}}
            << P::PreMigration;
        QTest::newRow("backup done, run not started")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")},
                                        {"backup", state(S::Done, "20:10", "20:50")}}
            << P::PreMigration;
        QTest::newRow("run under way") << runUnderWay() << P::Migration;
        QTest::newRow("validation counts as migration")
            << QMap<QString, StepState>{{"check", state(S::InProgress, "20:00")}} << P::Migration;
        QTest::newRow("a skipped step moves nothing")
            << QMap<QString, StepState>{{"run", state(S::Skipped, {}, "20:00")}} << P::PreMigration;
        QTest::newRow("monitoring under way")
            << QMap<QString, StepState>{{"monitor", state(S::InProgress, "20:00")}}
            << P::PostMigration;
        QTest::newRow("every step of the cutover finished")
            << QMap<QString, StepState>{{"freeze", state(S::Done, "20:00", "20:10")},
                                        {"backup", state(S::Skipped, {}, "20:10")},
                                        {"run", state(S::Done, "20:10", "22:00")},
                                        {"check", state(S::Done, "22:00", "22:30")},
                                        {"go", state(S::Done, "22:30", "22:40")}}
            << P::PostMigration;
    }

    void phaseIsTheFurthestSectionUnderWayOrDone()
    {
        QFETCH(Steps, steps);
        QFETCH(StatusUpdate::Phase, phase);
        QCOMPARE(update({rehearsal(steps)}, QStringLiteral("22:45")).phase, phase);
    }

    void inProgressHasItsEtaAndNextStepsTheirScheduledStart()
    {
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("21:30"));
        QCOMPARE(u.status, StatusUpdate::Status::InProgress);
        QCOMPARE(ids(u.completed),
                 (QStringList{QStringLiteral("freeze"), QStringLiteral("backup")}));
        QCOMPARE(u.completed.at(1).time, at(QStringLiteral("21:00")));
        QCOMPARE(ids(u.inProgress), QStringList{QStringLiteral("run")});
        QCOMPARE(u.inProgress.first().time, at(QStringLiteral("23:00"))); // 21:00 + 120 min
        QCOMPARE(u.inProgress.first().owner, QStringLiteral("Engineer"));
        // The check waits only for the run under way; go waits for the check, and the rollback
        // is a contingency.
        QCOMPARE(ids(u.next), QStringList{QStringLiteral("check")});
        QCOMPARE(u.next.first().time, at(QStringLiteral("23:00")));
    }

    void anOverrunningStepMovesItsEta()
    {
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("23:20"));
        QCOMPARE(u.inProgress.first().time, at(QStringLiteral("23:20"))); // not before now
        QCOMPARE(u.next.first().time, at(QStringLiteral("23:20")));
    }

    void completedStepsAreInTheOrderTheyFinished()
    {
        const StatusUpdate u = update(
            {rehearsal({{QStringLiteral("freeze"), state(StepStatus::Done, "20:00", "20:40")},
                        {QStringLiteral("backup"), state(StepStatus::Skipped, {}, "20:05")}})},
            QStringLiteral("21:00"));
        QCOMPARE(ids(u.completed),
                 (QStringList{QStringLiteral("backup"), QStringLiteral("freeze")}));
        QCOMPARE(u.completed.first().status, StepStatus::Skipped);
    }

    void downtimeIsPlannedAgainstTheTimeSinceTheStart()
    {
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("21:30"));
        QCOMPARE(u.plannedDowntimeMinutes, 300);
        QCOMPARE(u.actualDowntimeMinutes, 90);
        QCOMPARE(u.forecastDowntimeMinutes, 220); // on plan: 23:40
        QCOMPARE(u.nextUpdate, at(QStringLiteral("22:30")));
    }

    void downtimeWithoutAWindowIsThePlannedLength()
    {
        RunbookDocument::Inputs inputs;
        inputs.plan = night();
        inputs.plan.windowMinutes = 0;
        inputs.now = at(QStringLiteral("18:00"));
        const StatusUpdate u = StatusUpdate::of(*RunbookDocument::assemble(inputs));
        QCOMPARE(u.plannedDowntimeMinutes, 220);
        QVERIFY(!u.downtimeFromWindow);
    }

    void aCompleteCutoverStopsTheDowntimeAtItsLastStep()
    {
        QMap<QString, StepState> steps = runUnderWay();
        steps[QStringLiteral("run")] = state(StepStatus::Done, "21:00", "22:30");
        steps[QStringLiteral("check")] = state(StepStatus::Done, "22:30", "22:50");
        steps[QStringLiteral("go")] = state(StepStatus::Done, "22:50", "23:00");
        const StatusUpdate u = update({rehearsal(steps)}, QStringLiteral("23:45"));
        QCOMPARE(u.status, StatusUpdate::Status::Complete);
        QCOMPARE(u.progressPercent, 100);
        QCOMPARE(u.actualDowntimeMinutes, 180); // 20:00 to 23:00, not to now
        QCOMPARE(ids(u.next), QStringList{QStringLiteral("monitor")});
    }

    void anEndedExecutionIsMeasuredToItsEnd()
    {
        RunbookExecution e = rehearsal(runUnderWay());
        e.ended = at(QStringLiteral("21:40"));
        const StatusUpdate u = update({e}, QStringLiteral("23:00"));
        QCOMPARE(u.actualDowntimeMinutes, 100);
        QCOMPARE(u.status, StatusUpdate::Status::IssuesEncountered);
        const StatusUpdate::Issue *ended = issueContaining(u, QStringLiteral("ended at"));
        QVERIFY(ended);
        QCOMPARE(ended->severity, Severity::High);
        QVERIFY2(ended->text.contains(QLatin1String("3 of the cutover's steps")),
                 qPrintable(ended->text));
    }

    void aFailedCriticalStepIsAHighIssue()
    {
        QMap<QString, StepState> steps = runUnderWay();
        StepState failed = state(StepStatus::Failed, "21:00", "21:20");
        failed.notes.append({at(QStringLiteral("21:20")), QStringLiteral("bob"),
                             QStringLiteral("disk full on the target")});
        steps[QStringLiteral("run")] = failed;
        const StatusUpdate u = update({rehearsal(steps)}, QStringLiteral("21:30"));
        QCOMPARE(u.status, StatusUpdate::Status::IssuesEncountered);
        QCOMPARE(u.rag, RunbookSchedule::Rag::Red);
        QVERIFY(!u.issues.isEmpty());
        const StatusUpdate::Issue &first = u.issues.first();
        QCOMPARE(first.severity, Severity::High);
        QVERIFY2(
            first.text.contains(QLatin1String("Step run (run) failed: disk full on the target")),
            qPrintable(first.text));
        // Nothing comes next behind the failed run.
        QVERIFY(u.next.isEmpty());
        QVERIFY(StatusUpdateWriter::text(u).contains(
            QLatin1String("Next Steps:\n- none until the issues are resolved\n")));
        // The RAG reason about the same step is not listed again.
        for (const StatusUpdate::Issue &i : u.issues)
            QVERIFY2(!i.text.startsWith(QLatin1String("Step run failed")), qPrintable(i.text));
    }

    void aBlockedStepOffTheCriticalPathIsAMediumIssue()
    {
        QMap<QString, StepState> steps = runUnderWay();
        steps[QStringLiteral("monitor")] = state(StepStatus::Blocked);
        const StatusUpdate u = update({rehearsal(steps)}, QStringLiteral("21:30"));
        const StatusUpdate::Issue *blocked = issueContaining(u, QStringLiteral("is blocked"));
        QVERIFY(blocked);
        QCOMPARE(blocked->severity, Severity::Medium);
        QCOMPARE(u.status, StatusUpdate::Status::IssuesEncountered);
    }

    void aForecastPastTheWindowIsAHighRisk()
    {
        // The run has gone on since 21:00; at 02:00 the day after, the check and go still follow:
        // the end is forecast at 02:40, past the window's 01:00.
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("02:00"), {}, 5);
        QCOMPARE(u.rag, RunbookSchedule::Rag::Red);
        QCOMPARE(u.status, StatusUpdate::Status::IssuesEncountered);
        const StatusUpdate::Issue *window = issueContaining(u, QStringLiteral("past the"));
        QVERIFY(window);
        QCOMPARE(window->severity, Severity::High);
        const StatusUpdate::Issue *late =
            issueContaining(u, QStringLiteral("later than the planned"));
        QVERIFY(late);
        QCOMPARE(late->severity, Severity::Medium);
        QCOMPARE(u.issues.first().severity, Severity::High); // most severe first
    }

    void gateBlockersAreRisksUntilTheGateIsDue()
    {
        const StatusUpdate early = update({rehearsal(runUnderWay())}, QStringLiteral("21:30"));
        const StatusUpdate::Issue *signoff =
            issueContaining(early, QStringLiteral("No sign-off from Director yet"));
        QVERIFY(signoff);
        QCOMPARE(signoff->severity, Severity::Low);
        QVERIFY(signoff->text.startsWith(QLatin1String("Step go: ")));
        QVERIFY(issueContaining(early, QStringLiteral("No reconciliation report yet")));
        // The predecessors the gate waits for are progress, not an issue.
        QVERIFY(!issueContaining(early, QStringLiteral("not done")));

        QMap<QString, StepState> steps = runUnderWay();
        steps[QStringLiteral("run")] = state(StepStatus::Done, "21:00", "22:30");
        steps[QStringLiteral("check")] = state(StepStatus::Done, "22:30", "22:50");
        const StatusUpdate due = update({rehearsal(steps)}, QStringLiteral("23:00"), facts());
        signoff = issueContaining(due, QStringLiteral("No sign-off from Director yet"));
        QVERIFY(signoff);
        QCOMPARE(signoff->severity, Severity::Medium);
        QVERIFY(!issueContaining(due, QStringLiteral("reconciliation report")));
        QCOMPARE(due.status, StatusUpdate::Status::InProgress);
    }

    void aNoGoIsSaidWithWhoDecided()
    {
        QMap<QString, StepState> steps = runUnderWay();
        steps[QStringLiteral("run")] = state(StepStatus::Done, "21:00", "22:30");
        steps[QStringLiteral("check")] = state(StepStatus::Done, "22:30", "22:50");
        steps[QStringLiteral("go")] = state(StepStatus::Failed, "22:50", "23:00");
        RunbookExecution e = rehearsal(steps);
        e.decision = GoNoGo{QStringLiteral("go"), false, QStringLiteral("Dana"),
                            QStringLiteral("counts are off"), at(QStringLiteral("23:00"))};
        const StatusUpdate u = update({e}, QStringLiteral("23:05"));
        QCOMPARE(u.status, StatusUpdate::Status::IssuesEncountered);
        const StatusUpdate::Issue *nogo = issueContaining(u, QStringLiteral("No-go"));
        QVERIFY(nogo);
        QCOMPARE(nogo->severity, Severity::High);
        QCOMPARE(nogo->text,
                 QStringLiteral("No-go decided on Step go (go) by Dana: counts are off"));
    }

    void metricsComeFromTheNewestRunAndReport()
    {
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("21:30"), facts());
        const StatusUpdate::Metrics &m = u.metrics;
        QVERIFY(m.hasRun);
        QCOMPARE(m.rowsLoaded, 990);
        QCOMPARE(m.rowsQuarantined, 10);
        QCOMPARE(m.rowsExpected, 1000);
        QCOMPARE(m.errorRate, 0.01);
        QCOMPARE(m.rowsPerSecond(), 100.0);
        QVERIFY(m.report);
        const QString text = StatusUpdateWriter::text(u);
        QVERIFY2(text.contains(QLatin1String(
                     "- Records migrated: 990 / 1,000 (99.0%) in run 1a2b3c4d (phase wave-1), "
                     "succeeded 21:00 UTC")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("- Performance: 100 rows/s (10.0 s)")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QLatin1String("- Error rate: 1.0% (10 rows quarantined; limit 5.0%)")),
            qPrintable(text));
        QVERIFY2(
            text.contains(QLatin1String("- Reconciliation: Pass - report 9f8e7d6c, 21:05 UTC")),
            qPrintable(text));
    }

    void unreadableFactsAreSaidNotHidden()
    {
        RunbookDocument::Inputs inputs;
        inputs.plan = night();
        inputs.projectName = QStringLiteral("night");
        inputs.factsError = QStringLiteral("could not connect to server");
        inputs.now = at(QStringLiteral("18:00"));
        const StatusUpdate u = StatusUpdate::of(*RunbookDocument::assemble(inputs));
        QVERIFY(StatusUpdateWriter::text(u).contains(
            QLatin1String("Records migrated: unknown: the target cannot be read (could not "
                          "connect to server)")));
    }

    void textFollowsTheTemplate()
    {
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("21:30"), facts());
        const QString text = StatusUpdateWriter::text(u);
        QVERIFY2(text.startsWith(QStringLiteral(
                     "Subject: [MIGRATION-night] Rehearsal Status - 2024-05-04 21:30 UTC\n\n"
                     "Status: In Progress (RAG \u2713 GREEN, on track)\n"
                     "Phase: Migration\n"
                     "Progress: 27% complete (2 of 5 steps of the cutover done)\n")),
                 qPrintable(text));
        qsizetype last = -1;
        for (const char *heading :
             {"Completed:\n- Step freeze - 20:15 UTC\n- Step backup - 21:00 UTC",
              "Currently In Progress:\n- Step run (Engineer) - ETA: 23:00 UTC",
              "Next Steps:\n- Step check (Engineer) - Scheduled: 23:00 UTC", "Metrics:\n",
              "Issues/Risks:\n- Step go: No sign-off from Director yet - Severity: L - Status: "
              "Open",
              "Downtime:\n- Planned: 300 minutes (the 5 h cutover window)\n"
              "- Actual: 90 minutes (1 h 30 min) so far\n"
              "- Forecast: 220 minutes (3 h 40 min)\n",
              "Next Update: 22:30 UTC\n"}) {
            const qsizetype found = text.indexOf(QString::fromUtf8(heading));
            QVERIFY2(found > last, qPrintable(QStringLiteral("%1 not after %2 in:\n%3")
                                                  .arg(QString::fromUtf8(heading))
                                                  .arg(last)
                                                  .arg(text)));
            last = found;
        }
    }

    void timesOnAnotherDayCarryTheirDate()
    {
        const StatusUpdate u = update({rehearsal(runUnderWay())}, QStringLiteral("23:30"));
        // The ETA is 23:30 (now), the next update 00:30 the day after.
        QVERIFY(StatusUpdateWriter::text(u).contains(
            QLatin1String("Next Update: 2024-05-05 00:30 UTC")));
    }
};

QTEST_GUILESS_MAIN(TestStatusUpdate)
#include "tst_statusupdate.moc"
