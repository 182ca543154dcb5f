#pragma once

#include "reconcile/ReconcileReport.h"

#include <utility>

namespace cutover {

// What the reconciliation report template states, derived from a report, and the formatting
// and masking every export (HTML, Markdown, PDF) shares, so they never disagree.
class ReportFacts
{
public:
    struct DateRange
    {
        QString from;
        QString to;
        bool known() const { return !from.isEmpty() || !to.isEmpty(); }
    };
    // A figure and what passes for it (the template's "Null values: X (acceptable: Y)"): a
    // threshold of the project's reconcile settings, which holds for each table; or, for null
    // values, which have none, as many as the mapping produces.
    struct Quality
    {
        QString label;
        qint64 found = 0;
        qint64 acceptable = 0; // the threshold, or the expected count
        bool threshold = true; // false: acceptable is the expected count
        bool perTable = false; // a summary of several tables, each held to the threshold
        bool ok = true;        // within, in every table
    };

    static constexpr auto kMask = u"\u2022\u2022\u2022\u2022\u2022";

    explicit ReportFacts(const ReconcileReport &report);

    const ReconcileReport &report() const { return m_report; }
    qint64 total(qint64 TableReconciliation::*field) const { return m_report.total(field); }

    // The template's date ranges: over every date and timestamp column, expected and target.
    DateRange sourceDates() const;
    DateRange targetDates() const;
    static DateRange dateRange(const QList<ColumnProfile> &profiles);

    // Null values, duplicates, orphaned references and invalid data against what is acceptable.
    QList<Quality> quality() const;
    // What to show after a figure: "acceptable: 2", "acceptable: 2 per table", "expected: 16"
    // when the nulls found are not the expected ones, or nothing (the nulls expected).
    static QString bound(const Quality &quality);
    static QList<Quality> quality(const TableReconciliation &table,
                                  const ReconcileThresholds &thresholds);
    // Target rows sharing what should be unique (the target key or a unique constraint), as the
    // thresholds judge them.
    static qint64 duplicates(const TableReconciliation &table);

    // A sample value as the report may show it: masked in a sensitive column of a masked report.
    QString shown(const TableReconciliation &table, const QString &column,
                  const QString &value) const;
    bool sensitive(const TableReconciliation &table, const QString &columns) const;
    // A finding's sample values (duplicates, orphans, rule violations), masked when they come
    // from a sensitive column.
    QStringList shownSamples(const TableReconciliation &table, const QString &columns,
                             const QStringList &samples) const;

    // "1,234,567"
    static QString count(qint64 n);
    // "2024-05-01 12:34:56 UTC"
    static QString when(const QDateTime &time);
    // "850 ms", "12.4 s", "3 min 5 s"
    static QString duration(qint64 ms);
    // "the whole project", or "phases wave-1, reference-data (wave-2 not loaded yet)"
    static QString scope(const ReconcileReport &report);
    // "300 = 298 loaded + 2 quarantined + 0 skipped"
    static QString ledgerEquation(const LedgerCheck &ledger);
    // The profile of column in profiles, or nullptr.
    static const ColumnProfile *profile(const QList<ColumnProfile> &profiles,
                                        const QString &column);
    // Column names of both sides' profiles, in the order they first appear.
    static QStringList profiledColumns(const TableReconciliation &table);
    // The expected and the target profile of column (an empty profile for a side without it).
    static std::pair<ColumnProfile, ColumnProfile> profiles(const TableReconciliation &table,
                                                            const QString &column);
    // The overview table's headers, counts marked with '#'; with the change column when the
    // report has a previous one to compare with.
    static QStringList overviewHeaders(bool sincePrevious);

private:
    const ReconcileReport &m_report;
};

} // namespace cutover
