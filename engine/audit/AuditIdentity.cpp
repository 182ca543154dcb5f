#include "audit/AuditIdentity.h"

#include <QSettings>

#include <pwd.h>
#include <unistd.h>

namespace cutover {

QString AuditIdentity::current()
{
    const QString fromEnvironment = qEnvironmentVariable("CUTOVER_USER").trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString fromSettings = QSettings().value(settingsKey()).toString().trimmed();
    if (!fromSettings.isEmpty())
        return fromSettings;
    return osUser();
}

QString AuditIdentity::osUser()
{
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

} // namespace cutover
