#include "ServerProcess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringList>

#include <arpa/inet.h>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cutover::test {

int ServerProcess::freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString ServerProcess::randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password = QStringLiteral("pw-");
    for (int i = 0; i < 20; ++i)
        password +=
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return password;
}

int ServerProcess::timeoutSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("CUTOVER_SERVER_TIMEOUT", &ok);
    return ok && seconds > 0 ? seconds : 60;
}

QString ServerProcess::tail(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'));
    while (!all.isEmpty() && all.last().trimmed().isEmpty())
        all.removeLast();
    return all.mid(qMax(0, int(all.size()) - lines)).join(QLatin1Char('\n'));
}

void ServerProcess::prepare(QProcess &process, const RunAs &who, const QString &logFile)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardOutputFile(logFile, QIODevice::Append);
    process.setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("PGDATA"));
    env.remove(QStringLiteral("MYSQL_HOME"));
    process.setProcessEnvironment(env);
    process.setChildProcessModifier([who] {
        // Runs in the child between fork and exec: only async-signal-safe calls here.
        if (who.switchUser) {
            if (::setgroups(1, &who.gid) != 0 || ::setgid(who.gid) != 0 || ::setuid(who.uid) != 0)
                ::_exit(126);
        }
        // After the user switch, which would clear it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        ::setpgid(0, 0);
    });
}

void ServerProcess::killGroup(QProcess &process)
{
    const pid_t pid = pid_t(process.processId());
    if (pid > 0)
        ::kill(-pid, SIGKILL);
    process.kill();
    process.waitForFinished(5000);
}

QString ServerProcess::tempBase()
{
    const QString temp = QDir::tempPath();
    return ::geteuid() == 0 || temp.size() > 60 ? QStringLiteral("/tmp") : temp;
}

} // namespace cutover::test
