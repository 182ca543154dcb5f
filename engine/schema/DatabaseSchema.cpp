#include "schema/DatabaseSchema.h"

#include <QJsonArray>

namespace cutover {

const TableInfo *DatabaseSchema::table(const QString &name) const
{
    for (const TableInfo &t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

const TableInfo *DatabaseSchema::tableIgnoringCase(const QString &name) const
{
    for (const TableInfo &t : tables)
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    return nullptr;
}

QStringList DatabaseSchema::tableNames() const
{
    QStringList names;
    for (const TableInfo &t : tables)
        names.append(t.name);
    return names;
}

namespace {

QJsonObject columnToJson(const ColumnInfo &c)
{
    QJsonObject o;
    o[QStringLiteral("name")] = c.name;
    o[QStringLiteral("declaredType")] = c.declaredType;
    o[QStringLiteral("type")] = c.type.toString();
    o[QStringLiteral("nullable")] = c.nullable;
    o[QStringLiteral("default")] = c.hasDefault ? QJsonValue(c.defaultValue) : QJsonValue();
    if (c.autoIncrement)
        o[QStringLiteral("autoIncrement")] = true;
    return o;
}

QJsonObject foreignKeyToJson(const ForeignKeyInfo &fk)
{
    QJsonObject o;
    o[QStringLiteral("name")] = fk.name;
    o[QStringLiteral("columns")] = QJsonArray::fromStringList(fk.columns);
    o[QStringLiteral("referencedTable")] = fk.referencedTable;
    o[QStringLiteral("referencedColumns")] = QJsonArray::fromStringList(fk.referencedColumns);
    return o;
}

QJsonObject indexToJson(const IndexInfo &index)
{
    QJsonObject o;
    o[QStringLiteral("name")] = index.name;
    o[QStringLiteral("columns")] = QJsonArray::fromStringList(index.columns);
    o[QStringLiteral("unique")] = index.unique;
    o[QStringLiteral("constraint")] = index.isConstraint;
    return o;
}

QJsonObject tableToJson(const TableInfo &t)
{
    QJsonObject o;
    o[QStringLiteral("name")] = t.name;
    o[QStringLiteral("kind")] = t.isView ? QStringLiteral("view") : QStringLiteral("table");
    QJsonArray columns, fks, indexes;
    for (const ColumnInfo &c : t.columns)
        columns.append(columnToJson(c));
    for (const ForeignKeyInfo &fk : t.foreignKeys)
        fks.append(foreignKeyToJson(fk));
    for (const IndexInfo &index : t.indexes)
        indexes.append(indexToJson(index));
    o[QStringLiteral("columns")] = columns;
    o[QStringLiteral("primaryKey")] = QJsonArray::fromStringList(t.primaryKey);
    o[QStringLiteral("foreignKeys")] = fks;
    o[QStringLiteral("indexes")] = indexes;
    o[QStringLiteral("rowEstimate")] = t.rowEstimate < 0 ? QJsonValue() : QJsonValue(t.rowEstimate);
    return o;
}

} // namespace

QJsonObject DatabaseSchema::toJson() const
{
    QJsonArray array;
    for (const TableInfo &t : tables)
        array.append(tableToJson(t));
    QJsonObject o;
    o[QStringLiteral("tables")] = array;
    return o;
}

} // namespace cutover
