#include "audit/AuditTrail.h"
#include "audit/AuditVerifier.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

// The audit trail on real files: appends chain, the identity is recorded, concurrent appenders
// lose nothing, and each way of tampering (edit a field, edit and re-hash, delete a line, swap
// two, cut the end, cut a line short) is found at the entry where it happened.
class TestAuditTrail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    AuditTrail trailWith(int entries)
    {
        AuditTrail trail(m_dir.filePath(QStringLiteral("t%1.audit.jsonl").arg(++m_next)));
        for (int i = 1; i <= entries; ++i) {
            const auto appended =
                trail.append(QStringLiteral("runbook.step"), QStringLiteral("step %1 done").arg(i),
                             QJsonObject{{QStringLiteral("step"), QStringLiteral("s%1").arg(i)}},
                             QStringLiteral("tester"));
            if (!appended)
                qFatal("%s", qPrintable(appended.error().toString()));
        }
        return trail;
    }

    static QList<QByteArray> lines(const AuditTrail &trail)
    {
        QFile file(trail.path());
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(trail.path()));
        QList<QByteArray> result = file.readAll().split('\n');
        if (!result.isEmpty() && result.last().isEmpty())
            result.removeLast();
        return result;
    }

    static void rewrite(const AuditTrail &trail, const QList<QByteArray> &newLines)
    {
        QFile file(trail.path());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(trail.path()));
        for (const QByteArray &line : newLines)
            file.write(line + '\n');
    }

    static QByteArray rehashed(const QByteArray &line)
    {
        AuditEntry entry;
        QString error;
        if (!AuditEntry::parse(line, entry, error))
            qFatal("%s", qPrintable(error));
        entry.summary = QStringLiteral("step done, quietly changed");
        entry.hash = entry.computeHash();
        return entry.line();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void appendsChainAndNameTheirAuthor()
    {
        const AuditTrail trail = trailWith(3);
        const auto entries = trail.entries();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).prev, AuditEntry::genesis());
        QCOMPARE(entries->at(1).prev, entries->at(0).hash);
        QCOMPARE(entries->at(2).prev, entries->at(1).hash);
        QCOMPARE(entries->at(2).seq, 3);
        QCOMPARE(entries->at(0).who, QStringLiteral("tester"));
        QCOMPARE(entries->at(1).data.value(QStringLiteral("step")).toString(),
                 QStringLiteral("s2"));
        QCOMPARE(trail.head()->seq, 3);
        QCOMPARE(trail.head()->hash, entries->at(2).hash);

        const AuditVerifier::Verdict v = AuditVerifier::verify(trail);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.entries, 3);
        QCOMPARE(v.headHash, entries->at(2).hash);
    }

    void theIdentityComesFromTheEnvironmentFirst()
    {
        qputenv("CUTOVER_USER", "Dana Cho");
        AuditTrail trail(m_dir.filePath(QStringLiteral("who.audit.jsonl")));
        const auto entry = trail.append(QStringLiteral("run"), QStringLiteral("a run"));
        qunsetenv("CUTOVER_USER");
        QVERIFY(entry);
        QCOMPARE(entry->who, QStringLiteral("Dana Cho"));
        const auto second = trail.append(QStringLiteral("run"), QStringLiteral("another"));
        QVERIFY(second);
        QVERIFY(!second->who.isEmpty());
        QVERIFY(second->who != QStringLiteral("Dana Cho"));
    }

    void theTrailSitsBesideTheProject()
    {
        const AuditTrail trail = AuditTrail::forProject(QStringLiteral("/work/x/demo.cutover"));
        QCOMPARE(trail.path(), QStringLiteral("/work/x/demo.audit.jsonl"));
        QCOMPARE(trail.headPath(), QStringLiteral("/work/x/demo.audit.head"));
    }

    void tamperingIsFoundAtItsEntry_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<qint64>("firstBad");
        QTest::addColumn<QString>("words");
        QTest::newRow("edit a field") << "edit" << qint64(4) << "entry 4 was changed";
        QTest::newRow("edit and re-hash") << "rehash" << qint64(4) << "entry 4 was changed";
        QTest::newRow("edit and re-hash the last")
            << "rehash-last" << qint64(6) << "entry 6 was changed or replaced";
        QTest::newRow("delete a line") << "delete" << qint64(4) << "entry 4 is missing";
        QTest::newRow("delete the first line")
            << "delete-first" << qint64(1) << "entry 1 is missing";
        QTest::newRow("swap two lines") << "swap" << qint64(3) << "entry 3 is missing";
        QTest::newRow("truncate the end")
            << "truncate" << qint64(5) << "entries 5 to 6 are missing";
        QTest::newRow("cut a line short") << "cut" << qint64(6) << "line 6 is not an audit entry";
        QTest::newRow("delete the head") << "no-head" << qint64(6) << "head file";
    }

    void tamperingIsFoundAtItsEntry()
    {
        QFETCH(QString, how);
        QFETCH(qint64, firstBad);
        QFETCH(QString, words);
        const AuditTrail trail = trailWith(6);
        QList<QByteArray> l = lines(trail);
        QCOMPARE(l.size(), 6);
        if (how == QLatin1String("edit"))
            l[3].replace("step 4 done", "step 4 skipped");
        else if (how == QLatin1String("rehash"))
            l[3] = rehashed(l[3]);
        else if (how == QLatin1String("rehash-last"))
            l[5] = rehashed(l[5]);
        else if (how == QLatin1String("delete"))
            l.removeAt(3);
        else if (how == QLatin1String("delete-first"))
            l.removeFirst();
        else if (how == QLatin1String("swap"))
            l.swapItemsAt(2, 3);
        else if (how == QLatin1String("truncate"))
            l = l.mid(0, 4);
        else if (how == QLatin1String("cut"))
            l[5].truncate(l[5].size() / 2);
        else if (how == QLatin1String("no-head"))
            QVERIFY(QFile::remove(trail.headPath()));
        rewrite(trail, l);

        const AuditVerifier::Verdict v = AuditVerifier::verify(trail);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBad, firstBad);
        QVERIFY2(v.reason.contains(words), qPrintable(v.reason));
    }

    void anAppendAfterACutKeepsTheGapVisible()
    {
        const AuditTrail trail = trailWith(5);
        rewrite(trail, lines(trail).mid(0, 3));
        AuditTrail again(trail.path());
        QVERIFY(again.append(QStringLiteral("run"), QStringLiteral("after the cut")));
        const AuditVerifier::Verdict v = AuditVerifier::verify(again);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBad, 4);
        QVERIFY2(v.reason.contains(QStringLiteral("entry 4 is missing")), qPrintable(v.reason));
    }

    // Two processes append at once through the lock file: every entry is kept, in one chain.
    void concurrentAppendersLoseNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.audit.jsonl"));
        const QString self = QCoreApplication::applicationFilePath();
        QList<QProcess *> writers;
        for (int w = 0; w < 3; ++w) {
            auto *p = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("AUDIT_APPEND_TO"), path);
            p->setProcessEnvironment(env);
            p->start(self, {QStringLiteral("appendFromChild")});
            writers.append(p);
        }
        for (QProcess *p : writers) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitCode(), 0);
        }
        const AuditTrail trail(path);
        const AuditVerifier::Verdict v = AuditVerifier::verify(trail);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.entries, 3 * 40);
    }

    // Run as a child by concurrentAppendersLoseNothing.
    void appendFromChild()
    {
        const QString path = qEnvironmentVariable("AUDIT_APPEND_TO");
        if (path.isEmpty())
            QSKIP("only run as a child of concurrentAppendersLoseNothing");
        AuditTrail trail(path);
        for (int i = 0; i < 40; ++i)
            QVERIFY(trail.append(QStringLiteral("run"), QStringLiteral("child %1").arg(i)));
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
