#include "FakePasswordProvider.h"
#include "PostgresServer.h"
#include "TargetSessionConformance.h"
#include "run/target/PostgresTargetSession.h"
#include "run/target/TargetSessionFactory.h"

#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::PostgresServer;
using cutover::test::TargetSessionConformance;

// The PostgreSQL writer on a real server: every normalized type through COPY (tabs, newlines,
// backslashes, bytea), upsert through a staging table, rollback, awkward identifiers, a large
// insert and a lost connection (the shared checks of TargetSessionConformance), plus placeholders
// in quotes and comments and upserts that repeat a key.
class TestPostgresTargetSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresServer> m_server;
    FakePasswordProvider m_passwords;
    std::unique_ptr<TargetSession> m_session;
    TargetSessionConformance m_conformance;

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(QStringLiteral("CI must run the PostgreSQL tests: ") + missing));
            QSKIP(qPrintable(missing));
        }
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
        m_server = std::make_unique<PostgresServer>();
        auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_passwords.set(m_server->spec(), m_server->password());
        auto session = TargetSessionFactory::open(m_server->spec(), &m_passwords);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        m_session = std::move(session).value();
        m_conformance.setSession(m_session.get());
        QCOMPARE(m_session->kind(), ConnectionSpec::Kind::PostgreSql);
        const QString failure = m_conformance.createTable();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void roundTripsEveryType()
    {
        const QString failure =
            m_conformance.roundTripsEveryType([](int c, QVariant &want, QVariant &) -> QString {
                if ((c == 9 || c == 10) && !want.isNull()) // PostgreSQL's ISO output
                    want = want.toString()
                               .replace(QLatin1Char('T'), QLatin1Char(' '))
                               .replace(QLatin1Char('Z'), QStringLiteral("+00"));
                return {};
            });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void upsertChangesOnlyTheRightRows()
    {
        const QString failure = m_conformance.upsertChangesOnlyTheRightRows();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void rollbackLeavesNothing()
    {
        const QString failure = m_conformance.rollbackLeavesNothing();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void executeAndQueryBindParameters()
    {
        const QString failure = m_conformance.executeAndQueryBindParameters(
            QStringLiteral("CAST(? AS text) IS NULL"), Error::Code::Validation);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // '?' inside quotes and comments is no placeholder.
        auto quoted = m_session->query(
            QStringLiteral("SELECT '?' AS \"?\", ?::bigint + 1 -- what?\n, ?::text"),
            {qint64(41), QStringLiteral("x")});
        QVERIFY2(quoted.ok(), qPrintable(quoted.ok() ? QString() : quoted.error().toString()));
        QCOMPARE(quoted->first(),
                 (QVariantList{QStringLiteral("?"), qint64(42), QStringLiteral("x")}));
        auto typed = m_session->query(QStringLiteral("SELECT ?::bytea, ?::boolean, ?::float8"),
                                      {QByteArray("\0\\x", 3), true, 1.0 / 3.0});
        QVERIFY(typed.ok());
        QCOMPARE(typed->first(), (QVariantList{QByteArray("\0\\x", 3), true, 1.0 / 3.0}));
    }

    // COPY's text of -0.0 keeps the sign (QString::number writes 0): the target stores what the
    // source held, and reconciliation, which tells -0.0 from 0.0, finds it equal.
    void negativeZeroKeepsItsSign()
    {
        QVERIFY(m_session->execute(QStringLiteral("CREATE TABLE zero (v float8, r real)")).ok());
        auto written = m_session->insertRows(QStringLiteral("zero"),
                                             {QStringLiteral("v"), QStringLiteral("r")},
                                             {{-0.0, -0.0}, {0.0, 0.0}});
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        auto read =
            m_session->query(QStringLiteral("SELECT v::text, r::text FROM zero ORDER BY v::text"));
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0), (QVariantList{QStringLiteral("-0"), QStringLiteral("-0")}));
        QCOMPARE(read->at(1), (QVariantList{QStringLiteral("0"), QStringLiteral("0")}));
    }

    void largeInsertCompletes()
    {
        const QString failure = m_conformance.largeInsertCompletes(
            QStringLiteral("CREATE TABLE big (id bigint PRIMARY KEY, name text, amount double "
                           "precision)"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void upsertInsideTransactionAndLastRowWins()
    {
        QVERIFY(m_session->begin().ok());
        auto done = m_session->upsertRows(QStringLiteral("big"),
                                          {QStringLiteral("id"), QStringLiteral("name")},
                                          {QStringLiteral("id")},
                                          {{qint64(1), QStringLiteral("first")},
                                           {qint64(1), QStringLiteral("second")},
                                           {qint64(60000), QStringLiteral("new")}});
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QVERIFY(m_session->commit().ok());
        auto name = m_session->query(QStringLiteral("SELECT name, amount FROM big WHERE id = ?"),
                                     {qint64(1)});
        QVERIFY(name.ok());
        QCOMPARE(name->first(), (QVariantList{QStringLiteral("second"), 1.0 / 7.0}));
        QCOMPARE(m_conformance.count(QStringLiteral("big")), qint64(50001));
    }

    void lostConnectionIsReportedAsSuch()
    {
        QVERIFY(m_server
                    ->execAsAdmin(
                        {QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE application_name = 'cutover'")})
                    .ok());
        const QString failure = m_conformance.lostConnectionIsReportedAsSuch(m_server->password());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestPostgresTargetSession)
#include "tst_postgrestargetsession.moc"
