#pragma once

#include "connect/introspect/Introspector.h"
#include "dialect/ConnectionSpec.h"

class QSqlDatabase;

namespace cutover {

class SqliteIntrospector : public Introspector
{
public:
    explicit SqliteIntrospector(ConnectionSpec spec)
        : m_spec(std::move(spec))
    {}
    Result<DatabaseSchema> introspect() override;

private:
    Result<TableInfo> readTable(QSqlDatabase &db, const QString &name, bool isView) const;
    Result<void> readColumns(QSqlDatabase &db, TableInfo &table) const;
    Result<void> readForeignKeys(QSqlDatabase &db, TableInfo &table) const;
    Result<void> readIndexes(QSqlDatabase &db, TableInfo &table) const;
    Result<void> readIndexText(QSqlDatabase &db, IndexInfo &index,
                               const QList<bool> &expressionParts) const;
    Result<void> readChecks(QSqlDatabase &db, TableInfo &table) const;
    static Result<QString> createSql(QSqlDatabase &db, const QString &type, const QString &name);

    ConnectionSpec m_spec;
};

} // namespace cutover
