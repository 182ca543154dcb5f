#include "runbook/RehearsalDurations.h"
#include "runbook/RunbookSchedule.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cutover;

// The runbook's schedule on small hand-made graphs: every expected time below was worked out by
// hand from the durations, on 2024-05-04 (UTC).
namespace {

QDateTime at(const QString &clock)
{
    return QDateTime(QDate(2024, 5, 4), QTime::fromString(clock, QStringLiteral("HH:mm")),
                     QTimeZone::utc());
}

RunbookStep step(const QString &id, int minutes, const QStringList &after = {},
                 RunbookStep::Section section = RunbookStep::Section::Execution)
{
    RunbookStep s;
    s.id = id;
    s.title = QStringLiteral("Step ") + id;
    s.durationMinutes = minutes;
    s.after = after;
    s.section = section;
    return s;
}

RunbookPlan planOf(const QList<RunbookStep> &steps, const QString &start = QStringLiteral("20:00"),
                   int windowMinutes = 0)
{
    RunbookPlan plan;
    plan.steps = steps;
    plan.plannedStart = at(start);
    plan.windowMinutes = windowMinutes;
    return plan;
}

// A -> B -> D and A -> C -> D; A 30, B 20, C 60, D 10 minutes, so A-C-D is critical. Listed out
// of order, so the schedule cannot lean on the plan's order.
RunbookPlan diamond()
{
    return planOf({step(QStringLiteral("D"), 10, {QStringLiteral("B"), QStringLiteral("C")}),
                   step(QStringLiteral("B"), 20, {QStringLiteral("A")}),
                   step(QStringLiteral("A"), 30),
                   step(QStringLiteral("C"), 60, {QStringLiteral("A")})});
}

// backup 60 -> run 120 -> check 30, and notify 10 after backup; from 18:00 in a 4 h window
// (ends 22:00). Planned: backup 18:00-19:00, run 19:00-21:00, check 21:00-21:30, notify
// 19:00-19:10 (slack 140); planned end 21:30, 87.5% of the window.
RunbookPlan cutoverNight()
{
    return planOf({step(QStringLiteral("backup"), 60),
                   step(QStringLiteral("run"), 120, {QStringLiteral("backup")}),
                   step(QStringLiteral("check"), 30, {QStringLiteral("run")}),
                   step(QStringLiteral("notify"), 10, {QStringLiteral("backup")})},
                  QStringLiteral("18:00"), 240);
}

StepStatus statusNamed(const QString &name)
{
    static const QMap<QString, StepStatus> names = {
        {QStringLiteral("pending"), StepStatus::Pending},
        {QStringLiteral("in-progress"), StepStatus::InProgress},
        {QStringLiteral("done"), StepStatus::Done},
        {QStringLiteral("skipped"), StepStatus::Skipped},
        {QStringLiteral("failed"), StepStatus::Failed},
        {QStringLiteral("blocked"), StepStatus::Blocked}};
    if (!names.contains(name))
        qFatal("no status %s", qPrintable(name));
    return names.value(name);
}

// Each of `steps` reads "id status [HH:mm[-HH:mm]]": the status, its start and its finish.
RunbookExecution executionOf(const QString &start, const QStringList &steps,
                             RunbookExecution::Mode mode = RunbookExecution::Mode::Live)
{
    RunbookExecution execution;
    execution.id = QStringLiteral("x-") + start;
    execution.mode = mode;
    execution.started = at(start);
    for (const QString &text : steps) {
        const QStringList parts = text.split(QLatin1Char(' '));
        StepState state;
        state.status = statusNamed(parts.at(1));
        if (parts.size() > 2) {
            const QStringList times = parts.at(2).split(QLatin1Char('-'));
            state.started = at(times.at(0));
            if (times.size() > 1)
                state.finished = at(times.at(1));
        }
        execution.steps.insert(parts.at(0), state);
    }
    return execution;
}

RunbookSchedule scheduled(const RunbookPlan &plan, const RunbookExecution *execution,
                          const QDateTime &now, const QMap<QString, int> &durations = {})
{
    const Result<RunbookSchedule> schedule =
        RunbookSchedule::compute(plan, execution, now, durations);
    if (!schedule)
        qFatal("%s", qPrintable(schedule.error().toString()));
    return *schedule;
}

} // namespace

class TestRunbookSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diamondIsPlannedByTheCriticalPathMethod_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<int>("slack");
        QTest::addColumn<bool>("critical");

        QTest::newRow("A first") << "A"
                                 << "20:00"
                                 << "20:30" << 0 << true;
        // D waits for C until 21:30, so B may end 40 minutes later than 20:50.
        QTest::newRow("B short branch") << "B"
                                        << "20:30"
                                        << "20:50" << 40 << false;
        QTest::newRow("C long branch") << "C"
                                       << "20:30"
                                       << "21:30" << 0 << true;
        QTest::newRow("D after both") << "D"
                                      << "21:30"
                                      << "21:40" << 0 << true;
    }
    void diamondIsPlannedByTheCriticalPathMethod()
    {
        QFETCH(QString, id);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(int, slack);
        QFETCH(bool, critical);

        const RunbookSchedule schedule = scheduled(diamond(), nullptr, at("12:00"));
        const RunbookSchedule::StepTimes *times = schedule.step(id);
        QVERIFY(times);
        QCOMPARE(times->plannedStart, at(start));
        QCOMPARE(times->plannedEnd, at(end));
        QCOMPARE(times->slackMinutes, slack);
        QCOMPARE(times->critical, critical);
        // Without an execution the forecast is the plan.
        QCOMPARE(times->forecastStart, at(start));
        QCOMPARE(times->forecastEnd, at(end));
        QCOMPARE(times->lateMinutes, 0);
        QVERIFY(!times->actualStart.isValid());
    }

    void diamondCriticalPathAndEnd()
    {
        const RunbookSchedule schedule = scheduled(diamond(), nullptr, at("12:00"));
        QCOMPARE(schedule.criticalPath(), QStringList({"A", "C", "D"}));
        QCOMPARE(schedule.anchor(), at("20:00"));
        QCOMPARE(schedule.plannedEnd(), at("21:40"));
        QCOMPARE(schedule.forecastEnd(), at("21:40"));
        QCOMPARE(schedule.plannedMinutes(), 100);
        QVERIFY(!schedule.windowEnd().isValid());
        QCOMPARE(schedule.steps().size(), 4);
        QCOMPARE(schedule.steps().first().id, QStringLiteral("D")); // plan order kept
    }

    void contingencyStaysOutOfTheEndAndTheCriticalPath()
    {
        // prep 30 -> go 0 -> validate 60; rollback 120 after go is a contingency. Window 2 h.
        const RunbookPlan plan =
            planOf({step(QStringLiteral("prep"), 30),
                    step(QStringLiteral("go"), 0, {QStringLiteral("prep")},
                         RunbookStep::Section::Decision),
                    step(QStringLiteral("rollback"), 120, {QStringLiteral("go")},
                         RunbookStep::Section::Rollback),
                    step(QStringLiteral("validate"), 60, {QStringLiteral("go")},
                         RunbookStep::Section::Validation)},
                   QStringLiteral("20:00"), 120);
        const RunbookSchedule schedule = scheduled(plan, nullptr, at("12:00"));

        const RunbookSchedule::StepTimes *rollback = schedule.step(QStringLiteral("rollback"));
        QVERIFY(rollback->outsideCutover);
        QCOMPARE(rollback->plannedStart, at("20:30"));
        QCOMPARE(rollback->plannedEnd, at("22:30"));
        QVERIFY(!rollback->critical);
        QCOMPARE(schedule.plannedEnd(), at("21:30"));
        QCOMPARE(schedule.forecastEnd(), at("21:30"));
        QCOMPARE(schedule.criticalPath(), QStringList({"prep", "go", "validate"}));
        // 22:30 would pass the window; 21:30 leaves it 30 minutes.
        QCOMPARE(schedule.rag(), RunbookSchedule::Rag::Green);
        QCOMPARE(schedule.ragReasons(),
                 QStringList({"The forecast end 21:30 leaves 30 min of the 2 h window (ends 22:00)",
                              "The forecast end 21:30 keeps to the planned end"}));
    }

    void twoIndependentChains()
    {
        // X 60 -> Y 30 (90 minutes) beside P 20 -> Q 20 (40 minutes).
        const RunbookPlan plan =
            planOf({step(QStringLiteral("P"), 20), step(QStringLiteral("X"), 60),
                    step(QStringLiteral("Q"), 20, {QStringLiteral("P")}),
                    step(QStringLiteral("Y"), 30, {QStringLiteral("X")})});
        const RunbookSchedule schedule = scheduled(plan, nullptr, at("12:00"));

        QCOMPARE(schedule.plannedEnd(), at("21:30"));
        QCOMPARE(schedule.criticalPath(), QStringList({"X", "Y"}));
        QCOMPARE(schedule.step(QStringLiteral("X"))->plannedEnd, at("21:00"));
        QCOMPARE(schedule.step(QStringLiteral("Y"))->plannedStart, at("21:00"));
        QCOMPARE(schedule.step(QStringLiteral("P"))->plannedStart, at("20:00"));
        QCOMPARE(schedule.step(QStringLiteral("Q"))->plannedEnd, at("20:40"));
        QCOMPARE(schedule.step(QStringLiteral("P"))->slackMinutes, 50);
        QCOMPARE(schedule.step(QStringLiteral("Q"))->slackMinutes, 50);
    }

    void emptyPlanEndsAtItsStart()
    {
        const RunbookSchedule schedule =
            scheduled(planOf({}, QStringLiteral("18:00"), 60), nullptr, at("12:00"));
        QVERIFY(schedule.steps().isEmpty());
        QCOMPARE(schedule.plannedEnd(), at("18:00"));
        QCOMPARE(schedule.forecastEnd(), at("18:00"));
        QVERIFY(schedule.criticalPath().isEmpty());
        QCOMPARE(schedule.rag(), RunbookSchedule::Rag::Green);
    }

    void stepsWithoutDurationsTakeNoTime()
    {
        const RunbookPlan plan = planOf(
            {step(QStringLiteral("a"), 0), step(QStringLiteral("b"), 0, {QStringLiteral("a")})});
        const RunbookSchedule schedule = scheduled(plan, nullptr, at("12:00"));
        QCOMPARE(schedule.step(QStringLiteral("b"))->plannedStart, at("20:00"));
        QCOMPARE(schedule.step(QStringLiteral("b"))->plannedEnd, at("20:00"));
        QCOMPARE(schedule.plannedEnd(), at("20:00"));
        QCOMPARE(schedule.criticalPath(), QStringList({"a", "b"}));
    }

    void anchor_data()
    {
        QTest::addColumn<bool>("planned");
        QTest::addColumn<bool>("executed");
        QTest::addColumn<QString>("anchor");

        // The plan starts 18:00, the execution 19:15, now is 12:00.
        QTest::newRow("execution start rebaselines") << true << true << "19:15";
        QTest::newRow("plan start without execution") << true << false << "18:00";
        QTest::newRow("now without either") << false << false << "12:00";
    }
    void anchor()
    {
        QFETCH(bool, planned);
        QFETCH(bool, executed);
        QFETCH(QString, anchor);

        RunbookPlan plan = cutoverNight();
        if (!planned)
            plan.plannedStart = QDateTime();
        const RunbookExecution execution = executionOf(QStringLiteral("19:15"), {});
        const RunbookSchedule schedule =
            scheduled(plan, executed ? &execution : nullptr, at("12:00"));

        const QDateTime start = at(anchor);
        QCOMPARE(schedule.anchor(), start);
        QCOMPARE(schedule.step(QStringLiteral("backup"))->plannedStart, start);
        QCOMPARE(schedule.step(QStringLiteral("run"))->plannedStart, start.addSecs(60 * 60));
        QCOMPARE(schedule.plannedEnd(), start.addSecs(210 * 60));
        QCOMPARE(schedule.windowEnd(), start.addSecs(240 * 60));
    }

    void rebaselinedTimesOfALateStart()
    {
        // Planned for 18:00, started 19:15: backup 19:15-20:15, run 20:15-22:15, check
        // 22:15-22:45, window until 23:15.
        const RunbookExecution execution = executionOf(QStringLiteral("19:15"), {});
        const RunbookSchedule schedule = scheduled(cutoverNight(), &execution, at("19:15"));
        QCOMPARE(schedule.step(QStringLiteral("run"))->plannedStart, at("20:15"));
        QCOMPARE(schedule.step(QStringLiteral("run"))->plannedEnd, at("22:15"));
        QCOMPARE(schedule.plannedEnd(), at("22:45"));
        QCOMPARE(schedule.forecastEnd(), at("22:45"));
        QCOMPARE(schedule.windowEnd(), at("23:15"));
        QCOMPARE(schedule.rag(), RunbookSchedule::Rag::Green);
    }

    void forecast_data()
    {
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QStringList>("expected"); // "id start-end late"
        QTest::addColumn<QString>("end");

        // A ends 15 minutes late: C starts at 20:45 and ends 21:45, B waits for now (21:00),
        // D follows C to 21:45-21:55.
        QTest::newRow("done late pushes successors")
            << QStringList{"A done 20:00-20:45", "C in-progress 20:45"} << "21:00"
            << QStringList{"A 20:00-20:45 15", "B 21:00-21:20 30", "C 20:45-21:45 15",
                           "D 21:45-21:55 15"}
            << "21:55";
        // C was due at 21:30 and still runs at 21:50: it ends no earlier than now.
        QTest::newRow("in progress past its duration")
            << QStringList{"A done 20:00-20:30", "B done 20:30-20:50", "C in-progress 20:30"}
            << "21:50"
            << QStringList{"A 20:00-20:30 0", "B 20:30-20:50 0", "C 20:30-21:50 20",
                           "D 21:50-22:00 20"}
            << "22:00";
        // A and C finished early: D may start before its planned 21:30.
        QTest::newRow("early finish pulls the end in")
            << QStringList{"A done 20:00-20:20", "B done 20:20-20:40", "C done 20:20-21:00"}
            << "21:00"
            << QStringList{"A 20:00-20:20 -10", "B 20:20-20:40 -10", "C 20:20-21:00 -30",
                           "D 21:00-21:10 -30"}
            << "21:10";
        // Nothing started yet at 20:10: everything waits for now.
        QTest::newRow("pending steps wait for now")
            << QStringList{} << "20:10"
            << QStringList{"A 20:10-20:40 10", "B 20:40-21:00 10", "C 20:40-21:40 10",
                           "D 21:40-21:50 10"}
            << "21:50";
    }
    void forecast()
    {
        QFETCH(QStringList, states);
        QFETCH(QString, now);
        QFETCH(QStringList, expected);
        QFETCH(QString, end);

        const RunbookExecution execution = executionOf(QStringLiteral("20:00"), states);
        const RunbookSchedule schedule = scheduled(diamond(), &execution, at(now));
        for (const QString &line : expected) {
            const QStringList parts = line.split(QLatin1Char(' '));
            const QStringList times = parts.at(1).split(QLatin1Char('-'));
            const RunbookSchedule::StepTimes *stepTimes = schedule.step(parts.at(0));
            QVERIFY2(stepTimes, qPrintable(line));
            QCOMPARE(stepTimes->forecastStart, at(times.at(0)));
            QCOMPARE(stepTimes->forecastEnd, at(times.at(1)));
            QCOMPARE(stepTimes->lateMinutes, parts.at(2).toInt());
        }
        QCOMPARE(schedule.forecastEnd(), at(end));
        QCOMPARE(schedule.plannedEnd(), at("21:40"));
    }

    void actualTimesAreReported()
    {
        const RunbookExecution execution =
            executionOf(QStringLiteral("20:00"), {"A done 20:00-20:45", "C in-progress 20:45"});
        const RunbookSchedule schedule = scheduled(diamond(), &execution, at("21:00"));
        const RunbookSchedule::StepTimes *a = schedule.step(QStringLiteral("A"));
        QCOMPARE(a->status, StepStatus::Done);
        QCOMPARE(a->actualStart, at("20:00"));
        QCOMPARE(a->actualEnd, at("20:45"));
        const RunbookSchedule::StepTimes *c = schedule.step(QStringLiteral("C"));
        QCOMPARE(c->status, StepStatus::InProgress);
        QCOMPARE(c->actualStart, at("20:45"));
        QVERIFY(!c->actualEnd.isValid());
        QVERIFY(!schedule.step(QStringLiteral("B"))->actualStart.isValid());
    }

    void closedExecutionDoesNotWaitForNow()
    {
        // A rehearsal that ended after A: B, C and D follow A's actual end, not the present.
        RunbookExecution execution = executionOf(QStringLiteral("20:00"), {"A done 20:00-20:30"});
        execution.ended = at("20:30");
        const RunbookSchedule schedule = scheduled(diamond(), &execution, at("23:00"));
        QCOMPARE(schedule.step(QStringLiteral("C"))->forecastStart, at("20:30"));
        QCOMPARE(schedule.forecastEnd(), at("21:40"));
    }

    void rag_data()
    {
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("rag");
        QTest::addColumn<QStringList>("reasons");

        QTest::newRow("green on plan")
            << QStringList{"backup done 18:00-19:00", "run in-progress 19:00"} << "20:00"
            << "green"
            << QStringList{"The forecast end 21:30 leaves 30 min of the 4 h window (ends 22:00)",
                           "The forecast end 21:30 keeps to the planned end"};
        QTest::newRow("green ahead of plan")
            << QStringList{"backup done 18:00-18:40", "run in-progress 18:40"} << "19:00"
            << "green"
            << QStringList{"The forecast end 21:10 leaves 50 min of the 4 h window (ends 22:00)",
                           "The forecast end 21:10 is 20 min ahead of the planned end 21:30"};
        // 21:35 is 215 of 240 minutes: under 90%, yet later than planned.
        QTest::newRow("amber later than planned")
            << QStringList{"backup done 18:00-19:05", "run in-progress 19:05"} << "20:00"
            << "amber"
            << QStringList{"The forecast end 21:35 is 5 min later than the planned end 21:30"};
        // 21:40 is 220 of 240 minutes: 91.7%.
        QTest::newRow("amber most of the window")
            << QStringList{"backup done 18:00-19:10", "run in-progress 19:10"} << "20:00"
            << "amber"
            << QStringList{"The forecast end 21:40 uses 92% of the 4 h window (ends 22:00)",
                           "The forecast end 21:40 is 10 min later than the planned end 21:30"};
        QTest::newRow("amber failed off the critical path")
            << QStringList{"backup done 18:00-19:00", "notify failed 19:00-19:05",
                           "run in-progress 19:00"}
            << "20:00"
            << "amber" << QStringList{"Step notify failed, off the critical path"};
        QTest::newRow("amber blocked off the critical path")
            << QStringList{"backup done 18:00-19:00", "notify blocked", "run in-progress 19:00"}
            << "20:00"
            << "amber" << QStringList{"Step notify is blocked, off the critical path"};
        // run should have ended at 21:00 and still runs at 21:40: check ends 22:10.
        QTest::newRow("red past the window")
            << QStringList{"backup done 18:00-19:00", "run in-progress 19:00"} << "21:40"
            << "red"
            << QStringList{"The forecast end 22:10 is 10 min past the 4 h window (ends 22:00)",
                           "The forecast end 22:10 is 40 min later than the planned end 21:30"};
        QTest::newRow("red failed on the critical path")
            << QStringList{"backup done 18:00-19:00", "run failed 19:00-19:30"} << "19:30"
            << "red" << QStringList{"Step run failed and is on the critical path"};
        QTest::newRow("red blocked on the critical path")
            << QStringList{"backup done 18:00-19:00", "run done 19:00-21:00", "check blocked"}
            << "21:00"
            << "red" << QStringList{"Step check is blocked and is on the critical path"};
    }
    void rag()
    {
        QFETCH(QStringList, states);
        QFETCH(QString, now);
        QFETCH(QString, rag);
        QFETCH(QStringList, reasons);

        const RunbookExecution execution = executionOf(QStringLiteral("18:00"), states);
        const RunbookSchedule schedule = scheduled(cutoverNight(), &execution, at(now));
        QCOMPARE(schedule.ragReasons(), reasons);
        QCOMPARE(RunbookSchedule::ragName(schedule.rag()), rag);
    }

    void windowCrossingMidnightShowsTheDate()
    {
        // From 22:00 a 4 h window ends 02:00 the next day; backup alone runs to 02:30.
        const RunbookPlan plan =
            planOf({step(QStringLiteral("backup"), 270)}, QStringLiteral("22:00"), 240);
        const RunbookSchedule schedule = scheduled(plan, nullptr, at("12:00"));
        QCOMPARE(schedule.rag(), RunbookSchedule::Rag::Red);
        QCOMPARE(schedule.ragReasons().first(),
                 QStringLiteral("The forecast end 2024-05-05 02:30 is 30 min past the 4 h "
                                "window (ends 2024-05-05 02:00)"));
    }

    void cycleIsAnErrorNotAHang()
    {
        const RunbookPlan plan = planOf({step(QStringLiteral("a"), 10, {QStringLiteral("c")}),
                                         step(QStringLiteral("b"), 10, {QStringLiteral("a")}),
                                         step(QStringLiteral("c"), 10, {QStringLiteral("b")}),
                                         step(QStringLiteral("d"), 10, {QStringLiteral("c")}),
                                         step(QStringLiteral("e"), 10)});
        QElapsedTimer timer;
        timer.start();
        const Result<RunbookSchedule> schedule =
            RunbookSchedule::compute(plan, nullptr, at("12:00"));
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!schedule);
        QCOMPARE(schedule.error().code(), Error::Code::Validation);
        QVERIFY2(schedule.error().message().endsWith(QStringLiteral("never start: a, b, c, d")),
                 qPrintable(schedule.error().message()));
    }

    void durationOverridesReplaceThePlannedDurations()
    {
        // C from its rehearsals takes 20 minutes instead of 60: B-D becomes the longer branch.
        const RunbookSchedule schedule =
            scheduled(diamond(), nullptr, at("12:00"), {{QStringLiteral("C"), 20}});
        QCOMPARE(schedule.step(QStringLiteral("C"))->durationMinutes, 20);
        QCOMPARE(schedule.step(QStringLiteral("C"))->plannedEnd, at("20:50"));
        QCOMPARE(schedule.plannedEnd(), at("21:00"));
        QCOMPARE(schedule.step(QStringLiteral("D"))->plannedStart, at("20:50"));
        // B (20) and C (20) now tie.
        QCOMPARE(schedule.criticalPath(), QStringList({"A", "B", "C", "D"}));
    }

    void rehearsalMedian_data()
    {
        QTest::addColumn<QStringList>("executions"); // oldest first: "mode status minutes"
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("median"); // -1: none

        // The newest three are 35, 40, 30; the oldest 50 is left out.
        QTest::newRow("odd count of the last three")
            << QStringList{"rehearsal done 50", "rehearsal done 30", "rehearsal done 40",
                           "rehearsal done 35"}
            << 3 << 35;
        QTest::newRow("even count takes the middle two")
            << QStringList{"rehearsal done 50", "rehearsal done 20", "rehearsal done 40"} << 2
            << 30;
        QTest::newRow("even count rounds the half minute up")
            << QStringList{"rehearsal done 10", "rehearsal done 15"} << 2 << 13;
        // Newest first: failed, 30, skipped, 20, 10: the three done ones are 30, 20, 10.
        QTest::newRow("skipped and failed ignored")
            << QStringList{"rehearsal done 10", "rehearsal done 20", "rehearsal skipped 0",
                           "rehearsal done 30", "rehearsal failed 5"}
            << 3 << 20;
        QTest::newRow("live runs are no rehearsals")
            << QStringList{"rehearsal done 30", "live done 90"} << 3 << 30;
        QTest::newRow("never done") << QStringList{"rehearsal skipped 0"} << 3 << -1;
        QTest::newRow("never rehearsed") << QStringList{} << 3 << -1;
    }
    void rehearsalMedian()
    {
        QFETCH(QStringList, executions);
        QFETCH(int, count);
        QFETCH(int, median);

        RunbookState state;
        for (const QString &text : executions) {
            const QStringList parts = text.split(QLatin1Char(' '));
            const auto mode = parts.at(0) == QStringLiteral("live")
                                  ? RunbookExecution::Mode::Live
                                  : RunbookExecution::Mode::Rehearsal;
            const QString end = at("20:00").addSecs(60 * parts.at(2).toInt()).toString("HH:mm");
            state.executions.append(
                executionOf(QStringLiteral("20:00"),
                            {QStringLiteral("load %1 20:00-%2").arg(parts.at(1), end)}, mode));
        }
        const std::optional<int> result =
            RehearsalDurations::median(state, QStringLiteral("load"), count);
        QCOMPARE(result.value_or(-1), median);
    }

    void rehearsalMedianPlansMarkedSteps()
    {
        RunbookPlan plan = planOf({step(QStringLiteral("load"), 60),
                                   step(QStringLiteral("verify"), 20, {QStringLiteral("load")}),
                                   step(QStringLiteral("notify"), 5)});
        plan.steps[0].durationFromRehearsals = true;
        plan.steps[2].durationFromRehearsals = true; // never rehearsed: keeps its 5 minutes
        RunbookState state;
        state.executions = {executionOf(QStringLiteral("20:00"),
                                        {"load done 20:00-20:40", "verify done 20:40-21:10"},
                                        RunbookExecution::Mode::Rehearsal),
                            executionOf(QStringLiteral("20:00"),
                                        {"load done 20:00-20:30", "verify done 20:30-20:45"},
                                        RunbookExecution::Mode::Rehearsal)};

        const QMap<QString, int> durations = RehearsalDurations::forPlan(plan, state);
        QCOMPARE(durations, (QMap<QString, int>{{QStringLiteral("load"), 35}}));
        const RunbookSchedule schedule = scheduled(plan, nullptr, at("12:00"), durations);
        QCOMPARE(schedule.step(QStringLiteral("load"))->plannedEnd, at("20:35"));
        QCOMPARE(schedule.plannedEnd(), at("20:55"));
    }

    void rehearsalsSideBySide()
    {
        RunbookPlan plan = planOf({step(QStringLiteral("load"), 60),
                                   step(QStringLiteral("verify"), 20, {QStringLiteral("load")})});
        RunbookState state;
        state.executions = {
            executionOf(QStringLiteral("19:00"),
                        {"load done 19:00-19:40", "verify done 19:40-19:50"},
                        RunbookExecution::Mode::Rehearsal),
            executionOf(QStringLiteral("20:00"), {"load done 20:00-20:30", "verify skipped"},
                        RunbookExecution::Mode::Rehearsal),
            executionOf(QStringLiteral("21:00"), {"load done 21:00-23:00"})}; // live
        state.executions[1].steps[QStringLiteral("verify")].finished = at("20:30");

        const RehearsalDurations::Comparison all = RehearsalDurations::compare(plan, state, 0);
        QCOMPARE(all.rehearsals.size(), 2);
        QCOMPARE(all.rehearsals.at(0).started, at("20:00")); // newest first
        QCOMPARE(all.rehearsals.at(1).started, at("19:00"));
        QCOMPARE(all.rows.size(), 2);

        const RehearsalDurations::Row &load = all.rows.at(0);
        QCOMPARE(load.stepId, QStringLiteral("load"));
        QCOMPARE(load.plannedMinutes, 60);
        QCOMPARE(load.cells.at(0).minutes, std::optional<int>(30));
        QCOMPARE(load.cells.at(1).minutes, std::optional<int>(40));
        QCOMPARE(load.median, std::optional<int>(35));

        const RehearsalDurations::Row &verify = all.rows.at(1);
        QCOMPARE(verify.cells.at(0).status, StepStatus::Skipped);
        QVERIFY(!verify.cells.at(0).minutes);
        QCOMPARE(verify.cells.at(1).status, StepStatus::Done);
        QCOMPARE(verify.cells.at(1).minutes, std::optional<int>(10));
        QCOMPARE(verify.median, std::optional<int>(10));

        const RehearsalDurations::Comparison newest = RehearsalDurations::compare(plan, state, 1);
        QCOMPARE(newest.rehearsals.size(), 1);
        QCOMPARE(newest.rows.at(0).cells.size(), 1);
        QCOMPARE(newest.rows.at(0).cells.at(0).minutes, std::optional<int>(30));
    }
};

QTEST_GUILESS_MAIN(TestRunbookSchedule)
#include "tst_runbookschedule.moc"
