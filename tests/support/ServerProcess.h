#pragma once

#include <QString>

#include <sys/types.h>

class QProcess;

namespace cutover::test {

// What PostgresServer and MariaDbServer share: ports, passwords, logs and launching a server
// process that dies with the test.
class ServerProcess
{
public:
    // Who the child runs as; by default the current user.
    struct RunAs
    {
        bool switchUser = false;
        uid_t uid = 0;
        gid_t gid = 0;
    };

    // A port of 127.0.0.1 that nothing listens on right now (the kernel picks it); 0 on failure.
    static int freeLoopbackPort();
    static QString randomPassword();
    // CUTOVER_SERVER_TIMEOUT in seconds, default 60: the longest wait for a server.
    static int timeoutSeconds();
    // The last lines of a log file.
    static QString tail(const QString &path, int lines);
    // Sends the child's stdout and stderr to logFile, runs it as who, with LC_ALL=C, and has
    // the kernel kill it (SIGKILL) when the thread that started it ends (PR_SET_PDEATHSIG), so
    // that a crashed or killed test never leaves a server behind.
    // The child leads a process group of its own, so that killGroup() also reaches the helpers
    // it starts (initdb's and mariadb-install-db's bootstrap servers).
    static void prepare(QProcess &process, const RunAs &who, const QString &logFile);
    // SIGKILL to the child's whole process group, then waits for the child.
    static void killGroup(QProcess &process);
    // A short base directory for temporary server directories: unix socket paths have at most
    // 107 bytes, and as root the directory must be reachable by the server's user.
    static QString tempBase();
};

} // namespace cutover::test
