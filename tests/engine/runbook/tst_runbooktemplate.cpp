#include "VerifyOk.h"
#include "core/JsonReadError.h"
#include "demo/DemoProjectBuilder.h"
#include "project/RunbookJson.h"
#include "project/RunbookVocabulary.h"
#include "runbook/RunbookTemplate.h"

#include <QMap>
#include <QSet>
#include <QTest>

using namespace cutover;

using Section = RunbookStep::Section;
using Action = RunbookStep::Action;

namespace {

Project demoProject()
{
    return DemoProjectBuilder::build(500, 42);
}

QSet<Section> sectionsOf(const RunbookPlan &plan)
{
    QSet<Section> sections;
    for (const RunbookStep &s : plan.steps)
        sections.insert(s.section);
    return sections;
}

QList<const RunbookStep *> stepsWith(const RunbookPlan &plan, Action action)
{
    QList<const RunbookStep *> found;
    for (const RunbookStep &s : plan.steps)
        if (s.action == action)
            found.append(&s);
    return found;
}

// Every step the given one waits for, directly or not.
QSet<QString> ancestors(const RunbookPlan &plan, const QString &id)
{
    QSet<QString> seen;
    QStringList todo = plan.step(id)->after;
    while (!todo.isEmpty()) {
        const QString next = todo.takeLast();
        if (seen.contains(next))
            continue;
        seen.insert(next);
        todo.append(plan.step(next)->after);
    }
    return seen;
}

QString checkStepsMessage(const RunbookPlan &plan)
{
    try {
        RunbookJson::checkSteps(plan);
    } catch (const JsonReadError &e) {
        return e.path + QStringLiteral(": ") + e.message;
    }
    return {};
}

} // namespace

// The runbook templates on the demo project: each strategy's sections, one run per phase for
// Phased, the go/no-go gate and its sign-offs, rollback only as a contingency after it, a graph
// of steps the project file accepts, and a JSON round trip that changes nothing.
class TestRunbookTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sections_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<bool>("incrementalSync");
        QTest::addColumn<QStringList>("ids"); // steps particular to the strategy

        QTest::newRow("big-bang") << QStringLiteral("big-bang") << false
                                  << QStringList{"stop-source", "run-all"};
        QTest::newRow("phased") << QStringLiteral("phased") << false
                                << QStringList{"run-reference-data", "reconcile-reference-data",
                                               "run-wave-1",         "reconcile-wave-1",
                                               "run-wave-2",         "reconcile-wave-2"};
        QTest::newRow("parallel-run")
            << QStringLiteral("parallel-run") << true
            << QStringList{"initial-load", "dual-writes", "incremental-sync", "shift-reads",
                           "final-sync"};
        QTest::newRow("blue-green")
            << QStringLiteral("blue-green") << true
            << QStringList{"build-green", "load-green", "sync-green", "final-sync"};
    }

    void sections()
    {
        QFETCH(QString, strategy);
        QFETCH(bool, incrementalSync);
        QFETCH(QStringList, ids);
        auto plan = RunbookTemplate::generate(strategy, demoProject());
        VERIFY_OK(plan);
        QCOMPARE(plan->strategy, strategy);

        QSet<Section> expected = {Section::PreMigration, Section::Execution,  Section::Validation,
                                  Section::Decision,     Section::Monitoring, Section::Rollback,
                                  Section::Decommission};
        if (incrementalSync)
            expected.insert(Section::IncrementalSync);
        QCOMPARE(sectionsOf(*plan), expected);

        const QStringList common = {"change-freeze",   "stakeholders-notified", "monitoring-ready",
                                    "support-briefed", "backup-verified",       "rollback-tested",
                                    "dry-run",         "reconcile-all",         "acceptance-tests",
                                    "go-no-go",        "execute-cutover",       "monitor-hour-1",
                                    "monitor-day-1",   "monitor-week-1",        "rollback-decision",
                                    "rollback",        "rollback-verified",     "decommission-old",
                                    "lessons-learned"};
        for (const QString &id : common + ids)
            QVERIFY2(plan->step(id), qPrintable(id));

        QCOMPARE(plan->step(QStringLiteral("backup-verified"))->action, Action::Backup);
        QCOMPARE(plan->step(QStringLiteral("dry-run"))->action, Action::DryRun);
        QCOMPARE(plan->step(QStringLiteral("reconcile-all"))->action, Action::Reconcile);
        QCOMPARE(plan->step(QStringLiteral("reconcile-all"))->section, Section::Validation);
        for (const RunbookStep *sync : stepsWith(*plan, Action::IncrementalSync))
            QVERIFY(sync->section == Section::IncrementalSync || sync->id == "final-sync");
        if (incrementalSync)
            QVERIFY(!stepsWith(*plan, Action::IncrementalSync).isEmpty());

        QCOMPARE(plan->step(QStringLiteral("monitor-hour-1"))->title,
                 QStringLiteral("Hour 1: check every 15 minutes"));
        QCOMPARE(plan->step(QStringLiteral("monitor-day-1"))->title,
                 QStringLiteral("Hours 2-24: check every hour"));
        QCOMPARE(plan->step(QStringLiteral("monitor-week-1"))->title,
                 QStringLiteral("Days 2-7: check daily"));
        for (const RunbookStep &s : plan->steps) {
            QVERIFY2(!s.title.isEmpty() && !s.description.isEmpty(), qPrintable(s.id));
            QVERIFY2(!s.owner.role.isEmpty(), qPrintable(s.id));
            QVERIFY2(s.durationMinutes > 0, qPrintable(s.id));
            QCOMPARE(RunbookTemplate::kebab(s.id), s.id);
        }
    }

    void graphIsConsistent_data() { strategies(); }

    void graphIsConsistent()
    {
        QFETCH(QString, strategy);
        auto plan = RunbookTemplate::generate(strategy, demoProject());
        VERIFY_OK(plan);
        QCOMPARE(checkStepsMessage(*plan), QString());
        QCOMPARE(plan->steps.first().after, QStringList());

        // Not a chain: the freeze lets notifying and monitoring go on side by side.
        QCOMPARE(plan->step(QStringLiteral("stakeholders-notified"))->after,
                 QStringList{"change-freeze"});
        QCOMPARE(plan->step(QStringLiteral("monitoring-ready"))->after,
                 QStringList{"change-freeze"});
        QMap<QString, int> successors;
        for (const RunbookStep &s : plan->steps)
            for (const QString &before : s.after)
                ++successors[before];
        QVERIFY(successors.value(QStringLiteral("change-freeze")) >= 2);

        // Every step but the first waits for something; everything ends up after the freeze.
        for (const RunbookStep &s : plan->steps.mid(1)) {
            QVERIFY2(!s.after.isEmpty(), qPrintable(s.id));
            QVERIFY2(ancestors(*plan, s.id).contains(QStringLiteral("change-freeze")),
                     qPrintable(s.id));
        }
        // Execution waits for the whole checklist.
        const QSet<QString> beforeGate = ancestors(*plan, QStringLiteral("go-no-go"));
        for (const RunbookStep &s : plan->steps)
            if (s.section == Section::PreMigration || s.section == Section::Execution)
                QVERIFY2(beforeGate.contains(s.id), qPrintable(s.id));
    }

    void gateNeedsSignoffs_data() { strategies(); }

    void gateNeedsSignoffs()
    {
        QFETCH(QString, strategy);
        auto plan = RunbookTemplate::generate(strategy, demoProject());
        VERIFY_OK(plan);
        QList<const RunbookStep *> gates;
        for (const RunbookStep &s : plan->steps)
            if (s.gate.enabled)
                gates.append(&s);
        QCOMPARE(gates.size(), 1);
        const RunbookStep &gate = *gates.first();
        QCOMPARE(gate.id, QStringLiteral("go-no-go"));
        QCOMPARE(gate.section, Section::Decision);
        QVERIFY(gate.gate.passReport);
        QCOMPARE(gate.gate.signoffs, (QStringList{"Data owner", "Migration lead"}));
        QVERIFY(gate.after.contains(QStringLiteral("reconcile-all")));
        // The cutover itself comes after the decision.
        QVERIFY(ancestors(*plan, QStringLiteral("execute-cutover")).contains(gate.id));
        QVERIFY(ancestors(*plan, QStringLiteral("monitor-hour-1"))
                    .contains(QStringLiteral("execute-cutover")));
    }

    void rollbackIsContingency_data() { strategies(); }

    void rollbackIsContingency()
    {
        QFETCH(QString, strategy);
        auto plan = RunbookTemplate::generate(strategy, demoProject());
        VERIFY_OK(plan);
        const QList<const RunbookStep *> rollbacks = stepsWith(*plan, Action::Rollback);
        QCOMPARE(rollbacks.size(), 1);
        QVERIFY(rollbacks.first()->isContingency());
        int contingencies = 0;
        for (const RunbookStep &s : plan->steps) {
            if (s.isContingency()) {
                ++contingencies;
                QVERIFY2(ancestors(*plan, s.id).contains(QStringLiteral("go-no-go")),
                         qPrintable(s.id));
                continue;
            }
            for (const QString &before : s.after)
                QVERIFY2(!plan->step(before)->isContingency(), qPrintable(s.id));
        }
        QCOMPARE(contingencies, 3);
        const QString triggers = plan->step(QStringLiteral("rollback-decision"))->description;
        for (const char *part :
             {"Automatic triggers: data loss detected", "security concern", "under 1 hour",
              "1-24 hours", "over 24 hours", "likely a forward fix"})
            QVERIFY2(triggers.contains(QLatin1String(part)), part);
    }

    void jsonRoundTrip_data() { strategies(); }

    void jsonRoundTrip()
    {
        QFETCH(QString, strategy);
        AdvisorAnswers answers;
        answers.downtimeMinutes = 240;
        answers.rehearsalMinutes = 37.5;
        auto plan = RunbookTemplate::generate(strategy, demoProject(), answers);
        VERIFY_OK(plan);
        RunbookPlan read;
        try {
            read = RunbookJson::readPlan(RunbookJson::planJson(*plan));
        } catch (const JsonReadError &e) {
            QFAIL(qPrintable(e.path + QStringLiteral(": ") + e.message));
        }
        QCOMPARE(read.steps.size(), plan->steps.size());
        for (qsizetype i = 0; i < read.steps.size(); ++i)
            QVERIFY2(read.steps[i] == plan->steps[i], qPrintable(plan->steps[i].id));
        QVERIFY(read == *plan);
    }

    void phasedRunsEachPhaseThenReconciles()
    {
        const Project project = demoProject();
        auto plan = RunbookTemplate::generate(QStringLiteral("phased"), project);
        VERIFY_OK(plan);
        const QList<const RunbookStep *> runs = stepsWith(*plan, Action::Run);
        QCOMPARE(runs.size(), project.phases.size());
        QString previousReconcile;
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const RunbookStep &run = *runs[i];
            QCOMPARE(run.phase, project.phases[i].name);
            QCOMPARE(run.section, Section::Execution);
            QVERIFY(run.durationFromRehearsals);
            const qsizetype at = plan->steps.indexOf(run);
            const RunbookStep &next = plan->steps[at + 1];
            QCOMPARE(next.action, Action::Reconcile);
            QCOMPARE(next.after, QStringList{run.id});
            if (!previousReconcile.isEmpty())
                QCOMPARE(run.after, QStringList{previousReconcile});
            previousReconcile = next.id;
        }
        QCOMPARE(plan->step(QStringLiteral("reconcile-all"))->after,
                 QStringList{QStringLiteral("reconcile-wave-2")});
    }

    void otherStrategiesRunEverything_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("run");
        QTest::newRow("big-bang") << QStringLiteral("big-bang") << QStringLiteral("run-all");
        QTest::newRow("parallel-run")
            << QStringLiteral("parallel-run") << QStringLiteral("initial-load");
        QTest::newRow("blue-green") << QStringLiteral("blue-green") << QStringLiteral("load-green");
    }

    void otherStrategiesRunEverything()
    {
        QFETCH(QString, strategy);
        QFETCH(QString, run);
        auto plan = RunbookTemplate::generate(strategy, demoProject());
        VERIFY_OK(plan);
        const QList<const RunbookStep *> runs = stepsWith(*plan, Action::Run);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first()->id, run);
        QVERIFY(runs.first()->phase.isEmpty());
    }

    void blueGreenSwitchesAndTearsDown()
    {
        auto plan = RunbookTemplate::generate(QStringLiteral("blue-green"), demoProject());
        VERIFY_OK(plan);
        QCOMPARE(plan->step(QStringLiteral("execute-cutover"))->title,
                 QStringLiteral("Switch traffic to green"));
        QVERIFY(
            plan->step(QStringLiteral("decommission-old"))->title.contains(QLatin1String("blue")));
        QVERIFY(
            plan->step(QStringLiteral("rollback"))->description.contains(QLatin1String("blue")));
    }

    void durationsFromTheAnswers_data()
    {
        QTest::addColumn<double>("rehearsal");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<int>("load");
        QTest::newRow("last rehearsal") << 89.2 << qint64(50'000'000) << 90;
        QTest::newRow("row count") << -1.0 << qint64(3'000'000) << 10;
        QTest::newRow("few rows") << -1.0 << qint64(1'000) << RunbookTemplate::kMinimumLoadMinutes;
        QTest::newRow("nothing known")
            << -1.0 << qint64(-1) << RunbookTemplate::kDefaultLoadMinutes;
    }

    void durationsFromTheAnswers()
    {
        QFETCH(double, rehearsal);
        QFETCH(qint64, rows);
        QFETCH(int, load);
        AdvisorAnswers answers;
        answers.rehearsalMinutes = rehearsal;
        answers.rows = rows;
        QCOMPARE(RunbookTemplate::loadMinutes(answers), load);
        auto bigBang =
            RunbookTemplate::generate(QStringLiteral("big-bang"), demoProject(), answers);
        VERIFY_OK(bigBang);
        QCOMPARE(bigBang->step(QStringLiteral("run-all"))->durationMinutes, load);
        QCOMPARE(bigBang->step(QStringLiteral("dry-run"))->durationMinutes, load);

        // Phases share the load by the tables they move: 1, 4 and 4 of the demo's.
        auto phased = RunbookTemplate::generate(QStringLiteral("phased"), demoProject(), answers);
        VERIFY_OK(phased);
        int phases = 0;
        for (const RunbookStep *run : stepsWith(*phased, Action::Run))
            phases += run->durationMinutes;
        QVERIFY2(qAbs(phases - load) <= 2, qPrintable(QString::number(phases)));
        QVERIFY(phased->step(QStringLiteral("run-wave-1"))->durationMinutes >
                phased->step(QStringLiteral("run-reference-data"))->durationMinutes);
    }

    void windowFromTheDowntime()
    {
        AdvisorAnswers answers;
        const QList<std::pair<int, int>> downtimeToWindow = {{240, 240}, {0, 0}, {-1, 0}};
        for (const auto &[downtime, window] : downtimeToWindow) {
            answers.downtimeMinutes = downtime;
            auto plan =
                RunbookTemplate::generate(QStringLiteral("big-bang"), demoProject(), answers);
            VERIFY_OK(plan);
            QCOMPARE(plan->windowMinutes, window);
        }
        Project project = demoProject();
        project.advisor.answers.downtimeMinutes = 90; // the project's answers by default
        auto plan = RunbookTemplate::generate(QStringLiteral("phased"), project);
        VERIFY_OK(plan);
        QCOMPARE(plan->windowMinutes, 90);
    }

    void refusesWhatItCannotPlan()
    {
        auto unknown = RunbookTemplate::generate(QStringLiteral("waterfall"), demoProject());
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code(), Error::Code::Usage);
        QVERIFY(unknown.error().hint().contains(QLatin1String("big-bang, phased, parallel-run")));

        Project noPhases = demoProject();
        noPhases.phases.clear();
        auto phased = RunbookTemplate::generate(QStringLiteral("phased"), noPhases);
        QVERIFY(!phased.ok());
        QVERIFY(phased.error().message().contains(QLatin1String("no phases")));
        QVERIFY(phased.error().hint().contains(QLatin1String("add phases")));
        VERIFY_OK(RunbookTemplate::generate(QStringLiteral("big-bang"), noPhases));
    }

    void phaseIdsAreKebabAndUnique()
    {
        QCOMPARE(RunbookTemplate::kebab(QStringLiteral("Wave 1 (Berlin)")),
                 QStringLiteral("wave-1-berlin"));
        QCOMPARE(RunbookTemplate::kebab(QStringLiteral("  --A__b--  ")), QStringLiteral("a-b"));
        Project project = demoProject();
        project.phases = {{QStringLiteral("A b"), {}, {}, {}},
                          {QStringLiteral("a-b"), {}, {}, {}},
                          {QStringLiteral("***"), {}, {}, {}}};
        auto plan = RunbookTemplate::generate(QStringLiteral("phased"), project);
        VERIFY_OK(plan);
        QVERIFY(plan->step(QStringLiteral("run-a-b")));
        QVERIFY(plan->step(QStringLiteral("run-a-b-2")));
        QVERIFY(plan->step(QStringLiteral("run-phase-3")));
        QCOMPARE(plan->step(QStringLiteral("run-a-b-2"))->phase, QStringLiteral("a-b"));
        QCOMPARE(checkStepsMessage(*plan), QString());
    }

private:
    static void strategies()
    {
        QTest::addColumn<QString>("strategy");
        for (const QString &name : RunbookVocabulary::strategyNames())
            QTest::newRow(qPrintable(name)) << name;
    }
};

QTEST_GUILESS_MAIN(TestRunbookTemplate)
#include "tst_runbooktemplate.moc"
