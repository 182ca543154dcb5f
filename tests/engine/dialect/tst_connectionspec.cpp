#include "dialect/ConnectionSpec.h"

#include <QDir>
#include <QTest>

using namespace cutover;

class TestConnectionSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEachKind_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("database");
        QTest::newRow("postgresql")
            << "postgresql://anna@db.example:6543/clinic" << int(ConnectionSpec::Kind::PostgreSql)
            << "db.example" << 6543 << "anna"
            << "clinic";
        QTest::newRow("postgres alias, default port")
            << "postgres://anna@localhost/clinic" << int(ConnectionSpec::Kind::PostgreSql)
            << "localhost" << 5432 << "anna"
            << "clinic";
        QTest::newRow("mysql") << "mysql://root@127.0.0.1:3307/legacy"
                               << int(ConnectionSpec::Kind::MySql) << "127.0.0.1" << 3307 << "root"
                               << "legacy";
        QTest::newRow("mariadb alias, default port")
            << "mariadb://u@h/d" << int(ConnectionSpec::Kind::MySql) << "h" << 3306 << "u"
            << "d";
    }
    void parsesEachKind()
    {
        QFETCH(QString, url);
        QFETCH(int, kind);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, database);
        const auto spec = ConnectionSpec::parse(url);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().toString()));
        QCOMPARE(int(spec->kind()), kind);
        QCOMPARE(spec->host(), host);
        QCOMPARE(spec->port(), port);
        QCOMPARE(spec->user(), user);
        QCOMPARE(spec->database(), database);
        QCOMPARE(spec->url(), url);
    }

    void resolvesRelativePathsAgainstTheProjectFolder()
    {
        const auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:data/legacy.sqlite"),
                                                QStringLiteral("/srv/projects/clinic"));
        QVERIFY(spec.ok());
        QCOMPARE(spec->kind(), ConnectionSpec::Kind::Sqlite);
        QCOMPARE(spec->path(), QStringLiteral("/srv/projects/clinic/data/legacy.sqlite"));
        QCOMPARE(spec->url(), QStringLiteral("sqlite:data/legacy.sqlite"));

        const auto absolute = ConnectionSpec::parse(QStringLiteral("sqlite:/tmp/a b.sqlite"),
                                                    QStringLiteral("/elsewhere"));
        QCOMPARE(absolute->path(), QStringLiteral("/tmp/a b.sqlite"));
    }

    void readsCsvOptions()
    {
        const auto spec = ConnectionSpec::parse(
            QStringLiteral("csv:exports?delimiter=%3B&encoding=latin1&header=false"),
            QStringLiteral("/data"));
        QVERIFY(spec.ok());
        QCOMPARE(spec->kind(), ConnectionSpec::Kind::Csv);
        QCOMPARE(spec->path(), QStringLiteral("/data/exports"));
        QCOMPARE(spec->option(QStringLiteral("delimiter")), QStringLiteral(";"));
        QCOMPARE(spec->option(QStringLiteral("encoding")), QStringLiteral("latin1"));
        QCOMPARE(spec->option(QStringLiteral("header")), QStringLiteral("false"));
        QCOMPARE(spec->option(QStringLiteral("quote"), QStringLiteral("\"")), QStringLiteral("\""));
    }

    void refusesPasswordsInUrls()
    {
        const auto spec = ConnectionSpec::parse(QStringLiteral("postgresql://anna:s3cret@h/db"));
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code(), Error::Code::Usage);
        QVERIFY(spec.error().message().contains(QLatin1String("password")));
        QVERIFY(!spec.error().toString().contains(QLatin1String("s3cret")));
    }

    void refusesBadUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("unknown kind") << "oracle://x/y"
                                      << "unknown connection kind 'oracle'";
        QTest::newRow("no scheme") << "legacy.sqlite"
                                   << "unknown connection kind";
        QTest::newRow("no database") << "postgresql://u@h:5432"
                                     << "names no database";
        QTest::newRow("no path") << "sqlite:"
                                 << "names no path";
    }
    void refusesBadUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const auto spec = ConnectionSpec::parse(url);
        QVERIFY(!spec.ok());
        QVERIFY2(spec.error().toString().contains(expected), qPrintable(spec.error().toString()));
    }

    void displayNameHasNoSecret()
    {
        const auto spec = ConnectionSpec::parse(QStringLiteral("mysql://app@10.0.0.5:3306/legacy"));
        QCOMPARE(spec->displayName(), QStringLiteral("mysql://app@10.0.0.5:3306/legacy"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSpec)
#include "tst_connectionspec.moc"
