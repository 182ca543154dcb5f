#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;

// The runbook end to end through the real cutover-cli on the demo: advise, generate the phased
// runbook, start a rehearsal, carry out every step (the automated ones run the engine: backup,
// dry run, the phases, reconciliations), sign off and pass the go / no-go gate, then verify the
// audit trail. Then the same with a target corrupted before the final reconciliation: the gate
// stays blocked and says why, and what waits for it is refused. Then the trail is tampered with.
class TestCliRunbook : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    static QString why(const CliRunner::Outcome &o)
    {
        return QStringLiteral("exit %1\nout: %2\nerr: %3")
            .arg(o.exitCode)
            .arg(o.out.right(3000), o.err.right(3000));
    }

    static CliRunner::Outcome cli(const QString &dir, QStringList args)
    {
        return CliRunner::run(args, dir);
    }

    static CliRunner::Outcome runbook(const QString &dir, const QStringList &args)
    {
        return cli(dir,
                   QStringList{QStringLiteral("runbook"), QStringLiteral("demo.cutover")} + args);
    }

    QString demo(const QString &name)
    {
        const QString dir = m_root.filePath(name);
        const auto made = cli(m_root.path(), {QStringLiteral("demo"), dir, QStringLiteral("--rows"),
                                              QStringLiteral("300")});
        if (made.exitCode != 0)
            qFatal("%s", qPrintable(why(made)));
        return dir;
    }

    // Advise (kept in the project), generate its runbook, start a rehearsal.
    static void plan(const QString &dir)
    {
        const auto advised = runbook(
            dir, {QStringLiteral("advise"), QStringLiteral("--downtime"), QStringLiteral("480"),
                  QStringLiteral("--risk"), QStringLiteral("low"), QStringLiteral("--complexity"),
                  QStringLiteral("medium"), QStringLiteral("--side-by-side"), QStringLiteral("yes"),
                  QStringLiteral("--hosting"), QStringLiteral("on-premises"),
                  QStringLiteral("--write")});
        QVERIFY2(advised.exitCode == 0, qPrintable(why(advised)));
        QVERIFY(advised.out.contains(QStringLiteral("Recommended: Phased")));
        for (const char *other : {"Big Bang: ", "Parallel Run: ", "Blue-Green: "})
            QVERIFY2(advised.out.contains(QLatin1String(other)), other); // pros, cons, when to use
        QVERIFY(advised.out.contains(QStringLiteral("When to use:")));
        const auto generated =
            runbook(dir, {QStringLiteral("generate"), QStringLiteral("--replace")});
        QVERIFY2(generated.exitCode == 0, qPrintable(why(generated)));
        QVERIFY(generated.out.contains(QStringLiteral("Phased runbook")));
        const auto started = runbook(dir, {QStringLiteral("start"), QStringLiteral("--rehearsal")});
        QVERIFY2(started.exitCode == 0, qPrintable(why(started)));
    }

    static QJsonArray steps(const QString &dir)
    {
        QFile file(dir + QStringLiteral("/demo.cutover"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no project in %s", qPrintable(dir));
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QStringLiteral("runbook"))
            .toObject()
            .value(QStringLiteral("steps"))
            .toArray();
    }

    // Carries out every step before the gate in plan order: the automated ones run, the manual
    // ones are ticked off. beforeFinalReconcile is called before "reconcile-all".
    static void carryOutUpToTheGate(const QString &dir,
                                    const std::function<void()> &beforeFinalReconcile = {})
    {
        for (const QJsonValue &v : steps(dir)) {
            const QJsonObject step = v.toObject();
            const QString id = step.value(QStringLiteral("id")).toString();
            const QString section = step.value(QStringLiteral("section")).toString();
            if (step.contains(QStringLiteral("gate")))
                return;
            if (section == QLatin1String("rollback") || section == QLatin1String("monitoring"))
                continue;
            if (id == QLatin1String("reconcile-all") && beforeFinalReconcile)
                beforeFinalReconcile();
            const bool automated =
                step.value(QStringLiteral("action")).toString() != QLatin1String("manual");
            const auto done =
                automated ? runbook(dir, {QStringLiteral("run"), id})
                          : runbook(dir, {QStringLiteral("step"), id, QStringLiteral("done")});
            if (id == QLatin1String("reconcile-all") && beforeFinalReconcile) {
                QCOMPARE(done.exitCode, 1); // the report fails, and so does the step
                QVERIFY2(done.out.contains(QStringLiteral("Fail")), qPrintable(why(done)));
                continue;
            }
            QVERIFY2(done.exitCode == 0, qPrintable(id + QStringLiteral(": ") + why(done)));
        }
    }

    static void signOff(const QString &dir)
    {
        for (const auto &[name, role] :
             {std::pair{"Ana Lima", "Data owner"}, std::pair{"Ben Ode", "Migration lead"}}) {
            const auto signed_ =
                runbook(dir, {QStringLiteral("signoff"), QStringLiteral("go-no-go"),
                              QStringLiteral("--name"), QLatin1String(name),
                              QStringLiteral("--role"), QLatin1String(role),
                              QStringLiteral("--decision"), QStringLiteral("approve")});
            QVERIFY2(signed_.exitCode == 0, qPrintable(why(signed_)));
        }
    }

    static QJsonArray trail(const QString &dir)
    {
        const auto listed = cli(dir, {QStringLiteral("audit"), QStringLiteral("demo.cutover"),
                                      QStringLiteral("--json")});
        if (listed.exitCode != 0)
            qFatal("%s", qPrintable(why(listed)));
        return QJsonDocument::fromJson(listed.out.toUtf8()).array();
    }

    static QStringList kinds(const QJsonArray &entries)
    {
        QStringList result;
        for (const QJsonValue &e : entries)
            result.append(e.toObject().value(QStringLiteral("kind")).toString());
        return result;
    }

private Q_SLOTS:
    void aRehearsalPassesTheGate()
    {
        const QString dir = demo(QStringLiteral("clean"));
        plan(dir);
        carryOutUpToTheGate(dir);
        const auto blocked = runbook(
            dir, {QStringLiteral("step"), QStringLiteral("go-no-go"), QStringLiteral("done")});
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(blocked.err.contains(QStringLiteral("No sign-off from Data owner yet")),
                 qPrintable(why(blocked)));
        const auto early = runbook(dir, {QStringLiteral("step"), QStringLiteral("execute-cutover"),
                                         QStringLiteral("start"), QStringLiteral("--force")});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains(QStringLiteral("Gate go-no-go")), qPrintable(why(early)));

        signOff(dir);
        const auto check = runbook(dir, {QStringLiteral("check"), QStringLiteral("go-no-go")});
        QVERIFY2(check.exitCode == 0, qPrintable(why(check)));
        QVERIFY(check.out.contains(QStringLiteral("is Pass and newer than the newest run")));
        const auto go = runbook(
            dir, {QStringLiteral("step"), QStringLiteral("go-no-go"), QStringLiteral("done")});
        QVERIFY2(go.exitCode == 0, qPrintable(why(go)));
        const auto shown = runbook(dir, {});
        QVERIFY2(shown.out.contains(QStringLiteral("Decision: GO by")), qPrintable(why(shown)));
        QVERIFY(shown.out.contains(QStringLiteral("evidence: report")));

        const auto verified = cli(dir, {QStringLiteral("audit"), QStringLiteral("verify"),
                                        QStringLiteral("demo.cutover")});
        QVERIFY2(verified.exitCode == 0, qPrintable(why(verified)));
        QVERIFY(verified.out.startsWith(QStringLiteral("Intact: ")));
        const QStringList seen = kinds(trail(dir));
        for (const char *kind : {"project.save", "runbook.start", "backup", "run", "reconcile",
                                 "runbook.evidence", "runbook.signoff", "runbook.decision"})
            QVERIFY2(seen.contains(QLatin1String(kind)), kind);
        QVERIFY(QDir(dir + QStringLiteral("/backups")).entryList(QDir::Files).size() == 1);
    }

    void aCorruptedTargetKeepsTheGateBlocked()
    {
        const QString dir = demo(QStringLiteral("corrupted"));
        plan(dir);
        carryOutUpToTheGate(dir, [&dir] {
            auto db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("corrupt"));
            db.setDatabaseName(dir + QStringLiteral("/modern.sqlite"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "DELETE FROM invoice WHERE rowid = (SELECT min(rowid) FROM invoice)")));
            QVERIFY(q.exec(QStringLiteral("UPDATE patient SET full_name = 'Someone Else' WHERE "
                                          "rowid = (SELECT min(rowid) FROM patient)")));
            db.close();
            db = {};
            QSqlDatabase::removeDatabase(QStringLiteral("corrupt"));
        });
        signOff(dir);
        const auto blocked = runbook(
            dir, {QStringLiteral("step"), QStringLiteral("go-no-go"), QStringLiteral("done")});
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(blocked.err.contains(QStringLiteral("is Fail, not Pass")),
                 qPrintable(why(blocked)));
        const auto check = runbook(dir, {QStringLiteral("check"), QStringLiteral("go-no-go")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY(check.out.contains(QStringLiteral(
            "Step reconcile-all (Reconcile the whole migration) is failed, not done")));
        const auto after = runbook(dir, {QStringLiteral("step"), QStringLiteral("execute-cutover"),
                                         QStringLiteral("done")});
        QCOMPARE(after.exitCode, 1);
        const auto noGo = runbook(dir, {QStringLiteral("step"), QStringLiteral("go-no-go"),
                                        QStringLiteral("fail"), QStringLiteral("--note"),
                                        QStringLiteral("target corrupted")});
        QVERIFY2(noGo.exitCode == 0, qPrintable(why(noGo)));
        QVERIFY(runbook(dir, {}).out.contains(QStringLiteral("Decision: NO-GO by")));
    }

    void aTamperedTrailIsFound()
    {
        const QString dir = demo(QStringLiteral("tampered"));
        plan(dir);
        QVERIFY(runbook(dir, {QStringLiteral("step"), QStringLiteral("change-freeze"),
                              QStringLiteral("done")})
                    .exitCode == 0);
        QFile file(dir + QStringLiteral("/demo.audit.jsonl"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QVERIFY(lines.size() >= 4);
        lines[1].replace("\"who\":\"", "\"who\":\"not ");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
        file.close();
        const auto verified = cli(dir, {QStringLiteral("audit"), QStringLiteral("verify"),
                                        QStringLiteral("demo.cutover")});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains(
                     QStringLiteral("BROKEN at entry 2 (line 2): entry 2 was changed")),
                 qPrintable(why(verified)));
    }
};

QTEST_GUILESS_MAIN(TestCliRunbook)
#include "tst_cli_runbook.moc"
