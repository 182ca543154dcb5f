#pragma once

#include "schema/CheckInfo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

// Reads what SQLite keeps only in the text of a table's or an index's CREATE statement
// (sqlite_schema.sql): the CHECK constraints of a table, column and table constraints, named
// with CONSTRAINT or not; an index's terms (the expression of an expression term) and the
// condition of a partial index. Read with SqlExpressionLexer, so quotes and comments never
// mislead it. Unnamed checks get the names PostgreSQL would give them: table_column_check for a
// column's, table_check, table_check1, ... for the table's.
class SqliteDdlText
{
public:
    struct Index
    {
        QStringList terms; // each as written, without ASC/DESC or COLLATE
        QString where;     // empty when the index is not partial
    };

    static QList<CheckInfo> checks(const QString &table, const QString &createTable);
    static Index index(const QString &createIndex);
};

} // namespace cutover
