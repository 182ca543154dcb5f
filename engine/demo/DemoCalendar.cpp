#include "demo/DemoCalendar.h"

namespace cutover {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t DemoCalendar::daysFromCivil(int year, int month, int day)
{
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

DemoDateTime DemoCalendar::civilFromDays(std::int64_t days)
{
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    DemoDateTime result;
    result.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    result.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    result.year = static_cast<int>(yoe + era * 400 + (result.month <= 2 ? 1 : 0));
    return result;
}

int DemoCalendar::weekday(std::int64_t days)
{
    const std::int64_t w = (days + 4) % 7; // 1970-01-01 was a Thursday
    return static_cast<int>(w < 0 ? w + 7 : w);
}

int DemoCalendar::daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

int DemoCalendar::lastSunday(int year, int month)
{
    const int last = daysInMonth(year, month);
    return last - weekday(daysFromCivil(year, month, last));
}

DemoDateTime DemoCalendar::at(std::int64_t days, std::int64_t secondsOfDay)
{
    days += secondsOfDay / 86400;
    secondsOfDay %= 86400;
    if (secondsOfDay < 0) {
        secondsOfDay += 86400;
        --days;
    }
    DemoDateTime result = civilFromDays(days);
    result.hour = static_cast<int>(secondsOfDay / 3600);
    result.minute = static_cast<int>(secondsOfDay / 60 % 60);
    result.second = static_cast<int>(secondsOfDay % 60);
    return result;
}

std::int64_t DemoCalendar::dayNumber(const DemoDateTime &dateTime)
{
    return daysFromCivil(dateTime.year, dateTime.month, dateTime.day);
}

} // namespace cutover
