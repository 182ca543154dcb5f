#include "runbook/StatusUpdateHtmlWriter.h"

#include "report/HtmlText.h"
#include "runbook/RunbookHtml.h"
#include "runbook/RunbookText.h"
#include "runbook/StatusUpdateWriter.h"

namespace cutover {

namespace {

using Item = StatusUpdate::Item;
using Cell = HtmlText::Cell;

QString esc(const QString &text)
{
    return HtmlText::escape(text);
}

QString severityTitle(StatusUpdate::Severity severity)
{
    switch (severity) {
    case StatusUpdate::Severity::High:
        return QStringLiteral("\u25b2 High");
    case StatusUpdate::Severity::Medium:
        return QStringLiteral("\u25a0 Medium");
    case StatusUpdate::Severity::Low:
        return QStringLiteral("\u25bd Low");
    }
    return {};
}

QString severityClass(StatusUpdate::Severity severity)
{
    return severity == StatusUpdate::Severity::High     ? QStringLiteral("bad")
           : severity == StatusUpdate::Severity::Medium ? QStringLiteral("warn")
                                                        : QString();
}

// "none" as a sentence: "None."
QString sentence(const QString &text)
{
    return text.left(1).toUpper() + text.mid(1) +
           (text.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral("."));
}

} // namespace

QString StatusUpdateHtmlWriter::statusColour(StatusUpdate::Status status)
{
    switch (status) {
    case StatusUpdate::Status::Planning:
        return QStringLiteral("grey");
    case StatusUpdate::Status::InProgress:
        return QStringLiteral("blue");
    case StatusUpdate::Status::Complete:
        return QStringLiteral("green");
    case StatusUpdate::Status::IssuesEncountered:
        return QStringLiteral("red");
    }
    return {};
}

QString StatusUpdateHtmlWriter::progressBar(int percent, bool richText)
{
    if (!richText)
        return QStringLiteral("<span class=\"bar\"><span style=\"width:%1%\"></span></span>")
            .arg(percent);
    QString cells;
    if (percent > 0)
        cells += QStringLiteral("<td width=\"%1%\" bgcolor=\"%2\" height=\"8\"></td>")
                     .arg(percent)
                     .arg(RunbookHtml::colour(QStringLiteral("blue")));
    if (percent < 100)
        cells += QStringLiteral("<td width=\"%1%\" bgcolor=\"#e4e7eb\" height=\"8\"></td>")
                     .arg(100 - percent);
    return QStringLiteral("<table width=\"40%\" cellspacing=\"0\" cellpadding=\"0\" "
                          "border=\"0\"><tr>%1</tr></table>")
        .arg(cells);
}

QString StatusUpdateHtmlWriter::header(const StatusUpdate &u, bool richText)
{
    QString status = RunbookHtml::badge(StatusUpdate::statusTitle(u.status).toUpper(),
                                        statusColour(u.status), richText);
    if (u.execution)
        status += QStringLiteral(" &nbsp;RAG ") + RunbookHtml::ragBadge(u.rag, richText) +
                  QStringLiteral(" ") + esc(RunbookText::ragMeaning(u.rag));
    const QString progress =
        progressBar(u.progressPercent, richText) + esc(StatusUpdateWriter::progressLine(u));
    const QString eyebrow = u.isRehearsal() ? QStringLiteral("Rehearsal status update")
                                            : QStringLiteral("Migration status update");
    QList<std::pair<QString, QString>> rows{
        {QStringLiteral("Status"), status},
        {QStringLiteral("Phase"), esc(StatusUpdate::phaseTitle(u.phase))},
        {QStringLiteral("Progress"), progress}};
    if (u.execution)
        rows.append({QStringLiteral("Execution"),
                     esc(QStringLiteral("%1, started %2 by %3")
                             .arg(RunbookText::execution(*u.execution),
                                  RunbookText::dateTime(u.execution->started, u.at),
                                  u.execution->startedBy))});
    return QStringLiteral("<p class=\"eyebrow\">%1</p><h1>%2</h1><p class=\"subject\">Subject: "
                          "%3</p>")
               .arg(richText ? eyebrow.toUpper() : eyebrow, esc(u.project), esc(u.subject())) +
           RunbookHtml::keyValues(rows);
}

QString StatusUpdateHtmlWriter::steps(const StatusUpdate &u)
{
    auto table = [&u](const QList<Item> &items, const QString &timeHeader, const QString &none) {
        if (items.isEmpty())
            return RunbookHtml::none(sentence(none));
        QList<QList<Cell>> rows;
        for (const Item &i : items)
            rows.append({HtmlText::raw(RunbookHtml::status(i.status)),
                         HtmlText::raw(QStringLiteral("%1 <span class=\"id\">%2</span>")
                                           .arg(esc(i.title), esc(i.stepId))),
                         Cell(i.owner),
                         Cell(StatusUpdateWriter::time(u, i.time), QStringLiteral("time"))});
        return RunbookHtml::table({{QStringLiteral("Status"), 14},
                                   {QStringLiteral("Step"), 0},
                                   {QStringLiteral("Owner"), 24},
                                   {timeHeader, 14}},
                                  rows);
    };
    return HtmlText::heading(2, QStringLiteral("Completed")) +
           table(u.completed, QStringLiteral("Finished"), QStringLiteral("Nothing yet.")) +
           HtmlText::heading(2, QStringLiteral("Currently in progress")) +
           table(u.inProgress, QStringLiteral("ETA"), QStringLiteral("None.")) +
           HtmlText::heading(2, QStringLiteral("Next steps")) +
           table(u.next, QStringLiteral("Scheduled"), StatusUpdateWriter::noNextSteps(u));
}

QString StatusUpdateHtmlWriter::figures(const QString &heading,
                                        const StatusUpdateWriter::Lines &lines)
{
    QList<std::pair<QString, QString>> rows;
    for (const auto &[label, value] : lines)
        rows.append({label, esc(value)});
    return HtmlText::heading(2, heading) + RunbookHtml::keyValues(rows);
}

QString StatusUpdateHtmlWriter::issues(const StatusUpdate &u)
{
    QString html = HtmlText::heading(2, QStringLiteral("Issues and risks"));
    if (u.issues.isEmpty())
        return html + RunbookHtml::none(QStringLiteral("None."));
    QList<QList<Cell>> rows;
    for (const StatusUpdate::Issue &i : u.issues) {
        rows.append({Cell(severityTitle(i.severity), severityClass(i.severity)), Cell(i.text),
                     Cell(i.state)});
    }
    return html + RunbookHtml::table({{QStringLiteral("Severity"), 12},
                                      {QStringLiteral("Issue"), 0},
                                      {QStringLiteral("Status"), 10}},
                                     rows);
}

QString StatusUpdateHtmlWriter::write(const StatusUpdate &u, bool richText)
{
    const QString body =
        header(u, richText) + steps(u) +
        figures(QStringLiteral("Metrics"), StatusUpdateWriter::metrics(u)) + issues(u) +
        figures(QStringLiteral("Downtime"), StatusUpdateWriter::downtime(u)) +
        QStringLiteral("<p><b>Next update:</b> %1</p>")
            .arg(esc(StatusUpdateWriter::time(u, u.nextUpdate))) +
        QStringLiteral("<footer><p>Made by Cutover %1 at %2 from the runbook and the target's "
                       "newest run and reconciliation report.</p></footer>")
            .arg(QStringLiteral(CUTOVER_VERSION), esc(RunbookText::dateTime(u.at, u.at)));
    return RunbookHtml::page(u.subject(), body, richText);
}

} // namespace cutover
