#include "DroppedIndexes.h"

#include "DdlGenerator.h"

#include <QJsonObject>

namespace cutover {

namespace {

TableInfo named(const QString &name)
{
    TableInfo table;
    table.name = name;
    return table;
}

bool hasIndex(const TableInfo &table, const IndexInfo &index)
{
    for (const IndexInfo &present : table.indexes)
        if (DdlGenerator::indexName(table, present) == DdlGenerator::indexName(table, index))
            return true;
    return false;
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
        if (!entry.table.isEmpty() && !entry.index.columns.isEmpty())
            dropped.m_entries.append(entry);
    }
    return dropped;
}

QJsonArray DroppedIndexes::toJson() const
{
    QJsonArray array;
    for (const Entry &entry : m_entries)
        array.append(QJsonObject{
            {QLatin1String("table"), entry.table},
            {QLatin1String("name"), entry.index.name},
            {QLatin1String("unique"), entry.index.unique},
            {QLatin1String("columns"), QJsonArray::fromStringList(entry.index.columns)}});
    return array;
}

bool DroppedIndexes::contains(const Entry &entry) const
{
    for (const Entry &present : m_entries) {
        const TableInfo table = named(present.table);
        if (present.table == entry.table && DdlGenerator::indexName(table, present.index) ==
                                                DdlGenerator::indexName(table, entry.index))
            return true;
    }
    return false;
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
        if (!hasIndex(*table, entry.index))
            table->indexes.append(entry.index);
    }
}

} // namespace cutover
