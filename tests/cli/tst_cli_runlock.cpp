#include "CliRunner.h"
#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "VerifyOk.h"
#include "project/ProjectReader.h"
#include "run/RunController.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using cutover::test::CliRunner;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;

// One run at a time on a target, with real processes: while one `cutover-cli run` holds the
// target, a second one (or the window's RunController) is refused at once, naming the holder;
// once the holder is killed (SIGKILL), the next run takes the lock over and resumes its run.
// On SQLite the lock is a file lock, on PostgreSQL an advisory lock, on MariaDB GET_LOCK.
class TestCliRunLock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    int m_demos = 0;

    static QString why(const CliRunner::Outcome &run)
    {
        return QStringLiteral("exit %1\nout: %2\nerr: %3").arg(run.exitCode).arg(run.out, run.err);
    }

    // A demo project; its target moved to url when one is given.
    QString demo(int patients, const QString &url = {})
    {
        const QString dir = m_root.filePath(QStringLiteral("demo%1").arg(++m_demos));
        const auto made = CliRunner::run(
            {QStringLiteral("demo"), dir, QStringLiteral("--rows"), QString::number(patients)});
        if (made.exitCode != 0)
            qFatal("demo failed: %s", qPrintable(made.err));
        const QString project = dir + QStringLiteral("/demo.cutover");
        if (url.isEmpty())
            return project;
        QFile file(project);
        if (!file.open(QIODevice::ReadWrite))
            qFatal("cannot open %s", qPrintable(project));
        QByteArray text = file.readAll();
        text.replace("\"sqlite:modern.sqlite\"", "\"" + url.toUtf8() + "\"");
        file.resize(0);
        file.write(text);
        return project;
    }

    // Starts `cutover-cli run` and returns once it has committed rows, so it holds the lock.
    static bool startHolder(QProcess &process, const QStringList &arguments,
                            const QProcessEnvironment &environment)
    {
        process.setProcessEnvironment(environment);
        process.setProgram(CliRunner::binary());
        process.setArguments(arguments +
                             QStringList{QStringLiteral("--progress"), QStringLiteral("json")});
        process.start();
        if (!process.waitForStarted())
            return false;
        QByteArray seen;
        while (process.waitForReadyRead(60000)) {
            seen += process.readAllStandardOutput();
            for (const QByteArray &line : seen.split('\n'))
                for (const QJsonValue &t : QJsonDocument::fromJson(line)
                                               .object()
                                               .value(QStringLiteral("tables"))
                                               .toArray())
                    if (t.toObject().value(QStringLiteral("written")).toInteger() > 0)
                        return true;
        }
        return false;
    }

    static QJsonObject finishedEvent(const QString &out)
    {
        QJsonObject found;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(QStringLiteral("event")) == QStringLiteral("finished"))
                found = o;
        }
        return found;
    }

    // The holder runs, frozen (SIGSTOP) so that it keeps the lock for as long as the test
    // needs: a second run is refused at once naming it; killed, its run is resumed by the next.
    void checkOneRunAtATime(const QString &project, const QString &schemaFrom,
                            const QProcessEnvironment &environment,
                            const cutover::PasswordProvider *passwords)
    {
        QStringList arguments = {QStringLiteral("run"), project, QStringLiteral("--batch-size"),
                                 QStringLiteral("200")};
        if (!schemaFrom.isEmpty())
            arguments += {QStringLiteral("--schema-from"), schemaFrom};
        QProcess holder;
        QVERIFY(startHolder(holder, arguments, environment));
        const qint64 pid = holder.processId();
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);

        QElapsedTimer timer;
        timer.start();
        const auto second = CliRunner::run(arguments, {}, environment);
        const qint64 refusedMs = timer.elapsed();
        QVERIFY2(second.exitCode == 4, qPrintable(why(second)));
        QVERIFY2(refusedMs < 4000, qPrintable(QString::number(refusedMs)));
        QVERIFY2(second.err.contains(QStringLiteral("another run is using this target")),
                 qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("process %1 on host %2, since ")
                                         .arg(pid)
                                         .arg(QSysInfo::machineHostName())),
                 qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral(" UTC")), qPrintable(second.err));

        // The window's runs go through the same lock.
        auto loaded = cutover::ProjectReader::load(project);
        VERIFY_OK(loaded);
        cutover::RunOptions runOptions;
        runOptions.schemaFrom = schemaFrom;
        cutover::RunController controller(passwords);
        QSignalSpy failed(&controller, &cutover::RunController::failed);
        QSignalSpy finished(&controller, &cutover::RunController::finished);
        QVERIFY(controller.start(*loaded, runOptions));
        QVERIFY(controller.waitForFinished(30000));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);
        const auto error = failed.first().first().value<cutover::Error>();
        QCOMPARE(error.code(), cutover::Error::Code::Busy);
        QVERIFY2(error.message().contains(QStringLiteral("process %1").arg(pid)),
                 qPrintable(error.toString()));

        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QVERIFY(holder.waitForFinished(30000));
        QCOMPARE(holder.exitStatus(), QProcess::CrashExit);

        const auto resumed = CliRunner::run(
            arguments + QStringList{QStringLiteral("--progress"), QStringLiteral("json")}, {},
            environment);
        QVERIFY2(resumed.exitCode == 0, qPrintable(why(resumed)));
        QVERIFY2(resumed.out.contains(QStringLiteral("resuming run")), qPrintable(resumed.out));
        const QJsonObject end = finishedEvent(resumed.out);
        QCOMPARE(end.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        for (const QJsonValue &t : end.value(QStringLiteral("tables")).toArray())
            QVERIFY2(t.toObject().value(QStringLiteral("balances")).toBool(),
                     qPrintable(QJsonDocument(t.toObject()).toJson()));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_root.isValid()); }

    void sqliteTarget()
    {
        const QString project = demo(2000);
        FakePasswordProvider none;
        checkOneRunAtATime(project, {}, QProcessEnvironment::systemEnvironment(), &none);
    }

    void postgresTarget()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        VERIFY_OK(server.start());
        FakePasswordProvider passwords;
        passwords.set(server.spec(), server.password());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CUTOVER_PASSWORD"), server.password());
        checkOneRunAtATime(demo(1000, server.url()), QStringLiteral("sqlite:modern.sqlite"),
                           environment, &passwords);
    }

    void mariadbTarget()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        VERIFY_OK(server.start());
        FakePasswordProvider passwords;
        passwords.set(server.spec(), server.password());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CUTOVER_PASSWORD"), server.password());
        checkOneRunAtATime(demo(1000, server.url()), QStringLiteral("sqlite:modern.sqlite"),
                           environment, &passwords);
    }
};

QTEST_GUILESS_MAIN(TestCliRunLock)
#include "tst_cli_runlock.moc"
