#pragma once

#include "core/Violation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cutover {

// A rejected row as stored in cutover_quarantine: its source key and position in the read, raw
// values (column -> value) and every rule or conversion it broke.
struct QuarantinedRow
{
    QString runId;
    QString tableName;
    QString sourceKey;
    // The row's position in its table's read (0-based, continuing after a resume): rows whose
    // source key is NULL or not unique are told apart by it. -1 when unknown.
    qint64 rowNumber = -1;
    QJsonObject rawValues;
    QList<Violation> violations;
    QDateTime quarantinedAt;
    QString retriedInRun; // the run that loaded it again; empty when not retried

    // The JSON texts cutover_quarantine stores for rawValues and violations. render() makes them
    // ahead, on the thread that quarantines the row, so that the writer (a run's bottleneck)
    // does not; the getters make them on the spot when they were not rendered.
    void render();
    QString rawValuesJson() const;
    QString violationsJson() const;

private:
    QString m_rawValuesJson;
    QString m_violationsJson;
};

} // namespace cutover
