#pragma once

#include <QDateTime>
#include <QString>

namespace cutover {

// The ledger's record of one committed batch of a table (cutover_checkpoints): a resumed run
// reads on after lastSourceKey.
struct CheckpointRecord
{
    qint64 batchNo = 0;
    QString lastSourceKey; // the key parts of the batch's last source row, as JSON text
    qint64 rowsRead = 0;
    qint64 rowsLoaded = 0;
    qint64 rowsQuarantined = 0;
    QDateTime committedAt; // set by RunLedger::recordBatch when invalid
};

} // namespace cutover
