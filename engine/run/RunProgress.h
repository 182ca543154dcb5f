#pragma once

#include "run/TableProgress.h"
#include "run/ledger/RunMode.h"

#include <QJsonObject>
#include <QList>

namespace cutover {

// One progress event of a run: every table's progress and the totals.
struct RunProgress
{
    QString runId;
    RunMode mode = RunMode::Run;
    bool paused = false;
    QString stage; // "preparing", "loading", "finishing", "done"
    qint64 elapsedMs = 0;
    QList<TableProgress> tables;

    qint64 read() const;
    qint64 written() const;
    qint64 quarantined() const;
    qint64 expected() const; // -1 while a table is not counted yet
    QJsonObject toJson() const;
};

} // namespace cutover
