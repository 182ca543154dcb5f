#pragma once

#include "reconcile/ReconcileReport.h"

#include <QJsonArray>

namespace cutover::test {

// A report's tables as their JSON (ReconcileReportJson) without what only says how they were
// compared (method, notes, duration): equal for two methods that found the same.
class ReconcileFindings
{
public:
    static QJsonArray of(const ReconcileReport &report);
};

} // namespace cutover::test
