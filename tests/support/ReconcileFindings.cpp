#include "ReconcileFindings.h"

#include "report/ReconcileReportJson.h"

#include <QJsonObject>

namespace cutover::test {

QJsonArray ReconcileFindings::of(const ReconcileReport &report)
{
    QJsonArray tables;
    for (const QJsonValue &table : ReconcileReportJson::toJson(report).value("tables").toArray()) {
        QJsonObject t = table.toObject();
        for (const char *key : {"method", "notes", "durationMs"})
            t.remove(QLatin1String(key));
        tables.append(t);
    }
    return tables;
}

} // namespace cutover::test
