#include "MeasuredProcess.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace cutover::test {

MeasuredProcess::Outcome MeasuredProcess::run(const QString &program, const QStringList &arguments,
                                              const QString &logFile, const QString &stdinFile,
                                              const QStringList &environment)
{
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (const QString &a : arguments)
        storage.push_back(a.toUtf8());
    const size_t argc = storage.size();
    for (char **e = environ; *e; ++e)
        storage.emplace_back(*e);
    for (const QString &e : environment)
        storage.push_back(e.toUtf8());
    std::vector<char *> argv;
    std::vector<char *> envp;
    for (size_t i = 0; i < storage.size(); ++i)
        (i < argc ? argv : envp).push_back(storage[i].data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    const QByteArray in =
        QFile::encodeName(stdinFile.isEmpty() ? QStringLiteral("/dev/null") : stdinFile);
    const QByteArray log = QFile::encodeName(logFile);

    Outcome m;
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int inFd = ::open(in.constData(), O_RDONLY);
        const int logFd = ::open(log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (inFd < 0 || logFd < 0)
            ::_exit(126);
        ::dup2(inFd, 0);
        ::dup2(logFd, 1);
        ::dup2(logFd, 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (pid < 0)
        return m;
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    m.seconds = double(timer.nsecsElapsed()) / 1e9;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m.maxRssKb = usage.ru_maxrss; // kilobytes on Linux
    m.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return m;
}

double MeasuredProcess::treeCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    // The command name may hold spaces: the fields start after its closing parenthesis.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // Fields 14-17 of proc(5) (utime, stime, cutime, cstime) are 11-14 after the name.
    if (fields.size() < 15)
        return -1;
    double ticks = 0;
    for (int i = 11; i <= 14; ++i)
        ticks += fields.at(i).toDouble();
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

} // namespace cutover::test
