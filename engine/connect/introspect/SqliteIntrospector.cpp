#include "connect/introspect/SqliteIntrospector.h"

#include "connect/CatalogQuery.h"
#include "connect/SqlConnection.h"
#include "dialect/SqlDialect.h"
#include "dialect/SqliteDdlText.h"
#include "dialect/TypeNormalizer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cutover {

namespace {
// Runs a pragma table-valued function with the table name bound, so no quoting is involved.
Result<QSqlQuery> pragmaQuery(QSqlDatabase &db, const QString &sql, const QString &table)
{
    return CatalogQuery::run(db, sql, {table}, QStringLiteral("the schema"), table);
}
} // namespace

Result<DatabaseSchema> SqliteIntrospector::introspect()
{
    auto connection = SqlConnection::open(m_spec);
    if (!connection)
        return connection.error();
    QSqlDatabase db = connection.value()->database();

    QSqlQuery list(db);
    if (!list.exec(QStringLiteral("SELECT name, type FROM sqlite_schema WHERE type IN "
                                  "('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                  "ORDER BY name")))
        return Error(Error::Code::Connection,
                     QStringLiteral("not a readable SQLite database: %1")
                         .arg(list.lastError().text().trimmed()),
                     m_spec.path());
    QList<std::pair<QString, bool>> names;
    while (list.next())
        names.append({list.value(0).toString(), list.value(1).toString() == QLatin1String("view")});
    list.finish();

    DatabaseSchema schema;
    for (const auto &[name, isView] : names) {
        auto table = readTable(db, name, isView);
        if (!table)
            return table.error();
        schema.tables.append(std::move(table.value()));
    }
    return schema;
}

Result<TableInfo> SqliteIntrospector::readTable(QSqlDatabase &db, const QString &name,
                                                bool isView) const
{
    TableInfo table;
    table.name = name;
    table.isView = isView;
    if (auto ok = readColumns(db, table); !ok)
        return ok.error();
    if (isView)
        return table;
    if (auto ok = readForeignKeys(db, table); !ok)
        return ok.error();
    if (auto ok = readIndexes(db, table); !ok)
        return ok.error();
    if (auto ok = readChecks(db, table); !ok)
        return ok.error();
    QSqlQuery count(db);
    if (count.exec(QStringLiteral("SELECT count(*) FROM ") +
                   SqlDialect::quoteIdentifier(name, ConnectionSpec::Kind::Sqlite)) &&
        count.next())
        table.rowEstimate = count.value(0).toLongLong();
    return table;
}

Result<void> SqliteIntrospector::readColumns(QSqlDatabase &db, TableInfo &table) const
{
    auto query =
        pragmaQuery(db,
                    QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                                   "FROM pragma_table_xinfo(?) ORDER BY cid"),
                    table.name);
    if (!query)
        return query.error();
    QList<std::pair<int, QString>> keyColumns;
    while (query->next()) {
        if (query->value(5).toInt() == 1) // hidden column of a virtual table
            continue;
        ColumnInfo column;
        column.name = query->value(0).toString();
        column.declaredType = query->value(1).toString();
        column.type = TypeNormalizer::normalize(column.declaredType, ConnectionSpec::Kind::Sqlite);
        column.nullable = query->value(2).toInt() == 0;
        column.hasDefault = !query->value(3).isNull();
        column.defaultValue = query->value(3).toString();
        column.primaryKeyPosition = query->value(4).toInt();
        if (column.primaryKeyPosition > 0)
            keyColumns.append({column.primaryKeyPosition, column.name});
        table.columns.append(column);
    }
    std::sort(keyColumns.begin(), keyColumns.end());
    for (const auto &[position, name] : keyColumns)
        table.primaryKey.append(name);
    // A single INTEGER PRIMARY KEY is an alias of the rowid: SQLite assigns it.
    if (table.primaryKey.size() == 1)
        for (ColumnInfo &column : table.columns)
            if (column.name == table.primaryKey.first() &&
                column.declaredType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0) {
                column.autoIncrement = true;
                column.nullable = false; // a rowid alias is never NULL
            }
    return {};
}

Result<void> SqliteIntrospector::readForeignKeys(QSqlDatabase &db, TableInfo &table) const
{
    auto query = pragmaQuery(db,
                             QStringLiteral("SELECT id, \"table\", \"from\", \"to\" FROM "
                                            "pragma_foreign_key_list(?) ORDER BY id, seq"),
                             table.name);
    if (!query)
        return query.error();
    int currentId = -1;
    while (query->next()) {
        const int id = query->value(0).toInt();
        if (id != currentId) {
            currentId = id;
            ForeignKeyInfo fk;
            fk.referencedTable = query->value(1).toString();
            fk.name = QStringLiteral("fk_%1_%2").arg(table.name).arg(id);
            table.foreignKeys.append(fk);
        }
        table.foreignKeys.last().columns.append(query->value(2).toString());
        // "to" is NULL when the key references the parent's primary key implicitly.
        table.foreignKeys.last().referencedColumns.append(query->value(3).toString());
    }
    for (ForeignKeyInfo &fk : table.foreignKeys) {
        if (!fk.referencedColumns.contains(QString()))
            continue;
        auto parentKey = pragmaQuery(db,
                                     QStringLiteral("SELECT name FROM pragma_table_info(?) "
                                                    "WHERE pk > 0 ORDER BY pk"),
                                     fk.referencedTable);
        if (!parentKey)
            return parentKey.error();
        fk.referencedColumns.clear();
        while (parentKey->next())
            fk.referencedColumns.append(parentKey->value(0).toString());
    }
    return {};
}

Result<void> SqliteIntrospector::readIndexes(QSqlDatabase &db, TableInfo &table) const
{
    auto list = pragmaQuery(db,
                            QStringLiteral("SELECT name, \"unique\", origin, partial FROM "
                                           "pragma_index_list(?) ORDER BY name"),
                            table.name);
    if (!list)
        return list.error();
    while (list->next()) {
        const QString origin = list->value(2).toString();
        if (origin == QLatin1String("pk"))
            continue;
        IndexInfo index;
        index.name = list->value(0).toString();
        index.unique = list->value(1).toInt() != 0;
        index.isConstraint = origin == QLatin1String("u");
        index.partial = list->value(3).toInt() != 0;
        auto columns = pragmaQuery(
            db, QStringLiteral("SELECT name, cid FROM pragma_index_info(?) ORDER BY seqno"),
            index.name);
        if (!columns)
            return columns.error();
        QList<bool> expressionParts;
        while (columns->next()) {
            // cid -2: an expression, whose text only the CREATE INDEX statement holds
            expressionParts.append(columns->value(1).toInt() == -2);
            index.columns.append(columns->value(0).isNull() ? QStringLiteral("<expression>")
                                                            : columns->value(0).toString());
        }
        columns->finish();
        if (index.partial || expressionParts.contains(true))
            if (auto ok = readIndexText(db, index, expressionParts); !ok)
                return ok.error();
        table.indexes.append(index);
    }
    return {};
}

// The condition of a partial index and the text of its expression terms.
Result<void> SqliteIntrospector::readIndexText(QSqlDatabase &db, IndexInfo &index,
                                               const QList<bool> &expressionParts) const
{
    auto sql = createSql(db, QStringLiteral("index"), index.name);
    if (!sql)
        return sql.error();
    const SqliteDdlText::Index text = SqliteDdlText::index(*sql);
    index.where = text.where;
    if (!expressionParts.contains(true))
        return {};
    for (qsizetype i = 0; i < expressionParts.size(); ++i)
        index.expressions.append(expressionParts[i] ? text.terms.value(i) : QString());
    return {};
}

Result<void> SqliteIntrospector::readChecks(QSqlDatabase &db, TableInfo &table) const
{
    auto sql = createSql(db, QStringLiteral("table"), table.name);
    if (!sql)
        return sql.error();
    table.checks = SqliteDdlText::checks(table.name, *sql);
    return {};
}

Result<QString> SqliteIntrospector::createSql(QSqlDatabase &db, const QString &type,
                                              const QString &name)
{
    auto query = CatalogQuery::run(
        db, QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?"),
        {type, name}, QStringLiteral("the schema"), name);
    if (!query)
        return query.error();
    const QString sql = query->next() ? query->value(0).toString() : QString();
    query->finish();
    return sql;
}

} // namespace cutover
