#pragma once

#include "reconcile/ReconcileSpool.h"
#include "reconcile/SampleReservoir.h"
#include "reconcile/TableReconciliation.h"
#include "reconcile/ValueComparer.h"

#include <utility>

namespace cutover {

// The ordered streaming merge of a table's two spooled sides: walks both in SortKey order, a key
// group at a time, and counts matched, modified, missing and extra rows and target rows that
// repeat a key, the columns that differ, samples of each difference and a seeded random sample
// of the expected rows compared field by field (SampleReservoir). Memory: one key group and the
// samples.
class SpoolMerger
{
public:
    struct Setup
    {
        QList<ValueComparer> comparers;
        QList<bool> masked; // per column: show values as kMask
        // Rows keyed by their whole content (a table without a key): a key group holds equal
        // rows, matched copy for copy as a multiset, and more copies are no duplicate key.
        bool wholeRows = false;
        int differenceSamples = 10;
        int sampleRows = 20;
        quint64 seed = 1;
    };
    static inline const QString kMask = QStringLiteral("****");

    explicit SpoolMerger(Setup setup);
    // Adds its counts and samples to table (quarantined: expected rows the run quarantined and
    // the target does not have).
    Result<void> merge(ReconcileSpool &spool, TableReconciliation &table);

    using Row = ReconcileSpool::Row;
    // One row of the sample: expected and actual (none: missing) values field by field.
    SampleRow sampleOf(const Row &expected, const Row *actual, const QString &outcome) const;
    // The sample's order and tie-break for an expected row.
    static QByteArray sampleTie(const Row &expected);

private:
    void compareGroup(const QList<Row> &expected, const QList<Row> &actual,
                      TableReconciliation &table);
    void compareCopies(const QList<Row> &expected, const QList<Row> &actual,
                       TableReconciliation &table);
    void countMissing(const Row &expected, TableReconciliation &table);
    void compareRows(const Row &expected, const Row &actual, TableReconciliation &table);
    void offerSample(const Row &expected, const Row *actual, const QString &outcome);
    QString shown(int column, const QVariant &value) const;
    static bool readGroup(ReconcileSpool::Cursor &cursor, std::optional<Row> &pending,
                          QList<Row> &group);

    Setup m_setup;
    QList<qint64> m_differing;
    SampleReservoir<std::pair<QByteArray, SampleRow>> m_sample; // SortKey, row
};

} // namespace cutover
