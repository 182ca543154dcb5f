#include "QuarantinePrinter.h"

#include "core/ViolationJson.h"
#include "core/ViolationText.h"
#include "run/ledger/LedgerTimestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace cutover::cli {

namespace {

const QStringList kFixedColumns = {
    QStringLiteral("source_key"),     QStringLiteral("run_id"),
    QStringLiteral("table"),          QStringLiteral("quarantined_at"),
    QStringLiteral("retried_in_run"), QStringLiteral("violations")};

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted.append(QuarantinePrinter::csvField(f));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

void QuarantinePrinter::printText(QTextStream &out, const QList<QuarantinedRow> &rows)
{
    QSet<QString> tables;
    QSet<QString> runs;
    for (const QuarantinedRow &row : rows) {
        tables.insert(row.tableName);
        runs.insert(row.runId);
        out << "run " << row.runId.left(8) << "  table " << row.tableName << "  source key "
            << row.sourceKey;
        if (!row.retriedInRun.isEmpty())
            out << "  (loaded again by run " << row.retriedInRun.left(8) << ')';
        out << '\n';
        for (const Violation &v : row.violations)
            out << "    " << ViolationText::describe(v) << '\n';
    }
    out << rows.size() << " quarantined " << (rows.size() == 1 ? "row" : "rows");
    if (!rows.isEmpty())
        out << " in " << tables.size() << (tables.size() == 1 ? " table" : " tables") << " of "
            << runs.size() << (runs.size() == 1 ? " run" : " runs");
    out << '\n';
    out.flush();
}

QJsonObject QuarantinePrinter::toJson(const QString &project, const QList<QuarantinedRow> &rows)
{
    QJsonArray array;
    for (const QuarantinedRow &row : rows)
        array.append(
            QJsonObject{{QStringLiteral("runId"), row.runId},
                        {QStringLiteral("table"), row.tableName},
                        {QStringLiteral("sourceKey"), row.sourceKey},
                        {QStringLiteral("quarantinedAt"), LedgerTimestamp::of(row.quarantinedAt)},
                        {QStringLiteral("retriedInRun"),
                         row.retriedInRun.isEmpty() ? QJsonValue() : QJsonValue(row.retriedInRun)},
                        {QStringLiteral("violations"), ViolationJson::toJson(row.violations)},
                        {QStringLiteral("rawValues"), row.rawValues}});
    return {{QStringLiteral("project"), project},
            {QStringLiteral("count"), rows.size()},
            {QStringLiteral("rows"), array}};
}

QString QuarantinePrinter::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Every raw value's column, in the order first seen; one clashing with a fixed column gets
// the prefix "raw.".
QStringList QuarantinePrinter::rawColumns(const QList<QuarantinedRow> &rows)
{
    QStringList columns;
    for (const QuarantinedRow &row : rows)
        for (auto it = row.rawValues.constBegin(); it != row.rawValues.constEnd(); ++it)
            if (!columns.contains(it.key()))
                columns.append(it.key());
    return columns;
}

QString QuarantinePrinter::rawText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QByteArray QuarantinePrinter::toCsv(const QList<QuarantinedRow> &rows)
{
    const QStringList raw = rawColumns(rows);
    QStringList header = kFixedColumns;
    for (const QString &c : raw)
        header.append(kFixedColumns.contains(c) ? QStringLiteral("raw.") + c : c);
    QString text = csvLine(header);
    for (const QuarantinedRow &row : rows) {
        QStringList violations;
        for (const Violation &v : row.violations)
            violations.append(ViolationText::describe(v));
        QStringList fields = {row.sourceKey,    row.runId,
                              row.tableName,    LedgerTimestamp::of(row.quarantinedAt),
                              row.retriedInRun, violations.join(QStringLiteral(" | "))};
        for (const QString &c : raw)
            fields.append(rawText(row.rawValues.value(c)));
        text += csvLine(fields);
    }
    return text.toUtf8();
}

} // namespace cutover::cli
