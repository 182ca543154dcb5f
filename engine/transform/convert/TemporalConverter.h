#pragma once

#include "transform/convert/Conversion.h"

#include <QDate>
#include <optional>

namespace cutover {

// Conversions into date, time, timestamp and timestamptz columns, from ISO 8601 text only
// ("2024-02-29", "10:30:00.250", "2024-02-29T10:30:00", "2024-02-29 10:30:00+02:00"). Numbers
// are refused: an epoch or a spreadsheet serial needs an explicit function in the expression.
// Canonical forms: date "yyyy-MM-dd"; time "HH:mm:ss[.fff]"; timestamp
// "yyyy-MM-ddTHH:mm:ss[.fff]"; timestamptz the UTC instant "yyyy-MM-ddTHH:mm:ss[.fff]Z".
// Fractions keep what was given: 3 digits (milliseconds) or, when more are significant,
// 6 (microseconds, PostgreSQL's resolution); digits below a microsecond are refused.
// Values are never shifted between zones here: that is to_utc() and from_utc()'s job.
class TemporalConverter
{
public:
    static Conversion toDate(const QVariant &value);
    static Conversion toTime(const QVariant &value);
    static Conversion toTimestamp(const QVariant &value);
    static Conversion toTimestampTz(const QVariant &value);

private:
    struct Parsed
    {
        QDate date;
        bool hasTime = false;
        int hour = 0;
        int minute = 0;
        int second = 0;
        QString fraction; // canonical: "", ".fff" or ".ffffff"
        bool hasZone = false;
        int offsetSeconds = 0; // east of UTC
    };
    // The parsed timestamp, or a failure reason.
    static std::optional<Parsed> parse(const QString &text, QString *reason);
    static std::optional<QString> parseFraction(const QString &digits, QString *reason);
    static bool parseOffset(const QString &zone, int *seconds);
    static QString clock(const Parsed &parsed);
    static Conversion refuseNonText(const QVariant &value, const QString &what);
};

} // namespace cutover
