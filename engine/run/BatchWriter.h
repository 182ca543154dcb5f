#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/TableMapping.h"
#include "run/ledger/CheckpointRecord.h"
#include "run/ledger/KeyCrosswalk.h"
#include "run/ledger/RunLedger.h"
#include "run/target/DryRunDeferral.h"
#include "run/target/TargetSession.h"
#include "transform/LoadBatch.h"

#include <QHash>
#include <functional>
#include <memory>

namespace cutover {

class PasswordProvider;
class RunControl;

// The run's last stage for one table: writes each LoadBatch and its bookkeeping (checkpoint,
// quarantined rows, written keys, key crosswalk) in one transaction on its own TargetSession,
// so a batch commits whole or not at all. On SQLite several batches may share the transaction
// (Setup::commitRows): each commit rewrites every page it changed, and with keys in random order
// a 5,000-row batch changes thousands of index pages, most of them again in the next batch.
// - Fast path: the whole batch through the target's bulk insert (or upsert). When the target
//   refuses it (a CHECK, a foreign key, a length), the batch is written again with savepoints,
//   halving the failing chunks until each refused row is found; those rows are quarantined
//   with the database's message, the rest load.
// - A lost connection is retried: reconnect after a backoff that doubles each time, then write
//   the batch again unless the ledger shows it committed before the connection dropped. After
//   the last attempt the error is returned (the run stops, resumable).
// - Dry run: the rows are written and rolled back (so the target's own refusals are found);
//   the quarantine and checkpoint are committed on their own.
// Create, use and destroy it on one thread.
class BatchWriter
{
public:
    struct Setup
    {
        ConnectionSpec spec;
        const PasswordProvider *passwords = nullptr;
        QString runId;
        QString table;
        TableMapping::Mode mode = TableMapping::Mode::Insert;
        QStringList keyColumns; // the target's primary key, for upserts
        bool dryRun = false;
        bool writeRows = true; // false in a dry run whose target table does not exist yet
        bool recordWrittenKeys = false;
        bool deferForeignKeys = false;
        KeyCrosswalk *crosswalk = nullptr; // flushed with each batch; may be null
        RunControl *control = nullptr;
        // --retry-quarantined: source key -> the runs that quarantined it; a row that loads is
        // marked retried in those runs, in the batch's transaction.
        QHash<QString, QStringList> retriedFrom;
        // Batches share one transaction until it holds this many source rows (0: a transaction
        // per batch); commitPending() ends it earlier. Only for SQLite outside a dry run: a lost
        // connection would lose every batch of the open transaction, and a local file loses
        // none. Each batch still commits with its checkpoint: a kill loses the open transaction
        // and the checkpoints in it together, so the run resumes exactly where it committed.
        qint64 commitRows = 0;
        int connectionRetries = 4;
        int retryBackoffMs = 1000;
        // Called before each write attempt (tests use it to drop the connection).
        std::function<void(TargetSession &, int attempt)> beforeAttempt;
    };
    struct Written
    {
        qint64 loaded = 0;
        qint64 quarantined = 0;       // by the transformer and the target together
        QList<qsizetype> refusedRows; // loading rows the target refused
        int attempts = 1;
    };
    // Messages about retries, for the run's log.
    using Notice = std::function<void(const QString &)>;

    static Result<std::unique_ptr<BatchWriter>> open(const Setup &setup, const Notice &notice = {});
    ~BatchWriter();

    // totalsBefore: the table's cumulative counts before this batch (the checkpoint records the
    // totals after it).
    Result<Written> write(const LoadBatch &batch, const CheckpointRecord &totalsBefore);
    // Commits the batches written since the last commit when commits are grouped; else a no-op.
    Result<void> commitPending();
    TargetSession &session() { return *m_session; }
    // Flushes the crosswalk with every batch from now on; creates its table (outside a batch:
    // MySQL would commit on DDL).
    Result<void> setCrosswalk(KeyCrosswalk *crosswalk);

private:
    explicit BatchWriter(const Setup &setup, const Notice &notice);
    Result<void> connect();
    Result<Written> attempt(const LoadBatch &batch, const CheckpointRecord &totalsBefore);
    Result<void> beginRows();
    Result<void> writeRows(const LoadBatch &batch, const QList<qsizetype> &rows,
                           QList<qsizetype> *unwritten = nullptr);
    Result<void> writeGroup(const LoadBatch &batch, const QList<qsizetype> &rows,
                            const QBitArray &defaults);
    Result<void> findRefused(const LoadBatch &batch, const QList<qsizetype> &rows,
                             QList<std::pair<qsizetype, QString>> &refused);
    Result<void> record(const LoadBatch &batch, const CheckpointRecord &totals,
                        const QList<QuarantinedRow> &quarantined, const QStringList &keys,
                        const QSet<qsizetype> &refused);
    Result<bool> alreadyCommitted(const LoadBatch &batch);
    bool groupsCommits() const;
    Result<void> skipRefused(const LoadBatch &batch, Error error, QList<qsizetype> rest,
                             QList<std::pair<qsizetype, QString>> &refused);
    bool waitBeforeRetry(int attempt);

    Setup m_setup;
    Notice m_notice;
    std::unique_ptr<TargetSession> m_session;
    std::unique_ptr<RunLedger> m_ledger;
    std::unique_ptr<DryRunDeferral> m_deferral; // PostgreSQL dry runs
    qint64 m_pendingRows = 0; // source rows of the batches in the open transaction (grouped)
};

} // namespace cutover
