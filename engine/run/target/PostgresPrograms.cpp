#include "run/target/PostgresPrograms.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QVersionNumber>

namespace cutover {

namespace {

bool holdsAll(const QString &bin, const QStringList &programs)
{
    for (const QString &program : programs)
        if (!QFileInfo::exists(bin + QLatin1Char('/') + program))
            return false;
    return true;
}

} // namespace

QString PostgresPrograms::binDir(const QStringList &programs)
{
    QString best;
    QVersionNumber bestVersion;
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &version : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = versions.filePath(version) + QStringLiteral("/bin");
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (holdsAll(bin, programs) && number > bestVersion) {
            best = bin;
            bestVersion = number;
        }
    }
    if (!best.isEmpty() || programs.isEmpty())
        return best;
    const QString onPath = QStandardPaths::findExecutable(programs.first());
    return onPath.isEmpty() ? QString() : QFileInfo(onPath).absolutePath();
}

} // namespace cutover
