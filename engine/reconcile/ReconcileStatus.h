#pragma once

#include <QString>
#include <optional>

namespace cutover {

// A table's or a report's verdict. Ordered: the worst of several is the maximum.
enum class ReconcileStatus
{
    Pass,
    NeedsReview,
    Fail
};

// "pass", "needs_review", "fail" (the JSON and command-line words) and back.
QString reconcileStatusName(ReconcileStatus status);
// "Pass", "Needs review", "Fail", for people.
QString reconcileStatusTitle(ReconcileStatus status);
std::optional<ReconcileStatus> reconcileStatusFromName(const QString &name);

} // namespace cutover
