#include "reconcile/ReconcileStatus.h"

namespace cutover {

QString reconcileStatusName(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QStringLiteral("pass");
    case ReconcileStatus::NeedsReview:
        return QStringLiteral("needs_review");
    case ReconcileStatus::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

QString reconcileStatusTitle(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QStringLiteral("Pass");
    case ReconcileStatus::NeedsReview:
        return QStringLiteral("Needs review");
    case ReconcileStatus::Fail:
        return QStringLiteral("Fail");
    }
    return {};
}

std::optional<ReconcileStatus> reconcileStatusFromName(const QString &name)
{
    for (ReconcileStatus s :
         {ReconcileStatus::Pass, ReconcileStatus::NeedsReview, ReconcileStatus::Fail})
        if (reconcileStatusName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace cutover
