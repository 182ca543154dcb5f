#pragma once

#include "dialect/ConnectionSpec.h"

#include <QString>

class QSqlField;

namespace cutover {

// MySQL's FLOAT columns read as the double they hold, in a SELECT. The server writes a FLOAT's
// text with six significant digits, so 0.10000001 read back as 0.1 and 0.33333334 as 0.333333:
// a run copied the rounded number and reconciliation compared it. Every float is a double
// exactly, and a DOUBLE's text has every digit it needs.
class MySqlFloatSelect
{
public:
    // True when field, from a MySQL query result, is a FLOAT (by MySQL's field type).
    static bool isFloat(ConnectionSpec::Kind kind, const QSqlField &field);
    // The SQL rendering column (an SQL expression, usually a quoted name) as a DOUBLE.
    static QString expression(const QString &column);
};

} // namespace cutover
