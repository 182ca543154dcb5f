#include "core/SqlLiteral.h"

#include "core/DecimalText.h"

namespace cutover {

std::optional<QString> SqlLiteral::quoted(const QString &text, QChar quote)
{
    if (text.size() < 2 || !text.startsWith(quote) || !text.endsWith(quote))
        return std::nullopt;
    const QString inner = text.mid(1, text.size() - 2);
    const QString doubled = QString(2, quote);
    // Every quote inside must be doubled.
    if (QString(inner).remove(doubled).contains(quote))
        return std::nullopt;
    return QString(inner).replace(doubled, QString(quote));
}

Result<QVariant> SqlLiteral::parse(const QString &literal)
{
    const QString text = literal.trimmed();
    if (const auto string = quoted(text, QLatin1Char('\'')))
        return QVariant(*string);
    if (text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return QVariant();
    if (text.compare(QLatin1String("TRUE"), Qt::CaseInsensitive) == 0)
        return QVariant::fromValue<qint64>(1);
    if (text.compare(QLatin1String("FALSE"), Qt::CaseInsensitive) == 0)
        return QVariant::fromValue<qint64>(0);
    if (text.startsWith(QLatin1Char('X'), Qt::CaseInsensitive)) {
        const auto hex = quoted(text.mid(1), QLatin1Char('\''));
        const QByteArray bytes = hex ? QByteArray::fromHex(hex->toLatin1()) : QByteArray();
        if (hex && bytes.size() * 2 == hex->size() && bytes.toHex() == hex->toLower().toLatin1())
            return QVariant(bytes);
    }
    if (const auto number = DecimalText::parse(text)) {
        bool isInteger = false;
        const qint64 value = text.toLongLong(&isInteger);
        return isInteger ? QVariant::fromValue<qint64>(value) : QVariant(text);
    }
    return Error(Error::Code::Validation, QStringLiteral("%1 is not an SQL literal").arg(literal),
                 QString(),
                 QStringLiteral("write a quoted text such as 'unknown', a number, TRUE, FALSE or "
                                "NULL"));
}

} // namespace cutover
