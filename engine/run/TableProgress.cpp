#include "run/TableProgress.h"

namespace cutover {

QString TableProgress::stageName(Stage stage)
{
    switch (stage) {
    case Stage::Waiting:
        return QStringLiteral("waiting");
    case Stage::Preparing:
        return QStringLiteral("preparing");
    case Stage::Loading:
        return QStringLiteral("loading");
    case Stage::Finishing:
        return QStringLiteral("finishing");
    case Stage::Done:
        return QStringLiteral("done");
    case Stage::Failed:
        return QStringLiteral("failed");
    case Stage::Stopped:
        break;
    }
    return QStringLiteral("stopped");
}

QJsonObject TableProgress::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("table")] = table;
    o[QStringLiteral("stage")] = stageName(stage);
    o[QStringLiteral("expected")] = expectedRows;
    o[QStringLiteral("read")] = read;
    o[QStringLiteral("written")] = written;
    o[QStringLiteral("quarantined")] = quarantined;
    o[QStringLiteral("rowsPerSecond")] = qRound64(rowsPerSecond);
    o[QStringLiteral("etaSeconds")] = etaSeconds;
    o[QStringLiteral("elapsedMs")] = elapsedMs;
    return o;
}

} // namespace cutover
