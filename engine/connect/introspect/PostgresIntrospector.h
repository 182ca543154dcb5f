#pragma once

#include "connect/introspect/Introspector.h"
#include "dialect/ConnectionSpec.h"

#include <QHash>

class QSqlDatabase;

namespace cutover {

class PasswordProvider;

// Reads one PostgreSQL schema (the URL's `schema` option, `public` by default) from pg_catalog:
// tables, views, materialized views and foreign tables with their columns, keys, unique
// constraints, indexes (with their expressions and conditions), CHECK constraints and row estimates
// (pg_class.reltuples; -1 until the table is analyzed).
class PostgresIntrospector : public Introspector
{
public:
    // passwords may be null; it must outlive the introspector.
    PostgresIntrospector(ConnectionSpec spec, const PasswordProvider *passwords)
        : m_spec(std::move(spec))
        , m_passwords(passwords)
    {}
    Result<DatabaseSchema> introspect() override;

private:
    using TableIndex = QHash<qint64, qsizetype>; // pg_class oid -> position in schema.tables

    Result<void> readTables(QSqlDatabase &db, const QString &schemaName, DatabaseSchema &schema,
                            TableIndex &byOid) const;
    Result<void> readColumns(QSqlDatabase &db, const QString &schemaName, DatabaseSchema &schema,
                             const TableIndex &byOid) const;
    Result<void> readPrimaryKeys(QSqlDatabase &db, const QString &schemaName,
                                 DatabaseSchema &schema, const TableIndex &byOid) const;
    Result<void> readForeignKeys(QSqlDatabase &db, const QString &schemaName,
                                 DatabaseSchema &schema, const TableIndex &byOid) const;
    Result<void> readIndexes(QSqlDatabase &db, const QString &schemaName, DatabaseSchema &schema,
                             const TableIndex &byOid) const;
    Result<void> readChecks(QSqlDatabase &db, const QString &schemaName, DatabaseSchema &schema,
                            const TableIndex &byOid) const;

    ConnectionSpec m_spec;
    const PasswordProvider *m_passwords = nullptr;
};

} // namespace cutover
