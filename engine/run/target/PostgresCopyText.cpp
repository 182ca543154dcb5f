#include "run/target/PostgresCopyText.h"

#include "core/ValueText.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <charconv>
#include <cmath>

namespace cutover {

QByteArray PostgresCopyText::doubleText(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
    return ValueText::of(QVariant(value)).toLatin1(); // shortest, and -0 keeps its sign
}

QByteArray PostgresCopyText::valueText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return QByteArray::number(value.toLongLong());
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return doubleText(value.toDouble());
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate).toLatin1();
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODateWithMs).toLatin1();
    case QMetaType::QDateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs).toLatin1();
    default:
        return value.toString().toUtf8();
    }
}

void PostgresCopyText::appendEscaped(QByteArray &out, QByteArrayView text)
{
    const char *data = text.data();
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = data[i];
        if (c != '\\' && c != '\t' && c != '\n' && c != '\r')
            continue;
        out.append(data + start, i - start);
        const char escaped[2] = {'\\', c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r'};
        out.append(escaped, 2);
        start = i + 1;
    }
    out.append(data + start, text.size() - start);
}

void PostgresCopyText::appendValue(QByteArray &out, const QVariant &value)
{
    if (value.isNull()) {
        out.append("\\N", 2);
        return;
    }
    if (value.typeId() == QMetaType::QByteArray) {
        // bytea's hex input "\x0102", with its backslash escaped for COPY.
        out.append("\\\\x", 3);
        out.append(value.toByteArray().toHex());
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        appendEscaped(out, value.toString().toUtf8());
        return;
    case QMetaType::LongLong:
    case QMetaType::Int: {
        // Straight into the buffer: no text needs escaping, none needs allocating.
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value.toLongLong()).ptr;
        out.append(digits, end - digits);
        return;
    }
    default:
        appendEscaped(out, valueText(value));
    }
}

} // namespace cutover
