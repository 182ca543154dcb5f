#include "report/ReportComparison.h"

namespace cutover {

bool ReportComparison::TableChange::changed() const
{
    return missing.change() != 0 || extra.change() != 0 || modified.change() != 0 ||
           quarantined.change() != 0 || statusBefore != statusNow;
}

ReportComparison::ReportComparison(std::optional<ReconcileReport> previous)
    : m_previous(std::move(previous))
{}

std::optional<ReportComparison::TableChange>
ReportComparison::table(const TableReconciliation &current) const
{
    if (!m_previous)
        return std::nullopt;
    const TableReconciliation *before = m_previous->table(current.table);
    if (!before)
        return std::nullopt;
    TableChange c;
    c.missing = {current.missing, before->missing};
    c.extra = {current.extra, before->extra};
    c.modified = {current.modified, before->modified};
    c.quarantined = {current.quarantined, before->quarantined};
    c.statusBefore = before->status;
    c.statusNow = current.status;
    return c;
}

std::optional<ReportComparison::TableChange>
ReportComparison::totals(const ReconcileReport &current) const
{
    if (!m_previous)
        return std::nullopt;
    const ReconcileReport &before = *m_previous;
    auto figure = [&](qint64 TableReconciliation::*field) {
        return Figure{current.total(field), before.total(field)};
    };
    TableChange c;
    c.missing = figure(&TableReconciliation::missing);
    c.extra = figure(&TableReconciliation::extra);
    c.modified = figure(&TableReconciliation::modified);
    c.quarantined = figure(&TableReconciliation::quarantined);
    c.statusBefore = before.status;
    c.statusNow = current.status;
    return c;
}

QString ReportComparison::signedChange(qint64 change)
{
    if (change == 0)
        return QStringLiteral("\u00b10");
    return change > 0 ? QStringLiteral("+%1").arg(change) : QString::number(change);
}

QList<ReportComparison::CountLine> ReportComparison::countLines(const TableReconciliation &t) const
{
    const auto change = table(t);
    const auto of = [&](Figure TableChange::*figure) {
        return change ? std::optional<Figure>((*change).*figure) : std::nullopt;
    };
    return {{QStringLiteral("Source rows"), t.sourceRows, std::nullopt},
            {QStringLiteral("Skipped by the mapping's filter"), t.skipped, std::nullopt},
            {QStringLiteral("Quarantined (would not load)"), t.quarantined,
             of(&TableChange::quarantined)},
            {QStringLiteral("Expected in the target"), t.expectedRows, std::nullopt},
            {QStringLiteral("Target rows"), t.targetRows, std::nullopt},
            {QStringLiteral("Matched"), t.matched, std::nullopt},
            {QStringLiteral("Missing"), t.missing, of(&TableChange::missing)},
            {QStringLiteral("Extra"), t.extra, of(&TableChange::extra)},
            {QStringLiteral("Modified"), t.modified, of(&TableChange::modified)},
            {QStringLiteral("Duplicate target keys"), t.duplicateKeys, std::nullopt}};
}

QString ReportComparison::describe(const std::optional<TableChange> &c)
{
    if (!c)
        return QStringLiteral("new");
    if (!c->changed())
        return QStringLiteral("unchanged");
    QStringList parts;
    for (const auto &[figure, word] : {std::pair{c->missing, "missing"},
                                       {c->extra, "extra"},
                                       {c->modified, "modified"},
                                       {c->quarantined, "quarantined"}})
        if (figure.change())
            parts.append(
                QStringLiteral("%1 %2").arg(QLatin1String(word), signedChange(figure.change())));
    if (c->statusBefore != c->statusNow)
        parts.append(QStringLiteral("was %1").arg(reconcileStatusTitle(c->statusBefore)));
    return parts.join(QStringLiteral(", "));
}

} // namespace cutover
