#include "PreviewPrinter.h"

#include "core/ViolationJson.h"

#include "core/JsonWriter.h"

#include <QJsonArray>

namespace cutover::cli {

namespace {

int widest(const QStringList &names, int cap)
{
    int width = 0;
    for (const QString &name : names)
        width = std::max(width, int(name.size()));
    return std::min(width, cap);
}

QString fit(const QString &text, int width)
{
    if (text.size() <= width)
        return text.leftJustified(width);
    return text.left(width - 1) + QChar(0x2026);
}

QJsonValue jsonValue(const QVariant &value)
{
    constexpr qint64 kExact = qint64(1) << 53;
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return QJsonValue::Null;
    case QMetaType::LongLong:
    case QMetaType::Int: {
        const qint64 v = value.toLongLong();
        return v > -kExact && v < kExact ? QJsonValue(double(v)) : QJsonValue(QString::number(v));
    }
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toHex());
    default:
        return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
    }
}

QJsonArray jsonValues(const QVariantList &values)
{
    QJsonArray array;
    for (const QVariant &value : values)
        array.append(jsonValue(value));
    return array;
}

} // namespace

QChar PreviewPrinter::mark(PreviewResult::CellStatus status)
{
    switch (status) {
    case PreviewResult::CellStatus::Unchanged:
        return QLatin1Char(' ');
    case PreviewResult::CellStatus::Changed:
        return QLatin1Char('*');
    case PreviewResult::CellStatus::Null:
        return QLatin1Char(' ');
    case PreviewResult::CellStatus::ConvertedWithLossRisk:
        return QLatin1Char('~');
    case PreviewResult::CellStatus::Violation:
        return QLatin1Char('!');
    case PreviewResult::CellStatus::NotEvaluated:
        return QLatin1Char('?');
    }
    return QLatin1Char(' ');
}

QString PreviewPrinter::display(const QVariant &value, int width)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    QString text;
    if (value.typeId() == QMetaType::QByteArray)
        text = QStringLiteral("x'") + QString::fromLatin1(value.toByteArray().toHex()) +
               QLatin1Char('\'');
    else
        text = value.toString();
    const bool isText = value.typeId() == QMetaType::QString;
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\r'), QStringLiteral("\\r"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    if (isText && (text.isEmpty() || text.front().isSpace() || text.back().isSpace() ||
                   text.contains(QStringLiteral("  ")) || text == QLatin1String("NULL")))
        text = QLatin1Char('\'') + text + QLatin1Char('\'');
    if (text.size() > width)
        text = text.left(width - 1) + QChar(0x2026);
    return text;
}

void PreviewPrinter::printText(QTextStream &out, const PreviewResult &result)
{
    printHeader(out, result);
    for (int i = 0; i < result.rows.size(); ++i)
        printRow(out, result, i);
    printSummary(out, result);
    out.flush();
}

void PreviewPrinter::printHeader(QTextStream &out, const PreviewResult &result)
{
    out << "Preview of " << result.table << " from " << result.sourceTable << " ("
        << SampleSpec::kindName(result.spec.kind) << " sample";
    if (result.spec.kind == SampleSpec::Kind::Random)
        out << ", seed " << result.spec.seed;
    if (!result.spec.filter.isEmpty())
        out << ", filter " << result.spec.filter;
    out << ")\nMarks: * changed, ' ' unchanged or NULL, ~ loss risk, ! violation, ? not compiled\n";
    for (const PreviewResult::Column &c : result.targetColumns)
        if (!c.compileError.isEmpty())
            out << "? " << c.name << ": the expression does not compile"
                << (c.compileErrorOffset >= 0
                        ? QStringLiteral(" at offset %1").arg(c.compileErrorOffset)
                        : QString())
                << ": " << c.compileError << '\n';
    for (const QString &note : result.notes)
        out << "note: " << note << '\n';
}

void PreviewPrinter::printRow(QTextStream &out, const PreviewResult &result, int index)
{
    const PreviewResult::Row &row = result.rows.at(index);
    QStringList targetNames;
    for (const PreviewResult::Column &c : result.targetColumns)
        targetNames.append(c.name);
    const int sourceWidth = widest(result.sourceColumns, 18);
    const int targetWidth = widest(targetNames, 18);
    out << "\n#" << (index + 1) << (row.blocked ? "  ! would be quarantined" : "");
    if (!row.sampleReason.isEmpty())
        out << "  (" << row.sampleReason << ')';
    out << '\n';
    const qsizetype lines = std::max(result.sourceColumns.size(), targetNames.size());
    for (qsizetype i = 0; i < lines; ++i) {
        QString left;
        if (i < result.sourceColumns.size())
            left = fit(result.sourceColumns.at(i), sourceWidth) + QLatin1Char(' ') +
                   display(row.source.value(i));
        QString right;
        if (i < targetNames.size())
            right = QString(mark(row.cells.at(i).status)) + QLatin1Char(' ') +
                    fit(targetNames.at(i), targetWidth) + QLatin1Char(' ') +
                    display(row.target.value(i));
        out << "  " << left.leftJustified(sourceWidth + 1 + kValueWidth) << " | " << right;
        out << '\n';
    }
    for (const Violation &v : row.violations)
        out << "  ! " << (v.column.isEmpty() ? QStringLiteral("(row)") : v.column) << ": "
            << v.source << (v.blocking ? "" : " (warning)") << ": " << v.reason
            << (v.value.isEmpty()
                    ? QString()
                    : QStringLiteral(" [value: %1]")
                          .arg(v.value.size() > 60 ? v.value.left(59) + QChar(0x2026) : v.value))
            << '\n';
    for (qsizetype i = 0; i < row.cells.size(); ++i)
        if (row.cells.at(i).status == PreviewResult::CellStatus::ConvertedWithLossRisk)
            out << "  ~ " << targetNames.value(i) << ": " << row.cells.at(i).note << '\n';
}

void PreviewPrinter::printSummary(QTextStream &out, const PreviewResult &result)
{
    int violations = 0;
    for (const PreviewResult::Row &row : result.rows)
        violations += int(row.violations.size());
    out << '\n'
        << result.rows.size() << " row(s) previewed (" << result.scannedRows
        << " read from the source, " << result.elapsedMs << " ms): " << result.blockedRows()
        << " would be quarantined, " << violations << " violation(s)\n";
}

void PreviewPrinter::printJson(QTextStream &out, const PreviewResult &result)
{
    out << QString::fromUtf8(
        JsonWriter({QStringLiteral("table"), QStringLiteral("status"), QStringLiteral("sample"),
                    QStringLiteral("name"), QStringLiteral("kind")})
            .write(toJson(result)));
    out.flush();
}

QJsonObject PreviewPrinter::toJson(const PreviewResult &result)
{
    QJsonObject root;
    root[QStringLiteral("table")] = result.table;
    root[QStringLiteral("sourceTable")] = result.sourceTable;
    root[QStringLiteral("status")] = result.blockedRows() > 0 || result.hasCompileErrors()
                                         ? QStringLiteral("failed")
                                         : QStringLiteral("ok");
    QJsonObject sample;
    sample[QStringLiteral("kind")] = SampleSpec::kindName(result.spec.kind);
    sample[QStringLiteral("rows")] = result.spec.rows;
    sample[QStringLiteral("seed")] = QString::number(result.spec.seed);
    sample[QStringLiteral("filter")] = result.spec.filter;
    root[QStringLiteral("sample")] = sample;
    root[QStringLiteral("sourceColumns")] = QJsonArray::fromStringList(result.sourceColumns);
    QJsonArray columns;
    for (const PreviewResult::Column &c : result.targetColumns) {
        QJsonObject o;
        o[QStringLiteral("name")] = c.name;
        o[QStringLiteral("expression")] = c.expression;
        o[QStringLiteral("type")] = c.type;
        o[QStringLiteral("nullable")] = c.nullable;
        o[QStringLiteral("sensitive")] = c.sensitive;
        o[QStringLiteral("lineage")] = QJsonArray::fromStringList(c.lineage);
        if (!c.compileError.isEmpty()) {
            o[QStringLiteral("compileError")] = c.compileError;
            o[QStringLiteral("compileErrorOffset")] = c.compileErrorOffset;
        }
        columns.append(o);
    }
    root[QStringLiteral("targetColumns")] = columns;
    QJsonArray rows;
    for (const PreviewResult::Row &row : result.rows)
        rows.append(rowJson(result, row));
    root[QStringLiteral("rows")] = rows;
    root[QStringLiteral("notes")] = QJsonArray::fromStringList(result.notes);
    root[QStringLiteral("scannedRows")] = double(result.scannedRows);
    root[QStringLiteral("elapsedMs")] = double(result.elapsedMs);
    root[QStringLiteral("blockedRows")] = result.blockedRows();
    return root;
}

QJsonObject PreviewPrinter::rowJson(const PreviewResult &, const PreviewResult::Row &row)
{
    QJsonObject o;
    o[QStringLiteral("source")] = jsonValues(row.source);
    o[QStringLiteral("target")] = jsonValues(row.target);
    QJsonArray statuses;
    QJsonArray notes;
    for (const PreviewResult::Cell &cell : row.cells) {
        statuses.append(PreviewResult::statusName(cell.status));
        notes.append(cell.note);
    }
    o[QStringLiteral("status")] = statuses;
    o[QStringLiteral("notes")] = notes;
    QJsonArray violations;
    for (const Violation &v : row.violations) {
        QJsonObject j;
        j[QStringLiteral("kind")] = ViolationJson::kindName(v.kind);
        j[QStringLiteral("column")] = v.column;
        j[QStringLiteral("source")] = v.source;
        j[QStringLiteral("value")] = v.value;
        j[QStringLiteral("valueForm")] = ViolationJson::formName(v.valueForm);
        j[QStringLiteral("reason")] = v.reason;
        j[QStringLiteral("blocking")] = v.blocking;
        violations.append(j);
    }
    o[QStringLiteral("violations")] = violations;
    o[QStringLiteral("blocked")] = row.blocked;
    if (!row.sampleReason.isEmpty())
        o[QStringLiteral("sampleReason")] = row.sampleReason;
    return o;
}

} // namespace cutover::cli
