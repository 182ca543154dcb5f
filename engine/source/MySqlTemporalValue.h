#pragma once

#include <QList>
#include <QVariant>

class QSqlRecord;

namespace cutover {

// MySQL's DATE columns as a source gives them: a zero date ('0000-00-00', or one with a zero
// month or day) is MySQL's "no date", which no other database holds, and is read as NULL, as
// pgloader does. (DATETIME and TIMESTAMP are rendered by TimestampSelect, which does the same.)
class MySqlTemporalValue
{
public:
    // Per column of a QMYSQL result: whether it is a DATE, from the field type the driver keeps.
    static QList<bool> dateColumnsOf(const QSqlRecord &record);
    // A value SqlRowSource::normalized() gave for a DATE column, or NULL for a zero date.
    static QVariant ofDate(const QVariant &normalized);
};

} // namespace cutover
