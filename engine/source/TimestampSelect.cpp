#include "source/TimestampSelect.h"

#include <QSqlField>

namespace cutover {

namespace {

// PostgreSQL's type oids (pg_type.h) and MySQL's enum_field_types (mysql_com.h).
constexpr int kPostgresTimestamp = 1114;
constexpr int kPostgresTimestampTz = 1184;
constexpr int kMySqlTimestamp = 7;
constexpr int kMySqlDatetime = 12;

} // namespace

NormalizedType::Kind TimestampSelect::kindOf(ConnectionSpec::Kind kind, const QSqlField &field)
{
    using Kind = NormalizedType::Kind;
    const int type = field.typeID();
    if (kind == ConnectionSpec::Kind::PostgreSql)
        return type == kPostgresTimestamp     ? Kind::Timestamp
               : type == kPostgresTimestampTz ? Kind::TimestampTz
                                              : Kind::Unknown;
    if (kind == ConnectionSpec::Kind::MySql)
        return type == kMySqlTimestamp  ? Kind::TimestampTz
               : type == kMySqlDatetime ? Kind::Timestamp
                                        : Kind::Unknown;
    return Kind::Unknown;
}

QString TimestampSelect::expression(ConnectionSpec::Kind kind, const QString &column,
                                    NormalizedType::Kind type)
{
    using Kind = NormalizedType::Kind;
    if (type != Kind::Timestamp && type != Kind::TimestampTz)
        return {};
    if (kind == ConnectionSpec::Kind::MySql)
        // A zero date ('0000-00-00 00:00:00', or a zero month or day) is MySQL's "no date": NULL.
        // A TIMESTAMP is an instant, read in UTC (SqlConnection sets the session's zone).
        return QStringLiteral("CASE WHEN MONTH(%1) = 0 OR DAY(%1) = 0 THEN NULL "
                              "WHEN MICROSECOND(%1) % 1000 = 0 "
                              "THEN CONCAT(LEFT(DATE_FORMAT(%1, '%Y-%m-%dT%H:%i:%s.%f'), 23)%2) "
                              "ELSE CONCAT(DATE_FORMAT(%1, '%Y-%m-%dT%H:%i:%s.%f')%2) END")
            .replace(QStringLiteral("%2"),
                     type == Kind::TimestampTz ? QStringLiteral(", 'Z'") : QString())
            .replace(QStringLiteral("%1"), column);
    if (kind != ConnectionSpec::Kind::PostgreSql)
        return {};
    const bool utc = type == Kind::TimestampTz;
    const QString wall = utc ? QStringLiteral("(%1 AT TIME ZONE 'UTC')").arg(column) : column;
    return QStringLiteral("CASE WHEN isfinite(%1) AND %1 >= '0001-01-01' THEN to_char(%1, CASE "
                          "WHEN extract(microseconds FROM %1)::bigint % 1000 = 0 "
                          "THEN 'YYYY-MM-DD\"T\"HH24:MI:SS.MS' "
                          "ELSE 'YYYY-MM-DD\"T\"HH24:MI:SS.US' END)%2 ELSE %1::text END")
        .replace(QStringLiteral("%2"), utc ? QStringLiteral(" || 'Z'") : QString())
        .replace(QStringLiteral("%1"), wall);
}

} // namespace cutover
