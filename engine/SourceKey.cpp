#include "SourceKey.h"

#include "SqlDialect.h"
#include "ValueText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cutover {

namespace {

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

// Text JSON writes as it is: printable ASCII without quote or backslash.
bool isPlainText(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return false;
    return true;
}

// The compact text QJsonDocument writes for keys of integers and plain text, without building
// the document: for the demo's observations the JSON classes took a twentieth of the
// transformer's time. Nothing for other values (numbers that are not integers, escapes).
std::optional<QString> plainJson(const QVariantList &values)
{
    QString json = QStringLiteral("[");
    for (const QVariant &v : values) {
        if (json.size() > 1)
            json += u',';
        if (v.isNull()) {
            json += QLatin1String("null");
        } else if (ValueText::isInteger(v)) {
            json += QString::number(v.toLongLong());
        } else if (v.typeId() == QMetaType::QString && isPlainText(v.toString())) {
            json += u'"';
            json += v.toString();
            json += u'"';
        } else {
            return std::nullopt;
        }
    }
    json += u']';
    return json;
}

} // namespace

QString SourceKey::toJson(const QVariantList &values)
{
    if (auto plain = plainJson(values))
        return *plain;
    QJsonArray array;
    for (const QVariant &v : values) {
        if (v.isNull())
            array.append(QJsonValue::Null);
        else if (ValueText::isInteger(v))
            array.append(v.toLongLong());
        else if (ValueText::isNumber(v))
            array.append(v.toDouble());
        else
            array.append(ValueText::of(v));
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariantList SourceKey::fromJson(const QString &json)
{
    QVariantList values;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == double(qint64(d)))
                values.append(qint64(d));
            else
                values.append(d);
        } else if (v.isNull()) {
            values.append(QVariant());
        } else {
            values.append(v.toString());
        }
    }
    return values;
}

QString SourceKey::of(const QStringList &columns, const QVariantList &row,
                      const QStringList &keyColumns, qint64 rowNumber)
{
    if (keyColumns.isEmpty())
        return QStringLiteral("#%1").arg(rowNumber);
    QVariantList values;
    values.reserve(keyColumns.size());
    for (const QString &k : keyColumns)
        values.append(row.value(columns.indexOf(k)));
    return toJson(values);
}

QString SourceKey::literal(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (ValueText::isInteger(value))
        return QString::number(value.toLongLong());
    if (ValueText::isNumber(value))
        return QString::number(value.toDouble(), 'g', 17);
    return SqlDialect::quoteString(ValueText::of(value));
}

QString SourceKey::afterCondition(ConnectionSpec::Kind kind, const QStringList &keyColumns,
                                  const QVariantList &last)
{
    if (keyColumns.size() == 1)
        return QStringLiteral("%1 > %2").arg(SqlDialect::quoteIdentifier(keyColumns.first(), kind),
                                             literal(last.value(0)));
    QStringList values;
    for (qsizetype i = 0; i < keyColumns.size(); ++i)
        values.append(literal(last.value(i)));
    return QStringLiteral("(%1) > (%2)")
        .arg(SqlDialect::quoteIdentifiers(keyColumns, kind), values.join(QStringLiteral(", ")));
}

QString SourceKey::watermarkCondition(ConnectionSpec::Kind kind, const QString &column,
                                      const QString &watermark)
{
    const auto n = number(watermark);
    const QString value = n ? watermark : SqlDialect::quoteString(watermark);
    return QStringLiteral("%1 > %2").arg(SqlDialect::quoteIdentifier(column, kind), value);
}

bool SourceKey::aboveWatermark(const QVariant &value, const QString &watermark)
{
    if (value.isNull())
        return false;
    if (watermark.isEmpty())
        return true;
    const QString text = ValueText::of(value);
    const auto a = number(text);
    const auto b = number(watermark);
    if (a && b)
        return *a > *b;
    return text > watermark;
}

} // namespace cutover
