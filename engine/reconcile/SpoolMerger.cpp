#include "reconcile/SpoolMerger.h"

#include "core/ValueText.h"
#include "reconcile/SamplePriority.h"

#include <algorithm>

namespace cutover {

SpoolMerger::SpoolMerger(Setup setup)
    : m_setup(std::move(setup))
    , m_differing(m_setup.comparers.size(), 0)
    , m_sample(m_setup.sampleRows)
{}

bool SpoolMerger::readGroup(ReconcileSpool::Cursor &cursor, std::optional<Row> &pending,
                            QList<Row> &group)
{
    group.clear();
    if (!pending) {
        Row row;
        if (!cursor.next(row))
            return false;
        pending = std::move(row);
    }
    group.append(std::move(*pending));
    pending.reset();
    Row row;
    while (cursor.next(row)) {
        if (row.key != group.first().key) {
            pending = std::move(row);
            break;
        }
        group.append(row);
    }
    return true;
}

Result<void> SpoolMerger::merge(ReconcileSpool &spool, TableReconciliation &table)
{
    auto expectedCursor = spool.rows(ReconcileSpool::Side::Expected);
    if (!expectedCursor)
        return expectedCursor.error();
    auto actualCursor = spool.rows(ReconcileSpool::Side::Actual);
    if (!actualCursor)
        return actualCursor.error();
    std::optional<Row> pendingExpected;
    std::optional<Row> pendingActual;
    QList<Row> expected;
    QList<Row> actual;
    bool haveExpected = readGroup(*expectedCursor, pendingExpected, expected);
    bool haveActual = readGroup(*actualCursor, pendingActual, actual);
    while (haveExpected || haveActual) {
        const int order = !haveExpected ? 1
                          : !haveActual ? -1
                                        : expected.first().key.compare(actual.first().key);
        if (order == 0) {
            compareGroup(expected, actual, table);
            haveExpected = readGroup(*expectedCursor, pendingExpected, expected);
            haveActual = readGroup(*actualCursor, pendingActual, actual);
        } else if (order < 0) {
            compareGroup(expected, {}, table);
            haveExpected = readGroup(*expectedCursor, pendingExpected, expected);
        } else {
            compareGroup({}, actual, table);
            haveActual = readGroup(*actualCursor, pendingActual, actual);
        }
    }
    for (const auto *cursor : {&*expectedCursor, &*actualCursor})
        if (cursor->error())
            return *cursor->error();
    for (qsizetype c = 0; c < table.columns.size() && c < m_differing.size(); ++c)
        table.columns[c].differing = m_differing.at(c);
    auto sample = m_sample.entries();
    std::sort(sample.begin(), sample.end(),
              [](const auto &a, const auto &b) { return a.value.first < b.value.first; });
    for (const auto &entry : std::as_const(sample))
        table.sample.append(entry.value.second);
    return {};
}

void SpoolMerger::compareGroup(const QList<Row> &expected, const QList<Row> &actual,
                               TableReconciliation &table)
{
    if (m_setup.wholeRows)
        return compareCopies(expected, actual, table);
    if (!actual.isEmpty() && !expected.isEmpty())
        compareRows(expected.first(), actual.first(), table);
    else if (!actual.isEmpty()) {
        ++table.extra;
        if (table.extraSamples.size() < m_setup.differenceSamples)
            table.extraSamples.append(RowRef{actual.first().keyText, QString()});
    }
    table.duplicateKeys += std::max<qsizetype>(0, actual.size() - 1);
    for (qsizetype i = actual.isEmpty() ? 0 : 1; i < expected.size(); ++i) {
        const Row &row = expected.at(i);
        if (row.runQuarantined) {
            ++table.quarantined;
            continue;
        }
        countMissing(row, table);
    }
}

// Equal rows of a table without a key: each target copy matches one expected copy, the rows the
// run loaded first and then those it quarantined (as a keyed row the target holds anyway).
void SpoolMerger::compareCopies(const QList<Row> &expected, const QList<Row> &actual,
                                TableReconciliation &table)
{
    qsizetype copies = actual.size();
    for (const bool quarantined : {false, true})
        for (const Row &row : expected) {
            if (row.runQuarantined != quarantined)
                continue;
            if (copies > 0) {
                --copies;
                ++table.expectedRows;
                ++table.matched;
                offerSample(row, &actual.first(), QStringLiteral("matched"));
            } else if (quarantined) {
                ++table.quarantined;
            } else {
                countMissing(row, table);
            }
        }
    table.extra += copies;
    for (qsizetype i = 0; i < copies && table.extraSamples.size() < m_setup.differenceSamples; ++i)
        table.extraSamples.append(RowRef{actual.first().keyText, QString()});
}

void SpoolMerger::countMissing(const Row &expected, TableReconciliation &table)
{
    ++table.expectedRows;
    ++table.missing;
    if (table.missingSamples.size() < m_setup.differenceSamples)
        table.missingSamples.append(RowRef{expected.keyText, expected.sourceKey});
    offerSample(expected, nullptr, QStringLiteral("missing"));
}

void SpoolMerger::compareRows(const Row &expected, const Row &actual, TableReconciliation &table)
{
    ++table.expectedRows;
    ModifiedRow modified;
    for (qsizetype c = 0; c < m_setup.comparers.size(); ++c) {
        if (expected.databaseFilled.size() > c && expected.databaseFilled.testBit(c))
            continue;
        if (m_setup.comparers.at(c).equal(expected.values.at(c), actual.values.at(c)))
            continue;
        ++m_differing[c];
        modified.columns.append(m_setup.comparers.at(c).column());
        modified.expected.append(shown(int(c), expected.values.at(c)));
        modified.actual.append(shown(int(c), actual.values.at(c)));
    }
    if (modified.columns.isEmpty()) {
        ++table.matched;
        offerSample(expected, &actual, QStringLiteral("matched"));
        return;
    }
    ++table.modified;
    modified.row = RowRef{expected.keyText, expected.sourceKey};
    if (table.modifiedSamples.size() < m_setup.differenceSamples)
        table.modifiedSamples.append(modified);
    offerSample(expected, &actual, QStringLiteral("modified"));
}

void SpoolMerger::offerSample(const Row &expected, const Row *actual, const QString &outcome)
{
    QByteArray tie = sampleTie(expected);
    const quint64 priority = SamplePriority::of(tie, m_setup.seed);
    if (m_sample.wants(priority, tie))
        m_sample.offer(priority, tie, {expected.key, sampleOf(expected, actual, outcome)});
}

QByteArray SpoolMerger::sampleTie(const Row &expected)
{
    return expected.sourceKey.isEmpty() ? expected.key : expected.sourceKey.toUtf8();
}

SampleRow SpoolMerger::sampleOf(const Row &expected, const Row *actual,
                                const QString &outcome) const
{
    SampleRow sample;
    sample.row = RowRef{expected.keyText, expected.sourceKey};
    sample.outcome = outcome;
    for (qsizetype c = 0; c < m_setup.comparers.size(); ++c) {
        const bool filled =
            expected.databaseFilled.size() > c && expected.databaseFilled.testBit(c);
        sample.columns.append(m_setup.comparers.at(c).column());
        sample.expected.append(filled ? QStringLiteral("(database default)")
                                      : shown(int(c), expected.values.at(c)));
        sample.actual.append(actual ? shown(int(c), actual->values.at(c)) : QString());
        sample.equal.append(actual && (filled || m_setup.comparers.at(c).equal(
                                                     expected.values.at(c), actual->values.at(c))));
    }
    return sample;
}

QString SpoolMerger::shown(int column, const QVariant &value) const
{
    if (m_setup.masked.value(column) && !value.isNull())
        return kMask;
    return ValueText::display(value);
}

} // namespace cutover
