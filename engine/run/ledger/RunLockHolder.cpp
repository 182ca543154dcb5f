#include "run/ledger/RunLockHolder.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <cerrno>
#include <csignal>

namespace cutover {

RunLockHolder RunLockHolder::thisProcess(const QString &project)
{
    RunLockHolder holder;
    holder.host = QSysInfo::machineHostName();
    holder.pid = QCoreApplication::applicationPid();
    holder.program = QCoreApplication::applicationName();
    if (holder.program.isEmpty())
        holder.program = QStringLiteral("cutover");
    holder.project = project;
    holder.startedAt = QDateTime::currentDateTimeUtc();
    return holder;
}

QString RunLockHolder::describe() const
{
    QString text =
        QStringLiteral("%1 (process %2 on host %3, since %4)")
            .arg(program.isEmpty() ? QStringLiteral("a run") : program)
            .arg(pid)
            .arg(host.isEmpty() ? QStringLiteral("?") : host,
                 startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    if (!project.isEmpty())
        text += QStringLiteral(", project '%1'").arg(project);
    if (!runId.isEmpty())
        text += QStringLiteral(", run %1").arg(runId);
    return text;
}

bool RunLockHolder::isGoneFromThisHost() const
{
    if (pid <= 0 || host != QSysInfo::machineHostName())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace cutover
