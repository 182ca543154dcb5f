#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QString>
#include <QStringList>
#include <memory>

class QProcess;
class QTemporaryDir;

namespace cutover::test {

// A throwaway PostgreSQL server for one test: a fresh cluster (initdb) in a temporary directory,
// listening on a free port of 127.0.0.1 with its unix socket in that directory. The superuser
// logs in over the socket without a password; the test user needs its password over TCP
// (scram-sha-256). Stopped and deleted on destruction; the server is also killed if the test
// process dies (PR_SET_PDEATHSIG). As root, initdb and postgres run as the `postgres` user.
//
// Set CUTOVER_PG_BINDIR to choose the server binaries; otherwise the newest
// /usr/lib/postgresql/*/bin, then PATH.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Empty when initdb and postgres are installed, otherwise what is missing.
    static QString whyUnavailable();

    // Creates the cluster, starts the server and creates the test user and database. Waits at
    // most CUTOVER_SERVER_TIMEOUT seconds (default 60) for the server to accept connections.
    Result<void> start();
    void stop();
    bool isRunning() const;

    int port() const { return m_port; }
    // The server's process id (0 when not running): benchmarks read its CPU time in /proc.
    qint64 processId() const;
    QString user() const { return QStringLiteral("cutover"); }
    QString database() const { return QStringLiteral("cutover_test"); }
    QString password() const { return m_password; }
    // postgresql://cutover@127.0.0.1:PORT/cutover_test, plus ?query when given.
    QString url(const QString &query = {}) const;
    ConnectionSpec spec(const QString &query = {}) const;
    // Runs statements as the superuser in the test database (over the unix socket).
    Result<void> execAsAdmin(const QStringList &statements) const;
    // Creates a login role that the server lets in over TCP without a password (trust), as a
    // server with trust or peer authentication does.
    Result<void> addTrustedUser(const QString &name) const;
    // The last lines of the server log, for failure messages.
    QString logTail(int lines = 20) const;

private:
    Result<void> initCluster();
    Result<void> launch();
    Result<void> waitUntilReady();
    Result<void> execAs(const QString &database, const QStringList &statements) const;

    QString m_binDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_password;
    int m_port = 0;
};

} // namespace cutover::test
