#include "reconcile/TableReconciler.h"

#include "connect/SqlConnection.h"
#include "core/ValueText.h"
#include "reconcile/ColumnProfiler.h"
#include "reconcile/DigestProof.h"
#include "reconcile/OrphanFinder.h"
#include "reconcile/SamplePriority.h"
#include "reconcile/SampleReservoir.h"
#include "reconcile/SegmentChecksums.h"
#include "reconcile/SortKey.h"
#include "reconcile/SpoolMerger.h"
#include "source/RowSourceFactory.h"
#include "source/SourceCounter.h"
#include "source/SqlRowSource.h"
#include "transform/BatchTransformer.h"
#include "transform/rules/RuleChecker.h"
#include "transform/rules/RunReferenceIndex.h"
#include "transform/rules/SqlReferenceLookup.h"

#include <QElapsedTimer>
#include <QThread>

namespace cutover {

namespace {

constexpr int kDifferenceSamples = 10;
constexpr int kFindingSamples = 5;
// Source rows the proof keeps beyond the sample (rows quarantined now, which should be none).
constexpr int kSampleMargin = 8;

// The primary key; else the project's reconcile.keys for the table; else the first unique
// constraint.
QStringList keyOf(const TableInfo &target, const QStringList &configured)
{
    if (!target.primaryKey.isEmpty())
        return target.primaryKey;
    if (!configured.isEmpty())
        return configured;
    const QList<IndexInfo> unique = target.uniqueConstraints();
    return unique.isEmpty() ? QStringList() : unique.first().columns;
}

Error cancelledError()
{
    return Error(Error::Code::Cancelled, QStringLiteral("reconciliation cancelled"));
}

} // namespace

TableReconciler::TableReconciler(Setup setup)
    : m_setup(std::move(setup))
{}

TableReconciler::~TableReconciler() = default;

bool TableReconciler::cancelled() const
{
    return m_abandoned.load() || (m_setup.cancelled && m_setup.cancelled->load());
}

void TableReconciler::report(const QString &stage, qint64 rows)
{
    QMutexLocker lock(&m_progressMutex); // the two sides report from two threads
    if (m_setup.progress)
        m_setup.progress(stage, rows);
}

Result<TableReconciliation> TableReconciler::run()
{
    QElapsedTimer clock;
    clock.start();
    const TableMapping &mapping = *m_setup.mapping;
    m_result.table = mapping.target;
    m_result.source = mapping.source.isEmpty() ? QStringLiteral("query") : mapping.source;
    chooseColumns();
    m_expectedProfile = std::make_unique<ColumnProfiler>(m_comparers);
    m_targetProfile = std::make_unique<ColumnProfiler>(m_comparers);

    if (auto ok = countSource(); !ok)
        return ok.error();
    auto proven = proveByDigests();
    if (!proven)
        return proven.error();
    if (!*proven)
        if (auto ok = mergeEveryRow(); !ok)
            return ok.error();
    if (m_setup.targetDb) {
        auto orphans =
            OrphanFinder::find(*m_setup.targetDb, m_setup.targetSpec.kind(), m_setup.target);
        if (!orphans)
            return orphans.error();
        m_result.orphans = *orphans;
    }
    m_result.durationMs = clock.elapsed();
    return m_result;
}

// Both sides spooled in key order and merged (SpoolMerger), duplicates counted on the spool.
Result<void> TableReconciler::mergeEveryRow()
{
    auto spool = ReconcileSpool::create(int(m_comparers.size()));
    if (!spool)
        return spool.error();
    m_spool = std::move(*spool);
    if (auto ok = useChecksums() ? spoolThenCompareByChecksums() : spoolBothSides(); !ok)
        return ok;
    if (cancelled())
        return cancelledError();
    if (auto ok = m_spool->finishWriting(); !ok)
        return ok;

    report(QStringLiteral("compare"), m_result.targetRows);
    if (auto ok = SpoolMerger(mergeSetup()).merge(*m_spool, m_result); !ok)
        return ok;

    report(QStringLiteral("checks"), m_result.targetRows);
    if (auto ok = findDuplicates(); !ok)
        return ok;
    m_spool.reset();
    return {};
}

SpoolMerger::Setup TableReconciler::mergeSetup() const
{
    SpoolMerger::Setup merge;
    merge.comparers = m_comparers;
    merge.wholeRows = m_keyColumns.isEmpty();
    for (const ValueComparer &c : std::as_const(m_comparers)) {
        const ColumnMapping *column = m_setup.mapping->column(c.column());
        merge.masked.append(m_setup.mask && column && column->sensitive);
    }
    merge.differenceSamples = kDifferenceSamples;
    merge.sampleRows = m_setup.sampleRows;
    merge.seed = m_setup.seed;
    return merge;
}

// The fast way for a table the newest run loaded whole under today's mapping (DigestProof): when
// the source and the target still hash to what the run read and wrote, the target holds exactly
// the expected rows, which the run computed then, and only the sampled rows go through the
// mapping again. False (and a note) when the proof does not hold: every row is compared then.
Result<bool> TableReconciler::proveByDigests()
{
    if (!m_setup.digests || m_setup.method != ReconcileOptions::Method::Auto ||
        !m_setup.sourceFilters.isEmpty()) // the digests cover every row the run read
        return false;
    DigestProof::Setup setup;
    setup.project = m_setup.project;
    setup.mapping = m_setup.mapping;
    setup.target = m_setup.target;
    setup.targetSpec = m_setup.targetSpec;
    setup.passwords = m_setup.passwords;
    setup.runId = m_setup.digestRunId;
    setup.digests = *m_setup.digests;
    setup.comparers = m_comparers;
    setup.keyColumns = m_keyColumns;
    setup.sampleCandidates = m_setup.sampleRows > 0 ? m_setup.sampleRows + kSampleMargin : 0;
    setup.excludedKeys = m_setup.runQuarantined;
    setup.seed = m_setup.seed;
    setup.cancelled = m_setup.cancelled;
    auto outcome = DigestProof(setup).run(*m_targetProfile);
    if (!outcome)
        return outcome.error();
    report(QStringLiteral("digests"), outcome->targetRows);
    if (outcome->proven && outcome->sourceRows != m_result.sourceRows - m_result.skipped)
        outcome->reason = QStringLiteral("the source changed while it was read");
    if (outcome->proven && outcome->reason.isEmpty()) {
        auto sampled = sampleProven(*outcome);
        if (!sampled)
            return sampled.error();
        if (!*sampled)
            outcome->reason = QStringLiteral("a sampled row did not match");
    }
    if (!outcome->proven || !outcome->reason.isEmpty()) {
        m_result.notes.append(QStringLiteral("run digests not used (%1): every row was compared")
                                  .arg(outcome->reason));
        m_result.sample.clear();
        m_targetProfile = std::make_unique<ColumnProfiler>(m_comparers);
        return false;
    }
    m_result.method = QStringLiteral("run digests");
    m_result.expectedRows = outcome->loadedRows;
    m_result.matched = outcome->loadedRows;
    m_result.quarantined = outcome->sourceRows - outcome->loadedRows;
    m_result.targetRows = outcome->targetRows;
    m_result.rowsTransferred = outcome->targetRows;
    m_result.targetProfiles = m_targetProfile->profiles();
    m_result.expectedProfiles = m_result.targetProfiles;
    m_result.targetNulls = m_targetProfile->nulls();
    m_result.expectedNulls = m_result.targetNulls;
    m_result.notes.append(
        QStringLiteral("run digests: the source and the target hash to what run %1 read and wrote "
                       "under this mapping version, so the target holds exactly the expected rows "
                       "(those that passed the rules then); the %2 sampled rows were sent through "
                       "the mapping again and compared field by field, and the profiles come "
                       "from one scan of the target")
            .arg(m_setup.digestRunId.left(8))
            .arg(m_result.sample.size()));
    if (auto ok = indexProvenTable(); !ok)
        return ok.error();
    return true;
}

// The seeded sample of a proven table: the candidates through the mapping, the rows the exact
// merge would pick (SampleReservoir) read from the target by key. False when a row is not there
// or differs, or when too few candidates load.
Result<bool> TableReconciler::sampleProven(const DigestProof::Outcome &outcome)
{
    if (m_setup.sampleRows <= 0 || outcome.candidates.isEmpty())
        return true;
    auto transformer = createTransformer(outcome.candidates.columns, outcome.sourceKey);
    if (!transformer)
        return transformer.error();
    auto loaded = (*transformer)->transform(outcome.candidates, 1, 0);
    if (!loaded)
        return loaded.error();
    const QList<qsizetype> at = comparedAt(loaded->columns);
    SampleReservoir<ReconcileSpool::Row> picked(m_setup.sampleRows);
    for (qsizetype r = 0; r < loaded->rows.size(); ++r) {
        ReconcileSpool::Row row = expectedRow(*loaded, r, at);
        if (row.runQuarantined)
            continue;
        const QByteArray tie = SpoolMerger::sampleTie(row);
        picked.offer(SamplePriority::of(tie, m_setup.seed), tie, std::move(row));
    }
    const auto entries = picked.entries();
    if (entries.size() < std::min<qint64>(m_setup.sampleRows, outcome.loadedRows))
        return false;
    auto actual = targetRowsByKey(entries);
    if (!actual)
        return actual.error();
    const SpoolMerger merger(mergeSetup());
    QList<std::pair<QByteArray, SampleRow>> sample;
    for (const auto &entry : entries) {
        const auto found = actual->constFind(entry.value.key);
        if (found == actual->cend())
            return false;
        SampleRow row = merger.sampleOf(entry.value, &found.value(), QStringLiteral("matched"));
        if (row.equal.contains(false))
            return false;
        sample.append({entry.value.key, row});
    }
    std::sort(sample.begin(), sample.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[key, row] : std::as_const(sample))
        m_result.sample.append(row);
    return true;
}

// The target table's rows, read as a source is read: SqlRowSource has the database render
// timestamps as text (TimestampSelect), so the exact merge reads what segment checksums see,
// whatever this machine's time zone.
Result<std::unique_ptr<SqlRowSource>> TableReconciler::openTarget(const RowQuery &query) const
{
    TableMapping table;
    table.target = m_setup.mapping->target;
    table.source = m_setup.mapping->target;
    return SqlRowSource::open(m_setup.targetSpec, table, query, m_setup.passwords);
}

// A query for the compared columns, in comparer order.
RowQuery TableReconciler::comparedColumns() const
{
    RowQuery query;
    for (const ValueComparer &c : std::as_const(m_comparers))
        query.columns.append(c.column());
    return query;
}

QVariantList TableReconciler::canonicalOf(const QVariantList &values) const
{
    QVariantList canonical;
    canonical.reserve(m_comparers.size());
    for (qsizetype c = 0; c < m_comparers.size(); ++c)
        canonical.append(m_comparers.at(c).canonical(values.value(c)));
    return canonical;
}

// The target rows of these expected rows, by their SortKey.
Result<QHash<QByteArray, ReconcileSpool::Row>>
TableReconciler::targetRowsByKey(const QList<SampleReservoir<ReconcileSpool::Row>::Entry> &rows)
{
    RowQuery query = comparedColumns();
    query.keyColumns = m_result.key;
    for (const auto &entry : rows) {
        QVariantList key;
        for (int c : std::as_const(m_keyColumns))
            key.append(entry.value.values.at(c));
        query.keyIn.append(key);
    }
    auto source = openTarget(query);
    if (!source)
        return source.error();
    QHash<QByteArray, ReconcileSpool::Row> found;
    for (;;) {
        auto batch = (*source)->next(m_setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QVariantList &values : std::as_const(batch->rows)) {
            ReconcileSpool::Row row = rowOf(canonicalOf(values));
            found.insert(row.key, row);
        }
    }
    return found;
}

// Reference rules of the tables after this one look up its indexed columns: a proven table's
// values are its expected values, read from the target.
Result<void> TableReconciler::indexProvenTable()
{
    if (!m_setup.referenceIndex || m_setup.indexedColumns.isEmpty())
        return {};
    RowQuery query;
    query.columns = m_setup.indexedColumns;
    auto source = openTarget(query);
    if (!source)
        return source.error();
    while (!cancelled()) {
        auto batch = (*source)->next(m_setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QString &column : std::as_const(m_setup.indexedColumns))
            m_setup.referenceIndex->addBatch(m_setup.mapping->target, column, *batch);
    }
    return {};
}

// Compared: the target columns the mapping fills. Matched by the target's primary key when the
// mapping fills all of it.
void TableReconciler::chooseColumns()
{
    const TableMapping &mapping = *m_setup.mapping;
    QHash<QString, ColumnCompareOverride> overrides;
    for (auto it = m_setup.project->reconcile.columns.cbegin();
         it != m_setup.project->reconcile.columns.cend(); ++it)
        overrides.insert(it.key(), it.value());
    for (const ColumnInfo &column : m_setup.target.columns) {
        const ColumnMapping *mapped = mapping.column(column.name);
        if (!mapped || mapped->expression.trimmed().isEmpty())
            continue;
        const ValueComparer comparer(
            column, m_setup.targetSpec.kind(),
            overrides.value(mapping.target + QLatin1Char('.') + column.name));
        m_comparers.append(comparer);
        ColumnComparisonSummary summary;
        summary.column = column.name;
        summary.type = column.type.toString();
        summary.rule = comparer.describe();
        summary.sensitive = mapped->sensitive;
        m_result.columns.append(summary);
    }
    const QStringList keyColumns =
        keyOf(m_setup.target, m_setup.project->reconcile.keys.value(mapping.target));
    for (const QString &key : keyColumns) {
        const auto at = std::find_if(m_comparers.cbegin(), m_comparers.cend(),
                                     [&](const ValueComparer &c) { return c.column() == key; });
        if (at == m_comparers.cend()) {
            m_keyColumns.clear();
            break;
        }
        m_keyColumns.append(int(at - m_comparers.cbegin()));
    }
    if (!m_keyColumns.isEmpty()) {
        m_result.method = QStringLiteral("exact merge");
        m_result.key = keyColumns;
        if (m_setup.target.primaryKey.isEmpty())
            m_result.notes.append(QStringLiteral("the target table has no primary key: rows are "
                                                 "matched by %1")
                                      .arg(keyColumns.join(QStringLiteral(", "))));
        return;
    }
    m_result.method = QStringLiteral("row content");
    m_result.notes.append(
        m_setup.target.primaryKey.isEmpty()
            ? QStringLiteral("the target table has no primary key: rows are matched by their "
                             "whole content, as a multiset (each copy of a row once), so a "
                             "changed row shows as one missing and one extra")
            : QStringLiteral("the database generates the key (%1): rows are matched by their "
                             "whole content, as a multiset (each copy of a row once), so a "
                             "changed row shows as one missing and one extra")
                  .arg(m_setup.target.primaryKey.join(QStringLiteral(", "))));
}

ReconcileSpool::Row TableReconciler::rowOf(const QVariantList &canonical) const
{
    ReconcileSpool::Row row;
    QVariantList parts;
    if (m_keyColumns.isEmpty()) {
        parts = canonical;
    } else {
        for (int c : m_keyColumns)
            parts.append(canonical.at(c));
    }
    row.key = SortKey::encode(parts);
    row.keyText = m_keyColumns.isEmpty() ? QString() : SortKey::display(parts);
    row.values = canonical;
    return row;
}

Result<void> TableReconciler::countSource()
{
    RowQuery query;
    query.filters = m_setup.sourceFilters;
    auto counts = SourceCounter::count(*m_setup.project, *m_setup.mapping, query, m_setup.passwords,
                                       m_setup.cancelled);
    if (!counts)
        return counts.error();
    m_result.sourceRows = counts->all;
    m_result.skipped = counts->all - counts->selected;
    return {};
}

Result<std::unique_ptr<BatchTransformer>>
TableReconciler::createTransformer(const QStringList &sourceColumns,
                                   const QStringList &keyColumns) const
{
    BatchTransformer::Setup setup;
    setup.project = m_setup.project;
    setup.mapping = m_setup.mapping;
    setup.target = m_setup.target;
    setup.sourceColumns = sourceColumns;
    setup.keyColumns = keyColumns;
    setup.references = m_setup.references;
    // A row a run quarantined never held its unique values in the target: a later row with the
    // same value was free to load (a duplicate across phases loads in the earlier phase).
    setup.unclaimedKeys = m_setup.runQuarantined;
    return BatchTransformer::create(setup);
}

// Loading row r of a transformed batch as the spool keeps it; at: per compared column, its index
// in the batch (-1: not loaded).
ReconcileSpool::Row TableReconciler::expectedRow(const LoadBatch &loaded, qsizetype r,
                                                 const QList<qsizetype> &at) const
{
    const QVariantList &values = loaded.rows.at(r);
    const QBitArray defaults = loaded.databaseDefaults.value(r);
    QVariantList canonical;
    QBitArray filled(m_comparers.size());
    for (qsizetype c = 0; c < m_comparers.size(); ++c) {
        const qsizetype i = at.at(c);
        canonical.append(i < 0 ? QVariant() : m_comparers.at(c).canonical(values.at(i)));
        if (i >= 0 && i < defaults.size() && defaults.testBit(i))
            filled.setBit(c);
    }
    ReconcileSpool::Row row = rowOf(canonical);
    row.sourceKey = loaded.sourceKeys.value(r);
    row.runQuarantined = m_setup.runQuarantined.contains(row.sourceKey);
    row.databaseFilled = filled;
    return row;
}

QList<qsizetype> TableReconciler::comparedAt(const QStringList &columns) const
{
    QList<qsizetype> at;
    for (const ValueComparer &comparer : std::as_const(m_comparers))
        at.append(columns.indexOf(comparer.column()));
    return at;
}

Result<void> TableReconciler::spoolExpected()
{
    auto keyColumns =
        RowSourceFactory::keyColumns(*m_setup.project, *m_setup.mapping, m_setup.passwords);
    if (!keyColumns)
        return keyColumns.error();
    RowQuery query;
    query.filters = m_setup.sourceFilters;
    query.orderBy = *keyColumns;
    auto source =
        RowSourceFactory::open(*m_setup.project, *m_setup.mapping, query, m_setup.passwords);
    if (!source)
        return source.error();
    std::unique_ptr<BatchTransformer> transformer;
    QList<qsizetype> at; // per compared column: its index in the load batch, or -1
    qint64 batchNo = 0;
    qint64 read = 0;
    while (!cancelled()) {
        auto batch = (*source)->next(m_setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        if (!transformer) {
            auto created = createTransformer(batch->columns, *keyColumns);
            if (!created)
                return created.error();
            transformer = std::move(*created);
        }
        auto loaded = transformer->transform(*batch, ++batchNo, read);
        if (!loaded)
            return loaded.error();
        read += batch->size();
        m_result.quarantined += loaded->quarantined.size();
        if (at.isEmpty())
            at = comparedAt(loaded->columns);
        for (qsizetype r = 0; r < loaded->rows.size(); ++r) {
            const ReconcileSpool::Row row = expectedRow(*loaded, r, at);
            if (auto ok = m_spool->add(ReconcileSpool::Side::Expected, row); !ok)
                return ok;
            m_expectedProfile->add(row.values);
        }
        if (m_setup.referenceIndex)
            for (const QString &column : std::as_const(m_setup.indexedColumns))
                m_setup.referenceIndex->addBatch(m_setup.mapping->target, column,
                                                 RowBatch{loaded->columns, loaded->rows});
        report(QStringLiteral("expected"), read);
    }
    return {};
}

// The target's rows are read on a thread of their own while this one sends the source through
// the mapping; the sides share nothing but the progress (and the index, which locks).
Result<void> TableReconciler::spoolBothSides()
{
    Result<void> target;
    std::unique_ptr<QThread> reader(QThread::create([&] {
        target = targetSide();
        if (!target)
            m_abandoned = true;
    }));
    reader->start();
    Result<void> expected = spoolExpected();
    if (expected)
        expected = m_spool->finishWriting(ReconcileSpool::Side::Expected);
    if (expected)
        expected = countDistinct(ReconcileSpool::Side::Expected);
    if (!expected)
        m_abandoned = true;
    reader->wait();
    return expected ? target : expected;
}

// The target side on its own thread, with its own connection for the reference rules (a
// QSqlDatabase belongs to the thread that opened it).
Result<void> TableReconciler::targetSide()
{
    std::unique_ptr<SqlConnection> connection;
    std::unique_ptr<SqlReferenceLookup> lookup;
    if (m_setup.targetLookup) {
        auto opened = SqlConnection::open(m_setup.targetSpec, m_setup.passwords,
                                          SqlConnection::Mode::ReadOnly);
        if (!opened)
            return opened.error();
        connection = std::move(opened.value());
        lookup = std::make_unique<SqlReferenceLookup>(connection->database().connectionName(),
                                                      SqlReferenceLookup::Missing::Remember);
    }
    Result<void> done = spoolTarget(lookup.get());
    if (done)
        done = m_spool->finishWriting(ReconcileSpool::Side::Actual);
    if (done)
        done = countDistinct(ReconcileSpool::Side::Actual);
    lookup.reset(); // its prepared queries go before the connection
    return done;
}

Result<void> TableReconciler::countDistinct(ReconcileSpool::Side side)
{
    if (cancelled())
        return {};
    auto counts = m_spool->distinctCounts(side);
    if (!counts)
        return counts.error();
    (side == ReconcileSpool::Side::Expected ? m_expectedDistinct : m_targetDistinct) = *counts;
    return {};
}

Result<void> TableReconciler::spoolThenCompareByChecksums()
{
    if (auto ok = spoolExpected(); !ok || cancelled())
        return ok;
    auto done = compareByChecksums();
    if (!done)
        return done.error();
    return *done ? Result<void>() : spoolTarget(m_setup.targetLookup);
}

bool TableReconciler::useChecksums() const
{
    using Method = ReconcileOptions::Method;
    const auto kind = m_setup.targetSpec.kind();
    const bool remote =
        kind == ConnectionSpec::Kind::PostgreSql || kind == ConnectionSpec::Kind::MySql;
    return m_setup.targetDb && !m_keyColumns.isEmpty() &&
           (m_setup.method == Method::Checksums || (m_setup.method == Method::Auto && remote));
}

// False when the table cannot be compared by checksums (then the exact merge reads it all).
Result<bool> TableReconciler::compareByChecksums()
{
    SegmentChecksums::Setup setup;
    setup.db = *m_setup.targetDb;
    setup.kind = m_setup.targetSpec.kind();
    setup.table = m_setup.mapping->target;
    for (const ValueComparer &c : std::as_const(m_comparers))
        if (const ColumnInfo *column = m_setup.target.column(c.column()))
            setup.columns.append(*column);
    setup.keyColumns = m_keyColumns;
    setup.cancelled = m_setup.cancelled;
    setup.copied = [this](const QVariantList &canonical) {
        m_targetProfile->add(canonical);
    };
    SegmentChecksums checksums(setup);
    if (setup.columns.size() != m_comparers.size() || !checksums.unsupported().isEmpty()) {
        m_result.notes.append(QStringLiteral("exact merge instead of segment checksums: %1")
                                  .arg(checksums.unsupported()));
        return false;
    }
    if (auto ok = m_spool->finishWriting(); !ok)
        return ok.error();
    report(QStringLiteral("checksums"), 0);
    auto outcome = checksums.run(*m_spool);
    if (!outcome)
        return outcome.error();
    m_result.method = QStringLiteral("segment checksums");
    if (!outcome->fetchFilter.isEmpty()) {
        m_targetFilter = outcome->fetchFilter;
        if (auto ok = spoolTarget(m_setup.targetLookup); !ok)
            return ok.error();
    }
    m_result.targetRows = outcome->targetRows;
    m_result.notes.append(
        QStringLiteral("segment checksums in the database: %1 of %2 segments and %3 of %4 "
                       "leaves differed; %5 target rows were read and compared row by row, and "
                       "rule checks ran on those rows only (the other target rows equal expected "
                       "rows, which passed the rules)")
            .arg(outcome->differingSegments)
            .arg(outcome->segments)
            .arg(outcome->differingLeaves)
            .arg(outcome->leaves)
            .arg(m_result.rowsTransferred));
    return true;
}

Result<void> TableReconciler::spoolTarget(ReferenceLookup *lookup)
{
    RowQuery query = comparedColumns();
    if (!m_targetFilter.isEmpty())
        query.filters.append(m_targetFilter);
    auto source = openTarget(query);
    if (!source)
        return source.error();
    QList<ReferenceLookup *> lookups;
    if (lookup)
        lookups.append(lookup);
    auto checker = RuleChecker::create(m_setup.target, m_setup.project->rules,
                                       m_setup.project->lookups, lookups);
    if (!checker)
        return checker.error();
    while (!cancelled()) {
        auto batch = (*source)->next(m_setup.batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        for (const QVariantList &values : std::as_const(batch->rows)) {
            const QVariantList canonical = canonicalOf(values);
            if (auto ok = m_spool->add(ReconcileSpool::Side::Actual, rowOf(canonical)); !ok)
                return ok;
            m_targetProfile->add(canonical);
        }
        m_result.targetRows += batch->size();
        m_result.rowsTransferred += batch->size();
        if (auto ok = checkTargetRules(*batch, **checker); !ok)
            return ok;
        report(QStringLiteral("target"), m_result.targetRows);
    }
    return {};
}

Result<void> TableReconciler::checkTargetRules(const RowBatch &batch, RuleChecker &checker)
{
    if (checker.ruleCount() == 0)
        return {};
    auto check = checker.checkBatch(batch);
    if (!check)
        return check.error();
    for (const QList<Violation> &violations : std::as_const(check->violations)) {
        QSet<QString> counted; // a row counts once per rule
        for (const Violation &v : violations) {
            if (!v.blocking)
                continue;
            const QString id = v.source + QChar(0x1f) + v.column;
            if (counted.contains(id))
                continue;
            counted.insert(id);
            qsizetype index = m_ruleFindings.value(id, -1);
            if (index < 0) {
                index = m_result.ruleViolations.size();
                m_ruleFindings.insert(id, index);
                m_result.ruleViolations.append(RuleFinding{v.source, v.column, 0, {}});
            }
            RuleFinding &finding = m_result.ruleViolations[index];
            ++finding.rows;
            const ColumnMapping *column = m_setup.mapping->column(v.column);
            const bool masked = m_setup.mask && column && column->sensitive;
            if (finding.samples.size() < kFindingSamples)
                finding.samples.append(masked ? SpoolMerger::kMask : v.value);
        }
    }
    return {};
}

Result<void> TableReconciler::findDuplicates()
{
    for (auto side : {ReconcileSpool::Side::Expected, ReconcileSpool::Side::Actual})
        if ((side == ReconcileSpool::Side::Expected ? m_expectedDistinct : m_targetDistinct)
                .isEmpty())
            if (auto ok = countDistinct(side); !ok)
                return ok;
    m_expectedProfile->setDistinct(m_expectedDistinct);
    m_targetProfile->setDistinct(m_targetDistinct);
    m_result.expectedProfiles = m_expectedProfile->profiles();
    m_result.targetProfiles = m_targetProfile->profiles();
    m_result.expectedNulls = m_expectedProfile->nulls();
    m_result.targetNulls = m_targetProfile->nulls();

    if (m_result.duplicateKeys > 0)
        m_result.duplicates.append(
            DuplicateFinding{m_result.key.join(QStringLiteral(", ")), m_result.duplicateKeys, {}});
    for (const IndexInfo &index : m_setup.target.uniqueConstraints()) {
        if (index.columns == m_setup.target.primaryKey)
            continue;
        QList<int> columns;
        for (const QString &name : index.columns)
            for (qsizetype c = 0; c < m_comparers.size(); ++c)
                if (m_comparers.at(c).column() == name)
                    columns.append(int(c));
        if (columns.size() != index.columns.size())
            continue; // a column the mapping does not fill: not spooled
        auto found = m_spool->duplicates(ReconcileSpool::Side::Actual, columns, kFindingSamples);
        if (!found)
            return found.error();
        if (found->first > 0)
            m_result.duplicates.append(DuplicateFinding{index.columns.join(QStringLiteral(", ")),
                                                        found->first, found->second});
    }
    return {};
}

} // namespace cutover
