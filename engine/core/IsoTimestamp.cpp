#include "core/IsoTimestamp.h"

#include <QDateTime>
#include <QRegularExpression>
#include <cstdio>
#include <optional>

namespace cutover {

namespace {

const QRegularExpression &isoPattern()
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)"
        R"(\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$)"));
    return pattern;
}

int parseOffset(const QString &text)
{
    if (text.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0 || text == QLatin1String("UTC"))
        return 0;
    const QString digits = QString(text).remove(QLatin1Char(':'));
    const int hours = digits.mid(1, 2).toInt();
    const int minutes = digits.size() > 3 ? digits.mid(3, 2).toInt() : 0;
    const int seconds = hours * 3600 + minutes * 60;
    return text.startsWith(QLatin1Char('-')) ? -seconds : seconds;
}

Error invalid(const QString &reason)
{
    return Error(Error::Code::Parse, reason);
}

// Reads 1 to max ASCII digits at text[at...] into value; false when there is none.
bool digits(const QString &text, qsizetype &at, int min, int max, int &value)
{
    value = 0;
    int count = 0;
    while (count < max && at < text.size() && text.at(at) >= QLatin1Char('0') &&
           text.at(at) <= QLatin1Char('9')) {
        value = value * 10 + (text.at(at).unicode() - '0');
        ++at;
        ++count;
    }
    return count >= min;
}

// The forms a database writes (yyyy-MM-dd, then optionally [T ]HH:mm[:ss[.f]]) without the
// regular expression, which was most of the cost of a timestamp conversion. Anything else
// (spaces, an offset, an invalid date or time) is left to the expression: nullopt.
std::optional<IsoTimestamp> parseCommon(const QString &text)
{
    qsizetype at = 0;
    int year = 0, month = 0, day = 0;
    if (!digits(text, at, 4, 4, year) || at >= text.size() || text.at(at++) != QLatin1Char('-') ||
        !digits(text, at, 1, 2, month) || at >= text.size() || text.at(at++) != QLatin1Char('-') ||
        !digits(text, at, 1, 2, day))
        return std::nullopt;
    IsoTimestamp t;
    t.date = QDate(year, month, day);
    int hour = 0, minute = 0, second = 0;
    if (at < text.size()) {
        if (text.at(at) != QLatin1Char('T') && text.at(at) != QLatin1Char(' '))
            return std::nullopt;
        ++at;
        if (!digits(text, at, 1, 2, hour) || at >= text.size() ||
            text.at(at++) != QLatin1Char(':') || !digits(text, at, 2, 2, minute))
            return std::nullopt;
        t.hasTime = true;
        if (at < text.size()) {
            if (text.at(at++) != QLatin1Char(':') || !digits(text, at, 2, 2, second))
                return std::nullopt;
            if (at < text.size()) {
                if (text.at(at) != QLatin1Char('.') && text.at(at) != QLatin1Char(','))
                    return std::nullopt;
                const qsizetype start = ++at;
                int ignored = 0;
                if (!digits(text, at, 1, 9, ignored) || at != text.size())
                    return std::nullopt;
                t.fraction = text.mid(start);
            }
        }
    }
    t.time = QTime(hour, minute, second);
    if (!t.date.isValid() || !t.time.isValid())
        return std::nullopt;
    return t;
}

} // namespace

Result<IsoTimestamp> IsoTimestamp::parse(const QString &text)
{
    if (auto common = parseCommon(text))
        return *common;
    const QRegularExpressionMatch m = isoPattern().match(text);
    if (!m.hasMatch())
        return invalid(QStringLiteral("not a date or timestamp in ISO form "
                                      "(yyyy-MM-dd or yyyy-MM-dd HH:mm[:ss[.fff]])"));
    IsoTimestamp t;
    t.date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!t.date.isValid())
        return invalid(
            QStringLiteral("%1 is not a valid date").arg(m.captured(0).left(10).trimmed()));
    t.hasTime = m.hasCaptured(4);
    t.time = QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!t.time.isValid())
        return invalid(
            QStringLiteral("%1:%2 is not a valid time of day").arg(m.captured(4), m.captured(5)));
    t.fraction = m.captured(7);
    t.hasOffset = m.hasCaptured(8);
    t.offsetSeconds = t.hasOffset ? parseOffset(m.captured(8)) : 0;
    if (qAbs(t.offsetSeconds) > 18 * 3600)
        return invalid(QStringLiteral("the offset %1 is out of range").arg(m.captured(8)));
    return t;
}

qint64 IsoTimestamp::wallSeconds() const
{
    return QDateTime(date, time, Qt::UTC).toSecsSinceEpoch();
}

QString IsoTimestamp::format(qint64 wallSeconds, const QString &fraction, const QString &suffix)
{
    QString digits = fraction;
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    if (!digits.isEmpty())
        digits =
            QLatin1Char('.') + digits.leftJustified((digits.size() + 2) / 3 * 3, QLatin1Char('0'));
    // By hand: QDateTime::toString with a format was a tenth of a whole transform.
    const qint64 days = wallSeconds / 86400 - (wallSeconds % 86400 < 0 ? 1 : 0);
    const qint64 secondOfDay = wallSeconds - days * 86400;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", date.year(), date.month(),
                  date.day(), int(secondOfDay / 3600), int(secondOfDay / 60 % 60),
                  int(secondOfDay % 60));
    return QLatin1String(buffer) + digits + suffix;
}

qsizetype IsoTimestamp::formatUtf8(qint64 wallSeconds, char *out, const char *suffix)
{
    const qint64 days = wallSeconds / 86400 - (wallSeconds % 86400 < 0 ? 1 : 0);
    const qint64 secondOfDay = wallSeconds - days * 86400;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    qsizetype length = 0;
    if (date.year() >= 0 && date.year() <= 9999) {
        // As the snprintf below writes it, digit by digit: snprintf cost a third of to_utc.
        const int fields[6] = {date.year(),
                               date.month(),
                               date.day(),
                               int(secondOfDay / 3600),
                               int(secondOfDay / 60 % 60),
                               int(secondOfDay % 60)};
        static const char separators[6] = {'-', '-', 'T', ':', ':', 0};
        for (int f = 0; f < 6; ++f) {
            if (f == 0) {
                out[length++] = char('0' + fields[0] / 1000);
                out[length++] = char('0' + fields[0] / 100 % 10);
            }
            out[length++] = char('0' + fields[f] / 10 % 10);
            out[length++] = char('0' + fields[f] % 10);
            if (separators[f])
                out[length++] = separators[f];
        }
    } else {
        const int size = std::snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", date.year(),
                                       date.month(), date.day(), int(secondOfDay / 3600),
                                       int(secondOfDay / 60 % 60), int(secondOfDay % 60));
        length = qMin(size, 31);
    }
    for (const char *c = suffix; *c; ++c)
        out[length++] = *c;
    return length;
}

QString IsoTimestamp::display() const
{
    const QString clock = time.second() == 0 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss");
    return date.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char(' ') + time.toString(clock);
}

} // namespace cutover
