#include "run/RunProgress.h"

#include <QJsonArray>

namespace cutover {

qint64 RunProgress::read() const
{
    qint64 sum = 0;
    for (const TableProgress &t : tables)
        sum += t.read;
    return sum;
}

qint64 RunProgress::written() const
{
    qint64 sum = 0;
    for (const TableProgress &t : tables)
        sum += t.written;
    return sum;
}

qint64 RunProgress::quarantined() const
{
    qint64 sum = 0;
    for (const TableProgress &t : tables)
        sum += t.quarantined;
    return sum;
}

qint64 RunProgress::expected() const
{
    qint64 sum = 0;
    for (const TableProgress &t : tables) {
        if (t.expectedRows < 0)
            return -1;
        sum += t.expectedRows;
    }
    return sum;
}

QJsonObject RunProgress::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("event")] = QStringLiteral("progress");
    o[QStringLiteral("runId")] = runId;
    o[QStringLiteral("mode")] = runModeName(mode);
    o[QStringLiteral("stage")] = stage;
    o[QStringLiteral("paused")] = paused;
    o[QStringLiteral("elapsedMs")] = elapsedMs;
    o[QStringLiteral("read")] = read();
    o[QStringLiteral("written")] = written();
    o[QStringLiteral("quarantined")] = quarantined();
    QJsonArray list;
    for (const TableProgress &t : tables)
        list.append(t.toJson());
    o[QStringLiteral("tables")] = list;
    return o;
}

} // namespace cutover
