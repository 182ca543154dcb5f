#include "core/SqliteCell.h"

#include "core/TextEncoding.h"

#include <sqlite3.h>

namespace cutover {

static_assert(SQLITE_NULL == 5, "SqliteCell's default type is SQLITE_NULL");

SqliteCell SqliteCell::read(sqlite3_stmt *statement, int column)
{
    SqliteCell cell;
    cell.type = sqlite3_column_type(statement, column);
    switch (cell.type) {
    case SQLITE_INTEGER:
        cell.integer = sqlite3_column_int64(statement, column);
        break;
    case SQLITE_FLOAT:
        cell.real = sqlite3_column_double(statement, column);
        break;
    case SQLITE_TEXT:
        cell.bytes = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        cell.size = sqlite3_column_bytes(statement, column);
        break;
    case SQLITE_BLOB:
        cell.bytes = static_cast<const char *>(sqlite3_column_blob(statement, column));
        cell.size = sqlite3_column_bytes(statement, column);
        break;
    default:
        break;
    }
    return cell;
}

QVariant SqliteCell::toVariant() const
{
    switch (type) {
    case SQLITE_INTEGER:
        return QVariant(integer);
    case SQLITE_FLOAT:
        return QVariant(real);
    case SQLITE_TEXT: // SQLite never checked the bytes: text only when they are valid UTF-8
        return TextEncoding().textOrBytes(QByteArrayView(bytes, size));
    case SQLITE_BLOB:
        return QVariant(QByteArray(bytes, size));
    default:
        return QVariant();
    }
}

} // namespace cutover
