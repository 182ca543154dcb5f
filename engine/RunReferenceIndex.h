#pragma once

#include "ReferenceLookup.h"
#include "RowBatch.h"

#include <QHash>
#include <QMutex>
#include <QSet>

namespace cutover {

// The key values this run loaded, per target table.column, so that a reference-exists rule on a
// child table finds the parents loaded earlier in the same run (tables load in foreign-key
// order). The run feeds it after each batch is written; values are compared by their canonical
// text (ValueText::of), so both columns must have the same normalized type.
// Memory: one QString per distinct key value of each indexed column. Thread-safe: the writer
// adds while checkers on other threads ask.
class RunReferenceIndex : public ReferenceLookup
{
public:
    void add(const QString &table, const QString &column, const QVariant &value);
    // Adds column's values of the given rows (all rows when rows is empty) of a written batch.
    void addBatch(const QString &table, const QString &column, const RowBatch &batch,
                  const QList<qsizetype> &rows = {});
    Result<bool> exists(const QString &table, const QString &column,
                        const QVariant &value) override;
    qsizetype size(const QString &table, const QString &column) const;

private:
    static QString keyOf(const QString &table, const QString &column);

    mutable QMutex m_mutex;
    QHash<QString, QSet<QString>> m_keys; // "table\x1fcolumn" -> canonical value texts
};

} // namespace cutover
