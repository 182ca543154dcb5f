#pragma once

#include <QVariant>
#include <QtGlobal>

struct sqlite3_stmt;

namespace cutover {

// One column of a statement's current row, read once through the sqlite3 C API: its storage
// class and its value. Text (UTF-8) and blobs point into SQLite's memory, valid until the
// statement steps again. A scan that both hashes and profiles a row reads each column once.
struct SqliteCell
{
    int type = 5; // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL (5)
    qint64 integer = 0;
    double real = 0;
    const char *bytes = nullptr;
    int size = 0;

    static SqliteCell read(sqlite3_stmt *statement, int column);
    // As a QVariant: qint64, double, QString, QByteArray or null (SqliteValue::column); text
    // that is not valid UTF-8 as its bytes, a QByteArray (TextEncoding).
    QVariant toVariant() const;
};

} // namespace cutover
