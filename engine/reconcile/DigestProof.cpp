#include "reconcile/DigestProof.h"

#include "connect/SqlConnection.h"
#include "core/SqliteCell.h"
#include "core/SqliteValue.h"
#include "dialect/SqlDialect.h"
#include "reconcile/ColumnProfiler.h"
#include "reconcile/SamplePriority.h"
#include "reconcile/SampleReservoir.h"
#include "reconcile/ScanProfiler.h"
#include "source/RowSourceFactory.h"
#include "source/SqlRowSource.h"
#include "transform/RowHasher.h"
#include "transform/SourceKey.h"

#include <QThread>
#include <charconv>
#include <sqlite3.h>

namespace cutover {

namespace {

constexpr int kCheckEvery = 4096;             // rows between looks at cancellation
constexpr qint64 kDistinctBudget = 1LL << 30; // bytes of distinct-value hashes

using Candidates = SampleReservoir<QVariantList>;

Error sqliteError(sqlite3 *db, const QString &what)
{
    return Error(Error::Code::Schema,
                 QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
}

// A statement on a connection's own sqlite3 handle, finalized when it goes.
struct Statement
{
    sqlite3_stmt *statement = nullptr;
    ~Statement() { sqlite3_finalize(statement); }
};

Result<void> prepare(sqlite3 *db, const QString &sql, Statement &out, const QString &what)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &out.statement, nullptr) !=
        SQLITE_OK)
        return sqliteError(db, what);
    return {};
}

} // namespace

struct DigestProof::SourceScan
{
    RowDigest digest;
    QStringList columns;
    std::unique_ptr<Candidates> candidates;
};

struct DigestProof::TargetScan
{
    RowDigest digest;
    std::unique_ptr<ScanProfiler> profiler;
};

DigestProof::DigestProof(Setup setup)
    : m_setup(std::move(setup))
{}

bool DigestProof::overBudget(const ScanProfiler &profiler)
{
    return profiler.memoryBytes() > kDistinctBudget;
}

bool DigestProof::stopped() const
{
    return m_abandoned.load() || (m_setup.cancelled && m_setup.cancelled->load());
}

// What rules the proof out before any scan; empty when it may be tried.
QString DigestProof::unprovable() const
{
    if (m_setup.targetSpec.kind() != ConnectionSpec::Kind::Sqlite)
        return QStringLiteral("the target is not SQLite");
    if (m_setup.keyColumns.isEmpty())
        return QStringLiteral("the table has no target key");
    if (m_sourceKey.isEmpty())
        return QStringLiteral("the source has no key");
    for (const ValueComparer &c : m_setup.comparers)
        if (!m_setup.digests.columns.contains(c.column()))
            return QStringLiteral("the run did not digest column %1").arg(c.column());
    for (const IndexInfo &index : m_setup.target.indexes)
        if (index.unique && !index.isPlain())
            return QStringLiteral("unique index %1 is partial or on an expression").arg(index.name);
    return {};
}

Result<DigestProof::Outcome> DigestProof::run(ColumnProfiler &targetProfile)
{
    auto keys = RowSourceFactory::keyColumns(*m_setup.project, *m_setup.mapping, m_setup.passwords);
    if (!keys)
        return keys.error();
    m_sourceKey = *keys;
    Outcome outcome;
    outcome.reason = unprovable();
    if (!outcome.reason.isEmpty())
        return outcome;

    SourceScan source;
    TargetScan target;
    Result<void> targetDone;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        targetDone = scanTarget(target);
        if (!targetDone)
            m_abandoned = true;
    }));
    reader->start();
    Result<void> sourceDone = scanSource(source);
    if (!sourceDone)
        m_abandoned = true;
    reader->wait();
    if (!sourceDone)
        return sourceDone.error();
    if (!targetDone)
        return targetDone.error();
    if (m_setup.cancelled && m_setup.cancelled->load())
        return Error(Error::Code::Cancelled, QStringLiteral("reconciliation cancelled"));

    outcome.sourceRows = source.digest.rows();
    outcome.targetRows = target.digest.rows();
    const auto loaded = RowDigest::fromText(m_setup.digests.loaded);
    outcome.loadedRows = loaded ? loaded->rows() : 0;
    const QString run = m_setup.runId.left(8);
    if (RowDigest::fromText(m_setup.digests.source) != source.digest)
        outcome.reason = QStringLiteral("the source is not what run %1 read").arg(run);
    else if (overBudget(*target.profiler))
        outcome.reason = QStringLiteral("counting distinct values would take more than 1 GiB");
    else if (loaded != target.digest)
        outcome.reason = QStringLiteral("the target is not what run %1 wrote").arg(run);
    else if (!target.profiler->keysCanonical())
        outcome.reason = QStringLiteral("a key or unique column holds values in another form");
    else if (target.profiler->hasNulls(m_setup.keyColumns))
        outcome.reason = QStringLiteral("a target key is NULL");
    if (!outcome.reason.isEmpty())
        return outcome;
    outcome.proven = true;
    target.profiler->fill(targetProfile);
    outcome.sourceKey = m_sourceKey;
    outcome.candidates.columns = source.columns;
    for (const auto &entry : source.candidates->entries())
        outcome.candidates.rows.append(entry.value);
    return outcome;
}

Result<void> DigestProof::scanSource(SourceScan &scan)
{
    scan.candidates = std::make_unique<Candidates>(m_setup.sampleCandidates);
    auto spec = RowSourceFactory::sourceSpec(*m_setup.project);
    if (!spec)
        return spec.error();
    if (spec->kind() == ConnectionSpec::Kind::Sqlite)
        return scanSqliteSource(scan, *spec);
    return scanOtherSource(scan);
}

// The run's read (SqlRowSource's SELECT), each row hashed as RowHasher::addSource hashed what
// SqlRowSource gave the run: the same types, and text as UTF-8.
Result<void> DigestProof::scanSqliteSource(SourceScan &scan, const ConnectionSpec &spec)
{
    auto connection = SqlConnection::open(spec, m_setup.passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    sqlite3 *db = (*connection)->sqliteHandle();
    if (!db)
        return scanOtherSource(scan);
    const QString what =
        QStringLiteral("cannot read the source of '%1'").arg(m_setup.mapping->target);
    Statement read;
    if (auto ok =
            prepare(db, SqlRowSource::selectStatement(spec.kind(), *m_setup.mapping, RowQuery()),
                    read, what);
        !ok)
        return ok;
    const int width = sqlite3_column_count(read.statement);
    for (int c = 0; c < width; ++c)
        scan.columns.append(QString::fromUtf8(sqlite3_column_name(read.statement, c)));
    QList<int> keyAt;
    for (const QString &key : std::as_const(m_sourceKey))
        keyAt.append(int(scan.columns.indexOf(key)));
    RowHasher hasher;
    char number[32];
    int rc = SQLITE_ROW;
    for (qint64 row = 0; (rc = sqlite3_step(read.statement)) == SQLITE_ROW; ++row) {
        if (row % kCheckEvery == 0 && stopped())
            return {};
        for (int c = 0; c < width; ++c)
            hasher.addColumn(read.statement, c);
        scan.digest.add(hasher.finish());
        QByteArray key;
        if (keyAt.size() == 1 && keyAt.first() >= 0 &&
            sqlite3_column_type(read.statement, keyAt.first()) == SQLITE_INTEGER) {
            number[0] = '[';
            char *end = std::to_chars(number + 1, number + sizeof number - 1,
                                      sqlite3_column_int64(read.statement, keyAt.first()))
                            .ptr;
            *end++ = ']';
            key = QByteArray::fromRawData(number, end - number);
        } else {
            QVariantList values;
            for (int at : std::as_const(keyAt))
                values.append(at < 0 ? QVariant() : SqliteValue::column(read.statement, at));
            key = SourceKey::toJson(values).toUtf8();
        }
        const quint64 priority = SamplePriority::of(key, m_setup.seed);
        if (!scan.candidates->wants(priority, key) ||
            m_setup.excludedKeys.contains(QString::fromUtf8(key)))
            continue;
        QVariantList values;
        for (int c = 0; c < width; ++c)
            values.append(SqliteValue::column(read.statement, c));
        const QByteArray tie(key.constData(), key.size()); // a deep copy of the number
        scan.candidates->offer(priority, tie, values);
    }
    if (rc != SQLITE_DONE)
        return sqliteError(db, what);
    return {};
}

// Any other source, through the RowSource the run read.
Result<void> DigestProof::scanOtherSource(SourceScan &scan)
{
    auto source =
        RowSourceFactory::open(*m_setup.project, *m_setup.mapping, RowQuery(), m_setup.passwords);
    if (!source)
        return source.error();
    scan.columns = (*source)->columns();
    RowHasher hasher;
    qint64 read = 0;
    while (!stopped()) {
        auto batch = (*source)->next(kCheckEvery);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QVariantList &row : std::as_const(batch->rows)) {
            for (const QVariant &value : row)
                hasher.addSource(value);
            scan.digest.add(hasher.finish());
            const QString key = SourceKey::of(batch->columns, row, m_sourceKey, ++read);
            if (m_setup.excludedKeys.contains(key))
                continue;
            const QByteArray tie = key.toUtf8();
            scan.candidates->offer(SamplePriority::of(tie, m_setup.seed), tie, row);
        }
    }
    return {};
}

// The recorded columns in the recorded order, hashed as RowHasher::addStored foretold them, and
// the compared columns profiled on the way.
Result<void> DigestProof::scanTarget(TargetScan &scan)
{
    auto connection =
        SqlConnection::open(m_setup.targetSpec, m_setup.passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    sqlite3 *db = (*connection)->sqliteHandle();
    if (!db)
        return Error(Error::Code::Internal, QStringLiteral("no SQLite handle for the target"));
    const auto kind = m_setup.targetSpec.kind();
    const QStringList &columns = m_setup.digests.columns;
    QList<int> at;
    QList<bool> unique;
    QList<bool> keyed;
    for (const ValueComparer &c : std::as_const(m_setup.comparers)) {
        at.append(int(columns.indexOf(c.column())));
        bool alone = m_setup.target.primaryKey == QStringList{c.column()};
        bool covered = m_setup.target.primaryKey.contains(c.column());
        for (const IndexInfo &index : m_setup.target.uniqueConstraints()) {
            alone = alone || index.columns == QStringList{c.column()};
            covered = covered || index.columns.contains(c.column());
        }
        unique.append(alone);
        keyed.append(covered);
    }
    scan.profiler = std::make_unique<ScanProfiler>(m_setup.comparers, at, unique, keyed);
    const QString what = QStringLiteral("cannot read target table %1").arg(m_setup.mapping->target);
    Statement read;
    if (auto ok = prepare(db,
                          QStringLiteral("SELECT %1 FROM %2")
                              .arg(SqlDialect::quoteIdentifiers(columns, kind),
                                   SqlDialect::quoteIdentifier(m_setup.mapping->target, kind)),
                          read, what);
        !ok)
        return ok;
    RowHasher hasher;
    const int width = int(columns.size());
    std::vector<SqliteCell> cells(static_cast<std::size_t>(width));
    int rc = SQLITE_ROW;
    for (qint64 row = 0; (rc = sqlite3_step(read.statement)) == SQLITE_ROW; ++row) {
        if (row % kCheckEvery == 0 && (stopped() || overBudget(*scan.profiler)))
            return {};
        for (int c = 0; c < width; ++c) {
            cells[std::size_t(c)] = SqliteCell::read(read.statement, c);
            hasher.addCell(cells[std::size_t(c)]);
        }
        scan.digest.add(hasher.finish());
        scan.profiler->addRow(cells.data());
    }
    if (rc != SQLITE_DONE)
        return sqliteError(db, what);
    return {};
}

} // namespace cutover
