#pragma once

#include "dialect/ConnectionSpec.h"

#include <QString>

class QSqlField;

namespace cutover {

// Text columns of PostgreSQL and MySQL read as their UTF-8 bytes, in a SELECT, for SqlRowSource
// to decode strictly (TextEncoding). Qt's drivers decode text with QString::fromUtf8, which drops
// a leading U+FEFF and turns bytes that are not UTF-8 into U+FFFD; and a PostgreSQL database
// created with ENCODING 'SQL_ASCII' hands over whatever bytes it holds. PostgreSQL's convert_to()
// gives a server encoding's text as UTF-8, and a SQL_ASCII database's bytes as they are when
// asked for SQL_ASCII (asked for UTF-8 it refuses a byte that is not); MySQL converts a
// column's character set (latin1 is cp1252 there) to utf8mb4, and CAST AS BINARY hands over
// the bytes. A char(n) keeps its padding.
class TextSelect
{
public:
    // True when field, from a PostgreSQL or MySQL query result, is text (by the driver's type id:
    // PostgreSQL's type oid; MySQL's field type, of a column that is not binary).
    static bool isText(ConnectionSpec::Kind kind, const QSqlField &field);
    // The SQL giving the UTF-8 bytes of column (an SQL expression, usually a quoted name), or
    // those of a SQL_ASCII database as it holds them; NULL for NULL; empty for other databases.
    static QString expression(ConnectionSpec::Kind kind, const QString &column,
                              const QSqlField &field, bool sqlAscii);
};

} // namespace cutover
