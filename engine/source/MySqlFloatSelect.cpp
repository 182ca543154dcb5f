#include "source/MySqlFloatSelect.h"

#include <QSqlField>

namespace cutover {

namespace {

constexpr int kMySqlFloat = 4; // MYSQL_TYPE_FLOAT (mysql_com.h)

} // namespace

bool MySqlFloatSelect::isFloat(ConnectionSpec::Kind kind, const QSqlField &field)
{
    return kind == ConnectionSpec::Kind::MySql && field.typeID() == kMySqlFloat;
}

QString MySqlFloatSelect::expression(const QString &column)
{
    return QStringLiteral("(%1 + 0e0)").arg(column); // FLOAT plus DOUBLE is a DOUBLE
}

} // namespace cutover
