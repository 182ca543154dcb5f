#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QString>
#include <QStringList>
#include <memory>

class QProcess;
class QTemporaryDir;

namespace cutover::test {

// A throwaway MariaDB (or MySQL) server for one test: a fresh data directory
// (mariadb-install-db) in a temporary directory, listening on a free port of 127.0.0.1 with its
// unix socket in that directory. root logs in over the socket without a password; the test
// user needs its password over TCP. Stopped and deleted on destruction; the server is also
// killed if the test process dies (PR_SET_PDEATHSIG). As root, mariadbd runs with --user=root.
//
// Set CUTOVER_MARIADB_BINDIR to the directory holding mariadbd and mariadb-install-db to choose
// the binaries; otherwise they are looked up in PATH, /usr/sbin and /usr/bin.
class MariaDbServer
{
public:
    MariaDbServer();
    ~MariaDbServer();
    MariaDbServer(const MariaDbServer &) = delete;
    MariaDbServer &operator=(const MariaDbServer &) = delete;

    // Empty when mariadbd and mariadb-install-db are installed, otherwise what is missing.
    static QString whyUnavailable();

    // Creates the data directory, starts the server and creates the test user and database.
    // Waits at most CUTOVER_SERVER_TIMEOUT seconds (default 60) for the server.
    Result<void> start();
    void stop();
    bool isRunning() const;

    int port() const { return m_port; }
    // The server's process id (0 when not running): benchmarks read its CPU time in /proc.
    qint64 processId() const;
    QString user() const { return QStringLiteral("cutover"); }
    QString database() const { return QStringLiteral("cutover_test"); }
    QString password() const { return m_password; }
    // mysql://cutover@127.0.0.1:PORT/cutover_test, plus ?query when given.
    QString url(const QString &query = {}) const;
    ConnectionSpec spec(const QString &query = {}) const;
    // Runs statements as root in the test database (over the unix socket).
    Result<void> execAsAdmin(const QStringList &statements) const;
    // The last lines of the server log, for failure messages.
    QString logTail(int lines = 20) const;

private:
    Result<void> installDataDir();
    Result<void> launch();
    Result<void> waitUntilReady();
    Result<void> execAs(const QString &database, const QStringList &statements) const;
    QStringList serverOptions() const;
    QString socketPath() const;

    QString m_serverBinary;
    QString m_installBinary;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_password;
    int m_port = 0;
};

} // namespace cutover::test
