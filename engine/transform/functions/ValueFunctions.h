#pragma once

#include <QString>
#include <optional>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

struct TransformEnvironment;

// Lookups and strict conversions. NULL in gives NULL out without a violation; '' is not NULL.
//
// lookup('map', value [, default]): the entry of the project's lookup map for the value's text
//   (exact match; 1.0 reads '1.0'); unmapped, it takes the third argument (even NULL), else the
//   map's default, else it is a violation. An unknown map name is a violation.
// to_int(value): an integer from 42, 42.0, '42', ' +42 ', '42.00'; '4.2', '42abc', '', 1e300
//   and anything beyond the 64-bit range are violations.
// to_decimal(value, scale): text with exactly scale fraction digits, never through a float.
//   Accepts '1234.5', '-3', '1,234.50', '1.234,50', '1 234,50', '€ 12.00', '12.00 EUR', and
//   numbers (a REAL as its shortest round-trip text). With both ',' and '.' the last one is the
//   decimal point; a lone ',' is the decimal point unless it reads as a thousands separator
//   ('1,234' is refused as ambiguous); several of the same are grouping. Digits that the scale
//   would cut are a violation ('1.005' at scale 2), never rounded.
// to_bool(value): 1 for yes/true/y/t/1/on/ja/j, 0 for no/false/n/f/0/off/nein (any case,
//   trimmed); anything else is a violation.
class ValueFunctions
{
public:
    static int registerOn(sqlite3 *db, TransformEnvironment *env);

    // The text of a decimal with exactly scale fraction digits, or nullopt with why in reason.
    static std::optional<QString> decimal(const QString &text, int scale, QString *reason);
    // The integer text denotes (strictly), or nullopt with why in reason.
    static std::optional<qint64> integer(const QString &text, QString *reason);

private:
    static void lookup(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void toInt(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void toDecimal(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void toBool(sqlite3_context *context, int argc, sqlite3_value **argv);
};

} // namespace cutover
