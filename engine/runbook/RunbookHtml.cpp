#include "runbook/RunbookHtml.h"

#include "report/HtmlText.h"
#include "runbook/RunbookHtmlStyle.h"
#include "runbook/RunbookStateVocabulary.h"
#include "runbook/RunbookText.h"

namespace cutover {

QString RunbookHtml::page(const QString &title, const QString &bodyHtml, bool richText)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<meta name=\"generator\" content=\"Cutover %1\"><title>%2</title>"
                          "<style>%3</style></head><body><main>%4</main></body></html>\n")
        .arg(QStringLiteral(CUTOVER_VERSION), HtmlText::escape(title),
             richText ? RunbookHtmlStyle::richText() : RunbookHtmlStyle::browser(), bodyHtml);
}

QString RunbookHtml::badge(const QString &text, const QString &colourName, bool richText)
{
    if (richText)
        return QStringLiteral("<span style=\"background-color:%1; color:#ffffff; "
                              "font-weight:bold; white-space:nowrap;\">&nbsp;%2&nbsp;</span>")
            .arg(colour(colourName), HtmlText::escape(text));
    return QStringLiteral("<span class=\"badge %1\">%2</span>")
        .arg(colourName, HtmlText::escape(text));
}

QString RunbookHtml::ragBadge(RunbookSchedule::Rag rag, bool richText)
{
    return badge(RunbookText::ragLabel(rag), ragColour(rag), richText);
}

QString RunbookHtml::ragColour(RunbookSchedule::Rag rag)
{
    return RunbookSchedule::ragName(rag);
}

QString RunbookHtml::colour(const QString &colourName)
{
    if (colourName == QLatin1String("green"))
        return QString::fromLatin1(RunbookHtmlStyle::kGreen);
    if (colourName == QLatin1String("amber"))
        return QString::fromLatin1(RunbookHtmlStyle::kAmber);
    if (colourName == QLatin1String("red"))
        return QString::fromLatin1(RunbookHtmlStyle::kRed);
    if (colourName == QLatin1String("blue"))
        return QString::fromLatin1(RunbookHtmlStyle::kBlue);
    return QString::fromLatin1(RunbookHtmlStyle::kGrey);
}

QString RunbookHtml::status(StepStatus status)
{
    return QStringLiteral("<span class=\"status %1\">%2</span>")
        .arg(RunbookStateVocabulary::statusName(status),
             HtmlText::escape(RunbookText::statusLabel(status))
                 .replace(QLatin1Char(' '), QLatin1String("&nbsp;")));
}

QString RunbookHtml::keyValues(const QList<std::pair<QString, QString>> &rows)
{
    QString html = QStringLiteral("<table class=\"kv\" cellspacing=\"0\" cellpadding=\"2\">");
    for (const auto &[label, value] : rows)
        html +=
            // The spaces keep label and value apart where QTextDocument ignores the padding.
            QStringLiteral("<tr><th>%1&nbsp;&nbsp;</th><td>%2</td></tr>")
                .arg(HtmlText::escape(label), value);
    return html + QStringLiteral("</table>");
}

QString RunbookHtml::box(const QString &heading, const QStringList &lines,
                         const QString &colourName, bool richText)
{
    QStringList items;
    for (const QString &line : lines)
        items.append(HtmlText::escape(line));
    // QTextDocument indents a list deeply: lines with a bullet of their own.
    const QString body =
        richText ? QStringLiteral("<p>\u2022 %1</p>").arg(items.join(QStringLiteral("<br>\u2022 ")))
                 : list(items);
    const QString inner =
        QStringLiteral("<p class=\"why\">%1</p>%2").arg(HtmlText::escape(heading), body);
    if (!richText)
        return QStringLiteral("<section class=\"reasons %1\">%2</section>").arg(colourName, inner);
    // QTextDocument draws no left border: a narrow coloured cell stands in for it.
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\"><tr>"
                          "<td width=\"4\" bgcolor=\"%1\"></td><td bgcolor=\"#f5f7fa\">%2</td>"
                          "</tr></table>")
        .arg(colour(colourName), inner);
}

QString RunbookHtml::table(const QList<Column> &columns, const QList<QList<HtmlText::Cell>> &rows,
                           const QString &caption)
{
    QString head;
    if (!caption.isEmpty())
        head = QStringLiteral("<tr><th colspan=\"%1\" class=\"caption\">%2</th></tr>")
                   .arg(columns.size())
                   .arg(HtmlText::escape(caption));
    head += QStringLiteral("<tr>");
    for (const Column &c : columns) {
        const bool numeric = c.header.endsWith(QLatin1Char('#'));
        const QString width =
            c.percent > 0 ? QStringLiteral(" width=\"%1%\"").arg(c.percent) : QString();
        head += QStringLiteral("<th%1%2>%3</th>")
                    .arg(numeric ? QStringLiteral(" class=\"num\" align=\"right\"") : QString(),
                         width, HtmlText::escape(numeric ? c.header.chopped(1) : c.header));
    }
    QString body;
    for (const QList<HtmlText::Cell> &row : rows) {
        body += QStringLiteral("<tr>");
        for (const HtmlText::Cell &c : row)
            body += QStringLiteral("<td%1>%2</td>")
                        .arg(c.cssClass.isEmpty() ? QString()
                                                  : QStringLiteral(" class=\"%1\"").arg(c.cssClass),
                             c.html ? c.text : HtmlText::escape(c.text));
        body += QStringLiteral("</tr>");
    }
    return QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" "
                          "cellpadding=\"4\"><thead>%1</tr></thead><tbody>%2</tbody></table>")
        .arg(head, body);
}

QString RunbookHtml::list(const QStringList &itemsHtml, const QString &cssClass)
{
    if (itemsHtml.isEmpty())
        return {};
    QString html = cssClass.isEmpty() ? QStringLiteral("<ul>")
                                      : QStringLiteral("<ul class=\"%1\">").arg(cssClass);
    for (const QString &item : itemsHtml)
        html += QStringLiteral("<li>%1</li>").arg(item);
    return html + QStringLiteral("</ul>");
}

QString RunbookHtml::none(const QString &text)
{
    return QStringLiteral("<p class=\"none\">%1</p>").arg(HtmlText::escape(text));
}

} // namespace cutover
