#include "source/MySqlTemporalValue.h"

#include <QSqlField>
#include <QSqlRecord>

namespace cutover {

namespace {

// enum_field_types of mysql_com.h, which QSqlField::typeID() gives for a QMYSQL result
constexpr int kMySqlDate = 10;
constexpr int kMySqlNewDate = 14;

} // namespace

QList<bool> MySqlTemporalValue::dateColumnsOf(const QSqlRecord &record)
{
    QList<bool> dates;
    for (int i = 0; i < record.count(); ++i) {
        const int type = record.field(i).typeID();
        dates.append(type == kMySqlDate || type == kMySqlNewDate);
    }
    return dates;
}

QVariant MySqlTemporalValue::ofDate(const QVariant &normalized)
{
    // The driver gives a date it cannot parse (a zero date) as an invalid QDate: empty text.
    const QString text = normalized.toString();
    const bool zero = text.isEmpty() || text.mid(5, 2) == QLatin1String("00") ||
                      text.mid(8, 2) == QLatin1String("00");
    return normalized.isNull() || zero ? QVariant() : normalized;
}

} // namespace cutover
