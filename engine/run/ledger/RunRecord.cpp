#include "run/ledger/RunRecord.h"

#include <QJsonArray>

namespace cutover {

double RunRecord::seconds() const
{
    QDateTime finished = finishedAt;
    if (status == RunStatus::RolledBack) {
        QDateTime loaded;
        for (const RunTableRecord &t : tables)
            if (t.finishedAt.isValid() && (!loaded.isValid() || t.finishedAt > loaded))
                loaded = t.finishedAt;
        if (loaded.isValid())
            finished = loaded;
    }
    if (!startedAt.isValid() || !finished.isValid())
        return -1;
    return double(startedAt.msecsTo(finished)) / 1000.0;
}

const RunTableRecord *RunRecord::table(const QString &name) const
{
    for (const RunTableRecord &t : tables)
        if (t.tableName == name)
            return &t;
    return nullptr;
}

QStringList RunRecord::createdTables() const
{
    QStringList names;
    for (const QJsonValue &name : options.value(QLatin1String("createdTables")).toArray())
        names.append(name.toString());
    return names;
}

bool RunRecord::created(const QString &table) const
{
    const RunTableRecord *record = this->table(table);
    return (record && record->createdTable) || createdTables().contains(table);
}

QStringList RunRecord::touchedTables() const
{
    QStringList names;
    for (const RunTableRecord &t : tables)
        names.append(t.tableName);
    for (const QString &name : createdTables())
        if (!names.contains(name))
            names.append(name);
    return names;
}

} // namespace cutover
