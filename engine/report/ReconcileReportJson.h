#pragma once

#include "core/Result.h"
#include "reconcile/ReconcileReport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace cutover {

// The reconciliation report as JSON, documented in docs/reconciliation-report.md and
// docs/reconciliation-report.schema.json. fromJson(toJson(r)) gives r back exactly; totals are
// derived and ignored when read.
class ReconcileReportJson
{
public:
    static constexpr int kFormatVersion = 1;

    static QJsonObject toJson(const ReconcileReport &report);
    static Result<ReconcileReport> fromJson(const QJsonObject &object);

    // Pretty-printed, keys in the order of the documentation (for files and stdout).
    static QByteArray toBytes(const ReconcileReport &report);
    // Compact, for storing.
    static QByteArray toCompactBytes(const ReconcileReport &report);
    static Result<ReconcileReport> fromBytes(const QByteArray &bytes);

    static QStringList keyOrder();
};

} // namespace cutover
