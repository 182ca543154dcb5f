#pragma once

#include "schema/NormalizedType.h"
#include "transform/convert/Conversion.h"

namespace cutover {

// Converts a value a transform expression produced (null, qint64, double, QString, QByteArray)
// to a target column's normalized type, strictly: the canonical value to write, or the reason
// it cannot convert. Never a silent NULL, truncation or rounding; decimals never pass through
// a float. NULL stays NULL: whether a column may be NULL is RowConverter's business.
//
// Canonical values: integer qint64; decimal(p,s) QString with exactly s fraction digits;
// real double; text QString; boolean bool; date, time, timestamp, timestamptz ISO QStrings
// (see TemporalConverter); uuid lower-case "8-4-4-4-12" QString; json the JSON text as given;
// blob QByteArray. A column of unknown type gets the value unchanged.
//
// Loss risk (Conversion::lossRisk) marks values that convert but deserve a look: a float that
// became a decimal or an integer through its shortest decimal form or beyond 2^53, and a text
// whose digits a real cannot all keep. Nothing else is flagged: spaces around a number, a date or
// a UUID are dropped without a flag (they carry no data; PostgreSQL drops them too), while a text
// column keeps its value exactly, spaces included.
class TypeConverter
{
public:
    static Conversion convert(const QVariant &value, const NormalizedType &type);

private:
    static Conversion toText(const QVariant &value, const NormalizedType &type);
    static Conversion toUuid(const QVariant &value);
    static Conversion toJson(const QVariant &value);
    static Conversion toBlob(const QVariant &value);
};

} // namespace cutover
