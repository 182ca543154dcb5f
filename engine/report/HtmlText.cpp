#include "report/HtmlText.h"

#include "report/HtmlReportCharts.h"
#include "report/ReportFacts.h"

namespace cutover {

namespace {

QString classAttribute(const QString &cssClass)
{
    return cssClass.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cssClass);
}

} // namespace

QString HtmlText::escape(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

HtmlText::Cell HtmlText::number(qint64 n, const QString &cssClass)
{
    return {ReportFacts::count(n),
            cssClass.isEmpty() ? QStringLiteral("num") : QStringLiteral("num ") + cssClass};
}

HtmlText::Cell HtmlText::raw(const QString &html, const QString &cssClass)
{
    return {html, cssClass, true};
}

QString HtmlText::table(const QStringList &headers, const QList<QList<Cell>> &rows,
                        const QString &cssClass)
{
    QString html = QStringLiteral("<table%1 cellspacing=\"0\" cellpadding=\"4\"><thead><tr>")
                       .arg(classAttribute(cssClass));
    for (const QString &h : headers) {
        const bool numeric = h.endsWith(QLatin1Char('#'));
        html += QStringLiteral("<th%1>%2</th>")
                    .arg(classAttribute(numeric ? QStringLiteral("num") : QString()),
                         escape(numeric ? h.chopped(1) : h));
    }
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QList<Cell> &row : rows) {
        html += QStringLiteral("<tr>");
        for (const Cell &c : row)
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(classAttribute(c.cssClass), c.html ? c.text : escape(c.text));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

QString HtmlText::badge(ReconcileStatus status, bool richText)
{
    const QString title = escape(reconcileStatusTitle(status).toUpper());
    if (richText)
        return QStringLiteral("<span style=\"background-color:%1; color:#ffffff; "
                              "font-weight:bold; white-space:nowrap;\">&nbsp;%2&nbsp;</span>")
            .arg(HtmlReportCharts::statusColour(status), title);
    return QStringLiteral("<span class=\"badge %1\">%2</span>")
        .arg(reconcileStatusName(status), title);
}

QString HtmlText::heading(int level, const QString &text, const QString &id)
{
    const QString idAttribute =
        id.isEmpty() ? QString() : QStringLiteral(" id=\"%1\"").arg(escape(id));
    return QStringLiteral("<h%1%2>%3</h%1>").arg(level).arg(idAttribute, escape(text));
}

QString HtmlText::paragraph(const QString &text, const QString &cssClass)
{
    return QStringLiteral("<p%1>%2</p>").arg(classAttribute(cssClass), escape(text));
}

QString HtmlText::list(const QStringList &items, const QString &cssClass)
{
    QString html = QStringLiteral("<ul%1>").arg(classAttribute(cssClass));
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(escape(item));
    return html + QStringLiteral("</ul>");
}

QString HtmlText::value(const QString &text)
{
    if (text.isEmpty())
        return QStringLiteral("<span class=\"null\">(empty)</span>");
    return escape(text);
}

} // namespace cutover
