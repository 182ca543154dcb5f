#pragma once

#include "run/DroppedIndexes.h"
#include "run/ledger/RunRecord.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// What the parts of one run (RunEngine, RunContinuation, LoadPreparation) know about it and
// hand on to each other.
struct RunState
{
    QString runId;
    std::optional<RunRecord> resumed;
    QJsonObject recordedOptions;   // as in the run's ledger record
    DroppedIndexes droppedIndexes; // to rebuild after the load, this run's and interrupted ones'
    QString inheritedJournalMode;  // the one an interrupted run found, which it left in WAL
    QStringList existing;          // planned tables already in the target
    QStringList created;           // tables this run created
    QStringList problems;          // found on the way; the run fails with them
};

} // namespace cutover
