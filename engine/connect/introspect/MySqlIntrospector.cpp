#include "connect/introspect/MySqlIntrospector.h"
#include "connect/CatalogQuery.h"

#include "connect/SqlConnection.h"
#include "dialect/SqlDialect.h"
#include "dialect/TypeNormalizer.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

#include <algorithm>

namespace cutover {

namespace {

constexpr auto kMySql = ConnectionSpec::Kind::MySql;

// information_schema sorts names by a case-insensitive collation, and on Linux `T` and `t` are
// two tables; rows are therefore matched to tables and indexes by exact name, never by order.
template <typename T>
T *findByName(QList<T> &items, const QString &name)
{
    for (T &item : items)
        if (item.name == name)
            return &item;
    return nullptr;
}

bool isNumericType(const QString &dataType)
{
    static const QSet<QString> numeric = {
        QStringLiteral("tinyint"), QStringLiteral("smallint"), QStringLiteral("mediumint"),
        QStringLiteral("int"),     QStringLiteral("integer"),  QStringLiteral("bigint"),
        QStringLiteral("decimal"), QStringLiteral("numeric"),  QStringLiteral("float"),
        QStringLiteral("double"),  QStringLiteral("real"),     QStringLiteral("bit"),
        QStringLiteral("year")};
    return numeric.contains(dataType.toLower());
}

} // namespace

Result<DatabaseSchema> MySqlIntrospector::introspect()
{
    auto connection = SqlConnection::open(m_spec, m_passwords);
    if (!connection)
        return connection.error();
    QSqlDatabase db = connection.value()->database();

    auto version = CatalogQuery::run(db, QStringLiteral("SELECT VERSION()"), {},
                                     QStringLiteral("the version"), m_spec.displayName());
    if (!version)
        return version.error();
    const bool mariaDb = version->next() && version->value(0).toString().contains(
                                                QLatin1String("MariaDB"), Qt::CaseInsensitive);
    version->finish();

    DatabaseSchema schema;
    if (auto ok = readTables(db, schema); !ok)
        return ok.error();
    TableIndex byName;
    for (qsizetype i = 0; i < schema.tables.size(); ++i)
        byName.insert(schema.tables[i].name, i);
    if (auto ok = readColumns(db, mariaDb, schema, byName); !ok)
        return ok.error();
    if (auto ok = readIndexes(db, schema, byName); !ok)
        return ok.error();
    if (auto ok = readForeignKeys(db, schema, byName); !ok)
        return ok.error();
    readChecks(db, mariaDb, schema, byName);
    return schema;
}

Result<void> MySqlIntrospector::readTables(QSqlDatabase &db, DatabaseSchema &schema) const
{
    auto exists =
        CatalogQuery::run(db,
                          QStringLiteral("SELECT 1 FROM information_schema.schemata "
                                         "WHERE schema_name = ?"),
                          {m_spec.database()}, QStringLiteral("databases"), m_spec.displayName());
    if (!exists)
        return exists.error();
    if (!exists->next())
        return Error(Error::Code::Schema,
                     QStringLiteral("there is no database \"%1\"").arg(m_spec.database()),
                     m_spec.displayName());
    exists->finish();

    auto query = CatalogQuery::run(
        db,
        QStringLiteral("SELECT table_name, table_type, table_rows "
                       "FROM information_schema.tables WHERE table_schema = ? "
                       "AND table_type IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')"),
        {m_spec.database()}, QStringLiteral("tables"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        TableInfo table;
        table.name = query->value(0).toString();
        table.isView = query->value(1).toString() == QLatin1String("VIEW");
        // table_rows is InnoDB's estimate (exact for MyISAM); NULL for views.
        table.rowEstimate =
            table.isView || query->value(2).isNull() ? -1 : query->value(2).toLongLong();
        schema.tables.append(table);
    }
    std::sort(schema.tables.begin(), schema.tables.end(),
              [](const TableInfo &a, const TableInfo &b) { return a.name < b.name; });
    return {};
}

Result<void> MySqlIntrospector::readColumns(QSqlDatabase &db, bool mariaDb, DatabaseSchema &schema,
                                            const TableIndex &byName) const
{
    // MariaDB's JSON is an alias of LONGTEXT with a CHECK (json_valid(`column`)) constraint.
    QSet<std::pair<QString, QString>> jsonChecks; // (table, check clause)
    if (mariaDb) {
        auto checks = CatalogQuery::run(db,
                                        QStringLiteral("SELECT table_name, check_clause "
                                                       "FROM information_schema.check_constraints "
                                                       "WHERE constraint_schema = ?"),
                                        {m_spec.database()}, QStringLiteral("check constraints"),
                                        m_spec.displayName());
        if (!checks)
            return checks.error();
        while (checks->next())
            jsonChecks.insert({checks->value(0).toString(), checks->value(1).toString().trimmed()});
    }

    auto query = CatalogQuery::run(
        db,
        QStringLiteral("SELECT table_name, column_name, column_type, is_nullable, "
                       "column_default, extra, data_type "
                       "FROM information_schema.columns WHERE table_schema = ? "
                       "ORDER BY table_name, ordinal_position"),
        {m_spec.database()}, QStringLiteral("columns"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        const QString tableName = query->value(0).toString();
        const auto it = byName.constFind(tableName);
        if (it == byName.constEnd())
            continue;
        ColumnInfo column;
        column.name = query->value(1).toString();
        column.declaredType = query->value(2).toString();
        const QString extra = query->value(5).toString();
        const QString dataType = query->value(6).toString();
        column.type = TypeNormalizer::normalize(column.declaredType, kMySql);
        if (mariaDb && dataType.compare(QLatin1String("longtext"), Qt::CaseInsensitive) == 0 &&
            jsonChecks.contains(
                {tableName, QStringLiteral("json_valid(%1)")
                                .arg(SqlDialect::quoteIdentifier(column.name, kMySql))}))
            column.type = NormalizedType(NormalizedType::Kind::Json);
        column.nullable = query->value(3).toString() == QLatin1String("YES");
        const QVariant defaultValue = query->value(4);
        if (mariaDb) {
            // Since MariaDB 10.2.7 literals are quoted and expressions are not; the word NULL
            // is the implicit default of a nullable column, which counts as no default.
            column.hasDefault =
                !defaultValue.isNull() && defaultValue.toString() != QLatin1String("NULL");
            if (column.hasDefault)
                column.defaultValue = defaultValue.toString();
        } else if (!defaultValue.isNull()) {
            // MySQL shows literals unquoted; expressions are marked DEFAULT_GENERATED.
            column.hasDefault = true;
            const QString text = defaultValue.toString();
            const bool expression =
                extra.contains(QLatin1String("DEFAULT_GENERATED"), Qt::CaseInsensitive) ||
                text.startsWith(QLatin1String("CURRENT_TIMESTAMP"), Qt::CaseInsensitive);
            column.defaultValue =
                expression || isNumericType(dataType) ? text : SqlDialect::quoteString(text);
        }
        column.autoIncrement = extra.contains(QLatin1String("auto_increment"), Qt::CaseInsensitive);
        // A BIGINT UNSIGNED counter stays an integer key: it never reaches 2^63 in practice, and
        // a value that did would be quarantined by the conversion, not lost.
        if (column.autoIncrement && column.type.kind() == NormalizedType::Kind::Decimal)
            column.type = NormalizedType::integer();
        schema.tables[*it].columns.append(column);
    }
    return {};
}

Result<void> MySqlIntrospector::readIndexes(QSqlDatabase &db, DatabaseSchema &schema,
                                            const TableIndex &byName) const
{
    auto query = CatalogQuery::run(
        db,
        QStringLiteral("SELECT table_name, index_name, non_unique, column_name "
                       "FROM information_schema.statistics WHERE table_schema = ? "
                       "ORDER BY table_name, index_name, seq_in_index"),
        {m_spec.database()}, QStringLiteral("indexes"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        const auto it = byName.constFind(query->value(0).toString());
        if (it == byName.constEnd())
            continue;
        TableInfo &table = schema.tables[*it];
        const QString indexName = query->value(1).toString();
        // A functional index part (MySQL 8) has no column name.
        const QString columnName =
            query->value(3).isNull() ? QStringLiteral("<expression>") : query->value(3).toString();
        if (indexName == QLatin1String("PRIMARY")) {
            table.primaryKey.append(columnName);
            for (ColumnInfo &column : table.columns)
                if (column.name == columnName)
                    column.primaryKeyPosition = int(table.primaryKey.size());
            continue;
        }
        IndexInfo *index = findByName(table.indexes, indexName);
        if (!index) {
            IndexInfo created;
            created.name = indexName;
            created.unique = query->value(2).toInt() == 0;
            // MySQL makes no difference between a UNIQUE constraint and a unique index: both
            // are listed in table_constraints, so every unique index counts as a constraint.
            created.isConstraint = created.unique;
            table.indexes.append(created);
            index = &table.indexes.last();
        }
        index->columns.append(columnName);
    }
    for (TableInfo &table : schema.tables)
        std::sort(table.indexes.begin(), table.indexes.end(),
                  [](const IndexInfo &a, const IndexInfo &b) { return a.name < b.name; });
    return {};
}

Result<void> MySqlIntrospector::readForeignKeys(QSqlDatabase &db, DatabaseSchema &schema,
                                                const TableIndex &byName) const
{
    auto query = CatalogQuery::run(
        db,
        QStringLiteral("SELECT table_name, constraint_name, column_name, "
                       "referenced_table_schema, referenced_table_name, "
                       "referenced_column_name "
                       "FROM information_schema.key_column_usage "
                       "WHERE table_schema = ? AND referenced_table_name IS NOT NULL "
                       "ORDER BY table_name, constraint_name, ordinal_position"),
        {m_spec.database()}, QStringLiteral("foreign keys"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        const auto it = byName.constFind(query->value(0).toString());
        if (it == byName.constEnd())
            continue;
        TableInfo &table = schema.tables[*it];
        const QString name = query->value(1).toString();
        ForeignKeyInfo *fk = findByName(table.foreignKeys, name);
        if (!fk) {
            ForeignKeyInfo created;
            created.name = name;
            const QString referencedSchema = query->value(3).toString();
            // A table of another database is named with its database, as MySQL would print it.
            created.referencedTable =
                referencedSchema == m_spec.database()
                    ? query->value(4).toString()
                    : referencedSchema + QLatin1Char('.') + query->value(4).toString();
            table.foreignKeys.append(created);
            fk = &table.foreignKeys.last();
        }
        fk->columns.append(query->value(2).toString());
        fk->referencedColumns.append(query->value(5).toString());
    }
    return {};
}

// Servers older than MySQL 8.0.16 and MariaDB 10.2 have no information_schema.check_constraints
// (nor checks they enforce): no checks then. MariaDB names a column's check after the column, and
// lists the json_valid check of a JSON column, which is the column's type, not a check to copy.
void MySqlIntrospector::readChecks(QSqlDatabase &db, bool mariaDb, DatabaseSchema &schema,
                                   const TableIndex &byName) const
{
    const QString sql =
        mariaDb ? QStringLiteral("SELECT table_name, constraint_name, check_clause "
                                 "FROM information_schema.check_constraints "
                                 "WHERE constraint_schema = ? ORDER BY table_name, constraint_name")
                : QStringLiteral("SELECT tc.table_name, cc.constraint_name, cc.check_clause "
                                 "FROM information_schema.table_constraints tc "
                                 "JOIN information_schema.check_constraints cc "
                                 "ON cc.constraint_schema = tc.constraint_schema "
                                 "AND cc.constraint_name = tc.constraint_name "
                                 "WHERE tc.constraint_schema = ? AND tc.constraint_type = 'CHECK' "
                                 "ORDER BY tc.table_name, cc.constraint_name");
    auto query = CatalogQuery::run(db, sql, {m_spec.database()},
                                   QStringLiteral("check constraints"), m_spec.displayName());
    if (!query)
        return;
    while (query->next()) {
        const auto it = byName.constFind(query->value(0).toString());
        if (it == byName.constEnd())
            continue;
        TableInfo &table = schema.tables[*it];
        QString name = query->value(1).toString();
        const QString clause = query->value(2).toString().trimmed();
        if (const ColumnInfo *column = table.column(name)) {
            if (column->type.kind() == NormalizedType::Kind::Json &&
                clause == QStringLiteral("json_valid(%1)")
                              .arg(SqlDialect::quoteIdentifier(column->name, kMySql)))
                continue;
            name = table.name + QLatin1Char('_') + name + QStringLiteral("_check");
        }
        table.checks.append({name, clause});
    }
}

} // namespace cutover
