#include "report/HtmlReportCharts.h"

#include "report/ReportFacts.h"

#include <algorithm>
#include <numeric>

namespace cutover {

namespace {

constexpr int kLabelWidth = 160;
constexpr int kBarWidth = 340;
constexpr int kFigureWidth = 260;
constexpr int kRowHeight = 30;
constexpr int kBarHeight = 16;
constexpr int kMinimumSegment = 3;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString elided(const QString &text, int characters)
{
    return text.size() <= characters ? text : text.left(characters - 1) + QChar(0x2026);
}

QString figures(const TableReconciliation &t)
{
    QStringList parts{QStringLiteral("%1 matched").arg(ReportFacts::count(t.matched))};
    for (const auto &[n, word] :
         {std::pair{t.missing, "missing"}, {t.extra, "extra"}, {t.modified, "modified"}})
        if (n)
            parts.append(QStringLiteral("%1 %2").arg(ReportFacts::count(n), QLatin1String(word)));
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace

QString HtmlReportCharts::statusColour(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QStringLiteral("#1e7b45");
    case ReconcileStatus::NeedsReview:
        return QStringLiteral("#b26a00");
    case ReconcileStatus::Fail:
        return QStringLiteral("#b42318");
    }
    return QStringLiteral("#555555");
}

QList<HtmlReportCharts::Segment> HtmlReportCharts::segments(const TableReconciliation &t)
{
    return {{QStringLiteral("Matched"), QStringLiteral("matched"), QStringLiteral("#3f9d62"),
             t.matched},
            {QStringLiteral("Modified"), QStringLiteral("modified"), QStringLiteral("#e3a008"),
             t.modified},
            {QStringLiteral("Missing"), QStringLiteral("missing"), QStringLiteral("#d64545"),
             t.missing},
            {QStringLiteral("Extra"), QStringLiteral("extra"), QStringLiteral("#7c5cc4"), t.extra},
            {QStringLiteral("Quarantined"), QStringLiteral("quarantined"),
             QStringLiteral("#8a96a3"), t.quarantined}};
}

QList<int> HtmlReportCharts::widths(const QList<Segment> &segments, int width, int minimum)
{
    const qint64 total = std::accumulate(segments.begin(), segments.end(), qint64(0),
                                         [](qint64 sum, const Segment &s) { return sum + s.rows; });
    QList<int> result;
    for (const Segment &s : segments) {
        const int share = total ? int(double(s.rows) / double(total) * width + 0.5) : 0;
        result.append(s.rows > 0 ? std::max(share, minimum) : 0);
    }
    const int sum = std::accumulate(result.begin(), result.end(), 0);
    if (sum != width && total > 0) {
        // The largest segment absorbs the rounding and the minimums of the small ones.
        auto largest = std::max_element(result.begin(), result.end());
        *largest = std::max(minimum, *largest + width - sum);
    }
    return result;
}

QString HtmlReportCharts::svgBar(const TableReconciliation &table, int x, int y, int width,
                                 int height)
{
    const QList<Segment> parts = segments(table);
    const QList<int> w = widths(parts, width, kMinimumSegment);
    QString svg = QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"3\" "
                                 "fill=\"#eef1f4\"/>")
                      .arg(x)
                      .arg(y)
                      .arg(width)
                      .arg(height);
    int at = x;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!w[i])
            continue;
        svg += QStringLiteral("<rect class=\"%1\" x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" "
                              "fill=\"%6\"><title>%7: %8</title></rect>")
                   .arg(parts[i].cssClass)
                   .arg(at)
                   .arg(y)
                   .arg(w[i])
                   .arg(height)
                   .arg(parts[i].colour, parts[i].label, ReportFacts::count(parts[i].rows));
        at += w[i];
    }
    return svg;
}

QString HtmlReportCharts::overviewSvg(const ReconcileReport &report)
{
    const int width = kLabelWidth + kBarWidth + kFigureWidth;
    const int height = int(report.tables.size()) * kRowHeight + 6;
    QString svg = QStringLiteral("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                                 "viewBox=\"0 0 %1 %2\" width=\"100%\" role=\"img\" "
                                 "aria-label=\"Rows per table: matched, modified, missing, extra "
                                 "and quarantined\">")
                      .arg(width)
                      .arg(height);
    int y = 4;
    for (const TableReconciliation &t : report.tables) {
        const int middle = y + kRowHeight / 2;
        svg += QStringLiteral("<circle cx=\"7\" cy=\"%1\" r=\"5\" fill=\"%2\"/>")
                   .arg(middle - 1)
                   .arg(statusColour(t.status));
        svg += QStringLiteral("<text x=\"18\" y=\"%1\" class=\"label\">%2</text>")
                   .arg(middle + 4)
                   .arg(esc(elided(t.table, 22)));
        svg += svgBar(t, kLabelWidth, middle - kBarHeight / 2 - 1, kBarWidth, kBarHeight);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"figure\">%3</text>")
                   .arg(kLabelWidth + kBarWidth + 10)
                   .arg(middle + 4)
                   .arg(esc(elided(figures(t), 44)));
        y += kRowHeight;
    }
    return svg + QStringLiteral("</svg>");
}

QString HtmlReportCharts::tableSvg(const TableReconciliation &table)
{
    const int width = kBarWidth + kFigureWidth + kLabelWidth;
    return QStringLiteral("<svg class=\"chart bar\" xmlns=\"http://www.w3.org/2000/svg\" "
                          "viewBox=\"0 0 %1 22\" width=\"100%\" role=\"img\" aria-label=\"%2\">")
               .arg(width)
               .arg(esc(figures(table))) +
           svgBar(table, 0, 3, width, kBarHeight) + QStringLiteral("</svg>");
}

QString HtmlReportCharts::legendHtml(bool richText)
{
    const QString item = richText
                             ? QStringLiteral("<font color=\"%1\">\u25a0</font> %2 &nbsp; ")
                             : QStringLiteral("<span><i style=\"background:%1\"></i>%2</span> ");
    QString html = QStringLiteral("<p class=\"legend\">");
    for (const Segment &s : segments(TableReconciliation()))
        html += item.arg(s.colour, s.label);
    return html + QStringLiteral("</p>");
}

QString HtmlReportCharts::richTextBar(const TableReconciliation &table)
{
    const QList<Segment> parts = segments(table);
    const QList<int> percent = widths(parts, 100, 1);
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\" border=\"0\" "
                                  "width=\"100%\"><tr>");
    bool any = false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!percent[i])
            continue;
        any = true;
        html += QStringLiteral("<td width=\"%1%\" bgcolor=\"%2\" height=\"10\"></td>")
                    .arg(percent[i])
                    .arg(parts[i].colour);
    }
    if (!any)
        html += QStringLiteral("<td bgcolor=\"#eef1f4\" height=\"10\"></td>");
    return html + QStringLiteral("</tr></table>");
}

QString HtmlReportCharts::overviewRichText(const ReconcileReport &report)
{
    QString html = QStringLiteral("<table class=\"chart\" cellspacing=\"0\" cellpadding=\"3\" "
                                  "width=\"100%\">");
    for (const TableReconciliation &t : report.tables)
        html += QStringLiteral("<tr><td width=\"20%\"><font color=\"%1\">\u25cf</font> %2</td>"
                               "<td width=\"50%\">%3</td><td class=\"small\">%4</td></tr>")
                    .arg(statusColour(t.status), esc(t.table), richTextBar(t), esc(figures(t)));
    return html + QStringLiteral("</table>");
}

QString HtmlReportCharts::tableRichText(const TableReconciliation &table)
{
    return richTextBar(table);
}

} // namespace cutover
