#include "run/ledger/QuarantineExport.h"

#include "core/JsonWriter.h"
#include "core/ViolationJson.h"
#include "core/ViolationText.h"
#include "run/ledger/LedgerTimestamp.h"
#include "run/ledger/QuarantineReader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace cutover {

namespace {

const QStringList kFixedColumns = {
    QStringLiteral("source_key"),     QStringLiteral("run_id"),
    QStringLiteral("table"),          QStringLiteral("quarantined_at"),
    QStringLiteral("retried_in_run"), QStringLiteral("violations")};

} // namespace

QuarantineExport::Format QuarantineExport::formatOf(const QString &file)
{
    return file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Format::Json : Format::Csv;
}

QJsonObject QuarantineExport::rowJson(const QuarantinedRow &row)
{
    return QJsonObject{{QStringLiteral("runId"), row.runId},
                       {QStringLiteral("table"), row.tableName},
                       {QStringLiteral("sourceKey"), row.sourceKey},
                       {QStringLiteral("quarantinedAt"), LedgerTimestamp::of(row.quarantinedAt)},
                       {QStringLiteral("retriedInRun"),
                        row.retriedInRun.isEmpty() ? QJsonValue() : QJsonValue(row.retriedInRun)},
                       {QStringLiteral("violations"), ViolationJson::toJson(row.violations)},
                       {QStringLiteral("rawValues"), row.rawValues}};
}

QJsonObject QuarantineExport::toJson(const QString &project, const QList<QuarantinedRow> &rows)
{
    QJsonArray array;
    for (const QuarantinedRow &row : rows)
        array.append(rowJson(row));
    return {{QStringLiteral("project"), project},
            {QStringLiteral("count"), rows.size()},
            {QStringLiteral("rows"), array}};
}

QString QuarantineExport::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray QuarantineExport::csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted.append(csvField(f));
    return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}

// Every raw value's column, in the order first seen.
void QuarantineExport::addRawColumns(QStringList &columns, const QuarantinedRow &row)
{
    for (auto it = row.rawValues.constBegin(); it != row.rawValues.constEnd(); ++it)
        if (!columns.contains(it.key()))
            columns.append(it.key());
}

// A raw column clashing with a fixed one gets the prefix "raw.".
QStringList QuarantineExport::csvHeader(const QStringList &raw)
{
    QStringList header = kFixedColumns;
    for (const QString &c : raw)
        header.append(kFixedColumns.contains(c) ? QStringLiteral("raw.") + c : c);
    return header;
}

QString QuarantineExport::rawText(const QJsonValue &value)
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

QByteArray QuarantineExport::csvRow(const QuarantinedRow &row, const QStringList &raw)
{
    QStringList violations;
    for (const Violation &v : row.violations)
        violations.append(ViolationText::describe(v));
    QStringList fields = {row.sourceKey,    row.runId,
                          row.tableName,    LedgerTimestamp::of(row.quarantinedAt),
                          row.retriedInRun, violations.join(QStringLiteral(" | "))};
    for (const QString &c : raw)
        fields.append(rawText(row.rawValues.value(c)));
    return csvLine(fields);
}

QByteArray QuarantineExport::toCsv(const QList<QuarantinedRow> &rows)
{
    QStringList raw;
    for (const QuarantinedRow &row : rows)
        addRawColumns(raw, row);
    QByteArray bytes = csvLine(csvHeader(raw));
    for (const QuarantinedRow &row : rows)
        bytes += csvRow(row, raw);
    return bytes;
}

QuarantineExport::QuarantineExport(QuarantineReader &reader, QuarantineFilter filter,
                                   QString project)
    : m_reader(reader)
    , m_filter(std::move(filter))
    , m_project(std::move(project))
{}

Result<qint64> QuarantineExport::writeFile(const QString &file)
{
    return saved(file, [this, &file](QIODevice &out) { return write(out, formatOf(file)); });
}

Result<qint64> QuarantineExport::writeList(const QString &file, const QString &project,
                                           const QList<QuarantinedRow> &rows)
{
    return saved(file, [&](QIODevice &out) -> Result<qint64> {
        const QByteArray bytes = formatOf(file) == Format::Json
                                     ? JsonWriter().write(toJson(project, rows))
                                     : toCsv(rows);
        if (out.write(bytes) != bytes.size())
            return Error(Error::Code::Io, out.errorString(), file);
        return rows.size();
    });
}

Result<qint64> QuarantineExport::saved(const QString &file,
                                       const std::function<Result<qint64>(QIODevice &)> &write)
{
    QSaveFile out(file);
    const QString where = QFileInfo(file).absoluteFilePath();
    auto cannot = [&out, &where] {
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot write the quarantine export: %1").arg(out.errorString()), where);
    };
    if (!out.open(QIODevice::WriteOnly))
        return cannot();
    auto written = write(out);
    if (!written) {
        out.cancelWriting();
        return written;
    }
    if (!out.commit())
        return cannot();
    return written;
}

Result<qint64> QuarantineExport::write(QIODevice &out, Format format)
{
    return format == Format::Json ? writeJson(out) : writeCsv(out);
}

Error QuarantineExport::changed() const
{
    return Error(Error::Code::Validation,
                 QStringLiteral("the quarantine changed while it was being exported"), m_project,
                 QStringLiteral("export again when the run has ended"));
}

// A first pass learns the raw columns of every row (the header names them all), the second
// writes the rows.
Result<qint64> QuarantineExport::writeCsv(QIODevice &out)
{
    qint64 total = 0;
    auto raw = rawColumnsOfAll(total);
    if (!raw)
        return raw.error();
    const QStringList columns = *raw;
    if (out.write(csvLine(csvHeader(columns))) < 0)
        return Error(Error::Code::Io, out.errorString(), m_project);
    return streamRows(
        out, total, [&columns](const QuarantinedRow &row, qint64) { return csvRow(row, columns); });
}

Result<QStringList> QuarantineExport::rawColumnsOfAll(qint64 &rows)
{
    QStringList columns;
    auto read =
        m_reader.forEachInKeyOrder(m_filter, m_chunkSize, [&](const QList<QuarantinedRow> &chunk) {
            for (const QuarantinedRow &row : chunk)
                addRawColumns(columns, row);
            rows += chunk.size();
            return !m_progress || m_progress(0, rows);
        });
    if (!read)
        return read.error();
    if (!*read)
        return Error(Error::Code::Cancelled, QStringLiteral("the export was cancelled"), m_project);
    return columns;
}

// As JsonWriter writes toJson(): the keys in alphabetical order, each row at depth 2.
QByteArray QuarantineExport::jsonHead(const QString &project, qint64 count)
{
    const JsonWriter writer;
    return "{\n  \"count\": " + writer.writeNested(QJsonValue(count), 1) +
           ",\n  \"project\": " + writer.writeNested(QJsonValue(project), 1) + ",\n  \"rows\": ";
}

Result<qint64> QuarantineExport::writeJson(QIODevice &out)
{
    auto total = m_reader.count(m_filter);
    if (!total)
        return total.error();
    if (out.write(jsonHead(m_project, *total)) < 0)
        return Error(Error::Code::Io, out.errorString(), m_project);
    const JsonWriter writer;
    auto written = streamRows(out, *total, [&writer](const QuarantinedRow &row, qint64 index) {
        return QByteArray(index == 0 ? "[\n    " : ",\n    ") + writer.writeNested(rowJson(row), 2);
    });
    if (!written)
        return written;
    if (out.write(*written == 0 ? "[]\n}\n" : "\n  ]\n}\n") < 0)
        return Error(Error::Code::Io, out.errorString(), m_project);
    return written;
}

Result<qint64> QuarantineExport::streamRows(
    QIODevice &out, qint64 total,
    const std::function<QByteArray(const QuarantinedRow &, qint64)> &format)
{
    qint64 written = 0;
    bool failed = false;
    auto read =
        m_reader.forEachInKeyOrder(m_filter, m_chunkSize, [&](const QList<QuarantinedRow> &chunk) {
            QByteArray bytes;
            for (const QuarantinedRow &row : chunk)
                bytes += format(row, written++);
            failed = out.write(bytes) != bytes.size();
            return !failed && (!m_progress || m_progress(written, total));
        });
    if (!read)
        return read.error();
    if (failed)
        return Error(
            Error::Code::Io,
            QStringLiteral("cannot write the quarantine export: %1").arg(out.errorString()),
            m_project);
    if (!*read)
        return Error(Error::Code::Cancelled, QStringLiteral("the export was cancelled"), m_project);
    if (written != total)
        return changed();
    return written;
}

} // namespace cutover
