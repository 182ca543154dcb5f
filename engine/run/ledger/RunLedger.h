#pragma once

#include "core/Result.h"
#include "run/ledger/CheckpointRecord.h"
#include "run/ledger/LedgerSchema.h"
#include "run/ledger/RunLockHolder.h"
#include "run/ledger/RunRecord.h"
#include "run/ledger/RunTableRecord.h"
#include "transform/QuarantinedRow.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace cutover {

class TargetSession;

// The run's bookkeeping in the target database, in the tables LedgerSchema defines, so a batch's
// rows and its bookkeeping commit or vanish together ("never lose, never duplicate"): records runs,
// their tables, checkpoints, quarantined rows and written keys, and reads them back.
//
// The ledger writes through the caller's TargetSession and never begins or commits on its own
// except in ensureTables/startRun/startTable/finishTable/finishRun, which run outside a batch.
class RunLedger
{
public:
    explicit RunLedger(TargetSession &session);

    // LedgerSchema::ensureTables; the other calls make sure of it once, outside a transaction.
    Result<void> ensureTables();

    // Records a new run with status running and returns its id (a new UUID; run.runId and
    // run.status are ignored, run.startedAt defaults to now).
    Result<QString> startRun(const RunRecord &run);
    // Sets the run's status, message and finish time (now).
    Result<void> finishRun(const QString &runId, RunStatus status, const QString &message = {});

    // Marks an interrupted run as running again (a resume): status running, no finish time.
    Result<void> reopenRun(const QString &runId);
    // Replaces the options a run was started with (what it learns in preparing the target, such
    // as the tables it created, is kept there before any row is written).
    Result<void> updateRunOptions(const QString &runId, const QJsonObject &options);

    // Records (or replaces) the table's ledger row, e.g. with status running when it starts
    // and with the final counts when it ends (finishedAt defaults to now unless running).
    // createdTable: the run created the table, so rollback drops it (recorded before any row is
    // written, so a resumed run knows it too).
    Result<void> startTable(const QString &runId, const QString &table, bool createdTable = false);
    Result<void> finishTable(const RunTableRecord &record);

    // Writes the batch's checkpoint, its quarantined rows and the target keys it wrote inside
    // the caller's open transaction, so they commit with the batch's rows. Replaying a batch
    // (same numbers, same keys) replaces rather than duplicates. Fails when no transaction is
    // open.
    Result<void> recordBatch(const QString &runId, const QString &table,
                             const CheckpointRecord &checkpoint,
                             const QList<QuarantinedRow> &quarantined,
                             const QStringList &writtenKeys);

    // The table's last committed batch in the run, if any.
    Result<std::optional<CheckpointRecord>> lastCheckpoint(const QString &runId,
                                                           const QString &table);
    // The project's newest run when it did not finish: still marked running (killed or crashed),
    // interrupted (connection lost), cancelled or failed (stopped by a threshold, say). The one a
    // new run resumes, with its tables.
    Result<std::optional<RunRecord>> interruptedRun(const QString &project);
    // The project's runs, newest first, each with its tables.
    Result<QList<RunRecord>> runs(const QString &project);
    Result<std::optional<RunRecord>> run(const QString &runId);
    // Quarantined rows, optionally of one run and/or one table, by run and table, each table's
    // rows in the order of their source keys (numbers numerically, text as text).
    Result<QList<QuarantinedRow>> quarantine(const std::optional<QString> &runId = std::nullopt,
                                             const std::optional<QString> &table = std::nullopt);
    // The same, of the project's runs only.
    Result<QList<QuarantinedRow>> quarantineOf(const QString &project,
                                               const std::optional<QString> &runId = std::nullopt,
                                               const std::optional<QString> &table = std::nullopt);
    // The quarantined rows no later run loaded again, of the given tables (all when none), with
    // only their run, table and source key read.
    Result<QList<QuarantinedRow>> quarantinedKeys(const QStringList &tables = {});
    // Marks a quarantined row as loaded again by retryRunId.
    Result<void> markRetried(const QString &runId, const QString &table, const QString &sourceKey,
                             const QString &retryRunId);
    Result<QStringList> writtenKeys(const QString &runId, const QString &table);
    // Who holds the target's run lock, as its holder recorded it (RunLock). lockHolder() never
    // creates the ledger; it fails when there is none yet.
    Result<void> recordLockHolder(const RunLockHolder &holder);
    Result<std::optional<RunLockHolder>> lockHolder();
    // Forgets the holder if it is still this one (host and process).
    Result<void> clearLockHolder(const RunLockHolder &holder);
    // What the run digested of the table (finishTable records it), if anything.
    Result<std::optional<TableDigests>> digests(const QString &runId, const QString &table);

    // A cutover_quarantine row read in LedgerSchema's column order (QuarantineReader's too).
    static QuarantinedRow quarantinedFromRow(const QVariantList &row);

private:
    QString q(const QString &identifier) const;
    QVariant keyValue(const QString &text) const;
    static QString text(const QVariant &value);
    Result<void> ready();
    Error failure(const QString &what, const Error &cause) const;

    QString runSelectSql(const QString &where) const;
    static RunRecord runFromRow(const QVariantList &row);
    Result<QList<RunRecord>> selectRuns(const QString &where, const QVariantList &params);
    Result<void> attachTables(QList<RunRecord> &runs);
    Result<void> attachCheckpoint(RunTableRecord &table);
    static RunTableRecord tableFromRow(const QVariantList &row);
    Result<QList<QuarantinedRow>> selectQuarantine(const std::optional<QString> &project,
                                                   const std::optional<QString> &runId,
                                                   const std::optional<QString> &table);
    QString quarantineSelectSql(const QString &where) const;
    static QList<QuarantinedRow> inKeyOrder(QList<QuarantinedRow> rows);
    Result<void> writeQuarantine(const QString &runId, const QString &table,
                                 const QList<QuarantinedRow> &rows);
    Result<void> writeKeys(const QString &runId, const QString &table, const QStringList &keys);

    TargetSession &m_session;
    LedgerSchema m_schema;
    bool m_ready = false;
};

} // namespace cutover
