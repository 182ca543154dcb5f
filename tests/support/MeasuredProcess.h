#pragma once

#include <QString>
#include <QStringList>

namespace cutover::test {

// Runs a program to its end for a benchmark and measures it: wall time, and from wait4's
// rusage the CPU time of the program and of every descendant it waited for, and the largest
// resident set among them (the process tree's peak, as /usr/bin/time -v reports it).
class MeasuredProcess
{
public:
    struct Outcome
    {
        int exitCode = -1; // 128 + signal when killed; -1 when it could not start
        double seconds = 0;
        double cpuSeconds = 0; // user + system
        qint64 maxRssKb = 0;
        bool ok() const { return exitCode == 0; }
    };

    // stdin from stdinFile (or /dev/null), stdout and stderr into logFile; environment is added
    // to this process's ("NAME=value").
    static Outcome run(const QString &program, const QStringList &arguments, const QString &logFile,
                       const QString &stdinFile = QString(), const QStringList &environment = {});
    // The CPU time in seconds of a running process and of its children that ended and were
    // waited for (/proc/PID/stat utime + stime + cutime + cstime); -1 when unreadable. A server's
    // share of a job is the difference before and after it.
    static double treeCpuSeconds(qint64 pid);
};

} // namespace cutover::test
