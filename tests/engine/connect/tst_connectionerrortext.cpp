#include "connect/ConnectionErrorText.h"
#include "connect/SessionPasswordProvider.h"
#include "dialect/ConnectionSpec.h"

#include <QTest>

using namespace cutover;

// Driver messages as SqlConnection reports them, and what the user reads instead.
class TestConnectionErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explainsDriverMessages_data();
    void explainsDriverMessages();
    void keepsWhatItDoesNotKnow();
    void sessionPasswordsByConnection();
};

void TestConnectionErrorText::explainsDriverMessages_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    const QString pg = QStringLiteral("postgresql://etl@db.local:5433/clinic");
    const QString my = QStringLiteral("mysql://etl@db.local/legacy");
    QTest::newRow("pg refused")
        << pg
        << "cannot connect: connection to server at \"db.local\" (10.0.0.5), port 5433 failed: "
           "Connection refused\n\tIs the server running on that host and accepting TCP/IP "
           "connections? QPSQL: Unable to connect"
        << "Could not connect to a server on db.local:5433."
        << "Is PostgreSQL running there and accepting TCP/IP connections? Check the host and "
           "the port.";
    QTest::newRow("pg wrong password")
        << pg
        << "cannot connect: connection to server at \"db.local\" (10.0.0.5), port 5433 failed: "
           "FATAL:  password authentication failed for user \"etl\" QPSQL: Unable to connect"
        << "PostgreSQL refused the password for user etl."
        << "Type the password again; check the user name.";
    QTest::newRow("pg no password")
        << pg << "cannot connect: fe_sendauth: no password supplied QPSQL: Unable to connect"
        << "PostgreSQL wants a password for user etl."
        << "Type it in the Password field.";
    QTest::newRow("pg no database")
        << pg
        << "cannot connect: connection to server at \"db.local\" (10.0.0.5), port 5433 failed: "
           "FATAL:  database \"clinic\" does not exist QPSQL: Unable to connect"
        << "There is no database 'clinic' on db.local:5433."
        << "Check the database name.";
    QTest::newRow("pg no role")
        << pg
        << "cannot connect: connection to server at \"db.local\" (10.0.0.5), port 5433 failed: "
           "FATAL:  role \"etl\" does not exist QPSQL: Unable to connect"
        << "There is no user etl on the server on db.local:5433."
        << "Check the user name.";
    QTest::newRow("pg unknown host")
        << pg
        << "cannot connect: could not translate host name \"db.local\" to address: Name or "
           "service not known QPSQL: Unable to connect"
        << "There is no host named 'db.local'."
        << "Check the host name.";
    QTest::newRow("mysql refused")
        << my
        << "cannot connect: Can't connect to MySQL server on 'db.local' (111) QMYSQL: Unable "
           "to connect"
        << "Could not connect to a server on db.local:3306."
        << "Is MySQL running there and accepting TCP/IP connections? Check the host and the "
           "port.";
    QTest::newRow("mysql wrong password")
        << my
        << "cannot connect: Access denied for user 'etl'@'10.0.0.9' (using password: YES) "
           "QMYSQL: Unable to connect"
        << "MySQL refused the password for user etl."
        << "Type the password again; check the user name.";
    QTest::newRow("mysql no database")
        << my << "cannot connect: Unknown database 'legacy' QMYSQL: Unable to connect"
        << "There is no database 'legacy' on db.local:3306."
        << "Check the database name.";
    QTest::newRow("mysql database not allowed")
        << my
        << "cannot connect: Access denied for user 'etl'@'%' to database 'legacy' QMYSQL: "
           "Unable to connect"
        << "User etl may not use database 'legacy' on db.local:3306, or there is no such "
           "database."
        << "Check the database name and the user's privileges.";
    QTest::newRow("sqlite missing")
        << QStringLiteral("sqlite:/data/none.db") << "no such SQLite file"
        << "There is no file at /data/none.db."
        << "Check the path, or tick \"Create a new empty file\" for a target.";
    QTest::newRow("sqlite not a database")
        << QStringLiteral("sqlite:/data/notes.db")
        << "cannot read the tables: file is not a database Unable to execute statement"
        << "/data/notes.db is not a SQLite database."
        << "Choose the database file itself.";
}

void TestConnectionErrorText::explainsDriverMessages()
{
    QFETCH(QString, url);
    QFETCH(QString, driver);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    auto spec = ConnectionSpec::parse(url);
    QVERIFY(spec);
    const Error explained =
        ConnectionErrorText::explain(*spec, Error(Error::Code::Connection, driver, url));
    QCOMPARE(explained.message(), message);
    QCOMPARE(explained.hint(), hint);
    QCOMPARE(explained.code(), Error::Code::Connection);
}

void TestConnectionErrorText::keepsWhatItDoesNotKnow()
{
    auto spec = ConnectionSpec::parse(QStringLiteral("postgresql://db/x"));
    QVERIFY(spec);
    const Error explained = ConnectionErrorText::explain(
        *spec, Error(Error::Code::Connection, QStringLiteral("something  odd\nhappened")));
    QCOMPARE(explained.message(), QStringLiteral("something odd happened"));
    QVERIFY(!explained.hint().isEmpty());

    // Connected, then a query failed: not a connection problem, the driver's words stay.
    const Error query(Error::Code::Schema, QStringLiteral("cannot read the tables: permission"),
                      QStringLiteral("db"), QStringLiteral("grant it"));
    const Error kept = ConnectionErrorText::explain(*spec, query);
    QCOMPARE(kept.message(), query.message());
    QCOMPARE(kept.hint(), query.hint());
}

void TestConnectionErrorText::sessionPasswordsByConnection()
{
    auto crm = ConnectionSpec::parse(QStringLiteral("postgresql://alice@db/crm?schema=sales"));
    auto sameServer = ConnectionSpec::parse(QStringLiteral("postgresql://alice@db/crm"));
    auto other = ConnectionSpec::parse(QStringLiteral("postgresql://bob@db/crm"));
    QVERIFY(crm && sameServer && other);
    SessionPasswordProvider session;
    QVERIFY(!session.password(*crm));
    session.set(*crm, QStringLiteral("pw"));
    QCOMPARE(session.password(*sameServer).value_or(QString()), QStringLiteral("pw"));
    QVERIFY(!session.password(*other));
    QVERIFY(session.contains(*crm));
    session.forget(*crm);
    QVERIFY(!session.password(*crm));
}

QTEST_GUILESS_MAIN(TestConnectionErrorText)
#include "tst_connectionerrortext.moc"
