#include "transform/functions/TimeFunctions.h"

#include "core/IsoTimestamp.h"
#include "core/LocalTime.h"
#include "transform/functions/FunctionCall.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <sqlite3.h>

namespace cutover {

namespace {

const QString kToUtc = QStringLiteral("to_utc");
const QString kFromUtc = QStringLiteral("from_utc");
const QString kParse = QStringLiteral("parse_datetime");
const QString kFormat = QStringLiteral("format_datetime");

enum class DstRule
{
    Error,
    Earlier,
    Later,
    Unknown
};

DstRule dstRule(const FunctionCall &call)
{
    if (call.count() < 3 || call.isNull(2))
        return DstRule::Error;
    if (const DstRule *cached = call.cached<DstRule>(2))
        return *cached;
    const QString word = call.text(2).trimmed().toLower();
    DstRule rule = DstRule::Unknown;
    if (word == QLatin1String("error"))
        rule = DstRule::Error;
    else if (word == QLatin1String("earlier"))
        rule = DstRule::Earlier;
    else if (word == QLatin1String("later"))
        rule = DstRule::Later;
    call.cache(2, rule);
    return rule;
}

int digitsAt(QByteArrayView text, qsizetype at, qsizetype count)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Wall-clock seconds of text when it is exactly "yyyy-MM-dd HH:mm:ss" (or with a T) and a valid
// date and time: what IsoTimestamp::parse reads from it, without the pattern. Anything else
// (other forms, fractions, offsets, spaces, errors) is left to IsoTimestamp::parse.
std::optional<qint64> simpleWallSeconds(QByteArrayView text)
{
    if (text.size() != 19 || text[4] != '-' || text[7] != '-' ||
        (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid() || !QTime::isValid(hour, minute, second))
        return std::nullopt;
    return (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400 + hour * 3600 +
           minute * 60 + second;
}

// The letters of a Qt date format outside quoted literals.
QString formatLetters(const QString &format)
{
    QString letters;
    bool quoted = false;
    for (QChar c : format) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (!quoted)
            letters += c;
    }
    return letters;
}

bool hasTimeFields(const QString &letters)
{
    for (QChar c : letters)
        if (QStringLiteral("hHmszaAt").contains(c))
            return true;
    return false;
}

bool hasTwoDigitYear(const QString &letters)
{
    return letters.contains(QLatin1String("yy")) && !letters.contains(QLatin1String("yyyy"));
}

QDate pivotTwoDigitYear(const QDate &date)
{
    return date.year() < 1969 ? date.addYears(100) : date;
}

QString isoDateTime(const QDateTime &dt)
{
    const QString ms = dt.time().msec() ? QStringLiteral(".zzz") : QString();
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss") + ms);
}

QString gapOrOverlap(const IsoTimestamp &t, const QString &zoneName, LocalTime::Kind kind)
{
    if (kind == LocalTime::Kind::Gap)
        return QStringLiteral("%1 does not exist in %2 (clocks went forward); pass 'earlier' or "
                              "'later' to shift it")
            .arg(t.display(), zoneName);
    return QStringLiteral("%1 happens twice in %2 (clocks went back); pass 'earlier' or 'later' "
                          "to choose")
        .arg(t.display(), zoneName);
}

// QTimeZone also takes any word as a POSIX TZ rule ("Berlin" is a valid zone at UTC+0), so a
// name counts only when Qt lists it or the tz database has a file for it (links such as
// US/Eastern, Etc/UTC).
bool isKnownZone(const QByteArray &name)
{
    if (QTimeZone::isTimeZoneIdAvailable(name))
        return true;
    if (name.contains("..") || name.startsWith('/'))
        return false;
    const QString dir = qEnvironmentVariable("TZDIR", QStringLiteral("/usr/share/zoneinfo"));
    return QFileInfo(dir + QLatin1Char('/') + QString::fromUtf8(name)).isFile() &&
           QTimeZone(name).isValid();
}

} // namespace

int TimeFunctions::registerOn(sqlite3 *db, TransformEnvironment *env)
{
    int rc = FunctionCall::define(db, "to_utc", 2, false, &TimeFunctions::toUtc, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "to_utc", 3, false, &TimeFunctions::toUtc, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "from_utc", 2, false, &TimeFunctions::fromUtc, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::defineRange(db, "parse_datetime", 2, FunctionCall::kMaxVariadicArgs,
                                       false, &TimeFunctions::parseDatetime, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "format_datetime", 2, false, &TimeFunctions::formatDatetime,
                                  env);
    return rc;
}

std::optional<QTimeZone> TimeFunctions::zone(const FunctionCall &call, int i,
                                             const QString &function)
{
    if (const QTimeZone *cached = call.cached<QTimeZone>(i))
        return *cached;
    const QByteArray name = call.utf8(i).trimmed();
    if (call.isNull(i) || name.isEmpty() || !isKnownZone(name)) {
        call.refuseArgument(function, i,
                            QStringLiteral("unknown time zone '%1': use an IANA name such as "
                                           "Europe/Berlin or UTC")
                                .arg(call.display(i)));
        return std::nullopt;
    }
    const QTimeZone zone(name);
    call.cache(i, zone);
    return zone;
}

void TimeFunctions::toUtc(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    const std::optional<QTimeZone> tz = zone(call, 1, kToUtc);
    if (!tz)
        return;
    const DstRule rule = dstRule(call);
    if (rule == DstRule::Unknown)
        return call.refuseArgument(
            kToUtc, 2,
            QStringLiteral("unknown DST rule '%1': use 'earlier', 'later' or "
                           "'error'")
                .arg(call.display(2)));
    if (call.isNull(0))
        return call.setNull();
    // The common case without a QString: a plain local timestamp that falls once.
    if (call.type(0) == SQLITE_TEXT)
        if (const std::optional<qint64> wall = simpleWallSeconds(call.utf8View(0))) {
            const LocalTime local = LocalTime::resolve(*tz, *wall);
            if (local.kind == LocalTime::Kind::Unique) {
                char text[40];
                const qsizetype size = IsoTimestamp::formatUtf8(local.earlier, text, "Z");
                text[size] = 0;
                return call.setUtf8(QByteArrayView(text, size), true);
            }
        }
    const Result<IsoTimestamp> parsed = IsoTimestamp::parse(call.text(0));
    if (!parsed)
        return call.refuseArgument(kToUtc, 0, parsed.error().message());
    const IsoTimestamp &t = *parsed;
    const QString utcSuffix = QStringLiteral("Z");
    if (t.hasOffset)
        return call.setText(
            IsoTimestamp::format(t.wallSeconds() - t.offsetSeconds, t.fraction, utcSuffix));
    const LocalTime local = LocalTime::resolve(*tz, t.wallSeconds());
    if (local.kind != LocalTime::Kind::Unique && rule == DstRule::Error)
        return call.refuseArgument(kToUtc, 0,
                                   gapOrOverlap(t, QString::fromUtf8(tz->id()), local.kind));
    const qint64 utc = rule == DstRule::Later ? local.later : local.earlier;
    call.setText(IsoTimestamp::format(utc, t.fraction, utcSuffix));
}

void TimeFunctions::fromUtc(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    const std::optional<QTimeZone> tz = zone(call, 1, kFromUtc);
    if (!tz)
        return;
    if (call.isNull(0))
        return call.setNull();
    const Result<IsoTimestamp> parsed = IsoTimestamp::parse(call.text(0));
    if (!parsed)
        return call.refuseArgument(kFromUtc, 0, parsed.error().message());
    const qint64 utc = parsed->wallSeconds() - parsed->offsetSeconds;
    const int offset = tz->offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, Qt::UTC));
    call.setText(IsoTimestamp::format(utc + offset, parsed->fraction));
}

// The common all-numeric date formats (yyyy, MM and dd with separators) read without QLocale,
// which cost a fifth of a whole transform. Decides only when text is as long as the format: then
// Qt would need the same digits and separators. Otherwise nothing is decided and Qt reads it.
std::optional<QString> TimeFunctions::parseNumericDate(const QString &text, const QString &format)
{
    static const QRegularExpression simple(QStringLiteral("^(?:yyyy|MM|dd|[^A-Za-z'])+$"));
    if (text.size() != format.size())
        return std::nullopt;
    // The verdict on the last few formats, per thread: matching the pattern row by row cost as
    // much as reading the date.
    thread_local QHash<QString, bool> simpleFormats;
    auto known = simpleFormats.constFind(format);
    if (known == simpleFormats.constEnd()) {
        if (simpleFormats.size() > 64)
            simpleFormats.clear();
        known = simpleFormats.insert(format, simple.match(format).hasMatch());
    }
    if (!*known)
        return std::nullopt;
    int year = -1, month = -1, day = -1;
    for (qsizetype i = 0; i < format.size();) {
        const QStringView token = QStringView(format).mid(i, format[i] == QLatin1Char('y') ? 4 : 2);
        if (!format[i].isLetter()) {
            if (text[i] != format[i])
                return QString();
            ++i;
            continue;
        }
        bool ok = false;
        const int value = QStringView(text).mid(i, token.size()).toInt(&ok);
        const bool allDigits = std::all_of(text.begin() + i, text.begin() + i + token.size(),
                                           [](QChar c) { return c.isDigit(); });
        if (!ok || !allDigits)
            return QString();
        (token.startsWith(u'y') ? year : token.startsWith(u'M') ? month : day) = value;
        i += token.size();
    }
    const QDate date(year, month, day);
    if (!date.isValid())
        return QString();
    if (year < 1 || year > 9999)
        return date.toString(Qt::ISODate);
    // What toString(Qt::ISODate) writes for these years, without its formatter.
    char16_t iso[10] = {char16_t(u'0' + year / 1000),
                        char16_t(u'0' + year / 100 % 10),
                        char16_t(u'0' + year / 10 % 10),
                        char16_t(u'0' + year % 10),
                        u'-',
                        char16_t(u'0' + month / 10),
                        char16_t(u'0' + month % 10),
                        u'-',
                        char16_t(u'0' + day / 10),
                        char16_t(u'0' + day % 10)};
    return QString(reinterpret_cast<const QChar *>(iso), 10);
}

QString TimeFunctions::parseWith(const QString &text, const QString &format)
{
    const QLocale c = QLocale::c();
    const QString letters = formatLetters(format);
    if (const auto fast = parseNumericDate(text, format))
        return *fast;
    if (!hasTimeFields(letters)) {
        QDate date = c.toDate(text, format);
        if (date.isValid() && hasTwoDigitYear(letters))
            date = pivotTwoDigitYear(date);
        return date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd")) : QString();
    }
    // Read as UTC, never as the machine's local time (whose DST gaps would refuse valid input).
    const bool readsZone = letters.contains(QLatin1Char('t'));
    QDateTime dt = readsZone
                       ? c.toDateTime(text, format)
                       : c.toDateTime(text + QStringLiteral(" Z"), format + QStringLiteral(" t"));
    if (!dt.isValid())
        return QString();
    if (hasTwoDigitYear(letters))
        dt.setDate(pivotTwoDigitYear(dt.date()));
    if (readsZone)
        return isoDateTime(dt.toUTC()) + QLatin1Char('Z');
    return isoDateTime(dt);
}

void TimeFunctions::parseDatetime(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (argc < 2)
        return call.refuseCall(
            kParse, QStringLiteral("parse_datetime needs the text and at least one format, "
                                   "e.g. parse_datetime(dob, 'dd.MM.yyyy')"));
    // A checked format argument is kept while it stays the same (FunctionCall::cache).
    QStringList formats;
    for (int i = 1; i < argc; ++i) {
        if (const QString *cached = call.cached<QString>(i)) {
            formats.append(*cached);
            continue;
        }
        if (call.isNull(i) || call.text(i).isEmpty())
            return call.refuseArgument(
                kParse, i, QStringLiteral("format %1 of parse_datetime is empty").arg(i));
        formats.append(call.text(i));
        call.cache(i, formats.last());
    }
    if (call.isNull(0))
        return call.setNull();
    const QString text = call.text(0).trimmed();
    if (text.isEmpty())
        return call.refuseArgument(
            kParse, 0,
            QStringLiteral("empty text is not a date (use null_if_blank() to "
                           "turn blanks into NULL)"));
    for (const QString &format : std::as_const(formats)) {
        const QString parsed = parseWith(text, format);
        if (!parsed.isEmpty())
            return call.setText(parsed);
    }
    call.refuseArgument(
        kParse, 0,
        QStringLiteral("'%1' fits none of the formats %2")
            .arg(call.text(0),
                 QLatin1Char('\'') + formats.join(QStringLiteral("', '")) + QLatin1Char('\'')));
}

void TimeFunctions::formatDatetime(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.isNull(1) || call.text(1).isEmpty())
        return call.refuseArgument(kFormat, 1,
                                   QStringLiteral("the format of format_datetime is empty"));
    if (call.isNull(0))
        return call.setNull();
    const Result<IsoTimestamp> parsed = IsoTimestamp::parse(call.text(0));
    if (!parsed)
        return call.refuseArgument(kFormat, 0, parsed.error().message());
    const int ms = parsed->fraction.left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime time = parsed->time.addMSecs(ms);
    const QDateTime dt =
        parsed->hasOffset ? QDateTime(parsed->date, time, Qt::OffsetFromUTC, parsed->offsetSeconds)
                          : QDateTime(parsed->date, time, Qt::UTC);
    call.setText(QLocale::c().toString(dt, call.text(1)));
}

} // namespace cutover
