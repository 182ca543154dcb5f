#include "reconcile/ReconcileJudge.h"

#include <algorithm>

namespace cutover {

void ReconcileJudge::failIfOver(TableReconciliation &table, qint64 found, qint64 acceptable,
                                const QString &what)
{
    if (found <= acceptable)
        return;
    table.status = ReconcileStatus::Fail;
    table.reasons.append(
        QStringLiteral("%1 %2 (acceptable: %3)").arg(found).arg(what).arg(acceptable));
}

void ReconcileJudge::judge(TableReconciliation &table, const ReconcileThresholds &t,
                           double maxErrorRate)
{
    table.status = ReconcileStatus::Pass;
    table.reasons.clear();
    failIfOver(table, table.missing, t.maxMissing, QStringLiteral("missing rows"));
    failIfOver(table, table.extra, t.maxExtra, QStringLiteral("extra rows"));
    failIfOver(table, table.modified, t.maxModified, QStringLiteral("modified rows"));
    failIfOver(table, table.duplicateRows(), t.maxDuplicates, QStringLiteral("duplicate rows"));
    failIfOver(table, table.orphanRows(), t.maxOrphans, QStringLiteral("orphaned rows"));
    if (table.ledger && !table.ledger->balances()) {
        table.status = ReconcileStatus::Fail;
        table.reasons.append(
            QStringLiteral("the run's row ledger does not balance: %1 source rows, %2 loaded + %3 "
                           "quarantined + %4 skipped")
                .arg(table.ledger->sourceRows)
                .arg(table.ledger->loaded)
                .arg(table.ledger->quarantined)
                .arg(table.ledger->skipped));
    }
    const auto review = [&](const QString &reason) {
        table.status = std::max(table.status, ReconcileStatus::NeedsReview);
        table.reasons.append(reason);
    };
    if (table.invalidRows() > t.maxInvalid)
        review(QStringLiteral("%1 target rows break a rule (acceptable: %2)")
                   .arg(table.invalidRows())
                   .arg(t.maxInvalid));
    const qint64 selected = table.sourceRows - table.skipped;
    const double rate = selected > 0 ? double(table.quarantined) / double(selected) : 0;
    const double acceptable = t.maxQuarantinedRate >= 0 ? t.maxQuarantinedRate : maxErrorRate;
    if (rate > acceptable)
        review(QStringLiteral("%1 rows quarantined, %2% of the selected source rows (acceptable: "
                              "%3%)")
                   .arg(table.quarantined)
                   .arg(rate * 100, 0, 'f', 2)
                   .arg(acceptable * 100, 0, 'f', 2));
}

} // namespace cutover
