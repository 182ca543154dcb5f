#pragma once

#include "core/BoundedQueue.h"
#include "core/Result.h"
#include "core/RowBatch.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "run/BatchWriter.h"
#include "run/TableProgress.h"
#include "run/ledger/CheckpointRecord.h"
#include "run/ledger/RunTableRecord.h"
#include "schema/TableInfo.h"
#include "source/RowQuery.h"
#include "transform/LoadBatch.h"
#include "transform/RowDigest.h"
#include "transform/RowHasher.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace cutover {

class PasswordProvider;
class RunControl;
class RunReferenceIndex;
class KeyRecorder;
class BatchTransformer;
class SqlConnection;
class SqlReferenceLookup;
class SqlUniqueLookup;

// Loads one table mapping in a run: a reader thread (RowSource, batch by batch in source-key
// order), a transformer thread (BatchTransformer) and the writer on the calling thread
// (BatchWriter), with bounded queues between them so memory stays flat. Each stage opens its own
// connections. A resumed table reads on after its last checkpoint's source key (or skips the rows
// already read, for a keyless source); an incremental one reads the rows above the last
// watermark. run() blocks until the table is done or the run stops, and returns the table's
// ledger record; progress() may be called from any thread meanwhile.
class TableLoader
{
public:
    struct Setup
    {
        const Project *project = nullptr;
        const TableMapping *mapping = nullptr;
        TableInfo target;
        ConnectionSpec targetSpec;
        const PasswordProvider *passwords = nullptr;
        RunControl *control = nullptr;
        RunReferenceIndex *referenceIndex = nullptr;
        QStringList indexedColumns; // target columns other tables' rules refer to
        // Referenced tables that were empty before the load: the index knows all their rows,
        // so the target is not asked about them.
        QStringList tablesIndexedWhole;
        // The table had rows before the load: its unique rules ask the target about them.
        bool targetHadRows = false;
        bool secondaryIndexesDropped = false; // --drop-indexes: only keys and constraints stay
        QString runId;
        QStringList phaseFilters;
        int batchSize = 1000;
        int queueDepth = 2;
        qint64 commitRows = 0; // BatchWriter::Setup::commitRows
        bool dryRun = false;
        bool writeRows = true;
        bool recordWrittenKeys = false;
        bool deferForeignKeys = false;
        bool keyCrosswalk = true;
        bool upsert = false; // incremental and retry runs upsert whatever the mapping says
        bool createdTable = false;
        std::optional<CheckpointRecord> resumeFrom;
        QString watermark;        // incremental: read rows above it; empty for all
        bool syncDeletes = false; // incremental: delete target rows whose source row is gone
        // --retry-quarantined: source key -> the run of each row quarantined with it (only the
        // rows of these keys load)
        QHash<QString, QStringList> retryKeys;
        int connectionRetries = 4;
        int retryBackoffMs = 1000;
        std::function<void(TargetSession &, int)> beforeWriteAttempt; // tests
        std::function<void(const QString &)> notice;                  // retries, for the log
        std::function<void()> afterBatch; // thresholds, checked by the run after each batch
    };

    explicit TableLoader(Setup setup);
    ~TableLoader();

    Result<RunTableRecord> run();
    TableProgress progress() const;
    void setStage(TableProgress::Stage stage) { m_stage = int(stage); }
    qint64 readRows() const { return m_read.load(); }
    qint64 quarantinedRows() const { return m_quarantined.load(); }
    const QString &table() const { return m_setup.mapping->target; }

private:
    struct SourceBatch
    {
        RowBatch rows;
        qint64 number = 0;
        qint64 firstRow = 0; // position of its first row in the whole read
        QString watermark;   // the highest watermark value in the batch
    };
    using SourceQueue = BoundedQueue<SourceBatch>;
    using LoadQueue = BoundedQueue<LoadBatch>;

    RowQuery readQuery(const QStringList &keyColumns, bool keyed) const;
    bool digestsRows(const ConnectionSpec &sourceSpec) const;
    void digestSource(const RowBatch &batch);
    void digestLoading(LoadBatch &batch);
    void digestWritten(const LoadBatch &batch, const QList<qsizetype> &refused);
    Result<void> count(const RowQuery &query);
    void readLoop(RowQuery query, qint64 skip, qint64 firstBatch, SourceQueue &out);
    // Kept for as long as the transformer that asks them; the lookups before their connection.
    struct TargetLookups
    {
        std::unique_ptr<SqlConnection> connection;
        std::unique_ptr<SqlReferenceLookup> references;
        std::unique_ptr<SqlUniqueLookup> unique;
    };
    Result<std::unique_ptr<BatchTransformer>> createTransformer(const QStringList &sourceColumns,
                                                                const QStringList &keyColumns,
                                                                KeyRecorder *keys,
                                                                TargetLookups &lookups);
    QStringList indexedFirstColumns() const;
    void noticeUncheckedUniqueRules(const QStringList &indexed) const;
    void transformLoop(SourceQueue &in, LoadQueue &out, const QStringList &keyColumns,
                       KeyRecorder *keys);
    Result<void> writeLoop(BatchWriter &writer, LoadQueue &in, CheckpointRecord &totals,
                           QString &watermark);
    BatchWriter::Setup writerSetup() const;
    void recordTotals(RunTableRecord &record, const CheckpointRecord &totals, bool complete) const;
    Result<void> syncDeletes(TargetSession &session, RunTableRecord &record);
    void indexLoaded(const LoadBatch &batch, const QList<qsizetype> &refused);
    void giveBack(const LoadBatch &batch, const QList<qsizetype> &refused);
    void retire(LoadBatch batch);
    void freeRetired();
    void addTiming(const QString &stage, qint64 ms);
    void fail(const Error &error);
    bool failed() const;

    Setup m_setup;
    QElapsedTimer m_clock;
    std::atomic<int> m_stage{int(TableProgress::Stage::Waiting)};
    std::atomic<qint64> m_expected{-1};
    std::atomic<qint64> m_read{0};
    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_quarantined{0};
    std::atomic<qint64> m_startedMs{-1};
    std::atomic<bool> m_readAll{false}; // the reader reached the end of the source
    std::atomic<qint64> m_batchesRead{0};
    std::atomic<qint64> m_batchesWritten{0};
    qint64 m_resumedRows = 0;    // rows read before a resume: not part of this process's rate
    qint64 m_sourceAll = 0;      // source rows without any filter
    qint64 m_sourceSelected = 0; // rows the run reads, before a resume
    QHash<QString, qint64> m_timings;
    // The table's digests (see RunTableRecord): the reader adds to the source's, the writer to
    // the written rows'. A value whose stored form cannot be foretold gives up the digests.
    bool m_digesting = false;
    std::atomic<bool> m_digestLost{false};
    RowDigest m_sourceDigest;
    RowDigest m_loadedDigest;
    RowHasher m_sourceHasher;
    RowHasher m_loadingHasher;
    QStringList m_loadedColumns;             // of the load batches, the order rows are hashed in
    QList<RowHasher::Affinity> m_affinities; // per load batch column
    QVariantList m_defaults;                 // per load batch column: what DEFAULT stores
    mutable QMutex m_mutex;                  // guards m_error, m_transformer, m_timings
    std::optional<Error> m_error;
    BatchTransformer *m_transformer = nullptr;
    QMutex m_retiredMutex;
    std::vector<LoadBatch> m_retired; // written batches, freed by the transformer
};

} // namespace cutover
