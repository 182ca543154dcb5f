#pragma once

#include <cstdint>

namespace cutover {

// A civil date and wall-clock time, with integer-only calendar arithmetic (proleptic Gregorian,
// days counted from 1970-01-01). Nothing here reads the clock, the time zone or the locale.
struct DemoDateTime
{
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

class DemoCalendar
{
public:
    static std::int64_t daysFromCivil(int year, int month, int day);
    static DemoDateTime civilFromDays(std::int64_t days);
    // 0 = Sunday ... 6 = Saturday.
    static int weekday(std::int64_t days);
    static int daysInMonth(int year, int month);
    // The day of month of the last Sunday: when Europe/Berlin changes between CET and CEST.
    static int lastSunday(int year, int month);
    // days plus seconds since midnight, normalised onto a date and time.
    static DemoDateTime at(std::int64_t days, std::int64_t secondsOfDay);
    static std::int64_t dayNumber(const DemoDateTime &dateTime);
};

} // namespace cutover
