#include "run/ledger/RunMode.h"

namespace cutover {

QString runModeName(RunMode mode)
{
    switch (mode) {
    case RunMode::DryRun:
        return QStringLiteral("dry-run");
    case RunMode::Incremental:
        return QStringLiteral("incremental");
    case RunMode::Run:
        break;
    }
    return QStringLiteral("run");
}

std::optional<RunMode> parseRunMode(const QString &name)
{
    if (name == QLatin1String("run"))
        return RunMode::Run;
    if (name == QLatin1String("dry-run"))
        return RunMode::DryRun;
    if (name == QLatin1String("incremental"))
        return RunMode::Incremental;
    return std::nullopt;
}

} // namespace cutover
