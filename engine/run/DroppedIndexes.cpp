#include "run/DroppedIndexes.h"

#include "dialect/DdlGenerator.h"

#include <QJsonObject>

#include <algorithm>

namespace cutover {

namespace {

TableInfo named(const QString &name)
{
    TableInfo table;
    table.name = name;
    return table;
}

// Indexes are told apart by the name they have or get (DdlGenerator::indexName).
bool sameIndex(const QString &table, const IndexInfo &a, const IndexInfo &b)
{
    const TableInfo info = named(table);
    return DdlGenerator::indexName(info, a) == DdlGenerator::indexName(info, b);
}

} // namespace

DroppedIndexes DroppedIndexes::ofTables(const QList<TableInfo> &tables)
{
    DroppedIndexes dropped;
    for (const TableInfo &table : tables)
        for (const IndexInfo &index : DdlGenerator::secondaryIndexes(table))
            dropped.m_entries.append({table.name, index});
    return dropped;
}

bool DroppedIndexes::buildsAfterLoad(const IndexInfo &index)
{
    return !index.unique && !index.partial && !index.columns.isEmpty();
}

DroppedIndexes DroppedIndexes::plainOf(const QList<TableInfo> &tables)
{
    DroppedIndexes plain;
    for (const TableInfo &table : tables)
        for (const IndexInfo &index : DdlGenerator::secondaryIndexes(table))
            if (buildsAfterLoad(index))
                plain.m_entries.append({table.name, index});
    return plain;
}

DroppedIndexes DroppedIndexes::fromJson(const QJsonArray &array)
{
    DroppedIndexes dropped;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        Entry entry;
        entry.table = o.value(QLatin1String("table")).toString();
        entry.index.name = o.value(QLatin1String("name")).toString();
        entry.index.unique = o.value(QLatin1String("unique")).toBool();
        for (const QJsonValue &column : o.value(QLatin1String("columns")).toArray())
            entry.index.columns.append(column.toString());
        for (const QJsonValue &expression : o.value(QLatin1String("expressions")).toArray())
            entry.index.expressions.append(expression.toString());
        entry.index.where = o.value(QLatin1String("where")).toString();
        entry.index.partial = !entry.index.where.isEmpty();
        if (!entry.table.isEmpty() && !entry.index.columns.isEmpty())
            dropped.m_entries.append(entry);
    }
    return dropped;
}

QJsonArray DroppedIndexes::toJson() const
{
    QJsonArray array;
    for (const Entry &entry : m_entries) {
        QJsonObject o{{QLatin1String("table"), entry.table},
                      {QLatin1String("name"), entry.index.name},
                      {QLatin1String("unique"), entry.index.unique},
                      {QLatin1String("columns"), QJsonArray::fromStringList(entry.index.columns)}};
        if (entry.index.hasExpressions())
            o.insert(QLatin1String("expressions"),
                     QJsonArray::fromStringList(entry.index.expressions));
        if (!entry.index.where.isEmpty())
            o.insert(QLatin1String("where"), entry.index.where);
        array.append(o);
    }
    return array;
}

QList<IndexInfo> DroppedIndexes::indexesOf(const QString &table) const
{
    QList<IndexInfo> indexes;
    for (const Entry &entry : m_entries)
        if (entry.table == table)
            indexes.append(entry.index);
    return indexes;
}

bool DroppedIndexes::contains(const Entry &entry) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry &present) {
        return present.table == entry.table && sameIndex(entry.table, present.index, entry.index);
    });
}

void DroppedIndexes::add(const DroppedIndexes &other)
{
    for (const Entry &entry : other.m_entries)
        if (!contains(entry))
            m_entries.append(entry);
}

void DroppedIndexes::restoreInto(QList<TableInfo> &tables) const
{
    for (const Entry &entry : m_entries) {
        auto table = std::find_if(tables.begin(), tables.end(),
                                  [&](const TableInfo &t) { return t.name == entry.table; });
        if (table == tables.end()) {
            tables.append(named(entry.table));
            table = std::prev(tables.end());
        }
        const bool present =
            std::any_of(table->indexes.cbegin(), table->indexes.cend(),
                        [&](const IndexInfo &i) { return sameIndex(entry.table, i, entry.index); });
        if (!present)
            table->indexes.append(entry.index);
    }
}

} // namespace cutover
