#include "transform/OwnKeyPairs.h"

#include <QTest>

using namespace cutover;

namespace {

struct Collected : KeyRecorder
{
    QStringList pairs;
    void record(const QString &ns, const QString &source, const QString &target) override
    {
        pairs.append(ns + QLatin1Char(':') + source + QLatin1Char('=') + target);
    }
};

} // namespace

// The filter between uuid5 and the key crosswalk: a table's own pairs pass, a parent's pairs
// made by a child's references do not, and each namespace is decided once.
class TestOwnKeyPairs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesOnlyTheTablesOwnPairs()
    {
        Collected to;
        OwnKeyPairs pairs(to);
        QVERIFY(pairs.wants(QStringLiteral("encounter")));
        // First batch: one observation (key o1) of visit e7.
        pairs.record(QStringLiteral("observation"), QStringLiteral("1"), QStringLiteral("o1"));
        pairs.record(QStringLiteral("encounter"), QStringLiteral("7"), QStringLiteral("e7"));
        QVERIFY(pairs.undecided());
        QVERIFY(to.pairs.isEmpty()); // nothing passes before the batch's keys are known
        pairs.decide({QStringLiteral("o1")});
        QVERIFY(!pairs.undecided());
        QCOMPARE(to.pairs, QStringList{QStringLiteral("observation:1=o1")});
        // Later batches: the own namespace passes at once, the parent's is not wanted.
        QVERIFY(pairs.wants(QStringLiteral("observation")));
        QVERIFY(!pairs.wants(QStringLiteral("encounter")));
        pairs.record(QStringLiteral("observation"), QStringLiteral("2"), QStringLiteral("o2"));
        pairs.record(QStringLiteral("encounter"), QStringLiteral("8"), QStringLiteral("e8"));
        QVERIFY(!pairs.undecided());
        QCOMPARE(to.pairs.size(), 2);
        QCOMPARE(to.pairs.last(), QStringLiteral("observation:2=o2"));
        // A namespace first seen later waits for its own batch's keys.
        pairs.record(QStringLiteral("practitioner"), QStringLiteral("3"), QStringLiteral("p3"));
        QVERIFY(pairs.undecided());
        pairs.decide({QStringLiteral("o3")});
        QVERIFY(!pairs.wants(QStringLiteral("practitioner")));
        QCOMPARE(to.pairs.size(), 2);
    }

    void aFailedBatchPassesNothing()
    {
        Collected to;
        OwnKeyPairs pairs(to);
        pairs.record(QStringLiteral("patient"), QStringLiteral("1"), QStringLiteral("p1"));
        pairs.discard();
        QVERIFY(!pairs.undecided());
        pairs.decide({QStringLiteral("p1")});
        QVERIFY(to.pairs.isEmpty());
        QVERIFY(pairs.wants(QStringLiteral("patient"))); // still undecided
    }
};

QTEST_GUILESS_MAIN(TestOwnKeyPairs)
#include "tst_ownkeypairs.moc"
