#include "preview/SampleReader.h"

#include "core/SeededRandom.h"
#include "preview/EdgeCaseFinder.h"
#include "source/RowSource.h"
#include "source/RowSourceFactory.h"
#include "transform/ExpressionChecker.h"
#include "transform/LookupCallFinder.h"

#include <QHash>
#include <algorithm>

namespace cutover {

namespace {

Error cancelled()
{
    return Error(Error::Code::Cancelled, QStringLiteral("the sample was cancelled"));
}

QString keyText(const QVariantList &tuple)
{
    QStringList parts;
    for (const QVariant &value : tuple)
        parts.append(value.isNull() ? QStringLiteral("\x01NULL") : value.toString());
    return parts.join(QChar(0x1f));
}

} // namespace

SampleReader::SampleReader(const Project &project, const TableMapping &mapping,
                           const PasswordProvider *passwords)
    : m_project(project)
    , m_mapping(mapping)
    , m_passwords(passwords)
{}

SampleReader::~SampleReader() = default;

void SampleReader::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_mutex);
    if (m_current)
        m_current->cancel();
    if (m_finder)
        m_finder->interrupt();
}

void SampleReader::setCurrent(RowSource *source, EdgeCaseFinder *finder)
{
    QMutexLocker lock(&m_mutex);
    m_current = source;
    m_finder = finder;
    if (source && m_cancelled)
        source->cancel();
}

Result<SampleReader::Sample> SampleReader::read(const SampleSpec &spec)
{
    if (spec.rows <= 0)
        return Error(Error::Code::Usage, QStringLiteral("a sample needs at least one row"));
    if (spec.kind == SampleSpec::Kind::Filter && spec.filter.trimmed().isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("a filter sample needs a filter"));
    if (m_cancelled)
        return cancelled();
    switch (spec.kind) {
    case SampleSpec::Kind::First:
    case SampleSpec::Kind::Filter:
        return readFirst(spec);
    case SampleSpec::Kind::Random:
        return readRandom(spec);
    case SampleSpec::Kind::EdgeCases:
        return readEdgeCases(spec);
    }
    return Error(Error::Code::Internal, QStringLiteral("unknown sample kind"));
}

QStringList SampleReader::filtersFor(const SampleSpec &spec) const
{
    QStringList filters = m_filters;
    if (!spec.filter.trimmed().isEmpty())
        filters.append(spec.filter);
    return filters;
}

Result<std::unique_ptr<RowSource>> SampleReader::open(const RowQuery &query)
{
    auto source = RowSourceFactory::open(m_project, m_mapping, query, m_passwords);
    if (source)
        setCurrent(source->get());
    return source;
}

// Reads source to its end, handing each batch to take; returns the rows read.
Result<qint64> SampleReader::drain(RowSource &source,
                                   const std::function<Result<void>(RowBatch &)> &take)
{
    qint64 rows = 0;
    for (;;) {
        if (m_cancelled)
            return cancelled();
        auto batch = source.next(kBatchRows);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return rows;
        rows += batch->size();
        if (auto taken = take(*batch); !taken)
            return taken.error();
    }
}

Result<SampleReader::Sample> SampleReader::readFirst(const SampleSpec &spec)
{
    auto keys = RowSourceFactory::keyColumns(m_project, m_mapping, m_passwords);
    if (!keys)
        return keys.error();
    RowQuery query;
    query.filters = filtersFor(spec);
    query.orderBy = *keys;
    query.limit = spec.rows;
    auto source = open(query);
    if (!source)
        return source.error();
    Sample sample;
    sample.rows.columns = (*source)->columns();
    auto read = drain(**source, [&](RowBatch &batch) -> Result<void> {
        sample.rows.rows += std::move(batch.rows);
        return {};
    });
    setCurrent(nullptr);
    if (!read)
        return read.error();
    sample.scanned = *read;
    return sample;
}

Result<SampleReader::Sample> SampleReader::readRandom(const SampleSpec &spec)
{
    auto keys = RowSourceFactory::keyColumns(m_project, m_mapping, m_passwords);
    if (!keys)
        return keys.error();
    if (keys->isEmpty())
        return readRandomRows(spec);
    RowQuery query;
    query.columns = *keys;
    query.filters = filtersFor(spec);
    query.orderBy = *keys;
    auto source = open(query);
    if (!source)
        return source.error();
    // Algorithm R: after i rows, each has been kept with probability N / i.
    SeededRandom random(spec.seed);
    QList<QPair<qint64, QVariantList>> reservoir; // scan position, key tuple
    qint64 position = 0;
    auto read = drain(**source, [&](RowBatch &batch) -> Result<void> {
        for (QVariantList &tuple : batch.rows) {
            if (reservoir.size() < spec.rows) {
                reservoir.append({position, std::move(tuple)});
            } else if (const auto j = random.below(quint64(position) + 1); j < quint64(spec.rows)) {
                reservoir[qsizetype(j)] = {position, std::move(tuple)};
            }
            ++position;
        }
        return {};
    });
    setCurrent(nullptr);
    source->reset();
    if (!read)
        return read.error();
    std::sort(reservoir.begin(), reservoir.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QVariantList> tuples;
    for (const auto &entry : std::as_const(reservoir))
        tuples.append(entry.second);
    Sample sample;
    sample.scanned = *read;
    if (auto fetched = fetchByKey(*keys, tuples, sample); !fetched)
        return fetched.error();
    return sample;
}

// The rows of the key tuples, in the tuples' order.
Result<void> SampleReader::fetchByKey(const QStringList &keys, const QList<QVariantList> &tuples,
                                      Sample &sample)
{
    QHash<QString, QVariantList> rowOfKey;
    QList<int> keyAt;
    for (qsizetype start = 0; start < tuples.size() || start == 0; start += kKeysPerFetch) {
        RowQuery query;
        query.keyColumns = keys;
        query.keyIn = tuples.mid(start, kKeysPerFetch);
        auto source = open(query);
        if (!source)
            return source.error();
        if (keyAt.isEmpty()) {
            sample.rows.columns = (*source)->columns();
            for (const QString &key : keys)
                keyAt.append(int(sample.rows.columns.indexOf(key)));
        }
        auto read = drain(**source, [&](RowBatch &batch) -> Result<void> {
            for (QVariantList &row : batch.rows) {
                QVariantList tuple;
                for (const int at : std::as_const(keyAt))
                    tuple.append(row.value(at));
                rowOfKey.insert(keyText(tuple), std::move(row));
            }
            return {};
        });
        setCurrent(nullptr);
        if (!read)
            return read.error();
        if (tuples.isEmpty())
            break;
    }
    for (const QVariantList &tuple : tuples)
        if (auto it = rowOfKey.constFind(keyText(tuple)); it != rowOfKey.cend())
            sample.rows.rows.append(*it);
    return {};
}

Result<SampleReader::Sample> SampleReader::readRandomRows(const SampleSpec &spec)
{
    RowQuery query;
    query.filters = filtersFor(spec);
    auto source = open(query);
    if (!source)
        return source.error();
    SeededRandom random(spec.seed);
    QList<QPair<qint64, QVariantList>> reservoir;
    qint64 position = 0;
    Sample sample;
    sample.rows.columns = (*source)->columns();
    auto read = drain(**source, [&](RowBatch &batch) -> Result<void> {
        for (QVariantList &row : batch.rows) {
            if (reservoir.size() < spec.rows)
                reservoir.append({position, std::move(row)});
            else if (const auto j = random.below(quint64(position) + 1); j < quint64(spec.rows))
                reservoir[qsizetype(j)] = {position, std::move(row)};
            ++position;
        }
        return {};
    });
    setCurrent(nullptr);
    if (!read)
        return read.error();
    std::sort(reservoir.begin(), reservoir.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &entry : reservoir)
        sample.rows.rows.append(std::move(entry.second));
    sample.scanned = *read;
    return sample;
}

QPair<QStringList, QStringList> SampleReader::mappedColumns(const QStringList &sourceColumns) const
{
    QStringList mapped;
    QStringList extremes;
    ExpressionChecker checker(sourceColumns);
    for (const ColumnMapping &column : m_mapping.columns) {
        const QStringList reads = checker.check(column.expression).columnsRead;
        for (const QString &read : reads) {
            if (!mapped.contains(read))
                mapped.append(read);
            if (m_extremeTargets.contains(column.target) && !extremes.contains(read))
                extremes.append(read);
        }
    }
    return {mapped, extremes};
}

Result<SampleReader::Sample> SampleReader::readEdgeCases(const SampleSpec &spec)
{
    RowQuery query;
    query.filters = filtersFor(spec);
    auto source = open(query);
    if (!source)
        return source.error();
    const QStringList columns = (*source)->columns();
    const auto [mapped, extremes] = mappedColumns(columns);
    EdgeCaseFinder finder(columns, mapped, extremes, spec.rows);
    Sample sample;
    sample.notes = probeNotes(finder);
    setCurrent(source->get(), &finder);
    auto read = drain(**source, [&](RowBatch &batch) { return finder.add(batch); });
    setCurrent(nullptr);
    if (!read)
        return read.error().code() == Error::Code::Cancelled ? cancelled() : read.error();
    EdgeCaseFinder::Picked picked = finder.take();
    sample.rows = std::move(picked.rows);
    sample.reasons = std::move(picked.reasons);
    sample.scanned = *read;
    return sample;
}

QStringList SampleReader::probeNotes(EdgeCaseFinder &finder) const
{
    QList<EdgeCaseFinder::Probe> probes;
    QStringList notes;
    for (const ColumnMapping &column : m_mapping.columns) {
        for (const LookupCallFinder::Call &call : LookupCallFinder::find(column.expression)) {
            const LookupMap *map = m_project.lookup(call.map);
            if (!map) {
                notes.append(
                    QStringLiteral("%1 uses lookup '%2', which the project does not define")
                        .arg(column.target, call.map));
                continue;
            }
            if (call.hasDefault)
                continue; // an explicit default: an unmapped value is not a problem
            probes.append({*map, call.expression});
        }
    }
    return notes + finder.setProbes(probes);
}

} // namespace cutover
