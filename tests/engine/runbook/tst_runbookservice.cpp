#include "audit/AuditVerifier.h"
#include "runbook/RunbookService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

// The runbook's commands on a real audit trail and a real (empty) SQLite target: executions,
// the order of steps, gates that cannot be forced or skipped, sign-offs, the decision, and the
// state read back by another service as after a restart.
class TestRunbookService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;
    QString m_path;

    static RunbookStep step(const char *id, QStringList after = {}, bool gate = false)
    {
        RunbookStep s;
        s.id = QLatin1String(id);
        s.title = QStringLiteral("Step ") + s.id;
        s.after = std::move(after);
        s.gate.enabled = gate;
        s.gate.signoffs = gate ? QStringList{QStringLiteral("Data owner")} : QStringList{};
        s.gate.passReport = false; // the target has no reports: tested in tst_gatecheck
        return s;
    }

    Project project() const
    {
        Project p;
        p.name = QStringLiteral("service test");
        p.connections = {{QStringLiteral("src"), QStringLiteral("sqlite:src.sqlite"), {}},
                         {QStringLiteral("dst"), QStringLiteral("sqlite:dst.sqlite"), {}}};
        p.sourceConnection = QStringLiteral("src");
        p.targetConnection = QStringLiteral("dst");
        p.baseDir = m_dir.path();
        p.runbook.steps = {step("backup"), step("notify"),
                           step("load", {QStringLiteral("backup"), QStringLiteral("notify")}),
                           step("go", {QStringLiteral("load")}, true),
                           step("switch", {QStringLiteral("go")})};
        return p;
    }

    RunbookService service() const { return RunbookService(project(), m_path); }

    static QString message(const Result<void> &r) { return r ? QString() : r.error().message(); }

private Q_SLOTS:
    void init() { m_path = m_dir.filePath(QStringLiteral("p%1.cutover").arg(++m_next)); }

    void anEmptyRunbookCannotStart()
    {
        Project p = project();
        p.runbook.steps.clear();
        RunbookService s(p, m_path);
        const auto started = s.start(RunbookExecution::Mode::Rehearsal);
        QVERIFY(!started);
        QVERIFY(started.error().message().contains(QStringLiteral("no steps")));
    }

    void oneExecutionAtATime()
    {
        RunbookService s = service();
        QVERIFY(!s.startStep(QStringLiteral("backup")));
        const auto first = s.start(RunbookExecution::Mode::Rehearsal);
        QVERIFY(first);
        const auto second = s.start(RunbookExecution::Mode::Live);
        QVERIFY(!second);
        QVERIFY2(second.error().message().contains(first->id),
                 qPrintable(second.error().message()));
        QVERIFY(s.end());
        QVERIFY(s.start(RunbookExecution::Mode::Live));
        const auto state = s.state();
        QCOMPARE(state->executions.size(), 2);
        QCOMPARE(state->rehearsals().size(), 1);
        QCOMPARE(state->current()->mode, RunbookExecution::Mode::Live);
    }

    void stepsWaitForTheirPredecessorsUnlessForced()
    {
        RunbookService s = service();
        QVERIFY(s.start(RunbookExecution::Mode::Rehearsal));
        QVERIFY(s.finishStep(QStringLiteral("backup"), StepStatus::Done));
        const auto refused = s.startStep(QStringLiteral("load"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Validation);
        QVERIFY2(message(refused).contains(QStringLiteral("Step notify (Step notify) is pending")),
                 qPrintable(message(refused)));
        QVERIFY(!message(refused).contains(QStringLiteral("backup")));
        QVERIFY(s.startStep(QStringLiteral("load"), {QStringLiteral("notify is late"), true}));
        const auto e = s.current();
        QCOMPARE(e->step(QStringLiteral("load")).status, StepStatus::InProgress);
        QVERIFY(
            e->step(QStringLiteral("load")).notes.first().text.contains(QStringLiteral("forced")));
    }

    void aGateIsNeverForcedNorSkipped()
    {
        RunbookService s = service();
        QVERIFY(s.start(RunbookExecution::Mode::Rehearsal));
        for (const char *id : {"backup", "notify", "load"})
            QVERIFY(s.finishStep(QLatin1String(id), StepStatus::Done));
        const auto blocked = s.finishStep(QStringLiteral("go"), StepStatus::Done, {{}, true});
        QVERIFY(!blocked);
        QVERIFY2(message(blocked).contains(QStringLiteral("No sign-off from Data owner yet")),
                 qPrintable(message(blocked)));
        QVERIFY(!s.finishStep(QStringLiteral("go"), StepStatus::Skipped));
        const auto after = s.startStep(QStringLiteral("switch"), {{}, true});
        QVERIFY(!after);
        QVERIFY2(message(after).contains(QStringLiteral("Gate go (Step go) is not passed")),
                 qPrintable(message(after)));

        SignOff ana;
        ana.name = QStringLiteral("Ana");
        ana.role = QStringLiteral("Data owner");
        QVERIFY(s.signOff(QStringLiteral("go"), ana));
        QVERIFY(s.finishStep(QStringLiteral("go"), StepStatus::Done,
                             {QStringLiteral("all green"), false}));
        const auto e = s.current();
        QVERIFY(e->decision);
        QVERIFY(e->decision->go);
        QCOMPARE(e->decision->step, QStringLiteral("go"));
        QVERIFY(s.startStep(QStringLiteral("switch")));
        QVERIFY(!s.finishStep(QStringLiteral("go"), StepStatus::Pending));
        QVERIFY(!s.signOff(QStringLiteral("go"), ana));
    }

    void failingAGateIsANoGo()
    {
        RunbookService s = service();
        QVERIFY(s.start(RunbookExecution::Mode::Live));
        QVERIFY(s.finishStep(QStringLiteral("go"), StepStatus::Failed,
                             {QStringLiteral("counts off"), false}));
        const auto e = s.current();
        QCOMPARE(e->step(QStringLiteral("go")).status, StepStatus::Failed);
        QVERIFY(e->decision);
        QVERIFY(!e->decision->go);
        QCOMPARE(e->decision->comment, QStringLiteral("counts off"));
    }

    void theStateSurvivesARestartAndTheTrailStaysIntact()
    {
        {
            RunbookService s = service();
            QVERIFY(s.start(RunbookExecution::Mode::Rehearsal));
            QVERIFY(s.startStep(QStringLiteral("backup")));
            QVERIFY(s.note(QStringLiteral("backup"), QStringLiteral("slow disk")));
            Evidence ev;
            ev.kind = Evidence::Kind::File;
            ev.ref = QStringLiteral("/backups/dst.sqlite");
            ev.summary = QStringLiteral("backup of dst, 12 MB");
            QVERIFY(s.addEvidence(QStringLiteral("backup"), ev));
            QVERIFY(s.finishStep(QStringLiteral("backup"), StepStatus::Done));
            QVERIFY(s.finishStep(QStringLiteral("notify"), StepStatus::Skipped,
                                 {QStringLiteral("done by mail"), false}));
        }
        RunbookService again = service();
        const auto e = again.current();
        QVERIFY(e);
        const StepState backup = e->step(QStringLiteral("backup"));
        QCOMPARE(backup.status, StepStatus::Done);
        QVERIFY(backup.started.isValid());
        QVERIFY(backup.finished >= backup.started);
        QCOMPARE(backup.notes.size(), 1);
        QCOMPARE(backup.evidence.size(), 1);
        QCOMPARE(backup.evidence.first().kind, Evidence::Kind::File);
        QCOMPARE(e->step(QStringLiteral("notify")).status, StepStatus::Skipped);
        QVERIFY(again.startStep(QStringLiteral("load")));

        const AuditVerifier::Verdict v = AuditVerifier::verify(again.journal().trail());
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.entries, 7);
    }

    void unknownStepsAreNamed()
    {
        RunbookService s = service();
        QVERIFY(s.start(RunbookExecution::Mode::Rehearsal));
        const auto r = s.startStep(QStringLiteral("nope"));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), Error::Code::Usage);
        QVERIFY(message(r).contains(QStringLiteral("backup, notify, load, go, switch")));
    }
};

QTEST_GUILESS_MAIN(TestRunbookService)
#include "tst_runbookservice.moc"
