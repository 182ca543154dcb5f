#pragma once

#include "schema/CheckInfo.h"
#include "schema/ColumnInfo.h"
#include "schema/ForeignKeyInfo.h"
#include "schema/IndexInfo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

struct TableInfo
{
    QString name;
    bool isView = false;
    QList<ColumnInfo> columns;
    QStringList primaryKey; // column names in key order
    QList<ForeignKeyInfo> foreignKeys;
    QList<IndexInfo> indexes; // includes unique constraints
    QList<CheckInfo> checks;  // CHECK constraints (not NOT NULL)
    qint64 rowEstimate = -1;  // -1 when unknown

    bool operator==(const TableInfo &) const = default;

    const ColumnInfo *column(const QString &columnName) const
    {
        for (const ColumnInfo &c : columns)
            if (c.name == columnName)
                return &c;
        return nullptr;
    }
    // The column of that name in any case, for matching a source column to a target one.
    const ColumnInfo *columnIgnoringCase(const QString &columnName) const
    {
        for (const ColumnInfo &c : columns)
            if (c.name.compare(columnName, Qt::CaseInsensitive) == 0)
                return &c;
        return nullptr;
    }
    // Unique indexes and constraints on columns that hold for every row (partial and expression
    // indexes are left out: they are no key).
    QList<IndexInfo> uniqueConstraints() const
    {
        QList<IndexInfo> result;
        for (const IndexInfo &index : indexes)
            if (index.unique && index.isPlain())
                result.append(index);
        return result;
    }
};

} // namespace cutover
