#pragma once

#include "project/ColumnMapping.h"

#include <QList>
#include <QString>

namespace cutover {

// One target table fed from a source table, or from a query (a join or a filter).
struct TableMapping
{
    enum class KeyStrategy
    {
        Keep,
        RemapUuid,
        Generate
    };
    enum class Mode
    {
        Insert,
        Upsert,
        TruncateLoad
    };

    QString target;
    QString source;    // a source table; empty when query is set
    QString query;     // SELECT over the source; replaces source
    QString filter;    // optional WHERE condition on the source rows
    QString sourceKey; // source key column(s), comma separated; default: the primary key
    KeyStrategy keyStrategy = KeyStrategy::Keep;
    QString keyNamespace; // uuid5 namespace for RemapUuid (default: the target table name)
    Mode mode = Mode::Insert;
    QString watermark; // column for incremental sync, empty when none
    // Incremental sync also deletes target rows whose source row is gone (found by comparing
    // the keys the source maps to with the target's keys).
    bool syncDeletes = false;
    // This table's rollback triggers: the share of its rows read that may be quarantined (-1:
    // the project's settings.maxErrorRate) and how many of its rows (-1: no limit of its own).
    double maxErrorRate = -1;
    int maxQuarantined = -1;
    QList<ColumnMapping> columns;
    QString note;

    const ColumnMapping *column(const QString &targetColumn) const
    {
        for (const ColumnMapping &c : columns)
            if (c.target == targetColumn)
                return &c;
        return nullptr;
    }

    bool operator==(const TableMapping &) const = default;
};

} // namespace cutover
