#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "VerifyOk.h"
#include "connect/SqlConnection.h"
#include "run/target/TargetSessionFactory.h"

#include <QTest>
#include <QThread>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;

// A password is asked of the providers (the keychain among them, which may take its time) only
// when the server asks for one: a server that trusts the user connects without asking, and one
// that wants a password gets it on the second attempt.
class TestServerPasswords : public QObject
{
    Q_OBJECT

private:
    static ConnectionSpec withUser(const ConnectionSpec &spec, const QString &user,
                                   ConnectionSpec::Kind kind)
    {
        const QString scheme =
            kind == ConnectionSpec::Kind::PostgreSql ? QStringLiteral("postgresql") : "mysql";
        return *ConnectionSpec::parse(QStringLiteral("%1://%2@127.0.0.1:%3/%4")
                                          .arg(scheme, user)
                                          .arg(spec.port())
                                          .arg(spec.database()));
    }

    // Opens spec through SqlConnection and, for PostgreSQL, the libpq target session: how often
    // were the passwords asked for?
    static int asked(const ConnectionSpec &spec, const QString &password)
    {
        FakePasswordProvider passwords;
        passwords.set(spec, password);
        auto connection = SqlConnection::open(spec, &passwords);
        if (!connection)
            qWarning("%s", qPrintable(connection.error().toString()));
        auto session = TargetSessionFactory::open(spec, &passwords);
        if (!session)
            qWarning("%s", qPrintable(session.error().toString()));
        return connection && session ? passwords.timesAsked() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void postgres()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        VERIFY_OK(server.start());
        VERIFY_OK(server.addTrustedUser(QStringLiteral("trusted")));
        const auto kind = ConnectionSpec::Kind::PostgreSql;
        QCOMPARE(asked(withUser(server.spec(), QStringLiteral("trusted"), kind), QString()), 0);
        QCOMPARE(asked(server.spec(), server.password()), 2); // once per connection
    }

    void mariadb()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        VERIFY_OK(server.start());
        VERIFY_OK(server.execAsAdmin(
            {QStringLiteral("CREATE USER 'open'@'%'"),
             QStringLiteral("GRANT ALL ON %1.* TO 'open'@'%'").arg(server.database())}));
        const auto kind = ConnectionSpec::Kind::MySql;
        QCOMPARE(asked(withUser(server.spec(), QStringLiteral("open"), kind), QString()), 0);
        QCOMPARE(asked(server.spec(), server.password()), 2);
    }
};

QTEST_GUILESS_MAIN(TestServerPasswords)
#include "tst_serverpasswords.moc"
