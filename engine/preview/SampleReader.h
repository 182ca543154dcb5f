#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "preview/SampleSpec.h"
#include "project/Project.h"
#include "source/RowQuery.h"

#include <QMutex>
#include <QPair>
#include <atomic>
#include <functional>
#include <memory>

namespace cutover {

class EdgeCaseFinder;
class PasswordProvider;
class RowSource;

// Reads the sample rows of one table mapping from its source (blocking; any thread: the source
// is opened on the calling thread). Every row has all source columns, in the source's order.
//
//   First    the first N rows in source key order (LIMIT N): cost N rows.
//   Filter   the same, restricted by the filter.
//   Random   N rows drawn uniformly with the project's PRNG (SeededRandom, seeded with the seed):
//            reservoir sampling over a scan of the key columns only, in key order, then the N
//            picked rows fetched by key (500 keys per SELECT); rows come in key order. The same
//            seed gives the same rows on SQLite, PostgreSQL and MySQL as long as the keys sort
//            alike (integers always do; text keys under the database's collation).
//            Cost: one key-only scan of the (filtered) table plus N rows by key; memory O(N).
//            Without a key (CSV, a query, a keyless table) the reservoir holds whole rows over
//            one full scan in natural order.
//   EdgeCases one full scan of the (filtered) source through EdgeCaseFinder; memory O(columns);
//            each row labelled with why it was picked (reasons()).
class SampleReader
{
public:
    struct Sample
    {
        RowBatch rows;
        QStringList reasons; // EdgeCases: why each row was picked; empty otherwise
        QStringList notes;   // what the sample could not do (e.g. a lookup probe not compiled)
        qint64 scanned = 0;  // rows read from the source to draw the sample
    };

    SampleReader(const Project &project, const TableMapping &mapping,
                 const PasswordProvider *passwords = nullptr);
    ~SampleReader();

    // Target columns of a date or number type: the smallest and largest values of the source
    // columns they read are edge cases (mapped columns holding only numbers always are).
    void setExtremeTargets(const QStringList &targetColumns) { m_extremeTargets = targetColumns; }
    // More conditions for every read (e.g. a phase filter), in the source's dialect.
    void setFilters(const QStringList &filters) { m_filters = filters; }

    Result<Sample> read(const SampleSpec &spec);
    // From any thread: the read in progress returns Error::Code::Cancelled soon.
    void cancel();

    static constexpr int kBatchRows = 2000;
    static constexpr int kKeysPerFetch = 500;

private:
    Result<Sample> readFirst(const SampleSpec &spec);
    Result<Sample> readRandom(const SampleSpec &spec);
    Result<Sample> readRandomRows(const SampleSpec &spec);
    Result<Sample> readEdgeCases(const SampleSpec &spec);
    Result<void> fetchByKey(const QStringList &keys, const QList<QVariantList> &tuples,
                            Sample &sample);
    Result<std::unique_ptr<RowSource>> open(const RowQuery &query);
    Result<qint64> drain(RowSource &source, const std::function<Result<void>(RowBatch &)> &take);
    QStringList filtersFor(const SampleSpec &spec) const;
    // Source columns the mapping reads, and those of them feeding the extreme targets.
    QPair<QStringList, QStringList> mappedColumns(const QStringList &sourceColumns) const;
    QStringList probeNotes(EdgeCaseFinder &finder) const;
    void setCurrent(RowSource *source, EdgeCaseFinder *finder = nullptr);

    const Project &m_project;
    const TableMapping &m_mapping;
    const PasswordProvider *m_passwords;
    QStringList m_extremeTargets;
    QStringList m_filters;
    QMutex m_mutex; // guards m_current and m_finder against cancel()
    RowSource *m_current = nullptr;
    EdgeCaseFinder *m_finder = nullptr;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cutover
