#include "run/TableLoader.h"

#include "connect/SqlConnection.h"
#include "core/ValueText.h"
#include "run/DeletionSync.h"
#include "run/RunControl.h"
#include "run/ledger/KeyCrosswalk.h"
#include "source/RowSourceFactory.h"
#include "source/SourceCounter.h"
#include "transform/BatchTransformer.h"
#include "transform/SourceKey.h"
#include "transform/rules/RunReferenceIndex.h"
#include "transform/rules/SqlReferenceLookup.h"
#include "transform/rules/SqlUniqueLookup.h"

#include <QJsonObject>
#include <QScopeGuard>
#include <QThread>

namespace cutover {

namespace {

constexpr int kRetryKeysPerRead = 500;

bool hasUniqueRule(const Project &project, const QString &table)
{
    return std::any_of(project.rules.cbegin(), project.rules.cend(), [&](const Rule &rule) {
        return rule.table == table && rule.kind == Rule::Kind::Unique;
    });
}

// The tables the reference rules of table refer to that the run's index does not know whole.
QStringList tablesToAskTheTarget(const Project &project, const QString &table,
                                 const QStringList &indexedWhole)
{
    QStringList tables;
    for (const Rule &rule : project.rules) {
        if (rule.table != table || rule.kind != Rule::Kind::ReferenceExists)
            continue;
        const QString referenced = rule.referencedTable();
        if (!indexedWhole.contains(referenced) && !tables.contains(referenced))
            tables.append(referenced);
    }
    return tables;
}

} // namespace

TableLoader::TableLoader(Setup setup)
    : m_setup(std::move(setup))
{
    m_clock.start();
}

TableLoader::~TableLoader() = default;

TableProgress TableLoader::progress() const
{
    TableProgress p;
    p.table = m_setup.mapping->target;
    p.stage = TableProgress::Stage(m_stage.load());
    p.expectedRows = m_expected.load();
    p.read = m_read.load();
    p.written = m_written.load();
    p.quarantined = m_quarantined.load();
    const qint64 started = m_startedMs.load();
    if (started >= 0) {
        p.elapsedMs = m_clock.elapsed() - started;
        const qint64 done = p.read - m_resumedRows;
        if (p.elapsedMs > 0 && done > 0) {
            p.rowsPerSecond = double(done) * 1000.0 / double(p.elapsedMs);
            if (p.expectedRows >= 0 && p.stage == TableProgress::Stage::Loading)
                p.etaSeconds =
                    qMax<qint64>(0, qint64(double(p.expectedRows - p.read) / p.rowsPerSecond));
        }
    }
    return p;
}

void TableLoader::fail(const Error &error)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_error)
            m_error = error;
    }
}

bool TableLoader::failed() const
{
    QMutexLocker lock(&m_mutex);
    return m_error.has_value();
}

void TableLoader::addTiming(const QString &stage, qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_timings[stage] += ms;
}

RowQuery TableLoader::readQuery(const QStringList &keyColumns, bool keyed) const
{
    RowQuery query;
    query.filters = m_setup.phaseFilters;
    if (keyed)
        query.orderBy = keyColumns;
    if (!m_setup.watermark.isEmpty() && !m_setup.mapping->watermark.isEmpty()) {
        auto spec = RowSourceFactory::sourceSpec(*m_setup.project);
        if (spec)
            query.filters.append(SourceKey::watermarkCondition(
                spec->kind(), m_setup.mapping->watermark, m_setup.watermark));
    }
    return query;
}

Result<void> TableLoader::count(const RowQuery &query)
{
    QElapsedTimer timer;
    timer.start();
    if (!m_setup.retryKeys.isEmpty()) {
        m_sourceAll = 0; // one entry per quarantined row: a key may be several rows' (NULL)
        for (const QStringList &runs : std::as_const(m_setup.retryKeys))
            m_sourceAll += runs.size();
        m_sourceSelected = m_sourceAll; // rows gone from the source are counted as skipped later
        m_expected = m_sourceAll;
        return {};
    }
    auto counts =
        SourceCounter::count(*m_setup.project, *m_setup.mapping, query, m_setup.passwords);
    if (!counts)
        return counts.error();
    m_sourceAll = counts->all;
    m_sourceSelected = counts->selected;
    m_expected = counts->selected;
    addTiming(QStringLiteral("count_ms"), timer.elapsed());
    return {};
}

BatchWriter::Setup TableLoader::writerSetup() const
{
    BatchWriter::Setup ws;
    ws.spec = m_setup.targetSpec;
    ws.passwords = m_setup.passwords;
    ws.runId = m_setup.runId;
    ws.table = m_setup.mapping->target;
    ws.mode = m_setup.upsert ? TableMapping::Mode::Upsert : m_setup.mapping->mode;
    ws.keyColumns = m_setup.target.primaryKey;
    ws.dryRun = m_setup.dryRun;
    ws.writeRows = m_setup.writeRows;
    ws.recordWrittenKeys = m_setup.recordWrittenKeys;
    // A dry run's parents are rolled back before its children are written (BatchWriter).
    ws.deferForeignKeys = m_setup.deferForeignKeys || m_setup.dryRun;
    ws.control = m_setup.control;
    ws.retriedFrom = m_setup.retryKeys;
    ws.connectionRetries = m_setup.connectionRetries;
    ws.retryBackoffMs = m_setup.retryBackoffMs;
    ws.commitRows = m_setup.commitRows;
    ws.beforeAttempt = m_setup.beforeWriteAttempt;
    return ws;
}

// The row ledger: the rows the filters left out make it balance only if every selected row was
// loaded or quarantined (nothing lost between the stages, nothing read twice).
void TableLoader::recordTotals(RunTableRecord &record, const CheckpointRecord &totals,
                               bool complete) const
{
    record.loaded = totals.rowsLoaded;
    record.quarantined = totals.rowsQuarantined;
    record.sourceRows = m_sourceAll;
    // A retry reads the rows of each key: fewer when rows are gone, more when a key that is NULL
    // or not unique is also that of rows loaded before.
    if (!m_setup.retryKeys.isEmpty())
        record.sourceRows = qMax(m_sourceAll, totals.rowsRead);
    record.skipped = complete && m_setup.retryKeys.isEmpty() ? m_sourceAll - m_sourceSelected
                     : complete                              ? record.sourceRows - totals.rowsRead
                                                             : 0;
    if (complete && m_digesting && !m_digestLost)
        record.digests =
            TableDigests{m_sourceDigest.toText(), m_loadedDigest.toText(), m_loadedColumns};
}

Result<void> TableLoader::syncDeletes(TargetSession &session, RunTableRecord &record)
{
    setStage(TableProgress::Stage::Finishing);
    QElapsedTimer timer;
    timer.start();
    DeletionSync::Setup ds;
    ds.project = m_setup.project;
    ds.mapping = m_setup.mapping;
    ds.target = m_setup.target;
    ds.passwords = m_setup.passwords;
    ds.dryRun = m_setup.dryRun;
    auto deleted = DeletionSync::run(ds, session);
    if (!deleted)
        return deleted.error();
    record.deleted = *deleted;
    record.timings[QStringLiteral("delete_ms")] = timer.elapsed();
    return {};
}

Result<RunTableRecord> TableLoader::run()
{
    setStage(TableProgress::Stage::Preparing);
    RunTableRecord record;
    record.runId = m_setup.runId;
    record.tableName = m_setup.mapping->target;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.createdTable = m_setup.createdTable;
    QElapsedTimer total;
    total.start();

    auto sourceSpec = RowSourceFactory::sourceSpec(*m_setup.project);
    if (!sourceSpec)
        return sourceSpec.error();
    auto keys = RowSourceFactory::keyColumns(*m_setup.project, *m_setup.mapping, m_setup.passwords);
    if (!keys)
        return keys.error();
    const bool keyed = !keys->isEmpty() && sourceSpec->kind() != ConnectionSpec::Kind::Csv;
    if (!m_setup.retryKeys.isEmpty() && keys->isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("cannot retry quarantined rows of %1: its source has no key")
                         .arg(record.tableName),
                     record.tableName, QStringLiteral("set the mapping's sourceKey"));
    RowQuery query = readQuery(*keys, keyed);
    if (auto counted = count(query); !counted)
        return counted.error();
    m_digesting = digestsRows(*sourceSpec);

    CheckpointRecord totals;
    qint64 skip = 0;
    if (m_setup.resumeFrom) {
        totals = *m_setup.resumeFrom;
        m_resumedRows = totals.rowsRead;
        if (keyed && !totals.lastSourceKey.isEmpty())
            query.filters.append(SourceKey::afterCondition(
                sourceSpec->kind(), *keys, SourceKey::fromJson(totals.lastSourceKey)));
        else
            skip = totals.rowsRead;
    }
    m_read = totals.rowsRead;
    m_written = totals.rowsLoaded;
    m_quarantined = totals.rowsQuarantined;

    auto writer = BatchWriter::open(writerSetup(), m_setup.notice);
    if (!writer)
        return writer.error();
    std::unique_ptr<KeyCrosswalk> crosswalk;
    if (m_setup.keyCrosswalk && !m_setup.dryRun &&
        m_setup.mapping->keyStrategy == TableMapping::KeyStrategy::RemapUuid) {
        crosswalk = std::make_unique<KeyCrosswalk>((*writer)->session());
        if (auto ready = (*writer)->setCrosswalk(crosswalk.get()); !ready)
            return ready.error();
    }

    SourceQueue sourceQueue(m_setup.queueDepth);
    LoadQueue loadQueue(m_setup.queueDepth);
    const qint64 firstBatch = totals.batchNo + 1;
    m_startedMs = m_clock.elapsed();
    setStage(TableProgress::Stage::Loading);
    std::unique_ptr<QThread> reader(
        QThread::create([&, query, skip] { readLoop(query, skip, firstBatch, sourceQueue); }));
    std::unique_ptr<QThread> transformer(
        QThread::create([&] { transformLoop(sourceQueue, loadQueue, *keys, crosswalk.get()); }));
    // Linux keeps 15 characters of a thread's name: enough to tell the stages apart in top -H.
    reader->setObjectName(QStringLiteral("read ") + record.tableName);
    transformer->setObjectName(QStringLiteral("xform ") + record.tableName);
    reader->start();
    transformer->start();

    QString watermark = m_setup.watermark;
    const auto written = writeLoop(**writer, loadQueue, totals, watermark);
    if (!written)
        fail(written.error());
    if (!written || m_setup.control->isStopped()) {
        sourceQueue.abort();
        loadQueue.abort();
        QMutexLocker lock(&m_mutex);
        if (m_transformer)
            m_transformer->interrupt();
    }
    reader->wait();
    transformer->wait();
    freeRetired();
    {
        QMutexLocker lock(&m_mutex);
        if (m_error) {
            setStage(TableProgress::Stage::Failed);
            return *m_error;
        }
    }

    // Complete when the whole source was read and every batch written, even if the run stopped
    // meanwhile because of another table.
    const bool complete = m_readAll && m_batchesWritten == m_batchesRead;
    recordTotals(record, totals, complete);
    record.watermark = watermark;
    addTiming(QStringLiteral("total_ms"), total.elapsed());
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_timings.cbegin(); it != m_timings.cend(); ++it)
            record.timings[it.key()] = it.value();
    }
    if (complete && m_setup.syncDeletes)
        if (auto synced = syncDeletes((*writer)->session(), record); !synced) {
            setStage(TableProgress::Stage::Failed);
            return synced.error();
        }
    record.status = complete ? RunStatus::Succeeded : m_setup.control->stopStatus();
    setStage(complete ? TableProgress::Stage::Done : TableProgress::Stage::Stopped);
    return record;
}

void TableLoader::readLoop(RowQuery query, qint64 skip, qint64 firstBatch, SourceQueue &out)
{
    QElapsedTimer timer;
    const auto finish = qScopeGuard([&] { out.close(); });
    QList<QList<QVariantList>> keyChunks;
    if (!m_setup.retryKeys.isEmpty()) {
        QList<QVariantList> chunk;
        for (auto it = m_setup.retryKeys.cbegin(); it != m_setup.retryKeys.cend(); ++it) {
            chunk.append(SourceKey::fromJson(it.key()));
            if (chunk.size() == kRetryKeysPerRead) {
                keyChunks.append(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty())
            keyChunks.append(chunk);
    } else {
        keyChunks.append(QList<QVariantList>());
    }
    auto keys = RowSourceFactory::keyColumns(*m_setup.project, *m_setup.mapping, m_setup.passwords);
    qint64 number = firstBatch;
    qint64 position = m_read.load();
    for (const QList<QVariantList> &chunk : std::as_const(keyChunks)) {
        RowQuery q = query;
        if (!chunk.isEmpty() && keys) {
            q.keyColumns = *keys;
            q.keyIn = chunk;
        }
        timer.restart();
        auto source =
            RowSourceFactory::open(*m_setup.project, *m_setup.mapping, q, m_setup.passwords);
        if (!source) {
            fail(source.error());
            m_setup.control->stop(RunStatus::Failed, source.error().toString());
            return;
        }
        const QStringList columns = (*source)->columns();
        const int watermarkColumn = int(columns.indexOf(m_setup.mapping->watermark));
        for (;;) {
            if (!m_setup.control->waitAtBoundary() || failed())
                return;
            timer.restart();
            const int want =
                skip > 0 ? int(qMin<qint64>(skip, m_setup.batchSize)) : m_setup.batchSize;
            auto batch = (*source)->next(want);
            addTiming(QStringLiteral("read_ms"), timer.elapsed());
            if (!batch) {
                fail(batch.error());
                m_setup.control->stop(RunStatus::Failed, batch.error().toString());
                return;
            }
            if (batch->isEmpty())
                break;
            if (skip > 0) {
                skip -= batch->size();
                continue;
            }
            SourceBatch item;
            item.number = number++;
            item.firstRow = position;
            position += batch->size();
            if (watermarkColumn >= 0)
                for (const QVariantList &row : std::as_const(batch->rows))
                    if (SourceKey::aboveWatermark(row.value(watermarkColumn), item.watermark))
                        item.watermark = ValueText::of(row.value(watermarkColumn));
            item.rows = std::move(batch.value());
            if (m_digesting)
                digestSource(item.rows);
            ++m_batchesRead;
            if (!out.push(std::move(item)))
                return;
        }
    }
    m_readAll = true;
}

// What the transformer asks the target on its own read connection (a QSqlDatabase belongs to
// the thread that opened it): references to tables the run's index does not know whole, and the
// unique values of the rows the table had before the run.
Result<std::unique_ptr<BatchTransformer>>
TableLoader::createTransformer(const QStringList &sourceColumns, const QStringList &keyColumns,
                               KeyRecorder *keys, TargetLookups &lookups)
{
    BatchTransformer::Setup setup;
    setup.project = m_setup.project;
    setup.mapping = m_setup.mapping;
    setup.target = m_setup.target;
    setup.sourceColumns = sourceColumns;
    setup.keyColumns = keyColumns;
    setup.keyRecorder = keys;
    if (m_setup.referenceIndex)
        setup.references.append(m_setup.referenceIndex);
    const QStringList indexedWhole =
        m_setup.referenceIndex ? m_setup.tablesIndexedWhole : QStringList();
    const QString &table = m_setup.mapping->target;
    const bool askReferences =
        !tablesToAskTheTarget(*m_setup.project, table, indexedWhole).isEmpty();
    const bool askUnique = m_setup.targetHadRows && hasUniqueRule(*m_setup.project, table) &&
                           m_setup.target.primaryKey.size() == 1;
    if (askReferences || askUnique) {
        auto opened = SqlConnection::open(m_setup.targetSpec, m_setup.passwords,
                                          SqlConnection::Mode::ReadOnly);
        if (!opened)
            return opened.error();
        lookups.connection = std::move(opened.value());
    }
    const QString name =
        lookups.connection ? lookups.connection->database().connectionName() : QString();
    if (askReferences) {
        lookups.references = std::make_unique<SqlReferenceLookup>(
            name, m_setup.referenceIndex ? SqlReferenceLookup::Missing::Remember
                                         : SqlReferenceLookup::Missing::AskAgain);
        lookups.references->skipTables(indexedWhole);
        setup.references.append(lookups.references.get());
    }
    if (askUnique) {
        const QStringList indexed = indexedFirstColumns();
        noticeUncheckedUniqueRules(indexed);
        lookups.unique = std::make_unique<SqlUniqueLookup>(
            name, table, m_setup.target.primaryKey.first(), indexed);
        setup.targetValues = lookups.unique.get();
    }
    return BatchTransformer::create(setup);
}

// The columns the target can look up by an index during the load: the first of the primary key
// and of each unique constraint, and of the other indexes unless the run dropped them.
QStringList TableLoader::indexedFirstColumns() const
{
    const TableInfo &target = m_setup.target;
    QStringList columns{target.primaryKey.value(0)};
    for (const IndexInfo &index : target.indexes)
        if (!index.partial && !index.columns.isEmpty() &&
            ((index.unique && index.isConstraint) || !m_setup.secondaryIndexesDropped))
            columns.append(index.columns.first());
    return columns;
}

// Without an index every lookup would scan the table, batch after batch: such a rule checks
// this run's rows only, and says so.
void TableLoader::noticeUncheckedUniqueRules(const QStringList &indexed) const
{
    for (const Rule &rule : m_setup.project->rules) {
        if (rule.table != m_setup.mapping->target || rule.kind != Rule::Kind::Unique ||
            !m_setup.notice)
            continue;
        const QString first = rule.columns().value(0);
        if (indexed.contains(first))
            continue;
        m_setup.notice(QStringLiteral("%1: unique rule %2 checks the rows of this run only: the "
                                      "target has no index on %3 to find its earlier rows by")
                           .arg(m_setup.mapping->target, rule.name, first));
    }
}

void TableLoader::transformLoop(SourceQueue &in, LoadQueue &out, const QStringList &keyColumns,
                                KeyRecorder *keys)
{
    const auto finish = qScopeGuard([&] { out.close(); });
    TargetLookups lookups;
    std::unique_ptr<BatchTransformer> transformer;
    QElapsedTimer timer;
    while (auto item = in.pop()) {
        if (!transformer) {
            auto created = createTransformer(item->rows.columns, keyColumns, keys, lookups);
            if (!created) {
                fail(created.error());
                m_setup.control->stop(RunStatus::Failed, created.error().toString());
                return;
            }
            transformer = std::move(created.value());
            QMutexLocker lock(&m_mutex);
            m_transformer = transformer.get();
        }
        freeRetired();
        timer.restart();
        auto batch = transformer->transform(item->rows, item->number, item->firstRow);
        addTiming(QStringLiteral("transform_ms"), timer.elapsed());
        if (!batch) {
            if (batch.error().code() != Error::Code::Cancelled) {
                fail(batch.error());
                m_setup.control->stop(RunStatus::Failed, batch.error().toString());
            }
            break;
        }
        batch->watermark = item->watermark;
        if (m_digesting)
            digestLoading(*batch);
        if (!out.push(std::move(batch.value())))
            break;
    }
    QMutexLocker lock(&m_mutex);
    m_transformer = nullptr;
    lock.unlock();
    transformer.reset(); // then the lookups, then their connection, as they go out of scope
}

Result<void> TableLoader::writeLoop(BatchWriter &writer, LoadQueue &in, CheckpointRecord &totals,
                                    QString &watermark)
{
    QElapsedTimer timer;
    for (;;) {
        // Grouped commits end before the writer waits: for the next batch (the other tables'
        // writers take their turn at the file meanwhile) or while the run is paused or stopping.
        if (in.size() == 0 || m_setup.control->isPaused() || m_setup.control->isStopped()) {
            timer.restart();
            auto committed = writer.commitPending();
            addTiming(QStringLiteral("write_ms"), timer.elapsed());
            if (!committed)
                return committed.error();
        }
        auto batch = in.pop();
        if (!batch)
            break;
        if (!m_setup.control->waitAtBoundary())
            return writer.commitPending();
        timer.restart();
        auto written = writer.write(*batch, totals);
        addTiming(QStringLiteral("write_ms"), timer.elapsed());
        if (!written)
            return written.error();
        totals.batchNo = batch->number;
        totals.lastSourceKey = batch->lastSourceKey;
        totals.rowsRead += batch->rowsRead;
        totals.rowsLoaded += written->loaded;
        totals.rowsQuarantined += written->quarantined;
        if (SourceKey::aboveWatermark(batch->watermark, watermark))
            watermark = batch->watermark;
        m_read = totals.rowsRead;
        m_written = totals.rowsLoaded;
        m_quarantined = totals.rowsQuarantined;
        ++m_batchesWritten;
        if (m_digesting)
            digestWritten(*batch, written->refusedRows);
        giveBack(*batch, written->refusedRows);
        indexLoaded(*batch, written->refusedRows);
        retire(std::move(*batch));
        if (m_setup.afterBatch)
            m_setup.afterBatch();
    }
    return writer.commitPending();
}

// Freeing a batch's hundreds of thousands of values took the writer, the run's bottleneck,
// about a fourteenth of its time; the transformer frees them instead, before its next batch.
// What it does not get to (the last batches of a table) goes with the loader.
void TableLoader::retire(LoadBatch batch)
{
    QMutexLocker lock(&m_retiredMutex);
    m_retired.push_back(std::move(batch));
}

// A load of the whole table into SQLite from a SQL source: then, if the target holds exactly the
// rows written (rows from before, or two rows upserted onto one key, and it does not), they are
// the rows expected, and reconciliation can check the digests instead of running the mapping
// again. A resumed, incremental, retry or phase run, or another target, leaves no digests.
bool TableLoader::digestsRows(const ConnectionSpec &sourceSpec) const
{
    return m_setup.targetSpec.kind() == ConnectionSpec::Kind::Sqlite &&
           sourceSpec.kind() != ConnectionSpec::Kind::Csv && !m_setup.dryRun && m_setup.writeRows &&
           !m_setup.resumeFrom && m_setup.retryKeys.isEmpty() && m_setup.watermark.isEmpty() &&
           !m_setup.upsert && !m_setup.syncDeletes && m_setup.phaseFilters.isEmpty();
}

void TableLoader::digestSource(const RowBatch &batch)
{
    for (const QVariantList &row : batch.rows) {
        for (const QVariant &value : row)
            m_sourceHasher.addSource(value);
        m_sourceDigest.add(m_sourceHasher.finish());
    }
}

void TableLoader::digestLoading(LoadBatch &batch)
{
    if (m_loadedColumns != batch.columns) {
        if (!m_loadedColumns.isEmpty())
            m_digestLost = true; // batches with other columns: one order to hash in
        m_loadedColumns = batch.columns;
        m_affinities.clear();
        m_defaults.clear();
        for (const QString &name : std::as_const(batch.columns)) {
            const ColumnInfo *column = m_setup.target.column(name);
            m_affinities.append(RowHasher::affinityOf(column ? column->declaredType : QString()));
            m_defaults.append(column ? RowHasher::literalDefault(column->defaultValue)
                                     : QVariant());
        }
    }
    batch.rowHashes.reserve(batch.rows.size());
    for (qsizetype r = 0; r < batch.rows.size() && !m_digestLost; ++r) {
        const QVariantList &row = batch.rows.at(r);
        const QBitArray defaults = batch.databaseDefaults.value(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool filled = c < defaults.size() && defaults.testBit(c);
            if (filled && m_defaults.at(c).isNull())
                m_digestLost = true; // a default SQLite computes: not foretold
            else if (!m_loadingHasher.addStored(filled ? m_defaults.at(c) : row.at(c),
                                                m_affinities.at(c)))
                m_digestLost = true;
        }
        batch.rowHashes.append(m_loadingHasher.finish());
    }
}

void TableLoader::digestWritten(const LoadBatch &batch, const QList<qsizetype> &refused)
{
    if (m_digestLost || batch.rowHashes.size() != batch.rows.size())
        return;
    const QSet<qsizetype> out(refused.cbegin(), refused.cend());
    for (qsizetype r = 0; r < batch.rowHashes.size(); ++r)
        if (!out.contains(r))
            m_loadedDigest.add(batch.rowHashes.at(r));
}

void TableLoader::freeRetired()
{
    std::vector<LoadBatch> retired;
    {
        QMutexLocker lock(&m_retiredMutex);
        retired.swap(m_retired);
    }
}

void TableLoader::giveBack(const LoadBatch &batch, const QList<qsizetype> &refused)
{
    if (refused.isEmpty())
        return;
    QList<qsizetype> rows;
    for (qsizetype r : refused)
        rows.append(batch.checkRows.at(r));
    QMutexLocker lock(&m_mutex);
    if (m_transformer)
        m_transformer->giveBack(batch.check, rows);
}

void TableLoader::indexLoaded(const LoadBatch &batch, const QList<qsizetype> &refused)
{
    if (!m_setup.referenceIndex || m_setup.indexedColumns.isEmpty())
        return;
    QList<qsizetype> rows;
    if (!refused.isEmpty()) {
        const QSet<qsizetype> out(refused.cbegin(), refused.cend());
        for (qsizetype r = 0; r < batch.rows.size(); ++r)
            if (!out.contains(r))
                rows.append(r);
        if (rows.isEmpty())
            return;
    }
    const RowBatch loaded{batch.columns, batch.rows};
    for (const QString &column : m_setup.indexedColumns)
        m_setup.referenceIndex->addBatch(m_setup.mapping->target, column, loaded, rows);
}

} // namespace cutover
