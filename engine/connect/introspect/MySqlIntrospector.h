#pragma once

#include "connect/introspect/Introspector.h"
#include "dialect/ConnectionSpec.h"

#include <QHash>

class QSqlDatabase;

namespace cutover {

class PasswordProvider;

// Reads the MySQL/MariaDB database named in the URL from information_schema: tables and views
// with their columns, keys, unique constraints, indexes, CHECK constraints (MySQL 8.0.16 and
// MariaDB; not MariaDB's json_valid checks of JSON columns) and row estimates (table_rows).
class MySqlIntrospector : public Introspector
{
public:
    // passwords may be null; it must outlive the introspector.
    MySqlIntrospector(ConnectionSpec spec, const PasswordProvider *passwords)
        : m_spec(std::move(spec))
        , m_passwords(passwords)
    {}
    Result<DatabaseSchema> introspect() override;

private:
    using TableIndex = QHash<QString, qsizetype>; // table name -> position in schema.tables

    Result<void> readTables(QSqlDatabase &db, DatabaseSchema &schema) const;
    Result<void> readColumns(QSqlDatabase &db, bool mariaDb, DatabaseSchema &schema,
                             const TableIndex &byName) const;
    Result<void> readIndexes(QSqlDatabase &db, DatabaseSchema &schema,
                             const TableIndex &byName) const;
    Result<void> readForeignKeys(QSqlDatabase &db, DatabaseSchema &schema,
                                 const TableIndex &byName) const;
    void readChecks(QSqlDatabase &db, bool mariaDb, DatabaseSchema &schema,
                    const TableIndex &byName) const;

    ConnectionSpec m_spec;
    const PasswordProvider *m_passwords = nullptr;
};

} // namespace cutover
