#include "core/JsonObjectReader.h"

namespace cutover {

JsonObjectReader::JsonObjectReader(const QJsonValue &value, QString path, Wording wording)
    : m_path(std::move(path))
    , m_wording(wording)
{
    if (!value.isObject())
        throw wrongType(m_path, "an object", value);
    m_object = value.toObject();
}

QString JsonObjectReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonObjectReader::itemPath(const QString &arrayPath, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(arrayPath).arg(index);
}

QString JsonObjectReader::memberPath(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

JsonReadError JsonObjectReader::wrongType(const QString &path, const char *expected,
                                          const QJsonValue &value) const
{
    const QString message = QStringLiteral("expected %1").arg(QLatin1String(expected));
    if (m_wording == Wording::Brief)
        return {path, message};
    return {path, message + QStringLiteral(", found ") + typeName(value)};
}

JsonReadError JsonObjectReader::missing(const QString &key) const
{
    if (m_wording == Wording::Brief)
        return {memberPath(key), QStringLiteral("is missing")};
    return {m_path, QStringLiteral("missing required key '%1'").arg(key)};
}

QJsonValue JsonObjectReader::member(const QString &key, bool required) const
{
    m_read.insert(key);
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() && required)
        throw missing(key);
    return v;
}

QJsonValue JsonObjectReader::value(const QString &key) const
{
    return member(key, false);
}

QJsonValue JsonObjectReader::requiredValue(const QString &key) const
{
    return member(key, true);
}

QString JsonObjectReader::asText(const QString &key, const QJsonValue &value) const
{
    if (!value.isString())
        throw wrongType(memberPath(key), "a string", value);
    return value.toString();
}

bool JsonObjectReader::asFlag(const QString &key, const QJsonValue &value) const
{
    if (!value.isBool())
        throw wrongType(memberPath(key), "true or false", value);
    return value.toBool();
}

double JsonObjectReader::asNumber(const QString &key, const QJsonValue &value) const
{
    if (!value.isDouble())
        throw wrongType(memberPath(key), "a number", value);
    return value.toDouble();
}

QJsonArray JsonObjectReader::asArray(const QString &key, const QJsonValue &value) const
{
    if (!value.isArray())
        throw wrongType(memberPath(key), "an array", value);
    return value.toArray();
}

QStringList JsonObjectReader::asTextList(const QString &key, const QJsonArray &items) const
{
    QStringList result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            throw wrongType(itemPath(memberPath(key), i), "a string", items.at(i));
        result.append(items.at(i).toString());
    }
    return result;
}

QString JsonObjectReader::text(const QString &key) const
{
    const QJsonValue v = member(key, false);
    return v.isUndefined() ? QString() : asText(key, v);
}

bool JsonObjectReader::flag(const QString &key, bool fallback) const
{
    const QJsonValue v = member(key, false);
    return v.isUndefined() ? fallback : asFlag(key, v);
}

double JsonObjectReader::number(const QString &key, double fallback) const
{
    const QJsonValue v = member(key, false);
    return v.isUndefined() ? fallback : asNumber(key, v);
}

int JsonObjectReader::wholeNumber(const QString &key, int fallback, int minimum) const
{
    const double d = number(key, fallback);
    if (d != double(int(d)) || d < minimum)
        throw JsonReadError{memberPath(key),
                            QStringLiteral("expected a whole number of at least %1").arg(minimum)};
    return int(d);
}

QStringList JsonObjectReader::textList(const QString &key) const
{
    return asTextList(key, array(key));
}

QJsonArray JsonObjectReader::array(const QString &key) const
{
    const QJsonValue v = member(key, false);
    return v.isUndefined() ? QJsonArray() : asArray(key, v);
}

QString JsonObjectReader::requiredText(const QString &key) const
{
    return asText(key, member(key, true));
}

QString JsonObjectReader::nonEmptyText(const QString &key) const
{
    const QString value = requiredText(key);
    if (value.trimmed().isEmpty())
        throw JsonReadError{memberPath(key), QStringLiteral("must not be empty")};
    return value;
}

bool JsonObjectReader::requiredFlag(const QString &key) const
{
    return asFlag(key, member(key, true));
}

double JsonObjectReader::requiredNumber(const QString &key) const
{
    return asNumber(key, member(key, true));
}

qint64 JsonObjectReader::requiredWholeNumber(const QString &key) const
{
    const QJsonValue v = member(key, true);
    if (!v.isDouble())
        throw wrongType(memberPath(key), "a whole number", v);
    if (v.toDouble() != double(qint64(v.toDouble())))
        throw JsonReadError{memberPath(key), QStringLiteral("expected a whole number")};
    return qint64(v.toDouble());
}

QStringList JsonObjectReader::requiredTextList(const QString &key) const
{
    return asTextList(key, requiredArray(key));
}

QJsonArray JsonObjectReader::requiredArray(const QString &key) const
{
    return asArray(key, member(key, true));
}

QString JsonObjectReader::nullableText(const QString &key) const
{
    const QJsonValue v = member(key, false);
    return v.isNull() || v.isUndefined() ? QString() : asText(key, v);
}

QStringList JsonObjectReader::nullableTextList(const QString &key) const
{
    const QJsonValue v = member(key, false);
    return v.isNull() || v.isUndefined() ? QStringList() : asTextList(key, asArray(key, v));
}

void JsonObjectReader::refuseUnknownMembers() const
{
    for (const QString &key : m_object.keys())
        if (!m_read.contains(key))
            throw JsonReadError{memberPath(key), QStringLiteral("unknown key '%1'").arg(key)};
}

} // namespace cutover
