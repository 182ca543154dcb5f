#include "SchemaProbe.h"

#include "connect/SqlConnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cutover::test {

QStringList SchemaProbe::tableNames(const QList<TableInfo> &tables)
{
    QStringList result;
    for (const TableInfo &t : tables)
        result.append(t.name);
    return result;
}

QStringList SchemaProbe::columnNames(const TableInfo &table)
{
    QStringList result;
    for (const ColumnInfo &c : table.columns)
        result.append(c.name);
    return result;
}

const IndexInfo *SchemaProbe::index(const TableInfo &table, const QString &name)
{
    for (const IndexInfo &i : table.indexes)
        if (i.name == name)
            return &i;
    return nullptr;
}

bool SchemaProbe::execute(const ConnectionSpec &spec, const PasswordProvider *passwords,
                          const QStringList &statements)
{
    auto connection = SqlConnection::open(spec, passwords, SqlConnection::Mode::ReadWrite);
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return false;
    }
    QSqlDatabase db = connection.value()->database();
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
            return false;
        }
    }
    return true;
}

} // namespace cutover::test
