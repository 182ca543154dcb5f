#include "demo/DemoFormat.h"

#include <charconv>

namespace cutover {

void DemoFormat::appendInt(std::string &out, std::int64_t value, int width)
{
    char buffer[24];
    const bool negative = value < 0;
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, negative ? -value : value);
    (void)ec;
    if (negative)
        out += '-';
    for (auto digits = end - buffer; digits < width; ++digits)
        out += '0';
    out.append(buffer, end);
}

std::string_view DemoFormat::monthAbbreviation(int month)
{
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return kMonths[month - 1];
}

void DemoFormat::appendDate(std::string &out, const DemoDateTime &date, DateStyle style)
{
    switch (style) {
    case DateStyle::Iso:
        appendInt(out, date.year, 4);
        out += '-';
        appendInt(out, date.month, 2);
        out += '-';
        appendInt(out, date.day, 2);
        break;
    case DateStyle::German:
        appendInt(out, date.day, 2);
        out += '.';
        appendInt(out, date.month, 2);
        out += '.';
        appendInt(out, date.year, 4);
        break;
    case DateStyle::American:
        appendInt(out, date.month, 2);
        out += '/';
        appendInt(out, date.day, 2);
        out += '/';
        appendInt(out, date.year, 4);
        break;
    case DateStyle::DayMonthName:
        appendInt(out, date.day);
        out += ' ';
        out += monthAbbreviation(date.month);
        out += ' ';
        appendInt(out, date.year, 4);
        break;
    }
}

void DemoFormat::appendTimestamp(std::string &out, const DemoDateTime &time)
{
    appendDate(out, time, DateStyle::Iso);
    out += ' ';
    appendInt(out, time.hour, 2);
    out += ':';
    appendInt(out, time.minute, 2);
    out += ':';
    appendInt(out, time.second, 2);
}

namespace {

void appendGrouped(std::string &out, std::int64_t units, char separator)
{
    if (units >= 1000) {
        appendGrouped(out, units / 1000, separator);
        out += separator;
        DemoFormat::appendInt(out, units % 1000, 3);
    } else {
        DemoFormat::appendInt(out, units);
    }
}

void appendAmount(std::string &out, std::int64_t cents, char decimalPoint, char grouping)
{
    if (cents < 0) {
        out += '-';
        cents = -cents;
    }
    if (grouping)
        appendGrouped(out, cents / 100, grouping);
    else
        DemoFormat::appendInt(out, cents / 100);
    out += decimalPoint;
    DemoFormat::appendInt(out, cents % 100, 2);
}

} // namespace

void DemoFormat::appendMoney(std::string &out, std::int64_t cents, MoneyStyle style)
{
    switch (style) {
    case MoneyStyle::Plain:
        appendAmount(out, cents, '.', 0);
        break;
    case MoneyStyle::GermanGrouped:
        appendAmount(out, cents, ',', '.');
        break;
    case MoneyStyle::EuroSignPrefix:
        out += "\u20ac ";
        appendAmount(out, cents, '.', 0);
        break;
    case MoneyStyle::CurrencyCodePrefix:
        out += "EUR ";
        appendAmount(out, cents, '.', 0);
        break;
    case MoneyStyle::EuroSignSuffix:
        appendAmount(out, cents, ',', 0);
        out += " \u20ac";
        break;
    }
}

void DemoFormat::toAsciiUpper(std::string &text)
{
    for (char &c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
}

void DemoFormat::toAsciiLower(std::string &text)
{
    for (char &c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
}

} // namespace cutover
