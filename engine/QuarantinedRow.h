#pragma once

#include "Violation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cutover {

// A rejected row as stored in cutover_quarantine: its source key, raw values (column -> value)
// and every rule or conversion it broke.
struct QuarantinedRow
{
    QString runId;
    QString tableName;
    QString sourceKey;
    QJsonObject rawValues;
    QList<Violation> violations;
    QDateTime quarantinedAt;
    QString retriedInRun; // the run that loaded it again; empty when not retried
};

} // namespace cutover
