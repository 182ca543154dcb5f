#pragma once

#include <QVariant>

struct sqlite3_stmt;
struct sqlite3_value;

namespace cutover {

// Moves values between QVariant and SQLite without changing them: NULL <-> null QVariant,
// INTEGER <-> qint64, REAL <-> double, TEXT <-> QString, BLOB <-> QByteArray. Booleans bind as
// 0/1; dates and times bind as ISO 8601 text.
class SqliteValue
{
public:
    static int bind(sqlite3_stmt *statement, int index, const QVariant &value);
    static QVariant column(sqlite3_stmt *statement, int index);
    static QVariant fromValue(sqlite3_value *value);
};

} // namespace cutover
