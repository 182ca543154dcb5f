#pragma once

#include "transform/QuarantinedRow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTextStream>

namespace cutover::cli {

// Quarantined rows for `cutover-cli quarantine`: as text (a line per row with its run, table
// and source key, then a line per violation in ViolationText's words), as JSON
// (everything, raw values included), or as CSV for a spreadsheet: source_key, run_id, table,
// quarantined_at, retried_in_run, violations (readable text), then a column per raw value.
class QuarantinePrinter
{
public:
    static void printText(QTextStream &out, const QList<QuarantinedRow> &rows);
    static QJsonObject toJson(const QString &project, const QList<QuarantinedRow> &rows);
    static QByteArray toCsv(const QList<QuarantinedRow> &rows);

    // A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static QString csvField(const QString &text);

private:
    static QStringList rawColumns(const QList<QuarantinedRow> &rows);
    static QString rawText(const QJsonValue &value);
};

} // namespace cutover::cli
