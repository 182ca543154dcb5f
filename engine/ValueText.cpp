#include "ValueText.h"

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
    const QString text = of(value);
    if (text.size() <= DisplayLimit)
        return text;
    return text.left(DisplayLimit) + QStringLiteral("… (%1 characters)").arg(text.size());
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
