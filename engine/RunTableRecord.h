#pragma once

#include "RunStatus.h"
#include "TableDigests.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace cutover {

// One table of a run in the ledger (cutover_run_tables). The row ledger balances when
// sourceRows == loaded + quarantined + skipped.
struct RunTableRecord
{
    QString runId;
    QString tableName;
    qint64 sourceRows = 0;
    qint64 loaded = 0;
    qint64 quarantined = 0;
    qint64 skipped = 0; // left out by a filter
    qint64 deleted = 0; // incremental sync: target rows deleted because their source row is gone
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while the table is loading
    QJsonObject timings;  // stage name -> milliseconds, index rebuilds, ...
    RunStatus status = RunStatus::Running;
    // Incremental sync: the highest watermark value this run read (text; numbers compare as
    // numbers, other values as text), where the next incremental run starts.
    QString watermark;
    bool createdTable = false; // the run created the target table (rollback drops it)
    // Set when the run digested the table; finishTable records them, RunLedger::digests reads.
    std::optional<TableDigests> digests;

    bool balances() const { return sourceRows == loaded + quarantined + skipped; }
};

} // namespace cutover
