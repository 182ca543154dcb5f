#pragma once

#include <QDateTime>
#include <QString>

namespace cutover {

// Who holds a target's run lock (RunLock), as cutover_run_lock keeps it so that a run refused
// can say who is in the way.
struct RunLockHolder
{
    QString host;    // QSysInfo::machineHostName()
    qint64 pid = 0;  // the process
    QString program; // cutover-cli or cutover (the window)
    QString project; // the project's name
    QString runId;   // empty until the run has its id
    QDateTime startedAt;

    // This process, taking the lock now for project.
    static RunLockHolder thisProcess(const QString &project);
    // "cutover-cli (process 4242 on host build-01, since 2026-12-06 20:50:49 UTC), project
    // 'Clinic demo', run 93b8592c"
    QString describe() const;
    // True when the holder ran on this host and its process is gone (killed): a database server
    // may not have noticed yet that its connection closed.
    bool isGoneFromThisHost() const;
};

} // namespace cutover
