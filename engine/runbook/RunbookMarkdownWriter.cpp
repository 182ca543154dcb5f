#include "runbook/RunbookMarkdownWriter.h"

#include "project/RunbookVocabulary.h"
#include "report/MarkdownReportWriter.h"
#include "runbook/RunbookSummary.h"
#include "runbook/RunbookText.h"

namespace cutover {

namespace {

using Step = RunbookDocument::Step;

QString esc(const QString &text)
{
    return MarkdownReportWriter::escape(text);
}

QString heading(int level, const QString &text)
{
    return QString(level, QLatin1Char('#')) + QLatin1Char(' ') + text + QStringLiteral("\n\n");
}

QString bullets(const QStringList &items, int indent = 0)
{
    QString md;
    for (const QString &item : items)
        md += QString(indent, QLatin1Char(' ')) + QStringLiteral("- ") + item + QLatin1Char('\n');
    return md;
}

QString stepName(const Step &s)
{
    QStringList tags;
    if (s.times.critical)
        tags.append(QStringLiteral("**critical**"));
    if (s.plan.gate.enabled)
        tags.append(QStringLiteral("**gate**"));
    if (s.plan.isContingency())
        tags.append(QStringLiteral("contingency"));
    else if (s.plan.isOutsideCutover())
        tags.append(QStringLiteral("after the cutover"));
    if (s.plan.isAutomated())
        tags.append(esc(RunbookText::action(s.plan)));
    QString name =
        QStringLiteral("**%1** %2").arg(esc(s.plan.title), MarkdownReportWriter::code(s.plan.id));
    if (!tags.isEmpty())
        name += QStringLiteral(" \u00b7 ") + tags.join(QStringLiteral(" \u00b7 "));
    return name;
}

QStringList detailLines(const RunbookDocument &d, const Step &s)
{
    QStringList lines;
    for (const Evidence &e : s.state.evidence)
        lines.append(QStringLiteral("Evidence: ") + esc(RunbookText::evidence(e)));
    for (const StepNote &n : s.state.notes)
        lines.append(QStringLiteral("Note (%1, %2): %3")
                         .arg(esc(n.who), esc(RunbookText::clock(n.at, d.anchor)), esc(n.text)));
    if (s.gate) {
        for (const QString &met : s.gate->met)
            lines.append(QStringLiteral("\u2713 ") + esc(met));
        for (const QString &blocker : s.gate->blockers)
            lines.append(QStringLiteral("\u2717 **") + esc(blocker) + QStringLiteral("**"));
    }
    return lines;
}

QString rehearsalCell(const RehearsalDurations::Cell &c)
{
    if (c.status == StepStatus::Done && c.minutes)
        return RunbookText::minutes(*c.minutes);
    if (c.status == StepStatus::Pending)
        return QStringLiteral("\u2014");
    return RunbookText::statusLabel(c.status);
}

} // namespace

QString RunbookMarkdownWriter::write(const RunbookDocument &d) const
{
    QString md = header(d);
    if (d.steps.isEmpty())
        md += QStringLiteral("_The runbook has no steps yet._\n\n");
    QList<Step> run;
    for (const Step &s : d.steps) {
        if (!run.isEmpty() && run.constFirst().plan.section != s.plan.section) {
            md += section(d, run);
            run.clear();
        }
        run.append(s);
    }
    if (!run.isEmpty())
        md += section(d, run);
    md += signoffs(d) + rehearsals(d);
    md += QStringLiteral("---\n\n_Made by Cutover %1 at %2._\n")
              .arg(QStringLiteral(CUTOVER_VERSION), esc(RunbookText::dateTime(d.now, d.now)));
    return md;
}

QString RunbookMarkdownWriter::header(const RunbookDocument &d)
{
    QString md = heading(1, QStringLiteral("Runbook \u2014 ") + esc(d.project));
    const QString status = QStringLiteral("**Status: %1** (%2)")
                               .arg(RunbookText::ragLabel(d.rag), RunbookText::ragMeaning(d.rag));
    md += status + QStringLiteral(" \u00b7 ") +
          esc(RunbookSummary::route(d).join(QStringLiteral(" \u00b7 "))) + QStringLiteral("\n\n");
    QStringList facts;
    for (const auto &[label, value] : RunbookSummary::facts(d))
        facts.append(QStringLiteral("**%1:** %2").arg(esc(label), esc(value)));
    md += bullets(facts) + QLatin1Char('\n');
    if (!d.ragReasons.isEmpty()) {
        QStringList reasons;
        for (const QString &r : d.ragReasons)
            reasons.append(esc(r));
        md += QStringLiteral("**Why %1:**\n\n").arg(RunbookText::ragLabel(d.rag)) +
              bullets(reasons) + QLatin1Char('\n');
    }
    if (!d.criticalPath.isEmpty())
        md += QStringLiteral("**Critical path:** ") +
              esc(RunbookSummary::criticalPath(d).join(QStringLiteral(" \u2192 "))) +
              QStringLiteral("\n\n");
    return md;
}

QString RunbookMarkdownWriter::section(const RunbookDocument &d, const QList<Step> &steps)
{
    QList<QStringList> rows;
    for (const Step &s : steps) {
        const QString progress = RunbookText::progress(s.state, s.times, d.anchor);
        rows.append({RunbookText::statusLabel(s.state.status), stepName(s),
                     esc(RunbookText::owner(s.plan.owner)),
                     RunbookText::minutes(s.times.durationMinutes),
                     RunbookText::span(s.times.plannedStart, s.times.plannedEnd, d.anchor),
                     RunbookText::isForecast(s.state.status)
                         ? QLatin1Char('_') + progress + QLatin1Char('_')
                         : progress,
                     RunbookText::late(s.times.lateMinutes)});
    }
    return heading(2, esc(RunbookVocabulary::sectionTitle(steps.constFirst().plan.section))) +
           MarkdownReportWriter::table(
               {QStringLiteral("Status"), QStringLiteral("Step"), QStringLiteral("Owner"),
                QStringLiteral("Duration#"), QStringLiteral("Planned"),
                QStringLiteral("Actual / forecast"), QStringLiteral("vs plan#")},
               rows) +
           details(d, steps);
}

// Descriptions, evidence, notes and gate conditions do not fit a table row: they follow it.
QString RunbookMarkdownWriter::details(const RunbookDocument &d, const QList<Step> &steps)
{
    QString md;
    for (const Step &s : steps) {
        const QStringList lines = detailLines(d, s);
        if (s.plan.description.isEmpty() && lines.isEmpty())
            continue;
        QString item = QStringLiteral("**%1** %2")
                           .arg(esc(s.plan.title), MarkdownReportWriter::code(s.plan.id));
        if (!s.plan.description.isEmpty())
            item += QStringLiteral(": ") + esc(s.plan.description);
        md += bullets({item}) + bullets(lines, 2);
    }
    return md.isEmpty() ? md : md + QLatin1Char('\n');
}

QString RunbookMarkdownWriter::signoffs(const RunbookDocument &d)
{
    if (!d.execution || (d.execution->signoffs.isEmpty() && !d.execution->decision))
        return {};
    QString md = heading(2, QStringLiteral("Sign-offs and decision"));
    if (d.execution->decision)
        md += QStringLiteral("**Decision:** ") +
              esc(RunbookText::goNoGo(*d.execution->decision, d.now)) + QStringLiteral("\n\n");
    if (d.execution->signoffs.isEmpty())
        return md;
    QList<QStringList> rows;
    for (const SignOff &s : d.execution->signoffs)
        rows.append({RunbookText::clock(s.at, d.anchor), esc(d.titleOf(s.step)), esc(s.name),
                     esc(s.role), RunbookText::decision(s.decision), esc(s.comment)});
    return md + MarkdownReportWriter::table({QStringLiteral("Time"), QStringLiteral("Step"),
                                             QStringLiteral("Name"), QStringLiteral("Role"),
                                             QStringLiteral("Decision"), QStringLiteral("Comment")},
                                            rows);
}

QString RunbookMarkdownWriter::rehearsals(const RunbookDocument &d)
{
    const RehearsalDurations::Comparison &c = d.rehearsals;
    if (c.rehearsals.isEmpty())
        return {};
    QStringList headers{QStringLiteral("Step"), QStringLiteral("Planned#"),
                        QStringLiteral("Median#")};
    for (const RehearsalDurations::Rehearsal &r : c.rehearsals)
        headers.append(QStringLiteral("%1 %2#").arg(
            r.id, r.started.toTimeZone(d.now.timeZone()).toString(QStringLiteral("MM-dd"))));
    QList<QStringList> rows;
    for (const RehearsalDurations::Row &r : c.rows) {
        QStringList row{esc(r.title.isEmpty() ? r.stepId : r.title),
                        RunbookText::minutes(r.plannedMinutes),
                        r.median ? RunbookText::minutes(*r.median) : QStringLiteral("\u2014")};
        for (const RehearsalDurations::Cell &cell : r.cells)
            row.append(rehearsalCell(cell));
        rows.append(row);
    }
    return heading(2, QStringLiteral("Rehearsals compared")) +
           QStringLiteral("How long each step took in the last %1 rehearsals, newest first.\n\n")
               .arg(c.rehearsals.size()) +
           MarkdownReportWriter::table(headers, rows);
}

} // namespace cutover
