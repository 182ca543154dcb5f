#include "report/HtmlReportWriter.h"

#include "report/HtmlReportCharts.h"
#include "report/HtmlReportStyle.h"
#include "report/HtmlTableSection.h"
#include "report/HtmlText.h"
#include "report/ReportFacts.h"

namespace cutover {

namespace {

using Cell = HtmlText::Cell;

// Labels and values (HTML), pairsPerRow of them side by side.
QString keyValueTable(const QList<std::pair<QString, QString>> &rows, int pairsPerRow = 1)
{
    QString html = QStringLiteral("<table class=\"kv\" cellspacing=\"0\" cellpadding=\"3\">");
    for (qsizetype i = 0; i < rows.size(); i += pairsPerRow) {
        html += QStringLiteral("<tr>");
        for (qsizetype j = i; j < std::min(rows.size(), i + pairsPerRow); ++j)
            html += QStringLiteral("<th>%1</th><td>%2</td>")
                        .arg(HtmlText::escape(rows[j].first), rows[j].second);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString card(const QString &title, const QList<std::pair<QString, QString>> &rows)
{
    return HtmlText::heading(3, title) + keyValueTable(rows);
}

QString range(const ReportFacts::DateRange &r)
{
    if (!r.known())
        return QStringLiteral("<span class=\"muted\">no date columns</span>");
    return HtmlText::escape(r.from) + QStringLiteral(" to ") + HtmlText::escape(r.to);
}

QString withChange(qint64 now, const std::optional<ReportComparison::Figure> &figure)
{
    QString html = HtmlText::escape(ReportFacts::count(now));
    if (figure)
        html += QStringLiteral(" <span class=\"change\">(was %1, %2)</span>")
                    .arg(HtmlText::escape(ReportFacts::count(figure->before)),
                         HtmlText::escape(ReportComparison::signedChange(figure->change())));
    return html;
}

QString quality(const ReportFacts::Quality &q)
{
    const QString bound = ReportFacts::bound(q);
    return HtmlText::escape(ReportFacts::count(q.found)) +
           (bound.isEmpty() ? QString()
                            : QStringLiteral(" <span class=\"muted\">(%1)</span>")
                                  .arg(HtmlText::escape(bound))) +
           (q.ok ? QStringLiteral(" <span class=\"ok\">\u2713</span>")
                 : QStringLiteral(" <span class=\"bad\">\u2717</span>"));
}

Cell flagged(qint64 n)
{
    return HtmlText::number(n, n ? QStringLiteral("bad") : QString());
}

QString verdict(const ReconcileReport &report)
{
    int counts[3] = {0, 0, 0};
    for (const TableReconciliation &t : report.tables)
        ++counts[int(t.status)];
    return QStringLiteral("%1 %2: %3 pass, %4 need review, %5 fail")
        .arg(report.tables.size())
        .arg(report.tables.size() == 1 ? QStringLiteral("table") : QStringLiteral("tables"))
        .arg(counts[0])
        .arg(counts[1])
        .arg(counts[2]);
}

} // namespace

HtmlReportWriter::HtmlReportWriter(Flavour flavour)
    : m_flavour(flavour)
{}

QString HtmlReportWriter::title(const ReconcileReport &report)
{
    return QStringLiteral("Reconciliation report \u2014 %1 \u2014 %2")
        .arg(report.project, report.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
}

QString HtmlReportWriter::write(const ReconcileReport &report,
                                const ReportComparison &comparison) const
{
    const HtmlTableSection tables(report, comparison, m_flavour == Flavour::RichText);
    QString html = head(report) + QStringLiteral("<body><main>") + masthead(report) +
                   facts(report) + summary(report, comparison) + overview(report, comparison);
    for (const TableReconciliation &t : report.tables)
        html += tables.write(t);
    return html + footer(report) + QStringLiteral("</main></body></html>\n");
}

QString HtmlReportWriter::head(const ReconcileReport &report) const
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<meta name=\"generator\" content=\"Cutover %1\"><title>%2</title>"
                          "<style>%3</style></head>")
        .arg(QStringLiteral(CUTOVER_VERSION), HtmlText::escape(title(report)),
             m_flavour == Flavour::RichText ? HtmlReportStyle::richText()
                                            : HtmlReportStyle::browser());
}

QString HtmlReportWriter::masthead(const ReconcileReport &report) const
{
    const bool rich = m_flavour == Flavour::RichText;
    const QString route = QStringLiteral("%1 \u2192 %2").arg(report.source, report.target);
    if (rich)
        return QStringLiteral("<p class=\"eyebrow\">MIGRATION RECONCILIATION REPORT</p>"
                              "<h1>%1 &nbsp;%2</h1><p class=\"route\">%3<br>%4</p>")
            .arg(HtmlText::escape(report.project), HtmlText::badge(report.status, true),
                 HtmlText::escape(route), HtmlText::escape(verdict(report)));
    return QStringLiteral("<header class=\"masthead\"><div><p class=\"eyebrow\">Migration "
                          "Reconciliation Report</p><h1>%1</h1><p class=\"route\">%2</p></div>"
                          "<div class=\"verdict %3\">%4<span>%5</span></div></header>")
        .arg(HtmlText::escape(report.project), HtmlText::escape(route),
             reconcileStatusName(report.status), HtmlText::badge(report.status, false),
             HtmlText::escape(verdict(report)));
}

QString HtmlReportWriter::facts(const ReconcileReport &report) const
{
    const ReconcileSettings &s = report.settings;
    const QString run = report.runId.isEmpty()
                            ? QStringLiteral("<span class=\"muted\">none (target loaded by "
                                             "another tool)</span>")
                            : QStringLiteral("<code>%1</code>").arg(HtmlText::escape(report.runId));
    const QList<std::pair<QString, QString>> rows = {
        {QStringLiteral("Date"), HtmlText::escape(ReportFacts::when(report.createdAt))},
        {QStringLiteral("Migration ID (run)"), run},
        {QStringLiteral("Report ID"),
         QStringLiteral("<code>%1</code>").arg(HtmlText::escape(report.reportId))},
        {QStringLiteral("Source"), HtmlText::escape(report.source)},
        {QStringLiteral("Target"), HtmlText::escape(report.target)},
        {QStringLiteral("Expected rows of"), HtmlText::escape(ReportFacts::scope(report))},
        {QStringLiteral("Random sample"),
         HtmlText::escape(
             QStringLiteral("%1 rows per table, seed %2").arg(s.sampleRows).arg(s.seed))},
        {QStringLiteral("Sensitive values"),
         report.masked ? QStringLiteral("masked")
                       : QStringLiteral("<span class=\"bad\">shown unmasked</span>")},
        {QStringLiteral("Duration"), HtmlText::escape(ReportFacts::duration(report.durationMs))}};
    return QStringLiteral("<section class=\"facts\">%1</section>").arg(keyValueTable(rows, 2));
}

QString HtmlReportWriter::summary(const ReconcileReport &report,
                                  const ReportComparison &comparison) const
{
    const ReportFacts f(report);
    using T = TableReconciliation;
    const auto change = comparison.totals(report);
    auto figure = [&](auto member) {
        return change ? std::optional<ReportComparison::Figure>((*change).*member) : std::nullopt;
    };
    const QString source =
        card(QStringLiteral("Source database"),
             {{QStringLiteral("Total records"),
               HtmlText::escape(ReportFacts::count(f.total(&T::sourceRows)))},
              {QStringLiteral("Expected in the target"),
               HtmlText::escape(QStringLiteral("%1 (%2 quarantined, %3 skipped)")
                                    .arg(ReportFacts::count(f.total(&T::expectedRows)),
                                         ReportFacts::count(f.total(&T::quarantined)),
                                         ReportFacts::count(f.total(&T::skipped))))},
              {QStringLiteral("Date range"), range(f.sourceDates())}});
    const QString target = card(
        QStringLiteral("Target database"),
        {{QStringLiteral("Total records"),
          HtmlText::escape(ReportFacts::count(f.total(&T::targetRows)))},
         {QStringLiteral("Matched"), HtmlText::escape(ReportFacts::count(f.total(&T::matched)))},
         {QStringLiteral("Date range"), range(f.targetDates())}});
    const QString discrepancies =
        card(QStringLiteral("Discrepancies"),
             {{QStringLiteral("Missing records"),
               withChange(f.total(&T::missing), figure(&ReportComparison::TableChange::missing))},
              {QStringLiteral("Extra records"),
               withChange(f.total(&T::extra), figure(&ReportComparison::TableChange::extra))},
              {QStringLiteral("Modified records"),
               withChange(f.total(&T::modified), figure(&ReportComparison::TableChange::modified))},
              {QStringLiteral("Quarantined rows"),
               withChange(f.total(&T::quarantined),
                          figure(&ReportComparison::TableChange::quarantined))}});
    QList<std::pair<QString, QString>> qualityRows;
    for (const ReportFacts::Quality &q : f.quality())
        qualityRows.append({q.label, quality(q)});
    const QString dataQuality = card(QStringLiteral("Data quality"), qualityRows);
    if (m_flavour == Flavour::RichText)
        return QStringLiteral("<table class=\"cards\" width=\"100%\" cellspacing=\"0\" "
                              "cellpadding=\"6\"><tr><td width=\"50%\">%1</td><td>%2</td></tr>"
                              "<tr><td>%3</td><td>%4</td></tr></table>")
            .arg(source, target, discrepancies, dataQuality);
    return QStringLiteral("<section class=\"cards\"><div class=\"card\">%1</div><div "
                          "class=\"card\">%2</div><div class=\"card\">%3</div><div "
                          "class=\"card\">%4</div></section>")
        .arg(source, target, discrepancies, dataQuality);
}

QString HtmlReportWriter::overview(const ReconcileReport &report,
                                   const ReportComparison &comparison) const
{
    const bool rich = m_flavour == Flavour::RichText;
    const QStringList headers = ReportFacts::overviewHeaders(comparison.hasPrevious());
    QList<QList<Cell>> rows;
    for (const TableReconciliation &t : report.tables) {
        const QString name =
            rich ? HtmlText::escape(t.table)
                 : QStringLiteral("<a href=\"#%1\">%2</a>")
                       .arg(HtmlTableSection::anchor(t.table), HtmlText::escape(t.table));
        QList<Cell> row{HtmlText::raw(name),
                        HtmlText::raw(HtmlText::badge(t.status, rich)),
                        HtmlText::number(t.sourceRows),
                        HtmlText::number(t.expectedRows),
                        HtmlText::number(t.targetRows),
                        HtmlText::number(t.matched),
                        flagged(t.missing),
                        flagged(t.extra),
                        flagged(t.modified),
                        HtmlText::number(t.quarantined),
                        HtmlText::number(t.skipped)};
        if (comparison.hasPrevious())
            row.append(Cell(ReportComparison::describe(comparison.table(t))));
        rows.append(row);
    }
    QString html = QStringLiteral("<section class=\"overview\">") +
                   HtmlText::heading(2, QStringLiteral("Tables"));
    if (comparison.hasPrevious())
        html += HtmlText::paragraph(QStringLiteral("Compared with the previous report %1 of %2.")
                                        .arg(comparison.previous()->reportId.left(8),
                                             ReportFacts::when(comparison.previous()->createdAt)),
                                    QStringLiteral("muted"));
    html +=
        rich ? HtmlReportCharts::overviewRichText(report) : HtmlReportCharts::overviewSvg(report);
    html += HtmlReportCharts::legendHtml(rich);
    return html + HtmlText::table(headers, rows, QStringLiteral("grid wide")) +
           QStringLiteral("</section>");
}

QString HtmlReportWriter::footer(const ReconcileReport &report) const
{
    return QStringLiteral("<footer><p>Report %1 \u00b7 made by Cutover %2 \u00b7 %3. Expected rows "
                          "are the source passed through the mapping; rows are matched by the "
                          "target key. Counts cover every row; the listed rows are samples."
                          "</p></footer>")
        .arg(HtmlText::escape(report.reportId), QStringLiteral(CUTOVER_VERSION),
             HtmlText::escape(ReportFacts::when(report.createdAt)));
}

} // namespace cutover
