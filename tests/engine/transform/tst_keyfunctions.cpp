#include "FunctionHarness.h"
#include "run/ledger/KeyCrosswalk.h"
#include "run/target/TargetSessionFactory.h"
#include "transform/functions/KeyFunctions.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace cutover;
using namespace cutover::test;

namespace {

// Collects what uuid5 records, in order.
class ListRecorder : public KeyRecorder
{
public:
    void record(const QString &keyNamespace, const QString &sourceKey,
                const QString &targetKey) override
    {
        pairs.append({keyNamespace, sourceKey, targetKey});
    }
    QList<QStringList> pairs;
};

} // namespace

class TestKeyFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uuid5Equalities_data()
    {
        addFunctionColumns();
        QTest::newRow("deterministic")
            << "uuid5('patient', 42) = uuid5('patient', 42)" << integer(1) << 0;
        QTest::newRow("integer and text remap alike")
            << "uuid5('patient', 42) = uuid5('patient', '42')" << integer(1) << 0;
        QTest::newRow("whole real too")
            << "uuid5('patient', 42.0) = uuid5('patient', '42')" << integer(1) << 0;
        QTest::newRow("padded text differs")
            << "uuid5('patient', '042') <> uuid5('patient', 42)" << integer(1) << 0;
        QTest::newRow("namespaces differ")
            << "uuid5('patient', 42) <> uuid5('visit', 42)" << integer(1) << 0;
        QTest::newRow("text case matters")
            << "uuid5('code', 'ab') <> uuid5('code', 'AB')" << integer(1) << 0;
        QTest::newRow("parts are unambiguous")
            << "uuid5('k', 'a|b', 'c') <> uuid5('k', 'a', 'b|c')" << integer(1) << 0;
        QTest::newRow("parts are not concatenated")
            << "uuid5('k', 'ab', 'c') <> uuid5('k', 'a', 'bc')" << integer(1) << 0;
        QTest::newRow("version 5, lower case")
            << "uuid5('patient', 42) GLOB "
               "'[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
               "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-5*'"
            << integer(1) << 0;
        QTest::newRow("NULL key stays NULL") << "uuid5('patient', NULL)" << null() << 0;
        QTest::newRow("any NULL part") << "uuid5('patient', 1, NULL)" << null() << 0;
        QTest::newRow("NULL namespace") << "uuid5(NULL, 1)" << null() << 1;
        QTest::newRow("empty namespace") << "uuid5('', 1)" << null() << 1;
        QTest::newRow("uuid4 differs") << "uuid4() <> uuid4()" << integer(1) << 0;
        QTest::newRow("uuid4 form")
            << "length(uuid4()) = 36 AND substr(uuid4(), 15, 1) = '4'" << integer(1) << 0;
    }
    void uuid5Equalities()
    {
        FunctionHarness harness;
        verifyFunctionRow(harness);
    }

    void uuid5IsStableAcrossReleases()
    {
        // Re-runs must give the ids of earlier runs: pin the exact value.
        FunctionHarness harness;
        const QVariant id = harness.eval(QStringLiteral("uuid5('patient', 42)"));
        QCOMPARE(id, QVariant(KeyFunctions::uuid5(QStringLiteral("patient"), {"42"})));
        const QUuid ns = QUuid::createUuidV5(KeyFunctions::rootNamespace(), QByteArray("patient"));
        QCOMPARE(id.toString(),
                 QUuid::createUuidV5(ns, QByteArray("2:42")).toString(QUuid::WithoutBraces));
        QCOMPARE(KeyFunctions::rootNamespace().toString(QUuid::WithoutBraces),
                 QUuid::createUuidV5(QUuid(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8")),
                                     QByteArray("https://cutover.dev/uuid5"))
                     .toString(QUuid::WithoutBraces));
    }

    void uuid5RecordsKeys()
    {
        FunctionHarness harness;
        ListRecorder recorder;
        harness.env.keys = &recorder;
        harness.rows(QStringLiteral("SELECT uuid5('patient', column1) FROM (VALUES (7), ('8'), "
                                    "(NULL))"));
        harness.eval(QStringLiteral("uuid5('visit', 'A', 3)"));
        QCOMPARE(recorder.pairs.size(), 3);
        QCOMPARE(recorder.pairs.at(0).mid(0, 2), (QStringList{"patient", "7"}));
        QCOMPARE(recorder.pairs.at(0).at(2),
                 harness.eval(QStringLiteral("uuid5('patient', '7')")).toString());
        QCOMPARE(recorder.pairs.at(1).mid(0, 2), (QStringList{"patient", "8"}));
        QCOMPARE(recorder.pairs.at(2).mid(0, 2), (QStringList{"visit", "[\"A\",\"3\"]"}));
    }

    void crosswalkOnSqliteFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("target.db"));
        {
            auto session = openSession(path);
            QVERIFY(session);
            KeyCrosswalk crosswalk(*session);
            FunctionHarness harness;
            harness.env.keys = &crosswalk;
            harness.rows(QStringLiteral(
                "SELECT uuid5('patient', column1) FROM (VALUES (1), (2), (2), ('a '), ('A'))"));
            QCOMPARE(crosswalk.pending(), 5); // 2 twice: the table keeps it once
            const QString two = harness.eval(QStringLiteral("uuid5('patient', 2)")).toString();
            const auto buffered =
                crosswalk.targetKey(QStringLiteral("patient"), QStringLiteral("2"));
            QVERIFY(buffered.ok());
            QCOMPARE(buffered->value_or(QString()), two);

            QVERIFY(crosswalk.ensureTable().ok());
            QVERIFY(session->begin().ok());
            const Result<void> flushed = crosswalk.flush();
            QVERIFY2(flushed.ok(), qPrintable(flushed.error().toString()));
            QVERIFY(session->commit().ok());
            QCOMPARE(crosswalk.pending(), 0);

            // A re-run records the same pairs again: idempotent.
            harness.rows(QStringLiteral("SELECT uuid5('patient', column1) FROM (VALUES (1), (2))"));
            QVERIFY(crosswalk.flush().ok());

            auto count =
                session->query(QStringLiteral("SELECT count(*) FROM cutover_key_crosswalk"));
            QVERIFY(count.ok());
            QCOMPARE(count->first().first().toInt(), 4);
        }

        // Reopened later (reconciliation, rollback): the crosswalk is still there.
        auto session = openSession(path);
        QVERIFY(session);
        KeyCrosswalk crosswalk(*session);
        const auto found = crosswalk.targetKey(QStringLiteral("patient"), QStringLiteral("2"));
        QVERIFY(found.ok());
        QCOMPARE(found->value_or(QString()),
                 KeyFunctions::uuid5(QStringLiteral("patient"), {QStringLiteral("2")}));
        const auto spaced = crosswalk.targetKey(QStringLiteral("patient"), QStringLiteral("a "));
        QVERIFY(spaced.ok() && spaced->has_value());
        const auto missing = crosswalk.targetKey(QStringLiteral("patient"), QStringLiteral("3"));
        QVERIFY(missing.ok());
        QVERIFY(!missing->has_value());
    }

    void crosswalkFlushFailureKeepsPairs()
    {
        QTemporaryDir dir;
        auto session = openSession(dir.filePath(QStringLiteral("readonly.db")));
        QVERIFY(session);
        QVERIFY(session->execute(QStringLiteral("PRAGMA query_only = ON")).ok());
        KeyCrosswalk crosswalk(*session);
        crosswalk.record(QStringLiteral("patient"), QStringLiteral("1"), QStringLiteral("x"));
        const Result<void> flushed = crosswalk.flush();
        QVERIFY(!flushed.ok());
        QVERIFY(flushed.error().message().contains(QStringLiteral("key crosswalk")));
        QCOMPARE(crosswalk.pending(), 1);
    }

private:
    static std::unique_ptr<TargetSession> openSession(const QString &path)
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + path);
        if (!spec)
            return nullptr;
        auto session = TargetSessionFactory::open(*spec, nullptr);
        return session ? std::move(session.value()) : nullptr;
    }
};

QTEST_GUILESS_MAIN(TestKeyFunctions)
#include "tst_keyfunctions.moc"
