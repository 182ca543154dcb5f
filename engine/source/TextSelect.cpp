#include "source/TextSelect.h"

#include <QSqlField>

namespace cutover {

namespace {

// PostgreSQL's type oids (pg_type.h) and MySQL's enum_field_types (mysql_com.h).
constexpr int kPostgresName = 19;
constexpr int kPostgresText = 25;
constexpr int kPostgresBpchar = 1042;
constexpr int kPostgresVarchar = 1043;
constexpr int kMySqlVarchar = 15;
constexpr int kMySqlBlob = 252; // TEXT columns too, told apart by their character set
constexpr int kMySqlVarString = 253;
constexpr int kMySqlString = 254;

} // namespace

bool TextSelect::isText(ConnectionSpec::Kind kind, const QSqlField &field)
{
    const int type = field.typeID();
    if (kind == ConnectionSpec::Kind::PostgreSql)
        return type == kPostgresText || type == kPostgresVarchar || type == kPostgresBpchar ||
               type == kPostgresName;
    if (kind == ConnectionSpec::Kind::MySql) // Qt reads a binary column as a QByteArray
        return (type == kMySqlVarchar || type == kMySqlBlob || type == kMySqlVarString ||
                type == kMySqlString) &&
               field.metaType().id() == QMetaType::QString;
    return false;
}

QString TextSelect::expression(ConnectionSpec::Kind kind, const QString &column,
                               const QSqlField &field, bool sqlAscii)
{
    if (kind == ConnectionSpec::Kind::MySql)
        return QStringLiteral("CAST(CONVERT(%1 USING utf8mb4) AS BINARY)").arg(column);
    if (kind != ConnectionSpec::Kind::PostgreSql)
        return {};
    // A cast of char(n) to text drops its padding; its output function keeps it.
    const QString text = field.typeID() == kPostgresBpchar
                             ? QStringLiteral("textin(bpcharout(%1))").arg(column)
                             : column;
    return QStringLiteral("convert_to(%1, '%2')")
        .arg(text, sqlAscii ? QStringLiteral("SQL_ASCII") : QStringLiteral("UTF8"));
}

} // namespace cutover
