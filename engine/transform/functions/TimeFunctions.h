#pragma once

#include <QString>
#include <QTimeZone>
#include <optional>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

class FunctionCall;
struct TransformEnvironment;

// Time-zone conversion and date parsing, with QTimeZone over the system tz database.
//
// to_utc(local, 'Area/City' [, rule]): local is ISO text (yyyy-MM-dd[ HH:mm[:ss[.f]]], T or
//   space); the answer is yyyy-MM-ddTHH:mm:ss[.fff]Z, with a fraction only when it is not zero.
//   Input that carries Z or an offset is converted honouring it. The rule decides local times
//   that a DST change makes impossible (gap) or ambiguous (overlap): 'error' (the default)
//   reports a violation; 'earlier'/'later' take the first/second occurrence of an overlap, and
//   move a time in a gap back/forward by the gap length (Europe/Berlin 2021-03-28 02:30 gives
//   00:30Z = 01:30 CET, or 01:30Z = 03:30 CEST).
// from_utc(utc, zone): the local wall-clock time, yyyy-MM-ddTHH:mm:ss[.fff] without an offset;
//   input without an offset is taken as UTC.
// parse_datetime(text, format, ...): the first Qt date format that fits (C locale, so MMM is an
//   English month name) gives yyyy-MM-dd for a date-only format, yyyy-MM-ddTHH:mm:ss[.zzz] for
//   one with a time (yyyy-MM-ddTHH:mm:ss[.zzz]Z when the format reads a zone with t). Surrounding
//   white space is ignored; impossible dates (2023-02-29) do not fit. Two-digit years (yy) follow
//   POSIX: 69-99 are 1969-1999, 00-68 are 2000-2068.
// format_datetime(value, format): an ISO date or timestamp written with a Qt date format.
class TimeFunctions
{
public:
    static int registerOn(sqlite3 *db, TransformEnvironment *env);

private:
    static void toUtc(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void fromUtc(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void parseDatetime(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void formatDatetime(sqlite3_context *context, int argc, sqlite3_value **argv);

    // The zone named by argument i, or nullopt after reporting an unknown name.
    static std::optional<QTimeZone> zone(const FunctionCall &call, int i, const QString &function);
    static std::optional<QString> parseNumericDate(const QString &text, const QString &format);
    static QString parseWith(const QString &text, const QString &format);
};

} // namespace cutover
