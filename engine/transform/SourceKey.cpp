#include "transform/SourceKey.h"

#include "core/ValueText.h"
#include "dialect/SqlDialect.h"

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

// Where a value sorts among the kinds of key values: NULL, number, text.
int rank(const QVariant &value)
{
    if (value.isNull())
        return 0;
    return ValueText::isNumber(value) ? 1 : 2;
}

int compareNumbers(const QVariant &a, const QVariant &b)
{
    if (ValueText::isInteger(a) && ValueText::isInteger(b)) {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const double x = a.toDouble();
    const double y = b.toDouble();
    return x < y ? -1 : x > y ? 1 : 0;
}

// A UTF-16 code unit in code point order: surrogates (U+D800..U+DFFF, the code points above
// U+FFFF) after U+E000..U+FFFF, which UTF-16 puts after them.
int codePointOrder(char16_t unit)
{
    if (unit >= 0xD800 && unit < 0xE000)
        return unit + 0x2000;
    if (unit >= 0xE000)
        return unit - 0x800;
    return unit;
}

int compareTexts(QStringView a, QStringView b)
{
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        if (a[i] != b[i])
            return codePointOrder(a[i].unicode()) < codePointOrder(b[i].unicode()) ? -1 : 1;
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

int comparePart(const QVariant &a, const QVariant &b)
{
    const int ra = rank(a);
    const int rb = rank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    if (ra == 1)
        return compareNumbers(a, b);
    if (ra == 2)
        return compareTexts(ValueText::of(a), ValueText::of(b));
    return 0;
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

QVariantList SourceKey::parts(const QString &key)
{
    if (key.startsWith(u'#'))
        return {key.mid(1).toLongLong()};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(key.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return {key};
    QVariantList values;
    for (const QJsonValue &v : document.array())
        values.append(v.isNull() ? QVariant() : v.toVariant());
    return values;
}

bool SourceKey::lessThan(const QVariantList &a, const QVariantList &b)
{
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i)
        if (const int order = comparePart(a.at(i), b.at(i)); order != 0)
            return order < 0;
    return a.size() < b.size();
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

QString SourceKey::equalsCondition(ConnectionSpec::Kind kind, const QStringList &keyColumns,
                                   const QVariantList &key)
{
    QStringList parts;
    for (qsizetype i = 0; i < keyColumns.size(); ++i)
        parts.append(
            key.value(i).isNull()
                ? QStringLiteral("%1 IS NULL")
                      .arg(SqlDialect::quoteIdentifier(keyColumns.at(i), kind))
                : QStringLiteral("%1 = %2").arg(SqlDialect::quoteIdentifier(keyColumns.at(i), kind),
                                                literal(key.value(i))));
    return parts.join(QStringLiteral(" AND "));
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
