#include "report/ReportTableSummary.h"

#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QCoreApplication>

namespace cutover {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cutover::ReportTableSummary", text);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString heading(const QString &text)
{
    return QStringLiteral("<h4 style=\"margin-bottom:2px\">%1</h4>").arg(esc(text));
}

QString row(const QString &label, const QString &value, const QString &note = {})
{
    return QStringLiteral("<tr><td style=\"padding-right:16px\">%1</td>"
                          "<td align=\"right\" style=\"padding-right:16px\">%2</td>"
                          "<td>%3</td></tr>")
        .arg(esc(label), esc(value), note);
}

} // namespace

QString ReportTableSummary::html(const ReconcileReport &report, const ReportComparison &comparison,
                                 const TableReconciliation &table)
{
    return verdict(table) + counts(comparison, table) + ledger(table) + quality(report, table) +
           notes(table);
}

QString ReportTableSummary::verdict(const TableReconciliation &t)
{
    QString html = QStringLiteral("<p><span style=\"color:%1; font-weight:bold\">%2</span> "
                                  "&nbsp;%3 \u2190 %4 &middot; key %5 &middot; %6</p>")
                       .arg(ReportPalette::statusColour(t.status).name(),
                            esc(ReportPalette::statusLabel(t.status)), esc(t.table), esc(t.source),
                            esc(t.key.join(QStringLiteral(", "))), esc(t.method));
    if (!t.reasons.isEmpty()) {
        html += QStringLiteral("<ul style=\"margin-top:0\">");
        for (const QString &reason : t.reasons)
            html += QStringLiteral("<li>%1</li>").arg(esc(reason));
        html += QStringLiteral("</ul>");
    }
    return html;
}

QString ReportTableSummary::counts(const ReportComparison &comparison, const TableReconciliation &t)
{
    QString rows;
    for (const auto &[label, now, change] : comparison.countLines(t)) {
        QString note;
        if (change && change->change() != 0)
            note = QStringLiteral("<b>%1</b> (was %2)")
                       .arg(esc(ReportComparison::signedChange(change->change())),
                            esc(ReportFacts::count(change->before)));
        rows += row(label, ReportFacts::count(now), note);
    }
    return heading(tr("Counts")) + QStringLiteral("<table>%1</table>").arg(rows);
}

QString ReportTableSummary::ledger(const TableReconciliation &t)
{
    if (!t.ledger)
        return heading(tr("Row ledger")) +
               QStringLiteral("<p>%1</p>").arg(esc(tr("No run of this project loaded the table.")));
    const LedgerCheck &l = *t.ledger;
    const QString state = l.balances() ? tr("balanced") : tr("does not balance");
    return heading(tr("Row ledger")) +
           QStringLiteral("<p>%1 (%2, run %3)</p>")
               .arg(esc(ReportFacts::ledgerEquation(l)), esc(state), esc(l.runId.left(8)));
}

QString ReportTableSummary::quality(const ReconcileReport &report, const TableReconciliation &t)
{
    QString rows;
    for (const ReportFacts::Quality &q : ReportFacts::quality(t, report.settings.thresholds)) {
        const QString mark = q.ok ? ReportPalette::statusMark(ReconcileStatus::Pass)
                                  : ReportPalette::statusMark(ReconcileStatus::Fail);
        const QString colour =
            ReportPalette::statusColour(q.ok ? ReconcileStatus::Pass : ReconcileStatus::Fail)
                .name();
        rows += row(q.label, ReportFacts::count(q.found),
                    QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                        .arg(colour, mark, esc(ReportFacts::bound(q))));
    }
    return heading(tr("Data quality")) + QStringLiteral("<table>%1</table>").arg(rows);
}

QString ReportTableSummary::notes(const TableReconciliation &t)
{
    if (t.notes.isEmpty())
        return {};
    QString html = heading(tr("Notes")) + QStringLiteral("<ul style=\"margin-top:0\">");
    for (const QString &note : t.notes)
        html += QStringLiteral("<li>%1</li>").arg(esc(note));
    return html + QStringLiteral("</ul>");
}

} // namespace cutover
