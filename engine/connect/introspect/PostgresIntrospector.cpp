#include "connect/introspect/PostgresIntrospector.h"
#include "connect/CatalogQuery.h"

#include "connect/SqlConnection.h"
#include "dialect/TypeNormalizer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

#include <algorithm>
#include <cmath>

namespace cutover {

namespace {

constexpr auto kPg = ConnectionSpec::Kind::PostgreSql;

// The relation kinds Cutover shows: tables, partitioned tables, views, materialized views and
// foreign tables. Partitions are left out: their parent stands for them.
const char *const kRelationFilter = "n.nspname = ? AND c.relkind IN ('r','p','v','m','f') "
                                    "AND NOT c.relispartition";

QString withFilter(const char *sql)
{
    return QString::fromLatin1(sql).arg(QLatin1String(kRelationFilter));
}

} // namespace

Result<DatabaseSchema> PostgresIntrospector::introspect()
{
    auto connection = SqlConnection::open(m_spec, m_passwords);
    if (!connection)
        return connection.error();
    QSqlDatabase db = connection.value()->database();
    const QString schemaName = m_spec.option(QStringLiteral("schema"), QStringLiteral("public"));

    auto exists = CatalogQuery::run(
        db, QStringLiteral("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?"), {schemaName},
        QStringLiteral("schemas"), m_spec.displayName());
    if (!exists)
        return exists.error();
    if (!exists->next())
        return Error(Error::Code::Schema,
                     QStringLiteral("the database has no schema \"%1\"").arg(schemaName),
                     m_spec.displayName(),
                     QStringLiteral("set ?schema=NAME in the connection URL (names are case "
                                    "sensitive)"));
    exists->finish();

    DatabaseSchema schema;
    TableIndex byOid;
    if (auto ok = readTables(db, schemaName, schema, byOid); !ok)
        return ok.error();
    if (auto ok = readColumns(db, schemaName, schema, byOid); !ok)
        return ok.error();
    if (auto ok = readPrimaryKeys(db, schemaName, schema, byOid); !ok)
        return ok.error();
    if (auto ok = readForeignKeys(db, schemaName, schema, byOid); !ok)
        return ok.error();
    if (auto ok = readIndexes(db, schemaName, schema, byOid); !ok)
        return ok.error();
    if (auto ok = readChecks(db, schemaName, schema, byOid); !ok)
        return ok.error();
    return schema;
}

Result<void> PostgresIntrospector::readTables(QSqlDatabase &db, const QString &schemaName,
                                              DatabaseSchema &schema, TableIndex &byOid) const
{
    auto query =
        CatalogQuery::run(db,
                          withFilter("SELECT c.oid::bigint, c.relname, c.relkind::text, "
                                     "c.reltuples::float8 FROM pg_catalog.pg_class c "
                                     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                     "WHERE %1"),
                          {schemaName}, QStringLiteral("tables"), m_spec.displayName());
    if (!query)
        return query.error();
    QList<std::pair<qint64, TableInfo>> found;
    while (query->next()) {
        TableInfo table;
        table.name = query->value(1).toString();
        const QString kind = query->value(2).toString();
        table.isView = kind == QLatin1String("v") || kind == QLatin1String("m");
        // reltuples is -1 until the first VACUUM or ANALYZE (PostgreSQL 14 and later).
        const double tuples = query->value(3).toDouble();
        table.rowEstimate = kind == QLatin1String("v") || tuples < 0 ? -1 : std::llround(tuples);
        found.append({query->value(0).toLongLong(), std::move(table)});
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.second.name < b.second.name; });
    for (auto &[oid, table] : found) {
        byOid.insert(oid, schema.tables.size());
        schema.tables.append(std::move(table));
    }
    return {};
}

Result<void> PostgresIntrospector::readColumns(QSqlDatabase &db, const QString &schemaName,
                                               DatabaseSchema &schema,
                                               const TableIndex &byOid) const
{
    // Domains are normalized by their base type and enums as text; the declared type stays the
    // name the column was declared with.
    auto query = CatalogQuery::run(
        db,
        withFilter("SELECT a.attrelid::bigint, a.attname, "
                   "pg_catalog.format_type(a.atttypid, a.atttypmod), "
                   "a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), "
                   "COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid), "
                   "CASE WHEN t.typtype = 'd' THEN t.typdefault END), "
                   "a.attidentity::text, "
                   "CASE t.typtype WHEN 'd' THEN pg_catalog.format_type(t.typbasetype, "
                   "t.typtypmod) WHEN 'e' THEN 'text' END "
                   "FROM pg_catalog.pg_attribute a "
                   "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                   "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid "
                   "AND d.adnum = a.attnum "
                   "WHERE %1 AND a.attnum > 0 AND NOT a.attisdropped "
                   "ORDER BY a.attrelid, a.attnum"),
        {schemaName}, QStringLiteral("columns"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        const auto it = byOid.constFind(query->value(0).toLongLong());
        if (it == byOid.constEnd())
            continue;
        ColumnInfo column;
        column.name = query->value(1).toString();
        column.declaredType = query->value(2).toString();
        const QString normalizeAs =
            query->value(6).isNull() ? column.declaredType : query->value(6).toString();
        column.type = TypeNormalizer::normalize(normalizeAs, kPg);
        column.nullable = !query->value(3).toBool();
        column.hasDefault = !query->value(4).isNull();
        column.defaultValue = query->value(4).toString();
        const QString identity = query->value(5).toString();
        // GENERATED ... AS IDENTITY ('a' always, 'd' by default), or serial's nextval() default.
        column.autoIncrement =
            identity == QLatin1String("a") || identity == QLatin1String("d") ||
            column.defaultValue.startsWith(QLatin1String("nextval("), Qt::CaseInsensitive);
        schema.tables[*it].columns.append(column);
    }
    return {};
}

Result<void> PostgresIntrospector::readPrimaryKeys(QSqlDatabase &db, const QString &schemaName,
                                                   DatabaseSchema &schema,
                                                   const TableIndex &byOid) const
{
    auto query = CatalogQuery::run(
        db,
        withFilter("SELECT con.conrelid::bigint, a.attname "
                   "FROM pg_catalog.pg_constraint con "
                   "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
                   "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid "
                   "AND a.attnum = k.attnum "
                   "WHERE %1 AND con.contype = 'p' ORDER BY con.conrelid, k.ord"),
        {schemaName}, QStringLiteral("primary keys"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        const auto it = byOid.constFind(query->value(0).toLongLong());
        if (it == byOid.constEnd())
            continue;
        TableInfo &table = schema.tables[*it];
        table.primaryKey.append(query->value(1).toString());
        for (ColumnInfo &column : table.columns)
            if (column.name == table.primaryKey.last())
                column.primaryKeyPosition = int(table.primaryKey.size());
    }
    return {};
}

Result<void> PostgresIntrospector::readForeignKeys(QSqlDatabase &db, const QString &schemaName,
                                                   DatabaseSchema &schema,
                                                   const TableIndex &byOid) const
{
    // conkey and confkey are parallel arrays: unnesting them together keeps each column next to
    // the column it references, in key order.
    auto query = CatalogQuery::run(
        db,
        withFilter("SELECT con.conrelid::bigint, con.conname, a.attname, "
                   "fc.relname, fa.attname, fn.nspname "
                   "FROM pg_catalog.pg_constraint con "
                   "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid "
                   "JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
                   "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) "
                   "WITH ORDINALITY AS k(attnum, fattnum, ord) "
                   "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid "
                   "AND a.attnum = k.attnum "
                   "JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid "
                   "AND fa.attnum = k.fattnum "
                   "WHERE %1 AND con.contype = 'f' "
                   "ORDER BY con.conrelid, con.conname, k.ord"),
        {schemaName}, QStringLiteral("foreign keys"), m_spec.displayName());
    if (!query)
        return query.error();
    qint64 currentOid = -1;
    QString currentName;
    while (query->next()) {
        const qint64 oid = query->value(0).toLongLong();
        const auto it = byOid.constFind(oid);
        if (it == byOid.constEnd())
            continue;
        TableInfo &table = schema.tables[*it];
        const QString name = query->value(1).toString();
        if (oid != currentOid || name != currentName) {
            currentOid = oid;
            currentName = name;
            ForeignKeyInfo fk;
            fk.name = name;
            const QString referencedSchema = query->value(5).toString();
            // A table of another schema is named with its schema, as PostgreSQL would print it.
            fk.referencedTable =
                referencedSchema == schemaName
                    ? query->value(3).toString()
                    : referencedSchema + QLatin1Char('.') + query->value(3).toString();
            table.foreignKeys.append(fk);
        }
        table.foreignKeys.last().columns.append(query->value(2).toString());
        table.foreignKeys.last().referencedColumns.append(query->value(4).toString());
    }
    return {};
}

Result<void> PostgresIntrospector::readIndexes(QSqlDatabase &db, const QString &schemaName,
                                               DatabaseSchema &schema,
                                               const TableIndex &byOid) const
{
    // Key columns only (INCLUDE columns come after indnkeyatts); an expression column is shown
    // as its expression.
    auto query = CatalogQuery::run(
        db,
        withFilter("SELECT i.indrelid::bigint, ic.relname, i.indisunique, "
                   "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
                   "WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
                   "AND con.contype = 'u'), "
                   "a.attname, pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true), "
                   "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) "
                   "FROM pg_catalog.pg_index i "
                   "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
                   "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
                   "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid "
                   "AND a.attnum = k.attnum AND k.attnum > 0 "
                   "WHERE %1 AND NOT i.indisprimary AND k.ord <= i.indnkeyatts "
                   "ORDER BY i.indrelid, ic.relname, k.ord"),
        {schemaName}, QStringLiteral("indexes"), m_spec.displayName());
    if (!query)
        return query.error();
    qint64 currentOid = -1;
    QString currentName;
    while (query->next()) {
        const qint64 oid = query->value(0).toLongLong();
        const auto it = byOid.constFind(oid);
        if (it == byOid.constEnd())
            continue;
        TableInfo &table = schema.tables[*it];
        const QString name = query->value(1).toString();
        if (oid != currentOid || name != currentName) {
            currentOid = oid;
            currentName = name;
            IndexInfo index;
            index.name = name;
            index.unique = query->value(2).toBool();
            index.isConstraint = query->value(3).toBool();
            index.where = query->value(6).toString();
            index.partial = !index.where.isEmpty();
            table.indexes.append(index);
        }
        IndexInfo &index = table.indexes.last();
        const bool expression = query->value(4).isNull();
        index.columns.append(expression ? query->value(5).toString() : query->value(4).toString());
        if (expression && index.expressions.isEmpty())
            index.expressions.resize(index.columns.size() - 1);
        if (expression || !index.expressions.isEmpty())
            index.expressions.append(expression ? query->value(5).toString() : QString());
    }
    return {};
}

Result<void> PostgresIntrospector::readChecks(QSqlDatabase &db, const QString &schemaName,
                                              DatabaseSchema &schema, const TableIndex &byOid) const
{
    auto query = CatalogQuery::run(
        db,
        withFilter("SELECT con.conrelid::bigint, con.conname, "
                   "pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) "
                   "FROM pg_catalog.pg_constraint con "
                   "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE %1 AND con.contype = 'c' ORDER BY con.conrelid, con.conname"),
        {schemaName}, QStringLiteral("check constraints"), m_spec.displayName());
    if (!query)
        return query.error();
    while (query->next()) {
        const auto it = byOid.constFind(query->value(0).toLongLong());
        if (it != byOid.constEnd())
            schema.tables[*it].checks.append(
                {query->value(1).toString(), query->value(2).toString()});
    }
    return {};
}

} // namespace cutover
