#pragma once

#include "schema/IndexInfo.h"
#include "schema/TableInfo.h"

#include <QJsonArray>
#include <QList>

namespace cutover {

// The secondary indexes a run drops for its load (--drop-indexes), or leaves out of the tables it
// creates until after the load, kept in the run's record: a run killed before it built them
// leaves a target that does not know them, and the next run builds them from this list.
class DroppedIndexes
{
public:
    // The secondary indexes of tables (those a run with --drop-indexes drops).
    static DroppedIndexes ofTables(const QList<TableInfo> &tables);
    // The indexes of tables that refuse no row, plain ones on columns (not unique): a run that
    // creates the tables builds them after its load (TargetPreparer::Options::indexesAfterLoad).
    static DroppedIndexes plainOf(const QList<TableInfo> &tables);
    // Whether a table a run creates gets index after its load rather than before.
    static bool buildsAfterLoad(const IndexInfo &index);
    static DroppedIndexes fromJson(const QJsonArray &array);
    QJsonArray toJson() const;

    bool isEmpty() const { return m_entries.isEmpty(); }
    // The listed indexes of one table.
    QList<IndexInfo> indexesOf(const QString &table) const;
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
