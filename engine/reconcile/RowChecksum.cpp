#include "reconcile/RowChecksum.h"

#include "core/ValueText.h"

#include <QCryptographicHash>

namespace cutover {

namespace {

char tagOf(const QVariant &value)
{
    if (ValueText::isInteger(value))
        return 'i';
    if (value.typeId() == QMetaType::Double)
        return 'd';
    if (value.typeId() == QMetaType::QByteArray)
        return 'b';
    return 's';
}

} // namespace

QByteArray RowChecksum::rowText(const QVariantList &canonical)
{
    QByteArray text;
    for (const QVariant &value : canonical) {
        if (value.isNull()) {
            text.append('N');
            continue;
        }
        const char tag = tagOf(value);
        const QByteArray bytes = tag == 'b'   ? value.toByteArray()
                                 : tag == 'i' ? QByteArray::number(value.toLongLong())
                                              : ValueText::of(value).toUtf8();
        text.append(tag);
        text.append(QByteArray::number(bytes.size()));
        text.append(':');
        text.append(bytes);
    }
    return text;
}

quint64 RowChecksum::hash(const QByteArray &rowText)
{
    const QByteArray hex =
        QCryptographicHash::hash(rowText, QCryptographicHash::Md5).toHex().mid(17);
    return hex.toULongLong(nullptr, 16);
}

std::optional<quint64> RowChecksum::parseSum(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    quint64 sum = 0;
    for (const QChar c : trimmed) {
        if (c == QLatin1Char('.'))
            break; // MySQL may write a DECIMAL sum as "123.0"
        if (!c.isDigit())
            return std::nullopt;
        sum = sum * 10 + quint64(c.digitValue());
    }
    return sum;
}

} // namespace cutover
