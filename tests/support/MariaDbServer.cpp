#include "MariaDbServer.h"

#include "ServerProcess.h"
#include "dialect/SqlDialect.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace cutover::test {

namespace {

constexpr auto kMySql = ConnectionSpec::Kind::MySql;
QAtomicInteger<int> s_connectionCounter;

QString findBinary(const QStringList &names)
{
    const QString fromEnv = qEnvironmentVariable("CUTOVER_MARIADB_BINDIR");
    const QStringList extra = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                               QStringLiteral("/usr/libexec"), QStringLiteral("/usr/local/bin"),
                               QStringLiteral("/usr/local/sbin")};
    for (const QString &name : names) {
        if (!fromEnv.isEmpty()) {
            const QString path = QStandardPaths::findExecutable(name, {fromEnv});
            if (!path.isEmpty())
                return path;
            continue;
        }
        QString path = QStandardPaths::findExecutable(name);
        if (path.isEmpty())
            path = QStandardPaths::findExecutable(name, extra);
        if (!path.isEmpty())
            return path;
    }
    return {};
}

QString serverBinary()
{
    return findBinary({QStringLiteral("mariadbd"), QStringLiteral("mysqld")});
}

QString installBinary()
{
    return findBinary({QStringLiteral("mariadb-install-db"), QStringLiteral("mysql_install_db")});
}

} // namespace

MariaDbServer::MariaDbServer() = default;

MariaDbServer::~MariaDbServer()
{
    stop();
}

QString MariaDbServer::whyUnavailable()
{
    if (serverBinary().isEmpty() || installBinary().isEmpty())
        return QStringLiteral("MariaDB server binaries (mariadbd, mariadb-install-db) not found in "
                              "CUTOVER_MARIADB_BINDIR, PATH or /usr/sbin; install the "
                              "mariadb-server package (installer/install-deps.sh)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")))
        return QStringLiteral("the Qt SQL driver QMYSQL is not installed (libqt6sql6-mysql)");
    return {};
}

QString MariaDbServer::url(const QString &query) const
{
    QString text =
        QStringLiteral("mysql://%1@127.0.0.1:%2/%3").arg(user()).arg(m_port).arg(database());
    if (!query.isEmpty())
        text += QLatin1Char('?') + query;
    return text;
}

ConnectionSpec MariaDbServer::spec(const QString &query) const
{
    auto parsed = ConnectionSpec::parse(url(query));
    Q_ASSERT(parsed.ok());
    return parsed.value();
}

qint64 MariaDbServer::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool MariaDbServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString MariaDbServer::logTail(int lines) const
{
    return m_dir ? ServerProcess::tail(m_dir->filePath(QStringLiteral("server.log")), lines)
                 : QString();
}

QString MariaDbServer::socketPath() const
{
    return m_dir->filePath(QStringLiteral("mysqld.sock"));
}

// Small and unsafe on purpose: the data is thrown away after the test.
QStringList MariaDbServer::serverOptions() const
{
    QStringList options = {QStringLiteral("--no-defaults"),
                           QStringLiteral("--datadir=") + m_dir->filePath(QStringLiteral("data")),
                           QStringLiteral("--tmpdir=") + m_dir->path(),
                           QStringLiteral("--skip-log-bin"),
                           QStringLiteral("--skip-innodb-doublewrite"),
                           QStringLiteral("--innodb-buffer-pool-size=16M"),
                           QStringLiteral("--innodb-log-file-size=8M"),
                           QStringLiteral("--innodb-flush-log-at-trx-commit=0"),
                           QStringLiteral("--innodb-use-native-aio=0"),
                           QStringLiteral("--skip-name-resolve"),
                           QStringLiteral("--character-set-server=utf8mb4")};
    if (::geteuid() == 0)
        options << QStringLiteral("--user=root"); // mariadbd refuses root without it
    return options;
}

Result<void> MariaDbServer::start()
{
    stop();
    m_serverBinary = serverBinary();
    m_installBinary = installBinary();
    if (m_serverBinary.isEmpty() || m_installBinary.isEmpty())
        return Error(Error::Code::Internal, whyUnavailable(), QStringLiteral("MariaDbServer"));
    const QString base = ServerProcess::tempBase();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/cutover-mariadb-XXXXXX"));
    if (!m_dir->isValid())
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString()),
            base);
    m_password = ServerProcess::randomPassword();
    auto result = installDataDir();
    if (result)
        result = launch();
    if (!result) {
        const Error error = result.error();
        stop();
        return error;
    }
    return {};
}

Result<void> MariaDbServer::installDataDir()
{
    const QString log = m_dir->filePath(QStringLiteral("install.log"));
    QProcess install;
    ServerProcess::prepare(install, {}, log);
    QStringList arguments = serverOptions();
    // root may log in over the socket without a password (no unix_socket plugin, so any local
    // user of the socket can); the socket sits in a directory only we can reach.
    arguments << QStringLiteral("--auth-root-authentication-method=normal")
              << QStringLiteral("--skip-test-db");
    install.start(m_installBinary, arguments);
    const bool finished = install.waitForFinished(ServerProcess::timeoutSeconds() * 1000);
    if (!finished || install.exitStatus() != QProcess::NormalExit || install.exitCode() != 0) {
        if (!finished)
            ServerProcess::killGroup(install);
        return Error(Error::Code::Internal,
                     QStringLiteral("%1 failed (%2):\n%3")
                         .arg(QFileInfo(m_installBinary).fileName(),
                              finished ? QStringLiteral("exit code %1").arg(install.exitCode())
                                       : QStringLiteral("timed out"),
                              ServerProcess::tail(log, 20)),
                     m_installBinary);
    }
    return {};
}

Result<void> MariaDbServer::launch()
{
    // The kernel's free port may be taken again before mariadbd binds it: try a few.
    for (int attempt = 1;; ++attempt) {
        m_port = ServerProcess::freeLoopbackPort();
        if (m_port == 0)
            return Error(Error::Code::Internal, QStringLiteral("no free TCP port on 127.0.0.1"),
                         QStringLiteral("MariaDbServer"));
        m_process = std::make_unique<QProcess>();
        ServerProcess::prepare(*m_process, {}, m_dir->filePath(QStringLiteral("server.log")));
        QStringList arguments = serverOptions();
        arguments << QStringLiteral("--port=%1").arg(m_port)
                  << QStringLiteral("--bind-address=127.0.0.1")
                  << QStringLiteral("--socket=") + socketPath()
                  << QStringLiteral("--pid-file=") + m_dir->filePath(QStringLiteral("mysqld.pid"))
                  << QStringLiteral("--max-connections=30");
        m_process->start(m_serverBinary, arguments);
        if (!m_process->waitForStarted(10000))
            return Error(Error::Code::Internal,
                         QStringLiteral("cannot start mariadbd: %1").arg(m_process->errorString()),
                         m_serverBinary);
        auto ready = waitUntilReady();
        if (ready)
            break;
        const bool portTaken = logTail(10).contains(QLatin1String("in use"));
        if (!portTaken || attempt == 3)
            return ready;
        ServerProcess::killGroup(*m_process);
    }
    const QString account = QStringLiteral("%1@'127.0.0.1'").arg(SqlDialect::quoteString(user()));
    return execAs(QString(),
                  {QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4")
                       .arg(SqlDialect::quoteIdentifier(database(), kMySql)),
                   QStringLiteral("CREATE USER %1 IDENTIFIED BY %2")
                       .arg(account, SqlDialect::quoteString(m_password)),
                   QStringLiteral("GRANT ALL PRIVILEGES ON %1.* TO %2")
                       .arg(SqlDialect::quoteIdentifier(database(), kMySql), account),
                   // Nobody but the test user may log in over TCP.
                   QStringLiteral("DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1'")});
}

Result<void> MariaDbServer::waitUntilReady()
{
    const int timeout = ServerProcess::timeoutSeconds();
    const QDeadlineTimer deadline(timeout * 1000);
    QString lastError;
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            return Error(Error::Code::Connection,
                         QStringLiteral("mariadbd exited (code %1) before accepting "
                                        "connections:\n%2")
                             .arg(m_process->exitCode())
                             .arg(logTail()),
                         m_dir->path());
        auto probe = execAs(QString(), {QStringLiteral("SELECT 1")});
        if (probe)
            return {};
        lastError = probe.error().message();
        QThread::msleep(100);
    }
    return Error(Error::Code::Connection,
                 QStringLiteral("mariadbd did not accept connections within %1 s (last error: "
                                "%2):\n%3")
                     .arg(timeout)
                     .arg(lastError, logTail()),
                 m_dir->path(), QStringLiteral("raise CUTOVER_SERVER_TIMEOUT on a slow machine"));
}

Result<void> MariaDbServer::execAsAdmin(const QStringList &statements) const
{
    return execAs(database(), statements);
}

Result<void> MariaDbServer::execAs(const QString &databaseName, const QStringList &statements) const
{
    if (!m_dir)
        return Error(Error::Code::Usage, QStringLiteral("the server is not started"),
                     QStringLiteral("MariaDbServer"));
    const QString name = QStringLiteral("cutover-mariadb-admin-%1").arg(++s_connectionCounter);
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
        db.setHostName(QStringLiteral("localhost"));
        db.setUserName(QStringLiteral("root"));
        db.setDatabaseName(databaseName);
        db.setConnectOptions(
            QStringLiteral("UNIX_SOCKET=%1;MYSQL_OPT_CONNECT_TIMEOUT=5").arg(socketPath()));
        if (!db.open()) {
            result = Error(Error::Code::Connection, db.lastError().text().trimmed(), socketPath());
        } else {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    result = Error(Error::Code::Internal,
                                   QStringLiteral("%1 failed: %2")
                                       .arg(statement, query.lastError().text().trimmed()),
                                   QStringLiteral("MariaDbServer"));
                    break;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void MariaDbServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate(); // SIGTERM: a normal, quick shutdown of a tiny server
            if (!m_process->waitForFinished(15000))
                ServerProcess::killGroup(*m_process);
        }
        m_process.reset();
    }
    m_dir.reset(); // removes the data directory
}

} // namespace cutover::test
