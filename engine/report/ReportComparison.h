#pragma once

#include "reconcile/ReconcileReport.h"

#include <optional>
#include <tuple>

namespace cutover {

// A report next to the project's previous one: per table the previous figures and the change,
// for the exports ("missing 3, was 0, +3").
class ReportComparison
{
public:
    struct Figure
    {
        qint64 now = 0;
        qint64 before = 0;
        qint64 change() const { return now - before; }
    };
    struct TableChange
    {
        Figure missing;
        Figure extra;
        Figure modified;
        Figure quarantined;
        ReconcileStatus statusBefore = ReconcileStatus::Pass;
        ReconcileStatus statusNow = ReconcileStatus::Pass;
        bool changed() const;
    };

    ReportComparison() = default;
    explicit ReportComparison(std::optional<ReconcileReport> previous);

    bool hasPrevious() const { return m_previous.has_value(); }
    const ReconcileReport *previous() const { return m_previous ? &*m_previous : nullptr; }
    // The change of a table, or nothing when there is no previous report or the table was not in
    // it.
    std::optional<TableChange> table(const TableReconciliation &current) const;
    // The same over all tables (totals).
    std::optional<TableChange> totals(const ReconcileReport &current) const;

    // One line of a table's counts: its label, the figure now, and its change when compared.
    using CountLine = std::tuple<QString, qint64, std::optional<Figure>>;
    // The counts every export lists for a table, in order.
    QList<CountLine> countLines(const TableReconciliation &t) const;

    // "+3", "-2", "±0".
    static QString signedChange(qint64 change);
    // "new", "unchanged", or e.g. "missing +3, was Pass".
    static QString describe(const std::optional<TableChange> &change);

private:
    std::optional<ReconcileReport> m_previous;
};

} // namespace cutover
