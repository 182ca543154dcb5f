#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "connect/SqlConnection.h"
#include "run/target/SqliteBackup.h"
#include "run/target/TargetBackup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

// Backs up a real SQLite file, PostgreSQL and MariaDB server, checks the verification, then
// proves each backup holds the rows by restoring it somewhere new. Failures (a wrong password, a
// stopped server, a missing file, a cancel) leave no file, and no text shows the password.
class TestTargetBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_notices;

    static QStringList seed()
    {
        return {QStringLiteral("CREATE TABLE patients (id INTEGER PRIMARY KEY, name VARCHAR(40))"),
                QStringLiteral("CREATE TABLE visits (id INTEGER PRIMARY KEY, patient_id INTEGER "
                               "NOT NULL REFERENCES patients(id), note VARCHAR(200))"),
                QStringLiteral("CREATE TABLE codes (code VARCHAR(10) PRIMARY KEY, label "
                               "VARCHAR(40))"),
                QStringLiteral("INSERT INTO patients VALUES (1, 'Zoë'), (2, 'O''Brien'), (3, "
                               "NULL)"),
                QStringLiteral("INSERT INTO visits VALUES (1, 1, 'first'), (2, 1, 'second'), "
                               "(3, 2, 'line one\nline two'), (4, 3, NULL), (5, 3, '')"),
                QStringLiteral("INSERT INTO codes VALUES ('A', 'active'), ('X', 'closed')")};
    }

    // "patients:3 visits:5 codes:2" as the database holds them.
    static QString rowCounts(const ConnectionSpec &spec, const PasswordProvider *passwords)
    {
        auto connection = SqlConnection::open(spec, passwords);
        if (!connection)
            return connection.error().toString();
        QStringList counts;
        for (const char *table : {"patients", "visits", "codes"}) {
            QSqlQuery query((*connection)->database());
            if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))) ||
                !query.next())
                return query.lastError().text();
            counts.append(QStringLiteral("%1:%2").arg(table, query.value(0).toString()));
        }
        return counts.join(QLatin1Char(' '));
    }

    static Result<void> exec(const ConnectionSpec &spec, const PasswordProvider *passwords,
                             const QStringList &statements)
    {
        auto connection = SqlConnection::open(spec, passwords, SqlConnection::Mode::ReadWrite);
        if (!connection)
            return connection.error();
        QSqlQuery query((*connection)->database());
        for (const QString &sql : statements)
            if (!query.exec(sql))
                return Error(Error::Code::Schema,
                             sql + QStringLiteral(": ") + query.lastError().text());
        return {};
    }

    static ConnectionSpec withDatabase(const ConnectionSpec &spec, const QString &database)
    {
        const QString scheme = spec.kind() == ConnectionSpec::Kind::PostgreSql
                                   ? QStringLiteral("postgresql")
                                   : QStringLiteral("mysql");
        return *ConnectionSpec::parse(QStringLiteral("%1://%2@%3:%4/%5")
                                          .arg(scheme, spec.user(), spec.host())
                                          .arg(spec.port())
                                          .arg(database));
    }

    // Runs a client tool with stdin from a file; "" when it exits 0, else its output.
    static QString runClient(const QString &program, const QStringList &arguments,
                             const QString &passwordVariable, const QString &password,
                             const QString &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(passwordVariable, password);
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setStandardInputFile(input.isEmpty() ? QProcess::nullDevice() : input);
        process.start(program, arguments);
        if (!process.waitForFinished(30000))
            return program + QStringLiteral(" did not finish");
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return program + QStringLiteral(": ") + QString::fromLocal8Bit(process.readAll());
        return {};
    }

    TargetBackup backup(const ConnectionSpec &spec, const PasswordProvider *passwords = nullptr)
    {
        TargetBackup backup(QStringLiteral("target"), spec, passwords);
        backup.setNotice([this](const QString &text) { m_notices.append(text); });
        return backup;
    }

    QString folder(const QString &name) const { return m_dir.filePath(name); }

    static QStringList filesIn(const QString &folder)
    {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    }

    void verifyQuiet(const QString &secret, const QString &errorText = {}) const
    {
        QVERIFY(!secret.isEmpty());
        for (const QString &notice : m_notices)
            QVERIFY2(!notice.contains(secret), qPrintable(notice));
        QVERIFY(!errorText.contains(secret));
    }

    static void verifyName(const TargetBackup::Outcome &outcome, const QString &extension)
    {
        static const QRegularExpression name(QStringLiteral("^target-\\d{8}-\\d{6}\\.(\\w+)$"));
        const auto match = name.match(QFileInfo(outcome.file).fileName());
        QVERIFY2(match.hasMatch(), qPrintable(outcome.file));
        QCOMPARE(match.captured(1), extension);
        QVERIFY(outcome.bytes > 0);
        QCOMPARE(outcome.bytes, QFileInfo(outcome.file).size());
        QVERIFY(outcome.seconds >= 0);
        QCOMPARE(outcome.tables, 3);
        QVERIFY(outcome.summary.contains(outcome.file));
        QVERIFY(outcome.summary.contains(outcome.verification));
        QVERIFY(!outcome.summary.contains(QLatin1Char('\n')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("PGPASSWORD");
        qunsetenv("MYSQL_PWD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void init() { m_notices.clear(); }

    void fileNames()
    {
        const QDateTime when(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QCOMPARE(TargetBackup::fileName(QStringLiteral("crm target"), ConnectionSpec::Kind::Sqlite,
                                        when),
                 QStringLiteral("crm target-20250102-030405.sqlite"));
        QCOMPARE(TargetBackup::fileName(QStringLiteral("a/b:c"), ConnectionSpec::Kind::PostgreSql,
                                        when.toOffsetFromUtc(7200)),
                 QStringLiteral("a_b_c-20250102-030405.dump"));
        QCOMPARE(TargetBackup::fileName({}, ConnectionSpec::Kind::MySql, when),
                 QStringLiteral("target-20250102-030405.sql"));
        QVERIFY(TargetBackup::extension(ConnectionSpec::Kind::Csv).isEmpty());
    }

    void sqlite()
    {
        const QString db = m_dir.filePath(QStringLiteral("target.db"));
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(handle);
        QCOMPARE(SqliteFile::create(db, seed()), QString());

        const QString where = folder(QStringLiteral("sqlite/backups"));
        auto done = backup(*ConnectionSpec::parse(QStringLiteral("sqlite:") + db)).run(where);
        VERIFY_OK(done);
        verifyName(*done, QStringLiteral("sqlite"));
        QCOMPARE(done->verification, QStringLiteral("quick_check ok, 3 tables"));
        QCOMPARE(filesIn(where), QStringList{QFileInfo(done->file).fileName()}); // no -wal, .part
        QVERIFY(!m_notices.isEmpty());
        QCOMPARE(m_notices.last(), done->summary);

        const QString restored = m_dir.filePath(QStringLiteral("restored.db"));
        VERIFY_OK(SqliteBackup::restore(done->file, restored));
        QCOMPARE(rowCounts(*ConnectionSpec::parse(QStringLiteral("sqlite:") + restored), nullptr),
                 QStringLiteral("patients:3 visits:5 codes:2"));
        QCOMPARE(SqliteFile::scalar(restored, QStringLiteral("SELECT name FROM patients WHERE "
                                                             "id = 1")),
                 QStringLiteral("Zoë"));
    }

    void sqliteNeverOverwrites()
    {
        const QString db = m_dir.filePath(QStringLiteral("small.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        const ConnectionSpec spec = *ConnectionSpec::parse(QStringLiteral("sqlite:") + db);
        const QString where = folder(QStringLiteral("taken"));
        QVERIFY(QDir().mkpath(where));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList taken;
        for (int seconds = 0; seconds <= 3; ++seconds) {
            QFile file(QDir(where).filePath(TargetBackup::fileName(
                QStringLiteral("target"), spec.kind(), now.addSecs(seconds))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
            taken.append(file.fileName());
        }
        auto done = backup(spec).run(where);
        VERIFY_OK(done);
        QVERIFY(!taken.contains(done->file));
        for (const QString &path : taken) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray("precious"));
        }
        QCOMPARE(filesIn(where).size(), taken.size() + 1);
    }

    void sqliteFailures()
    {
        const QString where = folder(QStringLiteral("failures"));
        auto missing = backup(*ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                                     m_dir.filePath(QStringLiteral("none.db"))))
                           .run(where);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), Error::Code::Io);
        QVERIFY2(missing.error().message().contains(QLatin1String("does not exist")),
                 qPrintable(missing.error().toString()));
        QCOMPARE(filesIn(where), QStringList());

        const QString db = m_dir.filePath(QStringLiteral("cancel.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        TargetBackup cancelled = backup(*ConnectionSpec::parse(QStringLiteral("sqlite:") + db));
        int polls = 0;
        cancelled.setCancelCheck([&polls] { return ++polls > 1; }); // during the copy or check
        auto stopped = cancelled.run(where);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code(), Error::Code::Cancelled);
        QCOMPARE(filesIn(where), QStringList());

        const std::atomic<bool> flag{true};
        TargetBackup flagged = backup(*ConnectionSpec::parse(QStringLiteral("sqlite:") + db));
        flagged.setCancelFlag(&flag);
        auto flaggedRun = flagged.run(where);
        QVERIFY(!flaggedRun);
        QCOMPARE(flaggedRun.error().code(), Error::Code::Cancelled);
        QCOMPARE(filesIn(where), QStringList());
    }

    void postgres()
    {
        QString missing = PostgresServer::whyUnavailable();
        if (missing.isEmpty() && TargetBackup::postgresBinDir().isEmpty())
            missing = QStringLiteral("pg_dump and pg_restore not found (postgresql-client)");
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        VERIFY_OK(server.start());
        FakePasswordProvider passwords;
        passwords.set(server.spec(), server.password());
        VERIFY_OK(exec(server.spec(), &passwords, seed()));

        const QString where = folder(QStringLiteral("pg"));
        auto done = backup(server.spec(), &passwords).run(where);
        VERIFY_OK(done);
        verifyName(*done, QStringLiteral("dump"));
        QCOMPARE(done->verification, QStringLiteral("pg_restore lists 3 tables' data"));
        QCOMPARE(filesIn(where), QStringList{QFileInfo(done->file).fileName()});
        verifyQuiet(server.password());

        VERIFY_OK(server.execAsAdmin({QStringLiteral("CREATE DATABASE restored OWNER cutover")}));
        const ConnectionSpec restored = withDatabase(server.spec(), QStringLiteral("restored"));
        QCOMPARE(runClient(TargetBackup::postgresBinDir() + QStringLiteral("/pg_restore"),
                           {QStringLiteral("--no-owner"), QStringLiteral("--exit-on-error"),
                            QStringLiteral("--host=127.0.0.1"),
                            QStringLiteral("--port=%1").arg(server.port()),
                            QStringLiteral("--username=cutover"),
                            QStringLiteral("--dbname=restored"), done->file},
                           QStringLiteral("PGPASSWORD"), server.password()),
                 QString());
        passwords.set(restored, server.password());
        QCOMPARE(rowCounts(restored, &passwords), QStringLiteral("patients:3 visits:5 codes:2"));

        FakePasswordProvider wrong;
        const QString wrongPassword = QStringLiteral("Wrong-Secret-4711");
        wrong.set(server.spec(), wrongPassword);
        m_notices.clear();
        auto refused = backup(server.spec(), &wrong).run(where);
        QVERIFY(!refused);
        const QString text = refused.error().toString();
        QCOMPARE(refused.error().code(), Error::Code::Connection);
        QVERIFY2(text.contains(QLatin1String("pg_dump exited with code 1")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("password")), qPrintable(text));
        verifyQuiet(wrongPassword, text);
        verifyQuiet(server.password(), text);
        QCOMPARE(filesIn(where), QStringList{QFileInfo(done->file).fileName()});

        TargetBackup cancelled = backup(server.spec(), &passwords);
        int polls = 0;
        cancelled.setCancelCheck([&polls] { return ++polls > 2; }); // while a tool runs
        auto stopped = cancelled.run(where);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code(), Error::Code::Cancelled);
        QCOMPARE(filesIn(where), QStringList{QFileInfo(done->file).fileName()});
    }

    void mariadb()
    {
        QString missing = MariaDbServer::whyUnavailable();
        const QString client = QStandardPaths::findExecutable(QStringLiteral("mariadb")).isEmpty()
                                   ? QStandardPaths::findExecutable(QStringLiteral("mysql"))
                                   : QStandardPaths::findExecutable(QStringLiteral("mariadb"));
        if (missing.isEmpty() && (TargetBackup::mysqlDumpProgram().isEmpty() || client.isEmpty()))
            missing = QStringLiteral("mariadb-dump or the mariadb client not found "
                                     "(mariadb-client)");
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        VERIFY_OK(server.start());
        FakePasswordProvider passwords;
        passwords.set(server.spec(), server.password());
        VERIFY_OK(exec(server.spec(), &passwords, seed()));

        const QString where = folder(QStringLiteral("mariadb"));
        auto done = backup(server.spec(), &passwords).run(where);
        VERIFY_OK(done);
        verifyName(*done, QStringLiteral("sql"));
        QCOMPARE(done->verification,
                 QStringLiteral("dump completed, a CREATE TABLE for each of 3 tables"));
        QCOMPARE(filesIn(where), QStringList{QFileInfo(done->file).fileName()});
        verifyQuiet(server.password());

        VERIFY_OK(server.execAsAdmin(
            {QStringLiteral("CREATE DATABASE restored CHARACTER SET utf8mb4"),
             QStringLiteral("GRANT ALL PRIVILEGES ON restored.* TO 'cutover'@'127.0.0.1'")}));
        QCOMPARE(runClient(client,
                           {QStringLiteral("--host=127.0.0.1"),
                            QStringLiteral("--port=%1").arg(server.port()),
                            QStringLiteral("--user=cutover"), QStringLiteral("restored")},
                           QStringLiteral("MYSQL_PWD"), server.password(), done->file),
                 QString());
        const ConnectionSpec restored = withDatabase(server.spec(), QStringLiteral("restored"));
        passwords.set(restored, server.password());
        QCOMPARE(rowCounts(restored, &passwords), QStringLiteral("patients:3 visits:5 codes:2"));

        server.stop();
        m_notices.clear();
        auto refused = backup(server.spec(), &passwords).run(where);
        QVERIFY(!refused);
        const QString text = refused.error().toString();
        QCOMPARE(refused.error().code(), Error::Code::Connection);
        QVERIFY2(text.contains(QFileInfo(TargetBackup::mysqlDumpProgram()).fileName() +
                               QStringLiteral(" exited with code 2")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Could not connect")), qPrintable(text));
        verifyQuiet(server.password(), text);
        QCOMPARE(filesIn(where), QStringList{QFileInfo(done->file).fileName()});
    }
};

QTEST_GUILESS_MAIN(TestTargetBackup)
#include "tst_targetbackup.moc"
