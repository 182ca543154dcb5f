#pragma once

#include "schema/NormalizedType.h"
#include "transform/convert/Conversion.h"

namespace cutover {

// Conversions into integer, decimal(p,s), real and boolean columns (see TypeConverter).
// Decimals go through DecimalText, never through a float. Surrounding spaces in text are
// accepted, as PostgreSQL accepts them; an empty text is never a number (NULL is NULL).
class NumericConverter
{
public:
    static Conversion toInteger(const QVariant &value);
    static Conversion toDecimal(const QVariant &value, const NormalizedType &type);
    static Conversion toReal(const QVariant &value);
    static Conversion toBoolean(const QVariant &value);
};

} // namespace cutover
