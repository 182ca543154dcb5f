#include "connect/csv/CsvTypeInferrer.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;

struct Classified
{
    Kind kind = Kind::Text;
    int integerDigits = 0; // decimal and integer values: digits before the point
    int scale = 0;         // digits after the point
};

// [0-9] and not \d: \d would accept digits of other scripts, which no database parses.
const QRegularExpression &integerPattern()
{
    static const QRegularExpression re(QStringLiteral("^-?(0|[1-9][0-9]*)$"));
    return re;
}
const QRegularExpression &decimalPattern()
{
    static const QRegularExpression re(QStringLiteral("^-?(0|[1-9][0-9]*)?\\.([0-9]+)$"));
    return re;
}
const QRegularExpression &realPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^-?((0|[1-9][0-9]*)(\\.[0-9]+)?|\\.[0-9]+)[eE][+-]?[0-9]+$"));
    return re;
}
const QRegularExpression &dateTimePattern()
{
    // date, then optionally a time (with T or space) and a zone.
    static const QRegularExpression re(
        QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})"
                       "(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,9})?)?"
                       "([Zz]|[+-]([0-9]{2})(?::?([0-9]{2}))?)?)?$"));
    return re;
}
const QRegularExpression &timePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,9})?)?$"));
    return re;
}
const QRegularExpression &uuidPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re;
}

bool isBooleanWord(const QString &value)
{
    static const QStringList words = {QStringLiteral("true"), QStringLiteral("false"),
                                      QStringLiteral("yes"),  QStringLiteral("no"),
                                      QStringLiteral("t"),    QStringLiteral("f"),
                                      QStringLiteral("y"),    QStringLiteral("n")};
    return value.size() <= 5 && words.contains(value, Qt::CaseInsensitive);
}

bool validClock(const QRegularExpressionMatch &m, int hour, int minute, int second)
{
    const int h = m.captured(hour).toInt();
    const int mi = m.captured(minute).toInt();
    const int s = m.capturedLength(second) > 0 ? m.captured(second).toInt() : 0;
    return h < 24 && mi < 60 && s < 60;
}

Classified classify(const QString &value)
{
    if (const auto m = integerPattern().match(value); m.hasMatch()) {
        const int digits = int(m.capturedLength(1));
        bool fits = false;
        value.toLongLong(&fits);
        if (fits)
            return {Kind::Integer, digits, 0};
        return {Kind::Decimal, digits, 0}; // beyond int64: exact digits still matter
    }
    if (const auto m = decimalPattern().match(value); m.hasMatch()) {
        // A lone leading zero ("0.5") is not a significant digit: decimal(1,1) holds 0.5.
        const QString whole = m.captured(1);
        const int digits = whole == QLatin1String("0") ? 0 : int(whole.size());
        return {Kind::Decimal, digits, int(m.capturedLength(2))};
    }
    if (realPattern().match(value).hasMatch()) {
        if (std::isfinite(value.toDouble()))
            return {Kind::Real};
        return {Kind::Text}; // 1e999 overflows every database's double
    }
    if (isBooleanWord(value))
        return {Kind::Boolean};
    if (const auto m = dateTimePattern().match(value); m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!date.isValid())
            return {Kind::Text};
        if (m.capturedLength(4) == 0)
            return {Kind::Date};
        if (!validClock(m, 4, 5, 6))
            return {Kind::Text};
        if (m.capturedLength(7) == 0)
            return {Kind::Timestamp};
        if (m.capturedLength(8) > 0 &&
            (m.captured(8).toInt() > 14 || m.captured(9).toInt() >= 60)) // offsets: -12 .. +14
            return {Kind::Text};
        return {Kind::TimestampTz};
    }
    if (const auto m = timePattern().match(value); m.hasMatch())
        return {validClock(m, 1, 2, 3) ? Kind::Time : Kind::Text};
    if (uuidPattern().match(value).hasMatch())
        return {Kind::Uuid};
    if (value.startsWith(u'{') || value.startsWith(u'[')) {
        QJsonParseError error;
        QJsonDocument::fromJson(value.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            return {Kind::Json};
    }
    return {Kind::Text};
}

int numericRank(Kind kind)
{
    switch (kind) {
    case Kind::Integer:
        return 1;
    case Kind::Decimal:
        return 2;
    case Kind::Real:
        return 3;
    default:
        return 0;
    }
}

// The narrowest kind that holds every value of both kinds without changing a value's meaning.
Kind join(Kind seen, Kind next)
{
    if (seen == Kind::Unknown || seen == next)
        return next;
    if (numericRank(seen) > 0 && numericRank(next) > 0)
        return numericRank(seen) > numericRank(next) ? seen : next;
    if ((seen == Kind::Date && next == Kind::Timestamp) ||
        (seen == Kind::Timestamp && next == Kind::Date))
        return Kind::Timestamp; // a date is that day's midnight
    return Kind::Text;
}

} // namespace

void CsvTypeInferrer::add(const QString &value)
{
    if (value.isEmpty()) { // null or empty
        ++m_missing;
        return;
    }
    ++m_values;
    m_maxLength = std::max(m_maxLength, int(value.size()));
    if (m_kind == Kind::Text)
        return; // nothing narrows text again
    const Classified c = classify(value);
    m_kind = join(m_kind, c.kind);
    if (c.kind == Kind::Integer || c.kind == Kind::Decimal) {
        m_integerDigits = std::max(m_integerDigits, c.integerDigits);
        m_scale = std::max(m_scale, c.scale);
    }
}

NormalizedType CsvTypeInferrer::type() const
{
    switch (m_kind) {
    case Kind::Unknown:
        return NormalizedType::text();
    case Kind::Decimal:
        return NormalizedType::decimal(std::max(1, m_integerDigits + m_scale), m_scale);
    case Kind::Text:
        return NormalizedType::text();
    default:
        return NormalizedType(m_kind);
    }
}

NormalizedType CsvTypeInferrer::infer(const QStringList &values, bool *nullable)
{
    CsvTypeInferrer inferrer;
    for (const QString &value : values)
        inferrer.add(value);
    if (nullable)
        *nullable = inferrer.nullable();
    return inferrer.type();
}

} // namespace cutover
