#include "core/ValueText.h"

#include <QLocale>
#include <QUuid>
#include <cmath>

namespace cutover {

namespace {
constexpr qsizetype DisplayLimit = 200;
} // namespace

QString ValueText::ofStored(const QVariant &value)
{
    if (value.typeId() == QMetaType::QUuid)
        return value.toUuid().toString(QUuid::WithoutBraces);
    return of(value);
}

QString ValueText::of(const QVariant &value)
{
    if (value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::Double:
        if (value.toDouble() == 0 && std::signbit(value.toDouble()))
            return QStringLiteral("-0"); // QString::number drops the sign of zero
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QByteArray:
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(value.toByteArray().toHex()));
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    default:
        return value.toString();
    }
}

QString ValueText::display(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (isBinary(value))
        return displayBytes(value.toByteArray());
    const QString text = of(value);
    if (text.size() <= DisplayLimit)
        return text;
    return cut(text) + QStringLiteral(" (%1 characters)").arg(text.size());
}

std::pair<QString, Violation::ValueForm> ValueText::shown(const QVariant &value)
{
    if (value.isNull() || isNumber(value) || isBinary(value) || value.typeId() == QMetaType::Bool)
        return {display(value), Violation::ValueForm::Literal};
    const QString text = of(value);
    if (text.size() <= DisplayLimit)
        return {text, Violation::ValueForm::Text};
    // Quoted here, so that the count stays outside the quotes: 'Lorem…' (5000 characters).
    return {quoted(cut(text)) + QStringLiteral(" (%1 characters)").arg(text.size()),
            Violation::ValueForm::Literal};
}

QString ValueText::quoted(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(u'\'', QStringLiteral("''")) +
           QLatin1Char('\'');
}

QString ValueText::displayBytes(const QByteArray &bytes)
{
    constexpr qsizetype limit = DisplayLimit / 2; // two hex digits a byte
    if (bytes.size() <= limit)
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(bytes.toHex()));
    return QStringLiteral("x'%1…' (%2 bytes)")
        .arg(QString::fromLatin1(bytes.first(limit).toHex()))
        .arg(bytes.size());
}

// The first DisplayLimit characters and an ellipsis, never half a surrogate pair.
QString ValueText::cut(const QString &text)
{
    const qsizetype size =
        text.at(DisplayLimit - 1).isHighSurrogate() ? DisplayLimit - 1 : DisplayLimit;
    return text.left(size) + QChar(0x2026);
}

bool ValueText::isInteger(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
        return true;
    default:
        return false;
    }
}

} // namespace cutover
