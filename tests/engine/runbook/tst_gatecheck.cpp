#include "runbook/GateCheck.h"

#include <QTest>
#include <QTimeZone>

using namespace cutover;

// The go / no-go gate's conditions, each blocking on its own with its reason in words, and all
// of them met letting the gate open.
class TestGateCheck : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_t0 = QDateTime(QDate(2026, 12, 12), QTime(22, 0), Qt::UTC);

    RunbookPlan plan() const
    {
        RunbookStep validate;
        validate.id = QStringLiteral("validate");
        validate.title = QStringLiteral("Validate");
        RunbookStep gate;
        gate.id = QStringLiteral("go-no-go");
        gate.title = QStringLiteral("Go / no-go");
        gate.after = {QStringLiteral("validate")};
        gate.gate.enabled = true;
        gate.gate.signoffs = {QStringLiteral("Data owner"), QStringLiteral("CTO")};
        RunbookPlan p;
        p.steps = {validate, gate};
        return p;
    }

    // Everything in place: predecessor done, a Pass report after the run, both sign-offs,
    // 1% quarantined against a 5% limit.
    RunbookExecution goodExecution() const
    {
        RunbookExecution e;
        e.id = QStringLiteral("e1");
        e.steps[QStringLiteral("validate")].status = StepStatus::Done;
        e.signoffs = {signoff(QStringLiteral("Ana"), QStringLiteral("Data owner")),
                      signoff(QStringLiteral("Ben"), QStringLiteral("CTO"))};
        return e;
    }

    static SignOff signoff(const QString &name, const QString &role,
                           SignOff::Decision d = SignOff::Decision::Approve)
    {
        SignOff s;
        s.step = QStringLiteral("go-no-go");
        s.name = name;
        s.role = role;
        s.decision = d;
        return s;
    }

    GateFacts goodFacts() const
    {
        GateFacts f;
        RunRecord run;
        run.runId = QStringLiteral("1a2b3c4d-run");
        run.finishedAt = m_t0;
        run.status = RunStatus::Succeeded;
        RunTableRecord t;
        t.loaded = 990;
        t.quarantined = 10;
        run.tables = {t};
        f.newestRun = run;
        StoredReport report;
        report.reportId = QStringLiteral("9f8e7d6c-report");
        report.createdAt = m_t0.addSecs(600);
        report.status = ReconcileStatus::Pass;
        f.newestReport = report;
        f.maxErrorRate = 0.05;
        return f;
    }

private Q_SLOTS:
    void allConditionsMetOpenTheGate()
    {
        const RunbookPlan p = plan();
        const GateCheck::Verdict v =
            GateCheck::check(p, p.steps.at(1), goodExecution(), goodFacts());
        QVERIFY2(v.open(), qPrintable(v.blockers.join(QLatin1Char('\n'))));
        QCOMPARE(v.met.size(), 5);
        QVERIFY(v.met.join(QLatin1Char('\n')).contains(QStringLiteral("quarantined 1.0%")));
    }

    void eachConditionBlocksAlone_data()
    {
        QTest::addColumn<QString>("broken");
        QTest::addColumn<QString>("reason");
        QTest::newRow("predecessor not done")
            << "predecessor"
            << "Step validate (Validate) is in progress, not done";
        QTest::newRow("no report") << "no-report"
                                   << "No reconciliation report yet";
        QTest::newRow("report fails") << "fail-report"
                                      << "is Fail, not Pass";
        QTest::newRow("report needs review") << "review-report"
                                             << "is Needs review, not Pass";
        QTest::newRow("report older than the run") << "old-report"
                                                   << "is older than run 1a2b3c4d";
        QTest::newRow("a sign-off missing") << "no-cto"
                                            << "No sign-off from CTO yet";
        QTest::newRow("a sign-off rejects") << "cto-rejects"
                                            << "Ben (CTO) rejected: not yet";
        QTest::newRow("a later reject overrides an approval") << "cto-changes-mind"
                                                              << "Ben (CTO) rejected";
        QTest::newRow("error rate over the limit")
            << "errors"
            << "quarantined 20.0% of its rows, over the 5.0% limit";
        QTest::newRow("the gate's own limit") << "gate-limit"
                                              << "over the 0.50% limit";
    }

    void eachConditionBlocksAlone()
    {
        QFETCH(QString, broken);
        QFETCH(QString, reason);
        RunbookPlan p = plan();
        RunbookExecution e = goodExecution();
        GateFacts f = goodFacts();
        if (broken == QLatin1String("predecessor"))
            e.steps[QStringLiteral("validate")].status = StepStatus::InProgress;
        else if (broken == QLatin1String("no-report"))
            f.newestReport.reset();
        else if (broken == QLatin1String("fail-report"))
            f.newestReport->status = ReconcileStatus::Fail;
        else if (broken == QLatin1String("review-report"))
            f.newestReport->status = ReconcileStatus::NeedsReview;
        else if (broken == QLatin1String("old-report"))
            f.newestReport->createdAt = m_t0.addSecs(-60);
        else if (broken == QLatin1String("no-cto"))
            e.signoffs.removeLast();
        else if (broken == QLatin1String("cto-rejects")) {
            e.signoffs.last().decision = SignOff::Decision::Reject;
            e.signoffs.last().comment = QStringLiteral("not yet");
        } else if (broken == QLatin1String("cto-changes-mind"))
            e.signoffs.append(
                signoff(QStringLiteral("Ben"), QStringLiteral("CTO"), SignOff::Decision::Reject));
        else if (broken == QLatin1String("errors"))
            f.newestRun->tables[0].quarantined = 247; // 247 of 1,237
        else if (broken == QLatin1String("gate-limit"))
            p.steps[1].gate.maxErrorRate = 0.005;

        const GateCheck::Verdict v = GateCheck::check(p, p.steps.at(1), e, f);
        QVERIFY(!v.open());
        QCOMPARE(v.blockers.size(), 1);
        QVERIFY2(v.blockers.first().contains(reason), qPrintable(v.blockers.first()));
    }

    void aSignOffMatchesByNameOrRoleIgnoringCase()
    {
        RunbookPlan p = plan();
        p.steps[1].gate.signoffs = {QStringLiteral("ana"), QStringLiteral("cto")};
        const GateCheck::Verdict v =
            GateCheck::check(p, p.steps.at(1), goodExecution(), goodFacts());
        QVERIFY2(v.open(), qPrintable(v.blockers.join(QLatin1Char('\n'))));
    }

    void approvalWithConditionsCounts()
    {
        const RunbookPlan p = plan();
        RunbookExecution e = goodExecution();
        e.signoffs[0].decision = SignOff::Decision::ApproveWithConditions;
        QVERIFY(GateCheck::check(p, p.steps.at(1), e, goodFacts()).open());
    }

    void aPlainStepOnlyWaitsForItsPredecessors()
    {
        const RunbookPlan p = plan();
        RunbookStep plain = p.steps.at(1);
        plain.gate = {};
        RunbookExecution e;
        QCOMPARE(GateCheck::check(p, plain, e, GateFacts{}).blockers.size(), 1);
        e.steps[QStringLiteral("validate")].status = StepStatus::Skipped;
        QVERIFY(GateCheck::check(p, plain, e, GateFacts{}).open());
    }

    void noLimitNoErrorCheck()
    {
        const RunbookPlan p = plan();
        GateFacts f = goodFacts();
        f.maxErrorRate = -1;
        f.newestRun->tables[0].quarantined = 900;
        QVERIFY(GateCheck::check(p, p.steps.at(1), goodExecution(), f).open());
    }
};

QTEST_GUILESS_MAIN(TestGateCheck)
#include "tst_gatecheck.moc"
