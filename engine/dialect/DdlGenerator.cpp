#include "dialect/DdlGenerator.h"

#include "dialect/DefaultLiteral.h"

#include "dialect/SqlDialect.h"
#include "dialect/TypeNormalizer.h"

#include <QRegularExpression>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;
using Dialect = ConnectionSpec::Kind;

// SQLite's NUMERIC affinity keeps a decimal in a double: exact up to 15 significant digits.
constexpr int kSqliteExactDigits = 15;
constexpr int kMySqlVarcharLimit = 1000;
constexpr int kMySqlKeyVarchar = 255;

QString withArgs(const QString &name, const NormalizedType &type)
{
    if (type.precision() <= 0)
        return name;
    return QStringLiteral("%1(%2,%3)").arg(name).arg(type.precision()).arg(type.scale());
}

} // namespace

QString DdlGenerator::sqliteType(const NormalizedType &type)
{
    switch (type.kind()) {
    case Kind::Integer:
        return QStringLiteral("INTEGER");
    case Kind::Decimal:
        return type.precision() > 0 && type.precision() <= kSqliteExactDigits
                   ? withArgs(QStringLiteral("DECIMAL"), type)
                   : withArgs(QStringLiteral("DECIMAL_TEXT"), type);
    case Kind::Real:
        return QStringLiteral("REAL");
    case Kind::Text:
        return type.length() > 0 ? QStringLiteral("VARCHAR(%1)").arg(type.length())
                                 : QStringLiteral("TEXT");
    case Kind::Boolean:
        return QStringLiteral("BOOLEAN");
    case Kind::Date:
        return QStringLiteral("DATE");
    case Kind::Time:
        return QStringLiteral("TIME");
    case Kind::Timestamp:
        return QStringLiteral("TIMESTAMP");
    case Kind::TimestampTz:
        return QStringLiteral("TIMESTAMPTZ");
    case Kind::Uuid:
        return QStringLiteral("UUID");
    case Kind::Json:
        return QStringLiteral("JSON");
    case Kind::Blob:
        return QStringLiteral("BLOB");
    case Kind::Unknown:
        break;
    }
    return QString();
}

QString DdlGenerator::postgresType(const NormalizedType &type)
{
    switch (type.kind()) {
    case Kind::Integer:
        return QStringLiteral("bigint");
    case Kind::Decimal:
        return withArgs(QStringLiteral("numeric"), type);
    case Kind::Real:
        return QStringLiteral("double precision");
    case Kind::Text:
        return type.length() > 0 ? QStringLiteral("varchar(%1)").arg(type.length())
                                 : QStringLiteral("text");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::Date:
        return QStringLiteral("date");
    case Kind::Time:
        return QStringLiteral("time");
    case Kind::Timestamp:
        return QStringLiteral("timestamp");
    case Kind::TimestampTz:
        return QStringLiteral("timestamptz");
    case Kind::Uuid:
        return QStringLiteral("uuid");
    case Kind::Json:
        return QStringLiteral("jsonb");
    case Kind::Blob:
        return QStringLiteral("bytea");
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("text");
}

QString DdlGenerator::mySqlType(const NormalizedType &type, bool usedInKey)
{
    switch (type.kind()) {
    case Kind::Integer:
        return QStringLiteral("BIGINT");
    case Kind::Decimal:
        return type.precision() > 0 ? withArgs(QStringLiteral("DECIMAL"), type)
                                    : QStringLiteral("DECIMAL(65,30)");
    case Kind::Real:
        return QStringLiteral("DOUBLE");
    case Kind::Text:
        if (type.length() > 0 && type.length() <= kMySqlVarcharLimit)
            return QStringLiteral("VARCHAR(%1)").arg(type.length());
        if (usedInKey)
            return QStringLiteral("VARCHAR(%1)").arg(kMySqlKeyVarchar);
        if (type.length() > 0 && type.length() <= 16383)
            return QStringLiteral("TEXT");
        if (type.length() > 0 && type.length() <= 4194303)
            return QStringLiteral("MEDIUMTEXT");
        return QStringLiteral("LONGTEXT");
    case Kind::Boolean:
        return QStringLiteral("BOOLEAN");
    case Kind::Date:
        return QStringLiteral("DATE");
    case Kind::Time:
        return QStringLiteral("TIME(6)");
    case Kind::Timestamp:
    case Kind::TimestampTz:
        return QStringLiteral("DATETIME(6)");
    case Kind::Uuid:
        return QStringLiteral("CHAR(36)");
    case Kind::Json:
        return QStringLiteral("JSON");
    case Kind::Blob:
        return QStringLiteral("LONGBLOB");
    case Kind::Unknown:
        break;
    }
    return usedInKey ? QStringLiteral("VARCHAR(%1)").arg(kMySqlKeyVarchar)
                     : QStringLiteral("LONGTEXT");
}

QString DdlGenerator::columnType(const ColumnInfo &column, ConnectionSpec::Kind kind,
                                 bool usedInKey)
{
    if (!column.nativeType.isEmpty())
        return column.nativeType;
    switch (kind) {
    case Dialect::Sqlite:
        return sqliteType(column.type);
    case Dialect::PostgreSql:
        return postgresType(column.type);
    case Dialect::MySql:
        return mySqlType(column.type, usedInKey);
    case Dialect::Csv:
        break;
    }
    return QString();
}

NormalizedType DdlGenerator::typeAsCreated(const TableInfo &table, const ColumnInfo &column,
                                           ConnectionSpec::Kind kind)
{
    if (kind == Dialect::Csv)
        return column.type;
    return TypeNormalizer::normalize(columnType(column, kind, isKeyColumn(table, column.name)),
                                     kind);
}

std::optional<QString> DdlGenerator::portableDefault(const ColumnInfo &column,
                                                     ConnectionSpec::Kind kind)
{
    return DefaultLiteral::of(column, kind);
}

bool DdlGenerator::isKeyColumn(const TableInfo &table, const QString &column)
{
    if (table.primaryKey.contains(column))
        return true;
    for (const IndexInfo &index : table.indexes)
        if (index.columns.contains(column))
            return true;
    for (const ForeignKeyInfo &key : table.foreignKeys)
        if (key.columns.contains(column))
            return true;
    return false;
}

QString DdlGenerator::columnDefinition(const TableInfo &table, const ColumnInfo &column,
                                       ConnectionSpec::Kind kind)
{
    QString definition = SqlDialect::quoteIdentifier(column.name, kind);
    const QString type = columnType(column, kind, isKeyColumn(table, column.name));
    if (!type.isEmpty())
        definition += QLatin1Char(' ') + type;
    if (!column.nullable)
        definition += QStringLiteral(" NOT NULL");
    if (isIdentity(table, column)) {
        // BY DEFAULT: the run inserts the source's key values; new rows get the next ones.
        if (kind == ConnectionSpec::Kind::PostgreSql)
            return definition + QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
        if (kind == ConnectionSpec::Kind::MySql)
            return definition + QStringLiteral(" AUTO_INCREMENT");
    }
    if (auto literal = portableDefault(column, kind))
        definition += QStringLiteral(" DEFAULT ") + *literal;
    return definition;
}

// An auto-increment integer column that leads the primary key: what PostgreSQL's identity and
// MySQL's AUTO_INCREMENT (which must lead a key) can be. SQLite's rowid alias is INTEGER PRIMARY
// KEY itself and needs nothing more.
bool DdlGenerator::isIdentity(const TableInfo &table, const ColumnInfo &column)
{
    return column.autoIncrement && column.type.kind() == NormalizedType::Kind::Integer &&
           table.primaryKey.value(0) == column.name;
}

QString DdlGenerator::foreignKeyName(const TableInfo &table, const ForeignKeyInfo &key)
{
    if (!key.name.isEmpty())
        return key.name;
    return table.name + QLatin1Char('_') + key.columns.join(QLatin1Char('_')) +
           QStringLiteral("_fkey");
}

QString DdlGenerator::foreignKeyClause(const TableInfo &table, const ForeignKeyInfo &key,
                                       ConnectionSpec::Kind kind)
{
    // Checked row by row as usual; deferrable so that a dry run can put the check off to a
    // commit that never comes (BatchWriter::beginRows).
    const QString deferrable = kind == ConnectionSpec::Kind::PostgreSql
                                   ? QStringLiteral(" DEFERRABLE INITIALLY IMMEDIATE")
                                   : QString();
    return QStringLiteral("CONSTRAINT %1 FOREIGN KEY (%2) REFERENCES %3 (%4)%5")
        .arg(SqlDialect::quoteIdentifier(foreignKeyName(table, key), kind),
             SqlDialect::quoteIdentifiers(key.columns, kind),
             SqlDialect::quoteIdentifier(key.referencedTable, kind),
             SqlDialect::quoteIdentifiers(key.referencedColumns, kind), deferrable);
}

QString DdlGenerator::createTable(const TableInfo &table, ConnectionSpec::Kind kind,
                                  bool withForeignKeys)
{
    QStringList parts;
    for (const ColumnInfo &column : table.columns)
        parts.append(columnDefinition(table, column, kind));
    if (!table.primaryKey.isEmpty())
        parts.append(QStringLiteral("PRIMARY KEY (%1)")
                         .arg(SqlDialect::quoteIdentifiers(table.primaryKey, kind)));
    for (const IndexInfo &index : table.indexes) {
        if (!index.unique || !index.isConstraint || index.columns == table.primaryKey)
            continue;
        parts.append(QStringLiteral("CONSTRAINT %1 UNIQUE (%2)")
                         .arg(SqlDialect::quoteIdentifier(indexName(table, index), kind),
                              SqlDialect::quoteIdentifiers(index.columns, kind)));
    }
    if (withForeignKeys)
        for (const ForeignKeyInfo &key : table.foreignKeys)
            parts.append(foreignKeyClause(table, key, kind));
    parts.append(checkClauses(table, kind));
    return QStringLiteral("CREATE TABLE %1 (\n    %2\n)")
        .arg(SqlDialect::quoteIdentifier(table.name, kind), parts.join(QStringLiteral(",\n    ")));
}

QString DdlGenerator::indexName(const TableInfo &table, const IndexInfo &index)
{
    if (!index.name.isEmpty())
        return index.name;
    return table.name + QLatin1Char('_') + index.columns.join(QLatin1Char('_')) +
           (index.unique ? QStringLiteral("_key") : QStringLiteral("_idx"));
}

QList<IndexInfo> DdlGenerator::secondaryIndexes(const TableInfo &table)
{
    QList<IndexInfo> result;
    for (const IndexInfo &index : table.indexes)
        if (!(index.unique && index.isConstraint) &&
            !(index.unique && index.columns == table.primaryKey))
            result.append(index);
    return result;
}

QStringList DdlGenerator::createIndexes(const TableInfo &table, ConnectionSpec::Kind kind)
{
    QStringList statements;
    for (const IndexInfo &index : secondaryIndexes(table))
        statements.append(createIndex(table, index, kind));
    return statements;
}

QString DdlGenerator::createIndex(const TableInfo &table, const IndexInfo &index,
                                  ConnectionSpec::Kind kind, bool ifNotExists)
{
    return QStringLiteral("CREATE %1INDEX %2%3 ON %4 (%5)%6")
        .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(),
             ifNotExists ? QStringLiteral("IF NOT EXISTS ") : QString(),
             SqlDialect::quoteIdentifier(indexName(table, index), kind),
             SqlDialect::quoteIdentifier(table.name, kind), indexTerms(index, kind),
             whereClause(index, kind));
}

QStringList DdlGenerator::checkClauses(const TableInfo &table, ConnectionSpec::Kind kind)
{
    QStringList clauses;
    for (const CheckInfo &check : table.checks)
        clauses.append(QStringLiteral("CONSTRAINT %1 CHECK (%2)")
                           .arg(SqlDialect::quoteIdentifier(check.name, kind), check.expression));
    return clauses;
}

// Columns quoted, expressions in parentheses (as SQLite, PostgreSQL and MySQL 8 want them).
QString DdlGenerator::indexTerms(const IndexInfo &index, ConnectionSpec::Kind kind)
{
    QStringList terms;
    for (qsizetype i = 0; i < index.columns.size(); ++i) {
        const QString expression = index.expression(i);
        terms.append(expression.isEmpty() ? SqlDialect::quoteIdentifier(index.columns[i], kind)
                                          : QLatin1Char('(') + expression + QLatin1Char(')'));
    }
    return terms.join(QStringLiteral(", "));
}

// MySQL and MariaDB have no partial indexes: TargetTableChecker refuses a condition for them.
QString DdlGenerator::whereClause(const IndexInfo &index, ConnectionSpec::Kind kind)
{
    if (index.where.isEmpty() || kind == Dialect::MySql)
        return QString();
    return QStringLiteral(" WHERE ") + index.where;
}

QString DdlGenerator::dropIndex(const TableInfo &table, const IndexInfo &index,
                                ConnectionSpec::Kind kind)
{
    const QString name = SqlDialect::quoteIdentifier(indexName(table, index), kind);
    if (kind == Dialect::MySql)
        return QStringLiteral("DROP INDEX IF EXISTS %1 ON %2")
            .arg(name, SqlDialect::quoteIdentifier(table.name, kind));
    return QStringLiteral("DROP INDEX IF EXISTS %1").arg(name);
}

QString DdlGenerator::addForeignKey(const TableInfo &table, const ForeignKeyInfo &key,
                                    ConnectionSpec::Kind kind)
{
    return QStringLiteral("ALTER TABLE %1 ADD %2")
        .arg(SqlDialect::quoteIdentifier(table.name, kind), foreignKeyClause(table, key, kind));
}

QString DdlGenerator::dropForeignKey(const TableInfo &table, const ForeignKeyInfo &key,
                                     ConnectionSpec::Kind kind)
{
    const QString name = SqlDialect::quoteIdentifier(foreignKeyName(table, key), kind);
    const QString quotedTable = SqlDialect::quoteIdentifier(table.name, kind);
    if (kind == Dialect::MySql)
        return QStringLiteral("ALTER TABLE %1 DROP FOREIGN KEY IF EXISTS %2")
            .arg(quotedTable, name);
    return QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT IF EXISTS %2").arg(quotedTable, name);
}

} // namespace cutover
