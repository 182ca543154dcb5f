#pragma once

#include "demo/DemoCalendar.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace cutover {

// Locale-free text formatting for the demo generator: dates in the formats legacy systems mixed,
// timestamps, money the way people typed it, and case changes that touch ASCII letters only.
// Everything appends to a std::string, so a row is built without allocating per field.
class DemoFormat
{
public:
    enum class DateStyle
    {
        Iso,
        German,
        American,
        DayMonthName
    };
    enum class MoneyStyle
    {
        Plain,
        GermanGrouped,
        EuroSignPrefix,
        CurrencyCodePrefix,
        EuroSignSuffix
    };

    static void appendInt(std::string &out, std::int64_t value, int width = 0);
    // 2021-03-28, 28.03.2021, 03/28/2021 or 28 Mar 2021.
    static void appendDate(std::string &out, const DemoDateTime &date, DateStyle style);
    // 2021-03-28 02:30:00
    static void appendTimestamp(std::string &out, const DemoDateTime &time);
    // cents as 1234.50, 1.234,50, € 1234.50, EUR 1234.50 or 1234.50 €.
    static void appendMoney(std::string &out, std::int64_t cents, MoneyStyle style);
    static void toAsciiUpper(std::string &text);
    static void toAsciiLower(std::string &text);
    static std::string_view monthAbbreviation(int month);
};

} // namespace cutover
