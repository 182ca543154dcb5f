#include "PostgresServer.h"

#include "ServerProcess.h"
#include "dialect/SqlDialect.h"
#include "run/target/PostgresPrograms.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QVersionNumber>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace cutover::test {

namespace {

constexpr auto kPg = ConnectionSpec::Kind::PostgreSql;
const QString kAdmin = QStringLiteral("cutover_admin");
QAtomicInteger<int> s_connectionCounter;

QString findBinDir()
{
    const QString fromEnv = qEnvironmentVariable("CUTOVER_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return QFileInfo::exists(fromEnv + QStringLiteral("/initdb")) ? fromEnv : QString();
    return PostgresPrograms::binDir({QStringLiteral("initdb"), QStringLiteral("postgres")});
}

using RunAs = ServerProcess::RunAs;

// initdb and postgres refuse to run as root: as root, they run as the postgres user.
Result<RunAs> runAs()
{
    RunAs who;
    if (::geteuid() != 0)
        return who;
    const passwd *entry = ::getpwnam("postgres");
    if (!entry)
        return Error(Error::Code::Internal,
                     QStringLiteral("running as root, but there is no 'postgres' user to run "
                                    "initdb and postgres as"),
                     QStringLiteral("PostgresServer"),
                     QStringLiteral("create it (the postgresql package does) or run as non-root"));
    who.switchUser = true;
    who.uid = entry->pw_uid;
    who.gid = entry->pw_gid;
    return who;
}

} // namespace

PostgresServer::PostgresServer() = default;

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::whyUnavailable()
{
    if (findBinDir().isEmpty())
        return QStringLiteral("PostgreSQL server binaries (initdb, postgres) not found in "
                              "CUTOVER_PG_BINDIR, /usr/lib/postgresql/*/bin or PATH; install the "
                              "postgresql package (installer/install-deps.sh)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("the Qt SQL driver QPSQL is not installed (libqt6sql6-psql)");
    return {};
}

QString PostgresServer::url(const QString &query) const
{
    QString text =
        QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user()).arg(m_port).arg(database());
    if (!query.isEmpty())
        text += QLatin1Char('?') + query;
    return text;
}

ConnectionSpec PostgresServer::spec(const QString &query) const
{
    auto parsed = ConnectionSpec::parse(url(query));
    Q_ASSERT(parsed.ok());
    return parsed.value();
}

qint64 PostgresServer::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool PostgresServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString PostgresServer::logTail(int lines) const
{
    return m_dir ? ServerProcess::tail(m_dir->filePath(QStringLiteral("server.log")), lines)
                 : QString();
}

Result<void> PostgresServer::start()
{
    stop();
    m_binDir = findBinDir();
    if (m_binDir.isEmpty())
        return Error(Error::Code::Internal, whyUnavailable(), QStringLiteral("PostgresServer"));
    const QString base = ServerProcess::tempBase();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/cutover-pg-XXXXXX"));
    if (!m_dir->isValid())
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString()),
            base);
    m_password = ServerProcess::randomPassword();
    auto result = initCluster();
    if (result)
        result = launch();
    if (!result) {
        const Error error = result.error();
        stop();
        return error;
    }
    return {};
}

Result<void> PostgresServer::initCluster()
{
    auto who = runAs();
    if (!who)
        return who.error();
    if (who->switchUser &&
        ::chown(QFile::encodeName(m_dir->path()).constData(), who->uid, who->gid) != 0)
        return Error(Error::Code::Io, QStringLiteral("cannot hand the directory to postgres"),
                     m_dir->path());
    // The password of the test user goes in with CREATE ROLE later; the cluster itself trusts
    // the local socket (only its owner can reach it) and wants scram-sha-256 over TCP.
    QProcess initdb;
    ServerProcess::prepare(initdb, *who, m_dir->filePath(QStringLiteral("initdb.log")));
    initdb.start(m_binDir + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                  QStringLiteral("-U"), kAdmin, QStringLiteral("--auth-local=trust"),
                  QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--no-sync"),
                  QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-locale")});
    const bool finished = initdb.waitForFinished(ServerProcess::timeoutSeconds() * 1000);
    if (!finished || initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
        if (!finished)
            ServerProcess::killGroup(initdb);
        return Error(
            Error::Code::Internal,
            QStringLiteral("initdb failed (%1):\n%2")
                .arg(finished ? QStringLiteral("exit code %1").arg(initdb.exitCode())
                              : QStringLiteral("timed out"),
                     ServerProcess::tail(m_dir->filePath(QStringLiteral("initdb.log")), 20)),
            m_binDir + QStringLiteral("/initdb"));
    }
    return {};
}

Result<void> PostgresServer::launch()
{
    auto who = runAs();
    if (!who)
        return who.error();
    // The kernel's free port may be taken again before postgres binds it: try a few.
    for (int attempt = 1;; ++attempt) {
        m_port = ServerProcess::freeLoopbackPort();
        if (m_port == 0)
            return Error(Error::Code::Internal, QStringLiteral("no free TCP port on 127.0.0.1"),
                         QStringLiteral("PostgresServer"));
        m_process = std::make_unique<QProcess>();
        ServerProcess::prepare(*m_process, *who, m_dir->filePath(QStringLiteral("server.log")));
        m_process->start(m_binDir + QStringLiteral("/postgres"),
                         {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"),
                          m_dir->path(), QStringLiteral("-c"),
                          QStringLiteral("listen_addresses=127.0.0.1"), QStringLiteral("-c"),
                          QStringLiteral("password_encryption=scram-sha-256"), QStringLiteral("-c"),
                          QStringLiteral("fsync=off"), QStringLiteral("-c"),
                          QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
                          QStringLiteral("full_page_writes=off"), QStringLiteral("-c"),
                          QStringLiteral("shared_buffers=16MB"), QStringLiteral("-c"),
                          QStringLiteral("max_connections=30"), QStringLiteral("-c"),
                          // No background ANALYZE: tests rely on exact row estimates.
                          QStringLiteral("autovacuum=off"), QStringLiteral("-c"),
                          QStringLiteral("logging_collector=off")});
        if (!m_process->waitForStarted(10000))
            return Error(Error::Code::Internal,
                         QStringLiteral("cannot start postgres: %1").arg(m_process->errorString()),
                         m_binDir + QStringLiteral("/postgres"));
        auto ready = waitUntilReady();
        if (ready)
            break;
        const bool portTaken = logTail(5).contains(QLatin1String("already in use"));
        if (!portTaken || attempt == 3)
            return ready;
        ServerProcess::killGroup(*m_process);
    }
    return execAs(
        QStringLiteral("postgres"),
        {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2")
             .arg(SqlDialect::quoteIdentifier(user(), kPg), SqlDialect::quoteString(m_password)),
         QStringLiteral("CREATE DATABASE %1 OWNER %2 ENCODING 'UTF8' TEMPLATE template0")
             .arg(SqlDialect::quoteIdentifier(database(), kPg),
                  SqlDialect::quoteIdentifier(user(), kPg))});
}

Result<void> PostgresServer::waitUntilReady()
{
    const QDeadlineTimer deadline(ServerProcess::timeoutSeconds() * 1000);
    QString lastError;
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            return Error(
                Error::Code::Connection,
                QStringLiteral("postgres exited (code %1) before accepting connections:\n%2")
                    .arg(m_process->exitCode())
                    .arg(logTail()),
                m_dir->path());
        auto probe = execAs(QStringLiteral("postgres"), {QStringLiteral("SELECT 1")});
        if (probe)
            return {};
        lastError = probe.error().message();
        QThread::msleep(100);
    }
    return Error(Error::Code::Connection,
                 QStringLiteral("postgres did not accept connections within %1 s (last error: "
                                "%2):\n%3")
                     .arg(ServerProcess::timeoutSeconds())
                     .arg(lastError, logTail()),
                 m_dir->path(), QStringLiteral("raise CUTOVER_SERVER_TIMEOUT on a slow machine"));
}

Result<void> PostgresServer::addTrustedUser(const QString &name) const
{
    if (!m_dir)
        return Error(Error::Code::Usage, QStringLiteral("the server is not started"),
                     QStringLiteral("PostgresServer"));
    QFile hba(m_dir->filePath(QStringLiteral("data/pg_hba.conf")));
    if (!hba.open(QIODevice::ReadWrite))
        return Error(Error::Code::Io, hba.errorString(), hba.fileName());
    const QByteArray rules = hba.readAll();
    hba.seek(0);
    hba.write("host all " + name.toUtf8() + " 127.0.0.1/32 trust\n" + rules);
    hba.close();
    return execAsAdmin({QStringLiteral("CREATE ROLE %1 LOGIN").arg(name),
                        QStringLiteral("SELECT pg_reload_conf()")});
}

Result<void> PostgresServer::execAsAdmin(const QStringList &statements) const
{
    return execAs(database(), statements);
}

Result<void> PostgresServer::execAs(const QString &databaseName,
                                    const QStringList &statements) const
{
    if (!m_dir)
        return Error(Error::Code::Usage, QStringLiteral("the server is not started"),
                     QStringLiteral("PostgresServer"));
    const QString name = QStringLiteral("cutover-pg-admin-%1").arg(++s_connectionCounter);
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_dir->path()); // a directory: libpq connects to the socket in it
        db.setPort(m_port);
        db.setUserName(kAdmin);
        db.setDatabaseName(databaseName);
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
        if (!db.open()) {
            result = Error(Error::Code::Connection, db.lastError().text().trimmed(), m_dir->path());
        } else {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    result = Error(Error::Code::Internal,
                                   QStringLiteral("%1 failed: %2")
                                       .arg(statement, query.lastError().text().trimmed()),
                                   QStringLiteral("PostgresServer"));
                    break;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void PostgresServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            // Immediate shutdown: the cluster is thrown away, nothing needs to be flushed.
            ::kill(pid_t(m_process->processId()), SIGQUIT);
            if (!m_process->waitForFinished(10000))
                ServerProcess::killGroup(*m_process);
        }
        m_process.reset();
    }
    m_dir.reset(); // removes the cluster
}

} // namespace cutover::test
