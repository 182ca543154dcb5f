#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/NormalizedType.h"

#include <QString>

class QSqlField;

namespace cutover {

// Timestamps of PostgreSQL and MySQL rendered as text by the database, in a SELECT. Qt's drivers
// build a QDateTime in this process's local zone: a timestamptz came back as local wall-clock
// time and a wall-clock time the local zone skips (daylight saving) as an empty value, so what
// was read depended on the machine's zone. The text is what the drivers gave at TZ=UTC, ISO 8601
// with at least milliseconds: yyyy-MM-ddTHH:mm:ss.zzz, six fraction digits when there are
// microseconds; a PostgreSQL timestamptz in UTC with Z appended. Values with no such form
// (infinity, years before 1) come as PostgreSQL writes them.
class TimestampSelect
{
public:
    // Timestamp or TimestampTz when field, from a PostgreSQL or MySQL query result, is a
    // timestamp (by the driver's type id: PostgreSQL's type oid, MySQL's field type); else
    // Unknown. MySQL's DATETIME is a Timestamp, its TIMESTAMP a TimestampTz (read in UTC, with
    // Z); MySQL's zero dates read as NULL.
    static NormalizedType::Kind kindOf(ConnectionSpec::Kind kind, const QSqlField &field);
    // The SQL rendering column (an SQL expression, usually a quoted name) of type as that text;
    // empty when type is not a timestamp or kind neither PostgreSQL nor MySQL.
    static QString expression(ConnectionSpec::Kind kind, const QString &column,
                              NormalizedType::Kind type);
};

} // namespace cutover
