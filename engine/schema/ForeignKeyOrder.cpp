#include "schema/ForeignKeyOrder.h"

#include <QSet>

namespace cutover {

namespace {

bool isAmong(const QList<TableInfo> &tables, const QString &name)
{
    for (const TableInfo &table : tables)
        if (table.name == name)
            return true;
    return false;
}

} // namespace

QList<TableInfo> ForeignKeyOrder::parentsFirst(const QList<TableInfo> &tables)
{
    QList<TableInfo> ordered;
    QSet<QString> placed;
    QList<TableInfo> pending = tables;
    bool progress = true;
    while (!pending.isEmpty() && progress) {
        progress = false;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const TableInfo &table = pending.at(i);
            bool ready = true;
            for (const ForeignKeyInfo &key : table.foreignKeys)
                if (key.referencedTable != table.name && !placed.contains(key.referencedTable) &&
                    isAmong(tables, key.referencedTable))
                    ready = false;
            if (!ready)
                continue;
            placed.insert(table.name);
            ordered.append(pending.takeAt(i));
            progress = true;
            break;
        }
    }
    ordered.append(pending); // cycles
    return ordered;
}

} // namespace cutover
