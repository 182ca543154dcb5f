#include "run/RunOptions.h"

#include <QJsonArray>

namespace cutover {

QJsonObject RunOptions::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("mode")] = runModeName(mode);
    if (!phase.isEmpty())
        o[QStringLiteral("phase")] = phase;
    if (!tables.isEmpty())
        o[QStringLiteral("tables")] = QJsonArray::fromStringList(tables);
    if (retryQuarantined)
        o[QStringLiteral("retryQuarantined")] = true;
    if (!schemaFrom.isEmpty())
        o[QStringLiteral("schemaFrom")] = schemaFrom;
    o[QStringLiteral("dropSecondaryIndexes")] = dropSecondaryIndexes;
    o[QStringLiteral("deferForeignKeys")] = deferForeignKeys;
    o[QStringLiteral("batchSize")] = batchSize;
    o[QStringLiteral("parallelTables")] = parallelTables;
    o[QStringLiteral("sqliteCommitRows")] = sqliteCommitRows;
    if (maxErrorRate)
        o[QStringLiteral("maxErrorRate")] = *maxErrorRate;
    if (maxQuarantined)
        o[QStringLiteral("maxQuarantined")] = *maxQuarantined;
    return o;
}

} // namespace cutover
