#include "run/ledger/RunStatus.h"

#include <array>
#include <utility>

namespace cutover {

namespace {

const std::array<std::pair<RunStatus, const char *>, 6> kNames = {{
    {RunStatus::Running, "running"},
    {RunStatus::Succeeded, "succeeded"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::RolledBack, "rolled-back"},
    {RunStatus::Interrupted, "interrupted"},
}};

} // namespace

QString runStatusName(RunStatus status)
{
    for (const auto &[value, name] : kNames)
        if (value == status)
            return QString::fromLatin1(name);
    return QStringLiteral("running");
}

std::optional<RunStatus> parseRunStatus(const QString &name)
{
    for (const auto &[value, text] : kNames)
        if (name == QLatin1String(text))
            return value;
    return std::nullopt;
}

} // namespace cutover
