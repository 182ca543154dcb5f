#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "project/LookupMap.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <memory>

namespace cutover {

class TransformProgram;

// Picks the rows worth previewing from one streaming scan of the source, in O(columns) memory:
//   - the first row with a NULL in each mapped source column,
//   - the row with the longest text in each mapped column whose text lengths vary,
//   - the rows with the smallest and largest value of each extreme column (columns feeding a
//     date or number target, and mapped columns holding only numbers), in SQLite's order
//     (numbers < text < blobs; text by code point, so dirty date text sorts lexically),
//   - one row per distinct value missing from a lookup map an expression uses: the value
//     argument of lookup('map', value) is evaluated (a TransformProgram over the row) and
//     checked against the map's keys.
// take() returns up to `limit` rows, each once, labelled with every reason it was picked for,
// taking criteria in turn (lookup misses, NULLs, extremes, longest) so each kind is represented,
// in scan order.
class EdgeCaseFinder
{
public:
    struct Probe
    {
        LookupMap map;
        QString expression; // the value argument of lookup()
    };
    struct Picked
    {
        RowBatch rows;
        QStringList reasons; // one per row: "NULL in EMAIL; longest PAT_NAME (41 characters)"
    };

    EdgeCaseFinder(const QStringList &columns, const QStringList &mappedColumns,
                   const QStringList &extremeColumns, int limit);
    ~EdgeCaseFinder();
    EdgeCaseFinder(const EdgeCaseFinder &) = delete;
    EdgeCaseFinder &operator=(const EdgeCaseFinder &) = delete;

    // Compiles the probes' value expressions; a probe whose expression does not compile is left
    // out (returned as a note) rather than failing the sample.
    QStringList setProbes(const QList<Probe> &probes);
    Result<void> add(const RowBatch &batch);
    Picked take();
    void interrupt();

private:
    struct Pick
    {
        qint64 position = -1;
        QVariantList row;
        QString reason;
    };
    struct Extreme
    {
        Pick low;
        Pick high;
        QVariant lowValue;
        QVariant highValue;
        bool onlyNumbers = true;
    };

    void scanRow(const QVariantList &row);
    void scanProbes(const RowBatch &batch, const RowBatch &values);
    void noteExtreme(int column, const QVariant &value, const QVariantList &row);
    QList<QList<Pick>> candidateLists() const;
    static int compare(const QVariant &a, const QVariant &b);

    QStringList m_columns;
    QList<int> m_mapped; // indexes into m_columns
    QSet<int> m_extremeColumns;
    int m_limit;
    qint64 m_position = 0;
    QMap<int, Pick> m_nulls;
    QMap<int, Pick> m_longest;
    QMap<int, qsizetype> m_longestLength;
    QMap<int, qsizetype> m_shortestLength;
    QMap<int, Extreme> m_extremes;
    QList<Probe> m_probes;
    QList<QMap<QString, Pick>> m_misses; // per probe, by missing value
    std::unique_ptr<TransformProgram> m_program;
};

} // namespace cutover
