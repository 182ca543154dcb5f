#include "transform/convert/TypeConverter.h"

#include "core/TextEncoding.h"
#include "core/ValueText.h"
#include "transform/convert/NumericConverter.h"
#include "transform/convert/TemporalConverter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace cutover {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// What text.toUcs4().size() is, without converting: a surrogate pair is one code point, a lone
// surrogate one too.
qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i, ++count)
        if (text.at(i).isHighSurrogate() && i + 1 < size && text.at(i + 1).isLowSurrogate())
            ++i;
    return count;
}

} // namespace

Conversion TypeConverter::convert(const QVariant &value, const NormalizedType &type)
{
    if (value.isNull())
        return Conversion::success(QVariant());
    switch (type.kind()) {
    case NormalizedType::Kind::Integer:
        return NumericConverter::toInteger(value);
    case NormalizedType::Kind::Decimal:
        return NumericConverter::toDecimal(value, type);
    case NormalizedType::Kind::Real:
        return NumericConverter::toReal(value);
    case NormalizedType::Kind::Boolean:
        return NumericConverter::toBoolean(value);
    case NormalizedType::Kind::Text:
        // Text to a text column without a length: the string itself, as toText() gives it.
        if (type.length() <= 0 && value.typeId() == QMetaType::QString)
            return Conversion::success(value);
        return toText(value, type);
    case NormalizedType::Kind::Date:
        return TemporalConverter::toDate(value);
    case NormalizedType::Kind::Time:
        return TemporalConverter::toTime(value);
    case NormalizedType::Kind::Timestamp:
        return TemporalConverter::toTimestamp(value);
    case NormalizedType::Kind::TimestampTz:
        return TemporalConverter::toTimestampTz(value);
    case NormalizedType::Kind::Uuid:
        return toUuid(value);
    case NormalizedType::Kind::Json:
        return toJson(value);
    case NormalizedType::Kind::Blob:
        return toBlob(value);
    case NormalizedType::Kind::Unknown:
        break;
    }
    return Conversion::success(value);
}

Conversion TypeConverter::toText(const QVariant &value, const NormalizedType &type)
{
    QString text = ValueText::of(value);
    if (ValueText::isBinary(value)) { // text only when its bytes are valid UTF-8, all of them
        const QByteArray bytes = value.toByteArray();
        const auto decoded = TextEncoding::utf8(bytes);
        if (!decoded)
            return Conversion::failure(TextEncoding::utf8Problem(bytes));
        text = *decoded;
    } else if (value.typeId() == QMetaType::Bool) {
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (type.length() > 0) {
        // Characters are code points, as PostgreSQL and MySQL count them; not UTF-16 units.
        const qsizetype characters = codePoints(text);
        if (characters > type.length())
            return Conversion::failure(QStringLiteral("too long for %1: %2 characters, at most %3")
                                           .arg(type.toString())
                                           .arg(characters)
                                           .arg(type.length()));
    }
    return Conversion::success(text);
}

Conversion TypeConverter::toUuid(const QVariant &value)
{
    if (ValueText::isBinary(value)) {
        const QByteArray bytes = value.toByteArray();
        if (bytes.size() != 16)
            return Conversion::failure(
                QStringLiteral("%1 bytes of binary data are not a UUID (16 are)")
                    .arg(bytes.size()));
        return Conversion::success(QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces));
    }
    static const QRegularExpression uuid(QStringLiteral(
        R"(^\s*(\{?)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(\}?)\s*$)"));
    const QString text = ValueText::of(value);
    const auto match = uuid.match(text);
    if (!match.hasMatch() || match.capturedLength(1) != match.capturedLength(2))
        return Conversion::failure(
            QStringLiteral("%1 is not a UUID (8-4-4-4-12 hexadecimal digits)").arg(quoted(text)));
    QString canonical = text.trimmed().toLower();
    if (canonical.startsWith(QLatin1Char('{')))
        canonical = canonical.mid(1, canonical.size() - 2);
    return Conversion::success(canonical);
}

Conversion TypeConverter::toJson(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return Conversion::success(value.toBool() ? QStringLiteral("true")
                                                  : QStringLiteral("false"));
    if (ValueText::isNumber(value)) {
        if (!std::isfinite(value.toDouble()))
            return Conversion::failure(QStringLiteral("%1 has no JSON form").arg(value.toDouble()));
        return Conversion::success(ValueText::of(value));
    }
    QString text = ValueText::of(value);
    if (ValueText::isBinary(value)) {
        const QByteArray bytes = value.toByteArray();
        const auto decoded = TextEncoding::utf8(bytes);
        if (!decoded)
            return Conversion::failure(TextEncoding::utf8Problem(bytes));
        text = *decoded;
    }
    // QJsonDocument parses only objects and arrays: wrap the text so that scalars parse too.
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("\n]"), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return Conversion::failure(QStringLiteral("%1 is not valid JSON%2")
                                       .arg(quoted(ValueText::display(text)),
                                            error.error == QJsonParseError::NoError
                                                ? QString()
                                                : QStringLiteral(": ") + error.errorString()));
    return Conversion::success(text);
}

Conversion TypeConverter::toBlob(const QVariant &value)
{
    if (ValueText::isBinary(value))
        return Conversion::success(value.toByteArray());
    if (value.typeId() == QMetaType::QString)
        return Conversion::success(value.toString().toUtf8());
    return Conversion::failure(
        QStringLiteral("the number %1 is not binary data").arg(ValueText::of(value)));
}

} // namespace cutover
