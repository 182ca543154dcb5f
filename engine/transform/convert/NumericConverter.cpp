#include "transform/convert/NumericConverter.h"

#include "core/DecimalText.h"
#include "core/ValueText.h"

#include <QLocale>
#include <cmath>

namespace cutover {

namespace {

constexpr double TwoPow53 = 9007199254740992.0;
constexpr double TwoPow63 = 9223372036854775808.0;

QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

Conversion notANumber(const QVariant &value, const QString &what)
{
    if (ValueText::isBinary(value))
        return Conversion::failure(QStringLiteral("binary data cannot become %1").arg(what));
    const QString text = ValueText::of(value);
    if (text.trimmed().isEmpty())
        return Conversion::failure(
            QStringLiteral("an empty text is not %1 (only NULL means no value)").arg(what));
    return Conversion::failure(QStringLiteral("%1 is not %2").arg(quoted(text), what));
}

// The exact decimal digits of a value, with a loss risk when they come from a float.
struct Digits
{
    std::optional<DecimalText> number;
    QString lossRisk;
    QString failure; // set when a float has no decimal form
};

Digits digitsOf(const QVariant &value)
{
    if (ValueText::isInteger(value))
        return {DecimalText::fromInteger(value.toLongLong()), {}, {}};
    if (value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return {std::nullopt, {}, QStringLiteral("%1 is not a finite number").arg(d)};
        Digits digits{DecimalText::parse(shortest(d)), {}, {}};
        if (!digits.number->fractionDigits().isEmpty() || std::fabs(d) > TwoPow53)
            digits.lossRisk = QStringLiteral("from a floating-point value: its shortest decimal "
                                             "form %1 was used")
                                  .arg(shortest(d));
        return digits;
    }
    if (ValueText::isBinary(value))
        return {};
    return {DecimalText::parse(ValueText::of(value)), {}, {}};
}

} // namespace

Conversion NumericConverter::toInteger(const QVariant &value)
{
    if (ValueText::isInteger(value))
        return Conversion::success(value.toLongLong());
    if (value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d)
            return Conversion::failure(
                QStringLiteral("%1 is not a whole number; an integer column would lose the "
                               "fraction")
                    .arg(shortest(d)));
        if (d < -TwoPow63 || d >= TwoPow63)
            return Conversion::failure(
                QStringLiteral("%1 is out of range for a 64-bit integer").arg(shortest(d)));
        const QString risk = std::fabs(d) > TwoPow53
                                 ? QStringLiteral("from a floating-point value beyond 2^53: its "
                                                  "last digits may already be lost")
                                 : QString();
        return Conversion::success(qint64(d), risk);
    }
    const Digits digits = digitsOf(value);
    if (!digits.number)
        return notANumber(value, QStringLiteral("an integer"));
    if (!digits.number->fractionDigits().isEmpty())
        return Conversion::failure(
            QStringLiteral("%1 has a fraction; an integer column would lose it")
                .arg(quoted(ValueText::of(value))));
    const auto integer = digits.number->toInteger();
    if (!integer)
        return Conversion::failure(QStringLiteral("%1 is out of range for a 64-bit integer")
                                       .arg(quoted(ValueText::of(value))));
    return Conversion::success(*integer);
}

Conversion NumericConverter::toDecimal(const QVariant &value, const NormalizedType &type)
{
    const Digits digits = digitsOf(value);
    if (!digits.failure.isEmpty())
        return Conversion::failure(digits.failure);
    if (!digits.number)
        return notANumber(value, QStringLiteral("a decimal number"));
    const DecimalText &number = *digits.number;
    if (type.precision() <= 0) // unspecified precision: every digit, and the scale as written
        return Conversion::success(number.toString(number.writtenScale()), digits.lossRisk);
    const int scale = qMax(type.scale(), 0);
    if (number.fractionDigits().size() > scale)
        return Conversion::failure(
            QStringLiteral("would lose digits: %1 has %2 decimal places and %3 keeps %4")
                .arg(number.toString())
                .arg(number.fractionDigits().size())
                .arg(type.toString())
                .arg(scale));
    const int before = type.precision() - scale;
    if (number.integerDigits().size() > before)
        return Conversion::failure(
            QStringLiteral("%1 does not fit %2: %3 digits before the point, at most %4")
                .arg(number.toString(), type.toString())
                .arg(number.integerDigits().size())
                .arg(before));
    return Conversion::success(number.toString(scale), digits.lossRisk);
}

Conversion NumericConverter::toReal(const QVariant &value)
{
    if (ValueText::isInteger(value)) {
        const qint64 integer = value.toLongLong();
        const double d = double(integer);
        if (d >= TwoPow63 || qint64(d) != integer)
            return Conversion::failure(
                QStringLiteral("%1 cannot be stored exactly as real (it would become %2)")
                    .arg(integer)
                    .arg(shortest(d)));
        return Conversion::success(d);
    }
    if (value.typeId() == QMetaType::Double) {
        if (!std::isfinite(value.toDouble()))
            return Conversion::failure(
                QStringLiteral("%1 is not a finite number").arg(value.toDouble()));
        return Conversion::success(value.toDouble());
    }
    const Digits digits = digitsOf(value);
    if (!digits.number)
        return notANumber(value, QStringLiteral("a number"));
    bool ok = false;
    const double d = ValueText::of(value).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return Conversion::failure(
            QStringLiteral("%1 is out of range for real").arg(quoted(ValueText::of(value))));
    if (DecimalText::compare(*DecimalText::parse(shortest(d)), *digits.number) == 0)
        return Conversion::success(d);
    if (digits.number->fractionDigits().isEmpty())
        return Conversion::failure(
            QStringLiteral("%1 cannot be stored exactly as real (it would become %2)")
                .arg(digits.number->toString(), shortest(d)));
    return Conversion::success(
        d, QStringLiteral("real keeps about 16 significant digits: %1 became %2")
               .arg(digits.number->toString(), shortest(d)));
}

Conversion NumericConverter::toBoolean(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return Conversion::success(value.toBool());
    if (ValueText::isInteger(value) || value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        if (d == 0 || d == 1)
            return Conversion::success(d == 1);
        return Conversion::failure(
            QStringLiteral("%1 is not a boolean (only 0 and 1 are)").arg(ValueText::of(value)));
    }
    static const QStringList truthy = {QStringLiteral("true"), QStringLiteral("t"),
                                       QStringLiteral("yes"),  QStringLiteral("y"),
                                       QStringLiteral("on"),   QStringLiteral("1")};
    static const QStringList falsy = {QStringLiteral("false"), QStringLiteral("f"),
                                      QStringLiteral("no"),    QStringLiteral("n"),
                                      QStringLiteral("off"),   QStringLiteral("0")};
    if (!ValueText::isBinary(value)) {
        const QString text = ValueText::of(value).trimmed().toLower();
        if (truthy.contains(text))
            return Conversion::success(true);
        if (falsy.contains(text))
            return Conversion::success(false);
    }
    const Conversion failed = notANumber(value, QStringLiteral("a boolean"));
    return Conversion::failure(failed.reason + QStringLiteral(" (use true/false, 1/0 or yes/no)"));
}

} // namespace cutover
