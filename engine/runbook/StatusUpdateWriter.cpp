#include "runbook/StatusUpdateWriter.h"

#include "report/MarkdownReportWriter.h"
#include "runbook/RunbookText.h"

#include <QLocale>

namespace cutover {

namespace {

using Item = StatusUpdate::Item;

QString md(const QString &text)
{
    return MarkdownReportWriter::escape(text);
}

QString minutesText(int m)
{
    return QStringLiteral("%1 minutes").arg(m) +
           (m >= 60 ? QStringLiteral(" (%1)").arg(RunbookText::minutes(m)) : QString());
}

QString seconds(double s)
{
    return s < 60 ? QLocale::c().toString(s, 'f', 1) + QStringLiteral(" s")
                  : RunbookText::minutes(int(s / 60));
}

} // namespace

QString StatusUpdateWriter::time(const StatusUpdate &u, const QDateTime &time)
{
    return RunbookText::moment(time, u.at);
}

QString StatusUpdateWriter::noNextSteps(const StatusUpdate &u)
{
    if (u.status == StatusUpdate::Status::IssuesEncountered)
        return QStringLiteral("none until the issues are resolved");
    return u.inProgress.isEmpty() ? QStringLiteral("none")
                                  : QStringLiteral("none until the steps in progress finish");
}

QString StatusUpdateWriter::who(const Item &item)
{
    return item.owner.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(item.owner);
}

QString StatusUpdateWriter::statusLine(const StatusUpdate &u)
{
    QString line = StatusUpdate::statusTitle(u.status);
    if (u.execution)
        line += QStringLiteral(" (RAG %1, %2)")
                    .arg(RunbookText::ragLabel(u.rag), RunbookText::ragMeaning(u.rag));
    return line;
}

QString StatusUpdateWriter::progressLine(const StatusUpdate &u)
{
    return QStringLiteral("%1% complete (%2 of %3 steps of the cutover done)")
        .arg(u.progressPercent)
        .arg(u.stepsFinished)
        .arg(u.stepsInCutover);
}

QString StatusUpdateWriter::completedLine(const StatusUpdate &u, const Item &item)
{
    const QString skipped =
        item.status == StepStatus::Skipped ? QStringLiteral(" (skipped)") : QString();
    return QStringLiteral("%1%2 - %3").arg(item.title, skipped, time(u, item.time));
}

QString StatusUpdateWriter::inProgressLine(const StatusUpdate &u, const Item &item)
{
    return QStringLiteral("%1%2 - ETA: %3").arg(item.title, who(item), time(u, item.time));
}

QString StatusUpdateWriter::nextLine(const StatusUpdate &u, const Item &item)
{
    return QStringLiteral("%1%2 - Scheduled: %3").arg(item.title, who(item), time(u, item.time));
}

StatusUpdateWriter::Lines StatusUpdateWriter::metrics(const StatusUpdate &u)
{
    const StatusUpdate::Metrics &m = u.metrics;
    Lines lines;
    if (!m.unavailable.isEmpty())
        return {{QStringLiteral("Records migrated"),
                 QStringLiteral("unknown: the target cannot be read (%1)").arg(m.unavailable)}};
    if (!m.hasRun) {
        lines.append({QStringLiteral("Records migrated"),
                      QStringLiteral("none yet: no run has loaded the target")});
    } else {
        QString migrated = QStringLiteral("%1 / %2").arg(RunbookText::count(m.rowsLoaded),
                                                         RunbookText::count(m.rowsExpected));
        if (m.rowsExpected > 0)
            migrated += QStringLiteral(" (%1)").arg(
                RunbookText::percent(double(m.rowsLoaded) / double(m.rowsExpected)));
        const QString phase =
            m.runPhase.isEmpty() ? QString() : QStringLiteral(" (phase %1)").arg(m.runPhase);
        migrated += QStringLiteral(" in run %1%2, %3")
                        .arg(m.runId.left(8), phase, runStatusName(m.runStatus));
        if (m.runFinished.isValid())
            migrated += QLatin1Char(' ') + time(u, m.runFinished);
        lines.append({QStringLiteral("Records migrated"), migrated});
        if (m.rowsPerSecond() >= 0)
            lines.append(
                {QStringLiteral("Performance"),
                 QStringLiteral("%1 rows/s (%2)")
                     .arg(RunbookText::count(qRound64(m.rowsPerSecond())), seconds(m.seconds))});
        QString rate =
            m.errorRate < 0 ? QStringLiteral("unknown") : RunbookText::percent(m.errorRate);
        rate += QStringLiteral(" (%1 rows quarantined").arg(RunbookText::count(m.rowsQuarantined));
        if (m.maxErrorRate >= 0)
            rate += QStringLiteral("; limit %1").arg(RunbookText::percent(m.maxErrorRate));
        lines.append({QStringLiteral("Error rate"), rate + QLatin1Char(')')});
    }
    lines.append({QStringLiteral("Reconciliation"),
                  m.report ? QStringLiteral("%1 - report %2, %3")
                                 .arg(reconcileStatusTitle(m.report->status),
                                      m.report->reportId.left(8), time(u, m.report->createdAt))
                           : QStringLiteral("no report yet")});
    return lines;
}

QString StatusUpdateWriter::issueLine(const StatusUpdate::Issue &issue)
{
    return QStringLiteral("%1 - Severity: %2 - Status: %3")
        .arg(issue.text, StatusUpdate::severityLetter(issue.severity), issue.state);
}

StatusUpdateWriter::Lines StatusUpdateWriter::downtime(const StatusUpdate &u)
{
    const int planned = u.plannedDowntimeMinutes;
    const QString source =
        u.downtimeFromWindow
            ? QStringLiteral("%1 minutes (the %2 cutover window)")
                  .arg(planned)
                  .arg(RunbookText::minutes(planned))
            : minutesText(planned) + QStringLiteral(", the planned length: no window is set");
    Lines lines{{QStringLiteral("Planned"), source}};
    if (u.actualDowntimeMinutes < 0) {
        lines.append({QStringLiteral("Actual"), QStringLiteral("not started")});
        return lines;
    }
    const bool over =
        u.status == StatusUpdate::Status::Complete || (u.execution && !u.execution->isOpen());
    lines.append({QStringLiteral("Actual"), minutesText(u.actualDowntimeMinutes) +
                                                (over ? QString() : QStringLiteral(" so far"))});
    if (!over)
        lines.append({QStringLiteral("Forecast"), minutesText(u.forecastDowntimeMinutes)});
    return lines;
}

StatusUpdateWriter::Lines StatusUpdateWriter::heading(const StatusUpdate &u)
{
    return {{QStringLiteral("Status"), statusLine(u)},
            {QStringLiteral("Phase"), StatusUpdate::phaseTitle(u.phase)},
            {QStringLiteral("Progress"), progressLine(u)}};
}

QList<StatusUpdateWriter::Part> StatusUpdateWriter::parts(const StatusUpdate &u)
{
    auto unlabelled = [](const QStringList &lines) {
        Lines result;
        for (const QString &line : lines)
            result.append({QString(), line});
        return result;
    };
    QStringList completed, inProgress, next, issues;
    for (const Item &i : u.completed)
        completed.append(completedLine(u, i));
    for (const Item &i : u.inProgress)
        inProgress.append(inProgressLine(u, i));
    for (const Item &i : u.next)
        next.append(nextLine(u, i));
    for (const StatusUpdate::Issue &i : u.issues)
        issues.append(issueLine(i));
    return {
        {QStringLiteral("Completed"), unlabelled(completed), QStringLiteral("nothing yet")},
        {QStringLiteral("Currently In Progress"), unlabelled(inProgress), QStringLiteral("none")},
        {QStringLiteral("Next Steps"), unlabelled(next), noNextSteps(u)},
        {QStringLiteral("Metrics"), metrics(u), {}},
        {QStringLiteral("Issues/Risks"), unlabelled(issues), QStringLiteral("none")},
        {QStringLiteral("Downtime"), downtime(u), {}}};
}

QString StatusUpdateWriter::text(const StatusUpdate &u)
{
    auto list = [](const Lines &lines) {
        QString t;
        for (const auto &[label, value] : lines)
            t += QStringLiteral("- ") +
                 (label.isEmpty() ? value : label + QStringLiteral(": ") + value) +
                 QLatin1Char('\n');
        return t;
    };
    QString t = QStringLiteral("Subject: %1\n\n").arg(u.subject());
    for (const auto &[label, value] : heading(u))
        t += label + QStringLiteral(": ") + value + QLatin1Char('\n');
    for (const Part &part : parts(u))
        t += QStringLiteral("\n%1:\n").arg(part.heading) +
             (part.lines.isEmpty() ? QStringLiteral("- %1\n").arg(part.none) : list(part.lines));
    return t + QStringLiteral("\nNext Update: %1\n").arg(time(u, u.nextUpdate));
}

QString StatusUpdateWriter::markdown(const StatusUpdate &u)
{
    auto list = [](const Lines &lines) {
        QString t;
        for (const auto &[label, value] : lines)
            t += QStringLiteral("- ") +
                 (label.isEmpty() ? md(value)
                                  : QStringLiteral("**%1:** %2").arg(md(label), md(value))) +
                 QLatin1Char('\n');
        return t + QLatin1Char('\n');
    };
    QString t = QStringLiteral("# %1\n\n").arg(md(u.subject())) + list(heading(u));
    for (const Part &part : parts(u))
        t += QStringLiteral("## %1\n\n").arg(md(part.heading)) +
             (part.lines.isEmpty() ? QStringLiteral("- _%1_\n\n").arg(md(part.none))
                                   : list(part.lines));
    return t + QStringLiteral("**Next Update:** %1\n").arg(md(time(u, u.nextUpdate)));
}

} // namespace cutover
