#include "FakePasswordProvider.h"
#include "connect/ChainedPasswordProvider.h"
#include "connect/EnvPasswordProvider.h"
#include "dialect/ConnectionSpec.h"

#include <QTest>

using namespace cutover;

class TestPasswordProviders : public QObject
{
    Q_OBJECT

    ConnectionSpec pg = *ConnectionSpec::parse(QStringLiteral("postgresql://etl@db:5432/clinic"));
    ConnectionSpec my = *ConnectionSpec::parse(QStringLiteral("mysql://etl@db:3306/legacy"));

private Q_SLOTS:
    void init()
    {
        qunsetenv("CUTOVER_PASSWORD");
        qunsetenv("PGPASSWORD");
        qunsetenv("MYSQL_PWD");
    }

    void environmentOrder()
    {
        EnvPasswordProvider env;
        QVERIFY(!env.password(pg).has_value());
        qputenv("PGPASSWORD", "pg-secret");
        QCOMPARE(env.password(pg).value(), QStringLiteral("pg-secret"));
        QVERIFY(!env.password(my).has_value()); // PGPASSWORD is not MySQL's
        qputenv("MYSQL_PWD", "my-secret");
        QCOMPARE(env.password(my).value(), QStringLiteral("my-secret"));
        qputenv("CUTOVER_PASSWORD", "cutover-secret");
        QCOMPARE(env.password(pg).value(), QStringLiteral("cutover-secret"));
        QCOMPARE(env.password(my).value(), QStringLiteral("cutover-secret"));
    }

    void chainAsksInTurn()
    {
        EnvPasswordProvider env;
        test::FakePasswordProvider keychain;
        keychain.set(pg, QStringLiteral("from-keychain"));
        ChainedPasswordProvider chain;
        chain.append(&env);
        chain.append(&keychain);
        QCOMPARE(chain.password(pg).value(), QStringLiteral("from-keychain"));
        QVERIFY(!chain.password(my).has_value());
        qputenv("CUTOVER_PASSWORD", "from-env");
        const int asked = keychain.timesAsked();
        QCOMPARE(chain.password(pg).value(), QStringLiteral("from-env"));
        QCOMPARE(keychain.timesAsked(), asked); // the keychain is not consulted when env answers
    }
};

QTEST_GUILESS_MAIN(TestPasswordProviders)
#include "tst_passwordproviders.moc"
