#include "core/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <cmath>

namespace cutover {

namespace {

void indent(QByteArray &out, int depth)
{
    out.append(QByteArray(depth * 2, ' '));
}

bool isScalar(const QJsonValue &value)
{
    return !value.isArray() && !value.isObject();
}

} // namespace

QByteArray JsonWriter::write(const QJsonValue &value) const
{
    QByteArray out;
    writeValue(out, value, 0);
    out.append('\n');
    return out;
}

QByteArray JsonWriter::writeNested(const QJsonValue &value, int depth) const
{
    QByteArray out;
    writeValue(out, value, depth);
    return out;
}

void JsonWriter::writeValue(QByteArray &out, const QJsonValue &value, int depth) const
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        writeNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array:
        writeArray(out, value.toArray(), depth);
        break;
    case QJsonValue::Object:
        writeObject(out, value.toObject(), depth);
        break;
    }
}

QStringList JsonWriter::orderedKeys(const QJsonObject &object) const
{
    QStringList keys;
    for (const QString &key : m_keyOrder)
        if (object.contains(key))
            keys.append(key);
    for (const QString &key : object.keys()) // QJsonObject keeps keys sorted
        if (!m_keyOrder.contains(key))
            keys.append(key);
    return keys;
}

void JsonWriter::writeObject(QByteArray &out, const QJsonObject &object, int depth) const
{
    if (object.isEmpty()) {
        out.append("{}");
        return;
    }
    out.append("{\n");
    const QStringList keys = orderedKeys(object);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        indent(out, depth + 1);
        writeString(out, keys[i]);
        out.append(": ");
        writeValue(out, object.value(keys[i]), depth + 1);
        out.append(i + 1 < keys.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append('}');
}

void JsonWriter::writeArray(QByteArray &out, const QJsonArray &array, int depth) const
{
    if (array.isEmpty()) {
        out.append("[]");
        return;
    }
    const bool inline_ = std::all_of(array.begin(), array.end(), isScalar) && array.size() <= 8;
    out.append(inline_ ? "[" : "[\n");
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!inline_)
            indent(out, depth + 1);
        writeValue(out, array.at(i), depth + 1);
        if (i + 1 < array.size())
            out.append(inline_ ? ", " : ",\n");
    }
    if (!inline_) {
        out.append('\n');
        indent(out, depth);
    }
    out.append(']');
}

void JsonWriter::writeString(QByteArray &out, const QString &text)
{
    out.append('"');
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (c < 0x20)
                out.append(QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0')).toLatin1());
            else
                out.append(QString(ch).toUtf8());
        }
    }
    out.append('"');
}

void JsonWriter::writeNumber(QByteArray &out, double number)
{
    if (!std::isfinite(number)) {
        out.append("null");
        return;
    }
    if (number == std::floor(number) && std::abs(number) < 9007199254740992.0)
        out.append(QByteArray::number(qint64(number)));
    else
        out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
}

} // namespace cutover
