#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "ReportFixture.h"
#include "VerifyOk.h"
#include "report/ReconcileReportJson.h"
#include "report/ReportStore.h"
#include "run/target/TargetSessionFactory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::ReportFixture;

// Reports kept with their run in real SQLite, PostgreSQL and MariaDB targets: save, list newest
// first, load by id or prefix, the previous report, and a target without the table.
class TestReportStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;

    std::unique_ptr<TargetSession> open(const QString &name)
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + m_dir.filePath(name));
        if (!spec)
            qFatal("%s", qPrintable(spec.error().toString()));
        auto session = TargetSessionFactory::open(*spec);
        if (!session)
            qFatal("%s", qPrintable(session.error().toString()));
        return std::move(session.value());
    }

    static ReconcileReport report(const QString &id, int minute, ReconcileStatus status)
    {
        ReconcileReport r = ReportFixture::report();
        r.reportId = id;
        r.createdAt = QDateTime(QDate(2024, 5, 17), QTime(10, minute), Qt::UTC);
        r.status = status;
        return r;
    }

    void checkStore(TargetSession &session)
    {
        ReportStore store(session);
        VERIFY_OK(store.ensureTable());
        VERIFY_OK(store.ensureTable());
        const ReconcileReport first = report(QStringLiteral("aaaa1111-0000-4000-8000-000000000001"),
                                             1, ReconcileStatus::Fail);
        const ReconcileReport second = report(
            QStringLiteral("aaaa2222-0000-4000-8000-000000000002"), 2, ReconcileStatus::Pass);
        ReconcileReport third = report(QStringLiteral("bbbb3333-0000-4000-8000-000000000003"), 3,
                                       ReconcileStatus::NeedsReview);
        third.runId.clear();
        ReconcileReport other = report(QStringLiteral("cccc4444-0000-4000-8000-000000000004"), 4,
                                       ReconcileStatus::Pass);
        other.project = QStringLiteral("another");
        for (const ReconcileReport &r : {second, first, third, other})
            VERIFY_OK(store.save(r));
        VERIFY_OK(store.save(first)); // again: replaced, not duplicated

        auto list = store.list(QStringLiteral("demo <clinic>"));
        VERIFY_OK(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).reportId, third.reportId);
        QCOMPARE(list->at(0).status, ReconcileStatus::NeedsReview);
        QVERIFY(list->at(0).runId.isEmpty());
        QCOMPARE(list->at(1).reportId, second.reportId);
        QCOMPARE(list->at(2).reportId, first.reportId);
        QCOMPARE(list->at(2).createdAt, first.createdAt);
        QCOMPARE(list->at(2).runId, first.runId);

        auto loaded = store.load(QStringLiteral("BBBB"));
        VERIFY_OK(loaded);
        QCOMPARE(ReconcileReportJson::toJson(*loaded), ReconcileReportJson::toJson(third));
        auto ambiguous = store.load(QStringLiteral("aaaa"));
        QVERIFY(!ambiguous.ok());
        QVERIFY(ambiguous.error().message().contains(QStringLiteral("ambiguous")));
        QVERIFY(!store.load(QStringLiteral("cccc"), QStringLiteral("demo <clinic>")).ok());
        VERIFY_OK(store.load(QStringLiteral("cccc")));
        QVERIFY(!store.load(QStringLiteral("ffff")).ok());

        auto previous = store.previous(QStringLiteral("demo <clinic>"), third.reportId);
        VERIFY_OK(previous);
        QVERIFY(previous->has_value());
        QCOMPARE((*previous)->reportId, second.reportId);
        previous = store.previous(QStringLiteral("demo <clinic>"), first.reportId);
        VERIFY_OK(previous);
        QVERIFY(!previous->has_value());
        // A report that was not stored is newer than all: its previous is the newest.
        previous = store.previous(QStringLiteral("demo <clinic>"), QStringLiteral("unstored"));
        VERIFY_OK(previous);
        QCOMPARE((*previous)->reportId, third.reportId);
    }

    std::unique_ptr<TargetSession> server(const ConnectionSpec &spec, const QString &password)
    {
        m_passwords.set(spec, password);
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        return session ? std::move(session.value()) : nullptr;
    }

private Q_SLOTS:
    void emptyTargetHasNoReports()
    {
        auto session = open(QStringLiteral("empty.db"));
        ReportStore store(*session);
        auto list = store.list(QStringLiteral("demo <clinic>"));
        VERIFY_OK(list);
        QVERIFY(list->isEmpty());
        auto exists = store.exists();
        VERIFY_OK(exists);
        QVERIFY(!*exists); // reading never creates the table
        auto previous = store.previous(QStringLiteral("demo <clinic>"), QStringLiteral("x"));
        VERIFY_OK(previous);
        QVERIFY(!previous->has_value());
        QVERIFY(!store.load(QStringLiteral("abc")).ok());
    }

    void onSqlite()
    {
        auto session = open(QStringLiteral("target.db"));
        checkStore(*session);
    }

    void onPostgres()
    {
        if (!PostgresServer::whyUnavailable().isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("CI must run the PostgreSQL tests");
            QSKIP("PostgreSQL is not available");
        }
        m_postgres = std::make_unique<PostgresServer>();
        QVERIFY(m_postgres->start().ok());
        auto session = server(m_postgres->spec(), m_postgres->password());
        QVERIFY(session);
        checkStore(*session);
    }

    void onMariaDb()
    {
        if (!MariaDbServer::whyUnavailable().isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("CI must run the MariaDB tests");
            QSKIP("MariaDB is not available");
        }
        m_mariadb = std::make_unique<MariaDbServer>();
        QVERIFY(m_mariadb->start().ok());
        auto session = server(m_mariadb->spec(), m_mariadb->password());
        QVERIFY(session);
        checkStore(*session);
    }

    void keptAcrossConnections()
    {
        const ReconcileReport r = report(QStringLiteral("dddd5555-0000-4000-8000-000000000005"), 5,
                                         ReconcileStatus::Pass);
        {
            auto session = open(QStringLiteral("reopen.db"));
            VERIFY_OK(ReportStore(*session).save(r));
        }
        auto session = open(QStringLiteral("reopen.db"));
        auto loaded = ReportStore(*session).load(r.reportId);
        VERIFY_OK(loaded);
        QCOMPARE(loaded->tables.at(1).missing, 3);
    }
};

QTEST_GUILESS_MAIN(TestReportStore)
#include "tst_reportstore.moc"
