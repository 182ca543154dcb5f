#include "transform/convert/TemporalConverter.h"

#include "core/ValueText.h"

#include <QDateTime>
#include <QRegularExpression>

namespace cutover {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

Conversion TemporalConverter::refuseNonText(const QVariant &value, const QString &what)
{
    if (ValueText::isBinary(value))
        return Conversion::failure(QStringLiteral("binary data is not %1").arg(what));
    return Conversion::failure(
        QStringLiteral("the number %1 is not %2: convert it with a date function in the "
                       "expression (e.g. datetime(x, 'unixepoch'))")
            .arg(ValueText::of(value), what));
}

std::optional<QString> TemporalConverter::parseFraction(const QString &digits, QString *reason)
{
    QString significant = digits;
    while (significant.endsWith(QLatin1Char('0')))
        significant.chop(1);
    if (significant.isEmpty())
        return QString();
    if (significant.size() > 6) {
        *reason = QStringLiteral("would lose digits below a microsecond (.%1)").arg(digits);
        return std::nullopt;
    }
    const int width = significant.size() <= 3 ? 3 : 6;
    return QLatin1Char('.') + significant.leftJustified(width, QLatin1Char('0'));
}

bool TemporalConverter::parseOffset(const QString &zone, int *seconds)
{
    if (zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) {
        *seconds = 0;
        return true;
    }
    const QString digits = zone.mid(1).remove(QLatin1Char(':'));
    const int hours = digits.left(2).toInt();
    const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
    if (hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60)
        return false;
    *seconds = (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    return true;
}

std::optional<TemporalConverter::Parsed> TemporalConverter::parse(const QString &text,
                                                                  QString *reason)
{
    static const QRegularExpression iso(QStringLiteral(
        R"(^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)"
        R"((?:\.([0-9]{1,9}))?\s*([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?\s*$)"));
    const auto match = iso.match(text);
    if (!match.hasMatch()) {
        *reason = QStringLiteral("%1 is not an ISO date or timestamp (yyyy-MM-dd[THH:mm:ss])")
                      .arg(quoted(text));
        return std::nullopt;
    }
    Parsed parsed;
    parsed.date =
        QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    if (!parsed.date.isValid() || match.captured(1).toInt() == 0) {
        *reason = QStringLiteral("%1 is not a valid date").arg(quoted(text.trimmed()));
        return std::nullopt;
    }
    parsed.hasTime = match.hasCaptured(4);
    parsed.hour = match.captured(4).toInt();
    parsed.minute = match.captured(5).toInt();
    parsed.second = match.captured(6).toInt();
    if (parsed.hour > 23 || parsed.minute > 59 || parsed.second > 59) {
        *reason = QStringLiteral("%1 has an invalid time of day").arg(quoted(text.trimmed()));
        return std::nullopt;
    }
    const auto fraction = parseFraction(match.captured(7), reason);
    if (!fraction)
        return std::nullopt;
    parsed.fraction = *fraction;
    parsed.hasZone = match.hasCaptured(8);
    if (parsed.hasZone && !parseOffset(match.captured(8), &parsed.offsetSeconds)) {
        *reason = QStringLiteral("%1 has an invalid time zone offset").arg(quoted(text.trimmed()));
        return std::nullopt;
    }
    return parsed;
}

QString TemporalConverter::clock(const Parsed &parsed)
{
    return twoDigits(parsed.hour) + QLatin1Char(':') + twoDigits(parsed.minute) + QLatin1Char(':') +
           twoDigits(parsed.second) + parsed.fraction;
}

Conversion TemporalConverter::toDate(const QVariant &value)
{
    if (ValueText::isNumber(value) || ValueText::isBinary(value))
        return refuseNonText(value, QStringLiteral("a date"));
    const QString text = ValueText::of(value);
    QString reason;
    const auto parsed = parse(text, &reason);
    if (!parsed)
        return Conversion::failure(reason);
    if (parsed->hasZone)
        return Conversion::failure(
            QStringLiteral("%1 has a time zone, so its date depends on the zone: convert it "
                           "with from_utc() first")
                .arg(quoted(text.trimmed())));
    if (parsed->hour || parsed->minute || parsed->second || !parsed->fraction.isEmpty())
        return Conversion::failure(QStringLiteral("would drop the time %1 of %2")
                                       .arg(clock(*parsed), quoted(text.trimmed())));
    return Conversion::success(parsed->date.toString(Qt::ISODate));
}

Conversion TemporalConverter::toTime(const QVariant &value)
{
    if (ValueText::isNumber(value) || ValueText::isBinary(value))
        return refuseNonText(value, QStringLiteral("a time of day"));
    static const QRegularExpression time(
        QStringLiteral(R"(^\s*([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.([0-9]{1,9}))?\s*$)"));
    const QString text = ValueText::of(value);
    const auto match = time.match(text);
    if (!match.hasMatch())
        return Conversion::failure(
            QStringLiteral("%1 is not a time of day (HH:mm[:ss[.fff]])").arg(quoted(text)));
    Parsed parsed;
    parsed.hour = match.captured(1).toInt();
    parsed.minute = match.captured(2).toInt();
    parsed.second = match.captured(3).toInt();
    if (parsed.hour > 23 || parsed.minute > 59 || parsed.second > 59)
        return Conversion::failure(
            QStringLiteral("%1 is not a valid time of day").arg(quoted(text.trimmed())));
    QString reason;
    const auto fraction = parseFraction(match.captured(4), &reason);
    if (!fraction)
        return Conversion::failure(reason);
    parsed.fraction = *fraction;
    return Conversion::success(clock(parsed));
}

Conversion TemporalConverter::toTimestamp(const QVariant &value)
{
    if (ValueText::isNumber(value) || ValueText::isBinary(value))
        return refuseNonText(value, QStringLiteral("a timestamp"));
    const QString text = ValueText::of(value);
    QString reason;
    const auto parsed = parse(text, &reason);
    if (!parsed)
        return Conversion::failure(reason);
    if (parsed->hasZone)
        return Conversion::failure(
            QStringLiteral("%1 has a time zone offset but the column is a timestamp without "
                           "time zone: use from_utc() to choose the local time")
                .arg(quoted(text.trimmed())));
    return Conversion::success(parsed->date.toString(Qt::ISODate) + QLatin1Char('T') +
                               clock(*parsed));
}

Conversion TemporalConverter::toTimestampTz(const QVariant &value)
{
    if (ValueText::isNumber(value) || ValueText::isBinary(value))
        return refuseNonText(value, QStringLiteral("a timestamp"));
    const QString text = ValueText::of(value);
    QString reason;
    const auto parsed = parse(text, &reason);
    if (!parsed)
        return Conversion::failure(reason);
    if (!parsed->hasZone)
        return Conversion::failure(
            QStringLiteral("%1 needs a time zone: use to_utc(value, 'Area/City')")
                .arg(quoted(text.trimmed())));
    const QDateTime local(parsed->date, QTime(parsed->hour, parsed->minute, parsed->second),
                          Qt::UTC);
    const QDateTime utc = local.addSecs(-parsed->offsetSeconds);
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return Conversion::failure(
            QStringLiteral("%1 is out of range in UTC").arg(quoted(text.trimmed())));
    return Conversion::success(utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
                               parsed->fraction + QLatin1Char('Z'));
}

} // namespace cutover
