#include "run/BatchWriter.h"

#include "run/RunControl.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSessionFactory.h"

#include <QThread>

namespace cutover {

namespace {

const QString kSavepoint = QStringLiteral("cutover_rows");

bool isConnectionLoss(const Error &error)
{
    return error.code() == Error::Code::Connection;
}

} // namespace

Result<std::unique_ptr<BatchWriter>> BatchWriter::open(const Setup &setup, const Notice &notice)
{
    std::unique_ptr<BatchWriter> writer(new BatchWriter(setup, notice));
    if (auto connected = writer->connect(); !connected)
        return connected.error();
    if (setup.crosswalk && !setup.dryRun)
        if (auto ready = setup.crosswalk->ensureTable(); !ready)
            return ready.error();
    return writer;
}

Result<void> BatchWriter::setCrosswalk(KeyCrosswalk *crosswalk)
{
    m_setup.crosswalk = crosswalk;
    if (crosswalk && !m_setup.dryRun)
        return crosswalk->ensureTable();
    return {};
}

BatchWriter::BatchWriter(const Setup &setup, const Notice &notice)
    : m_setup(setup)
    , m_notice(notice)
{}

BatchWriter::~BatchWriter()
{
    if (m_session && m_session->inTransaction())
        (void)m_session->rollback();
}

Result<void> BatchWriter::connect()
{
    m_ledger.reset();
    auto session = TargetSessionFactory::open(m_setup.spec, m_setup.passwords);
    if (!session)
        return session.error();
    if (auto applied = TargetPreparer::applyLoadSettings(**session, m_setup.deferForeignKeys);
        !applied)
        return applied.error();
    m_session = std::move(session.value());
    m_ledger = std::make_unique<RunLedger>(*m_session);
    if (m_setup.crosswalk)
        m_setup.crosswalk->rebind(*m_session);
    return {};
}

Result<BatchWriter::Written> BatchWriter::write(const LoadBatch &batch,
                                                const CheckpointRecord &totalsBefore)
{
    for (int attemptNo = 1;; ++attemptNo) {
        if (m_setup.beforeAttempt)
            m_setup.beforeAttempt(*m_session, attemptNo);
        auto written = attempt(batch, totalsBefore);
        if (written) {
            written->attempts = attemptNo;
            return written;
        }
        const bool lostGroup = m_pendingRows > 0;
        if (m_session->inTransaction())
            (void)m_session->rollback();
        m_pendingRows = 0;
        // Writing this batch again cannot bring back the earlier batches of a grouped
        // transaction: the run stops and resumes from the last commit instead.
        if (!isConnectionLoss(written.error()) || lostGroup)
            return written.error();
        if (attemptNo > m_setup.connectionRetries || !waitBeforeRetry(attemptNo))
            return Error(Error::Code::Connection,
                         QStringLiteral("%1; gave up after %2 attempts: run again to resume")
                             .arg(written.error().message())
                             .arg(attemptNo),
                         written.error().where(), written.error().hint());
        if (auto reconnected = connect(); !reconnected) {
            if (m_notice)
                m_notice(QStringLiteral("%1: reconnecting failed: %2")
                             .arg(m_setup.table, reconnected.error().message()));
            if (!isConnectionLoss(reconnected.error()))
                return reconnected.error();
            continue;
        }
        auto committed = alreadyCommitted(batch);
        if (committed && *committed) {
            // The commit reached the database before the connection dropped.
            Written done;
            done.loaded = batch.rows.size();
            done.quarantined = batch.quarantined.size();
            done.attempts = attemptNo + 1;
            return done;
        }
    }
}

bool BatchWriter::waitBeforeRetry(int attempt)
{
    const int wait = m_setup.retryBackoffMs * (1 << qMin(attempt - 1, 10));
    if (m_notice)
        m_notice(QStringLiteral("%1: connection lost, retrying batch in %2 ms (attempt %3 of %4)")
                     .arg(m_setup.table)
                     .arg(wait)
                     .arg(attempt + 1)
                     .arg(m_setup.connectionRetries + 1));
    for (int waited = 0; waited < wait; waited += 50) {
        if (m_setup.control && m_setup.control->isStopped())
            return false;
        QThread::msleep(50);
    }
    return true;
}

// A dry run rolls every batch back, so a child's parents are never in the target: its foreign
// keys would refuse every row. The project's reference rules find a dry run's orphans instead;
// SQLite and MySQL writers turn the checks off (TableLoader), and on PostgreSQL the checks are
// put off to the end of a transaction that never commits (DryRunDeferral).
Result<void> BatchWriter::beginRows()
{
    if (auto begun = m_session->begin(); !begun)
        return begun;
    if (m_setup.dryRun && m_session->kind() == ConnectionSpec::Kind::PostgreSql) {
        if (!m_deferral)
            m_deferral = std::make_unique<DryRunDeferral>(m_setup.table);
        return m_deferral->apply(*m_session, m_notice);
    }
    return {};
}

Result<bool> BatchWriter::alreadyCommitted(const LoadBatch &batch)
{
    if (m_setup.dryRun)
        return false;
    auto last = m_ledger->lastCheckpoint(m_setup.runId, m_setup.table);
    if (!last)
        return last.error();
    return last->has_value() && (*last)->batchNo >= batch.number;
}

Result<BatchWriter::Written> BatchWriter::attempt(const LoadBatch &batch,
                                                  const CheckpointRecord &totalsBefore)
{
    QList<qsizetype> all;
    all.reserve(batch.rows.size());
    for (qsizetype i = 0; i < batch.rows.size(); ++i)
        all.append(i);

    QList<std::pair<qsizetype, QString>> refused;
    if (m_setup.writeRows && !all.isEmpty()) {
        // Inside a grouped transaction the earlier batches must stay: no rollback, and no
        // savepoint either (it would journal every page the batch changes, in memory).
        const bool nested = groupsCommits() && m_session->inTransaction();
        if (!nested)
            if (auto begun = beginRows(); !begun)
                return begun.error();
        QList<qsizetype> rest;
        if (auto fast = writeRows(batch, all, &rest); !fast) {
            if (isConnectionLoss(fast.error()))
                return fast.error();
            if (nested) {
                if (auto skipped = skipRefused(batch, fast.error(), rest, refused); !skipped)
                    return skipped.error();
            } else {
                (void)m_session->rollback();
                if (auto begun = beginRows(); !begun)
                    return begun.error();
                if (auto careful = findRefused(batch, all, refused); !careful)
                    return careful.error();
            }
        }
        if (m_setup.dryRun)
            if (auto undone = m_session->rollback(); !undone)
                return undone.error();
    }

    Written written;
    QList<QuarantinedRow> quarantined = batch.quarantined;
    QSet<qsizetype> refusedSet;
    for (const auto &[row, message] : std::as_const(refused)) {
        refusedSet.insert(row);
        written.refusedRows.append(row);
        QuarantinedRow q;
        q.tableName = m_setup.table;
        q.sourceKey = batch.sourceKeys.at(row);
        q.rowNumber = batch.firstRow + batch.checkRows.at(row);
        q.rawValues = LoadBatch::rawValues(batch.sourceColumns, batch.sourceRows.at(row));
        Violation v;
        v.kind = Violation::Kind::Database;
        v.source = QStringLiteral("target database");
        v.reason = message;
        v.valueForm = Violation::ValueForm::None;
        q.violations = {v};
        quarantined.append(q);
    }
    QStringList keys;
    if (m_setup.recordWrittenKeys && !m_setup.dryRun)
        for (qsizetype i = 0; i < batch.targetKeys.size(); ++i)
            if (!refusedSet.contains(i) && !batch.targetKeys.at(i).isEmpty())
                keys.append(batch.targetKeys.at(i));
    written.loaded = batch.rows.size() - refused.size();
    written.quarantined = quarantined.size();

    CheckpointRecord totals = totalsBefore;
    totals.batchNo = batch.number;
    totals.lastSourceKey = batch.lastSourceKey;
    totals.rowsRead += batch.rowsRead;
    totals.rowsLoaded += written.loaded;
    totals.rowsQuarantined += written.quarantined;
    totals.committedAt = {};
    if (!m_session->inTransaction())
        if (auto begun = m_session->begin(); !begun)
            return begun.error();
    if (auto recorded = record(batch, totals, quarantined, keys, refusedSet); !recorded)
        return recorded.error();
    if (groupsCommits()) {
        m_pendingRows += qMax<qint64>(batch.rowsRead, 1);
        if (m_pendingRows < m_setup.commitRows)
            return written;
    }
    if (auto committed = m_session->commit(); !committed)
        return committed.error();
    m_pendingRows = 0;
    return written;
}

bool BatchWriter::groupsCommits() const
{
    return m_setup.commitRows > 0 && !m_setup.dryRun &&
           m_session->kind() == ConnectionSpec::Kind::Sqlite;
}

// In a grouped transaction: SQLite undid only the refused row's statement, so the rows before
// it stay written; that row is refused and the rest written on, row after refused row.
Result<void> BatchWriter::skipRefused(const LoadBatch &batch, Error error, QList<qsizetype> rest,
                                      QList<std::pair<qsizetype, QString>> &refused)
{
    for (;;) {
        if (rest.isEmpty() || !m_session->inTransaction())
            return error; // which row, or whether the rows before it stay, is unknown
        refused.append({rest.first(), error.message()});
        rest.removeFirst();
        if (rest.isEmpty())
            return {};
        QList<qsizetype> next;
        auto written = writeRows(batch, rest, &next);
        if (written)
            return {};
        if (isConnectionLoss(written.error()))
            return written.error();
        error = written.error();
        rest = next;
    }
}

Result<void> BatchWriter::commitPending()
{
    if (m_pendingRows == 0 || !m_session->inTransaction())
        return {};
    auto committed = m_session->commit();
    if (!committed) {
        (void)m_session->rollback();
        m_pendingRows = 0;
        return committed.error();
    }
    m_pendingRows = 0;
    return {};
}

Result<void> BatchWriter::record(const LoadBatch &batch, const CheckpointRecord &totals,
                                 const QList<QuarantinedRow> &quarantined, const QStringList &keys,
                                 const QSet<qsizetype> &refused)
{
    if (m_setup.crosswalk && !m_setup.dryRun)
        if (auto flushed = m_setup.crosswalk->flush(); !flushed)
            return flushed;
    if (!m_setup.dryRun && !m_setup.retriedFrom.isEmpty()) {
        for (qsizetype i = 0; i < batch.sourceKeys.size(); ++i) {
            if (refused.contains(i))
                continue;
            const QString &key = batch.sourceKeys.at(i);
            QStringList runs = m_setup.retriedFrom.value(key);
            runs.removeDuplicates();
            for (const QString &oldRun : std::as_const(runs))
                if (auto marked = m_ledger->markRetried(oldRun, m_setup.table, key, m_setup.runId);
                    !marked)
                    return marked;
        }
    }
    return m_ledger->recordBatch(m_setup.runId, m_setup.table, totals, quarantined, keys);
}

// The rows grouped by the cells the database fills, each group written without those columns.
// On a failure, unwritten (when given) gets the rows not written, in writing order starting with
// the refused one, if the session can tell; else it stays empty.
Result<void> BatchWriter::writeRows(const LoadBatch &batch, const QList<qsizetype> &rows,
                                    QList<qsizetype> *unwritten)
{
    QList<QBitArray> masks;
    QList<QList<qsizetype>> groups;
    for (qsizetype row : rows) {
        QBitArray mask = batch.databaseDefaults.value(row);
        if (mask.count(true) == 0)
            mask = QBitArray();
        const qsizetype at = masks.indexOf(mask);
        if (at < 0) {
            masks.append(mask);
            groups.append(QList<qsizetype>{row});
        } else {
            groups[at].append(row);
        }
    }
    for (qsizetype g = 0; g < groups.size(); ++g) {
        if (auto done = writeGroup(batch, groups.at(g), masks.at(g)); !done) {
            const qint64 written = m_session->rowsWrittenBeforeFailure();
            if (unwritten && written >= 0 && written < groups.at(g).size()) {
                *unwritten = groups.at(g).mid(written);
                for (qsizetype later = g + 1; later < groups.size(); ++later)
                    unwritten->append(groups.at(later));
            }
            return done;
        }
    }
    return {};
}

Result<void> BatchWriter::writeGroup(const LoadBatch &batch, const QList<qsizetype> &rows,
                                     const QBitArray &defaults)
{
    QList<int> keep;
    QStringList columns;
    for (int c = 0; c < batch.columns.size(); ++c) {
        if (c < defaults.size() && defaults.testBit(c))
            continue;
        keep.append(c);
        columns.append(batch.columns.at(c));
    }
    QList<QVariantList> values;
    values.reserve(rows.size());
    for (qsizetype row : rows) {
        if (keep.size() == batch.columns.size()) {
            values.append(batch.rows.at(row));
            continue;
        }
        QVariantList v;
        for (int c : keep)
            v.append(batch.rows.at(row).at(c));
        values.append(v);
    }
    const bool upsert = m_setup.mode == TableMapping::Mode::Upsert && !m_setup.keyColumns.isEmpty();
    auto written = upsert
                       ? m_session->upsertRows(m_setup.table, columns, m_setup.keyColumns, values)
                       : m_session->insertRows(m_setup.table, columns, values);
    if (!written)
        return written.error();
    return {};
}

// Writes rows inside savepoints, halving each chunk the target refuses, so that only the rows
// it refuses on their own are left out.
Result<void> BatchWriter::findRefused(const LoadBatch &batch, const QList<qsizetype> &rows,
                                      QList<std::pair<qsizetype, QString>> &refused)
{
    if (rows.isEmpty())
        return {};
    if (auto saved = m_session->execute(QStringLiteral("SAVEPOINT ") + kSavepoint); !saved)
        return saved;
    auto written = writeRows(batch, rows);
    if (written)
        return m_session->execute(QStringLiteral("RELEASE SAVEPOINT ") + kSavepoint);
    if (isConnectionLoss(written.error()))
        return written;
    if (auto undone = m_session->execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint);
        !undone)
        return undone;
    if (auto released = m_session->execute(QStringLiteral("RELEASE SAVEPOINT ") + kSavepoint);
        !released)
        return released;
    if (rows.size() == 1) {
        refused.append({rows.first(), written.error().message()});
        return {};
    }
    const qsizetype half = rows.size() / 2;
    if (auto first = findRefused(batch, rows.mid(0, half), refused); !first)
        return first;
    return findRefused(batch, rows.mid(half), refused);
}

} // namespace cutover
