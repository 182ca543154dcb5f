#include "core/DecimalText.h"

#include <QRegularExpression>

namespace cutover {

namespace {

QString stripLeadingZeros(const QString &digits)
{
    qsizetype first = 0;
    while (first < digits.size() && digits.at(first) == QLatin1Char('0'))
        ++first;
    return digits.mid(first);
}

QString stripTrailingZeros(const QString &digits)
{
    qsizetype end = digits.size();
    while (end > 0 && digits.at(end - 1) == QLatin1Char('0'))
        --end;
    return digits.left(end);
}

} // namespace

std::optional<DecimalText> DecimalText::parse(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral(R"(^\s*([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,4}))?\s*$)"));
    const auto match = number.match(text);
    if (!match.hasMatch() || match.capturedLength(2) + match.capturedLength(3) == 0)
        return std::nullopt;
    QString digits = match.captured(2) + match.captured(3);
    // Position of the point within digits, moved by the exponent.
    qsizetype point = match.capturedLength(2) + match.captured(4).toInt();
    if (point < 0) {
        digits.prepend(QString(-point, QLatin1Char('0')));
        point = 0;
    } else if (point > digits.size()) {
        digits.append(QString(point - digits.size(), QLatin1Char('0')));
    }
    DecimalText result;
    result.m_integer = stripLeadingZeros(digits.left(point));
    result.m_fraction = stripTrailingZeros(digits.mid(point));
    result.m_writtenScale = int(digits.size() - point);
    result.m_negative = match.captured(1) == QLatin1String("-") && !result.isZero();
    return result;
}

DecimalText DecimalText::fromInteger(qint64 value)
{
    return *parse(QString::number(value));
}

QString DecimalText::toString(int scale) const
{
    QString text = m_negative ? QStringLiteral("-") : QString();
    text += m_integer.isEmpty() ? QStringLiteral("0") : m_integer;
    const qsizetype digits = scale < 0 ? m_fraction.size() : qMax<qsizetype>(scale, 0);
    if (digits > 0)
        text += QLatin1Char('.') + m_fraction.leftJustified(digits, QLatin1Char('0'), true);
    return text;
}

std::optional<qint64> DecimalText::toInteger() const
{
    if (!m_fraction.isEmpty() || m_integer.size() > 19)
        return std::nullopt;
    if (m_integer.isEmpty())
        return 0;
    bool ok = false;
    const QString text = (m_negative ? QStringLiteral("-") : QString()) + m_integer;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

int DecimalText::compareMagnitude(const DecimalText &a, const DecimalText &b)
{
    if (a.m_integer.size() != b.m_integer.size())
        return a.m_integer.size() < b.m_integer.size() ? -1 : 1;
    if (const int c = a.m_integer.compare(b.m_integer); c != 0)
        return c < 0 ? -1 : 1;
    const qsizetype width = qMax(a.m_fraction.size(), b.m_fraction.size());
    const int c = a.m_fraction.leftJustified(width, QLatin1Char('0'))
                      .compare(b.m_fraction.leftJustified(width, QLatin1Char('0')));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int DecimalText::compare(const DecimalText &a, const DecimalText &b)
{
    if (a.m_negative != b.m_negative)
        return a.m_negative ? -1 : 1;
    const int magnitude = compareMagnitude(a, b);
    return a.m_negative ? -magnitude : magnitude;
}

} // namespace cutover
