#pragma once

#include "IndexInfo.h"
#include "TableInfo.h"

#include <QJsonArray>
#include <QList>

namespace cutover {

// The secondary indexes a run drops for its load (--drop-indexes), kept in the run's record:
// a run killed before it rebuilt them leaves a target that no longer knows them, and the next
// run rebuilds them from this list.
class DroppedIndexes
{
public:
    // The secondary indexes of tables (those a run with --drop-indexes drops).
    static DroppedIndexes ofTables(const QList<TableInfo> &tables);
    static DroppedIndexes fromJson(const QJsonArray &array);
    QJsonArray toJson() const;

    bool isEmpty() const { return m_entries.isEmpty(); }
    // Adds the indexes of other this list lacks (same table and index name).
    void add(const DroppedIndexes &other);
    // Gives each table the listed indexes it lacks; a table not in tables is appended with
    // only its name and indexes.
    void restoreInto(QList<TableInfo> &tables) const;

private:
    struct Entry
    {
        QString table;
        IndexInfo index;
    };
    bool contains(const Entry &entry) const;

    QList<Entry> m_entries;
};

} // namespace cutover
