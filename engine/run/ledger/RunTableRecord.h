#pragma once

#include "run/ledger/RunStatus.h"
#include "run/ledger/TableDigests.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace cutover {

// One table of a run in the ledger (cutover_run_tables). The row ledger of a finished table
// balances when sourceRows == loaded + quarantined + skipped; that of a table that did not
// finish (still loading, killed, stopped) when every row it read is loaded or quarantined.
struct RunTableRecord
{
    QString runId;
    QString tableName;
    qint64 sourceRows = 0;
    qint64 loaded = 0;
    qint64 quarantined = 0;
    qint64 skipped = 0; // left out by a filter
    // Source rows read. A table that did not finish is read back from the ledger with the counts
    // of its last committed checkpoint (RunLedger): what the target holds of it.
    qint64 read = 0;
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

    bool balances() const
    {
        return status == RunStatus::Succeeded ? sourceRows == loaded + quarantined + skipped
                                              : read == loaded + quarantined;
    }
    // Its load's seconds from its timings (total_ms), else from its start and end; -1 when
    // unknown.
    double seconds() const
    {
        const QJsonValue total = timings.value(QLatin1String("total_ms"));
        if (total.isDouble())
            return total.toDouble() / 1000.0;
        if (!startedAt.isValid() || !finishedAt.isValid())
            return -1;
        return double(startedAt.msecsTo(finishedAt)) / 1000.0;
    }
    // "balances", "DOES NOT BALANCE", after the status of a table that did not finish.
    QString ledgerText() const
    {
        const QString balance =
            balances() ? QStringLiteral("balances") : QStringLiteral("DOES NOT BALANCE");
        return status == RunStatus::Succeeded
                   ? balance
                   : runStatusName(status) + QStringLiteral(", ") + balance;
    }
};

} // namespace cutover
