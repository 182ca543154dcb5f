#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QTime>

namespace cutover {

// A date or timestamp written in ISO 8601 style, as transform functions accept it:
//   yyyy-MM-dd, yyyy-MM-dd HH:mm, yyyy-MM-ddTHH:mm:ss, ... :ss.f (1 to 9 fraction digits),
// optionally followed by Z, UTC or an offset (+01, +0100, +01:00). Seconds are whole; the
// fraction is kept as its digits, so microseconds pass through a conversion unchanged.
struct IsoTimestamp
{
    QDate date;
    QTime time;       // whole seconds; 00:00:00 when only a date was given
    QString fraction; // the digits after the decimal point, as written (may be empty)
    bool hasTime = false;
    bool hasOffset = false;
    int offsetSeconds = 0; // east of UTC, when hasOffset

    // The error message says what is wrong with text, for a person.
    static Result<IsoTimestamp> parse(const QString &text);

    // Seconds since 1970-01-01T00:00:00 of the wall-clock reading, as if it were UTC.
    qint64 wallSeconds() const;
    // yyyy-MM-ddTHH:mm:ss[.fff], the fraction only when it is not zero; suffix appended.
    static QString format(qint64 wallSeconds, const QString &fraction, const QString &suffix = {});
    // format(wallSeconds, QString(), suffix) as UTF-8 into out (at least 32 bytes plus the
    // suffix); returns its length.
    static qsizetype formatUtf8(qint64 wallSeconds, char *out, const char *suffix);
    // yyyy-MM-dd HH:mm[:ss] as written in messages.
    QString display() const;
};

} // namespace cutover
