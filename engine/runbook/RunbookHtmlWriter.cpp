#include "runbook/RunbookHtmlWriter.h"

#include "project/RunbookVocabulary.h"
#include "report/HtmlText.h"
#include "runbook/RunbookHtml.h"
#include "runbook/RunbookStateVocabulary.h"
#include "runbook/RunbookSummary.h"
#include "runbook/RunbookText.h"

namespace cutover {

namespace {

using Step = RunbookDocument::Step;
using Cell = HtmlText::Cell;

QString esc(const QString &text)
{
    return HtmlText::escape(text);
}

QString tag(const QString &text, const QString &cssClass = QStringLiteral("tag"))
{
    return QStringLiteral(" <span class=\"%1\">%2</span>").arg(cssClass, esc(text));
}

// A short figure kept on one line: "1 h 30 min" split over two reads as two figures.
QString unbroken(const QString &text)
{
    return esc(text).replace(QLatin1Char(' '), QLatin1String("&nbsp;"));
}

QString lateHtml(int minutes)
{
    if (minutes == 0)
        return {};
    return QStringLiteral("<span class=\"%1\">%2</span>")
        .arg(minutes > 0 ? QStringLiteral("late") : QStringLiteral("early"),
             unbroken(RunbookText::late(minutes)));
}

QString cellClass(const Step &s, const QString &cssClass = {})
{
    const bool now = s.state.status == StepStatus::InProgress;
    if (!now)
        return cssClass;
    return cssClass.isEmpty() ? QStringLiteral("now") : cssClass + QStringLiteral(" now");
}

QString rehearsalCell(const RehearsalDurations::Cell &c)
{
    if (c.status == StepStatus::Done && c.minutes)
        return unbroken(RunbookText::minutes(*c.minutes));
    if (c.status == StepStatus::Pending)
        return QStringLiteral("<span class=\"muted\">\u2014</span>");
    return RunbookHtml::status(c.status);
}

} // namespace

RunbookHtmlWriter::RunbookHtmlWriter(Flavour flavour)
    : m_flavour(flavour)
{}

QString RunbookHtmlWriter::title(const RunbookDocument &d)
{
    return QStringLiteral("Runbook \u2014 %1 \u2014 %2")
        .arg(d.project, d.now.toString(QStringLiteral("yyyy-MM-dd")));
}

QString RunbookHtmlWriter::write(const RunbookDocument &d) const
{
    const QString body = masthead(d) + facts(d) + reasons(d) + criticalPath(d) + sections(d) +
                         signoffs(d) + rehearsals(d) + footer(d);
    return RunbookHtml::page(title(d), body, rich());
}

QString RunbookHtmlWriter::masthead(const RunbookDocument &d) const
{
    const QString route = esc(RunbookSummary::route(d).join(QStringLiteral(" \u00b7 ")));
    const QString meaning = esc(RunbookText::ragMeaning(d.rag));
    if (rich())
        return QStringLiteral("<p class=\"eyebrow\">CUTOVER RUNBOOK</p><h1>%1 &nbsp;%2</h1>"
                              "<p class=\"route\">%3 \u00b7 status %4</p>")
            .arg(esc(d.project), RunbookHtml::ragBadge(d.rag, true), route, meaning);
    return QStringLiteral("<header class=\"masthead\"><div><p class=\"eyebrow\">Cutover runbook</p>"
                          "<h1>%1</h1><p class=\"route\">%2</p></div><div class=\"verdict\">%3"
                          "<span class=\"meaning\">%4</span></div></header>")
        .arg(esc(d.project), route, RunbookHtml::ragBadge(d.rag, false), meaning);
}

QString RunbookHtmlWriter::facts(const RunbookDocument &d) const
{
    QList<std::pair<QString, QString>> rows;
    for (const auto &[label, value] : RunbookSummary::facts(d))
        rows.append({label, esc(value)});
    return RunbookHtml::keyValues(rows);
}

QString RunbookHtmlWriter::reasons(const RunbookDocument &d) const
{
    if (d.ragReasons.isEmpty())
        return {};
    const QString heading = QStringLiteral("Why %1 (%2)")
                                .arg(RunbookText::ragLabel(d.rag), RunbookText::ragMeaning(d.rag));
    return RunbookHtml::box(heading, d.ragReasons, RunbookHtml::ragColour(d.rag), rich());
}

QString RunbookHtmlWriter::criticalPath(const RunbookDocument &d) const
{
    if (d.criticalPath.isEmpty())
        return {};
    return QStringLiteral("<p class=\"path\"><b>Critical path</b> (steps marked "
                          "<span class=\"tag critical\">critical</span>): %1</p>")
        .arg(esc(RunbookSummary::criticalPath(d).join(QStringLiteral(" \u2192 "))));
}

QString RunbookHtmlWriter::sections(const RunbookDocument &d) const
{
    if (d.steps.isEmpty())
        return RunbookHtml::none(QStringLiteral("The runbook has no steps yet."));
    QString html;
    QList<Step> run;
    for (const Step &s : d.steps) {
        if (!run.isEmpty() && run.constFirst().plan.section != s.plan.section) {
            html += section(d, run);
            run.clear();
        }
        run.append(s);
    }
    return html + section(d, run);
}

QString RunbookHtmlWriter::section(const RunbookDocument &d, const QList<Step> &steps) const
{
    const QDateTime &ref = d.anchor;
    QList<QList<Cell>> rows;
    for (const Step &s : steps) {
        const QString progress = RunbookText::progress(s.state, s.times, ref);
        rows.append(
            {HtmlText::raw(RunbookHtml::status(s.state.status), cellClass(s)),
             HtmlText::raw(stepCell(s) + details(d, s), cellClass(s)),
             Cell(RunbookText::owner(s.plan.owner), cellClass(s)),
             HtmlText::raw(unbroken(RunbookText::minutes(s.times.durationMinutes)),
                           cellClass(s, QStringLiteral("num"))),
             Cell(RunbookText::span(s.times.plannedStart, s.times.plannedEnd, ref),
                  cellClass(s, QStringLiteral("time"))),
             Cell(progress, cellClass(s, RunbookText::isForecast(s.state.status)
                                             ? QStringLiteral("time forecast")
                                             : QStringLiteral("time"))),
             HtmlText::raw(lateHtml(s.times.lateMinutes), cellClass(s, QStringLiteral("num")))});
    }
    const QString title = RunbookVocabulary::sectionTitle(steps.constFirst().plan.section);
    return (rich() ? QString() : HtmlText::heading(2, title)) +
           RunbookHtml::table({{QStringLiteral("Status"), 11},
                               {QStringLiteral("Step"), 0},
                               {QStringLiteral("Owner"), 12},
                               {QStringLiteral("Duration#"), 9},
                               {QStringLiteral("Planned"), 12},
                               {QStringLiteral("Actual / forecast"), 13},
                               {QStringLiteral("vs plan#"), 10}},
                              rows, rich() ? title : QString());
}

QString RunbookHtmlWriter::stepCell(const Step &s) const
{
    QString html = QStringLiteral("<span class=\"title\">%1</span> <span class=\"id\">%2</span>")
                       .arg(esc(s.plan.title), esc(s.plan.id));
    if (s.times.critical)
        html += tag(QStringLiteral("critical"), QStringLiteral("tag critical"));
    if (s.plan.gate.enabled)
        html += tag(QStringLiteral("gate"), QStringLiteral("tag gate"));
    if (s.plan.isContingency())
        html += tag(QStringLiteral("contingency"));
    else if (s.plan.isOutsideCutover())
        html += tag(QStringLiteral("after the cutover"));
    if (s.plan.isAutomated())
        html += tag(RunbookText::action(s.plan));
    if (!s.plan.description.isEmpty())
        html += (rich() ? QStringLiteral("<br><span class=\"desc\">%1</span>")
                        : QStringLiteral("<div class=\"desc\">%1</div>"))
                    .arg(esc(s.plan.description));
    return html;
}

// Who changed it, evidence, notes and a gate's conditions: what a reader checks the step
// against. Each line carries its own mark (a bullet, or whether the condition holds).
QString RunbookHtmlWriter::details(const RunbookDocument &d, const Step &s) const
{
    const QString bullet = QStringLiteral("\u2022 ");
    QStringList lines;
    if (!s.state.changedBy.isEmpty() && s.state.status != StepStatus::Pending)
        lines.append(bullet + esc(QStringLiteral("%1 by %2")
                                      .arg(RunbookStateVocabulary::statusTitle(s.state.status),
                                           s.state.changedBy)));
    for (const Evidence &e : s.state.evidence)
        lines.append(bullet + QStringLiteral("<b>Evidence:</b> ") + esc(RunbookText::evidence(e)));
    for (const StepNote &n : s.state.notes)
        lines.append(bullet +
                     QStringLiteral("<b>Note</b> (%1, %2): %3")
                         .arg(esc(n.who), esc(RunbookText::clock(n.at, d.anchor)), esc(n.text)));
    if (s.gate) {
        for (const QString &met : s.gate->met)
            lines.append(QStringLiteral("<span class=\"ok\">\u2713</span> ") + esc(met));
        for (const QString &blocker : s.gate->blockers)
            lines.append(QStringLiteral("<span class=\"bad\">\u2717</span> ") + esc(blocker));
    }
    if (lines.isEmpty())
        return {};
    // QTextDocument indents a list by half the cell's width: plain lines there.
    if (rich())
        return QStringLiteral("<br><span class=\"details\">%1</span>")
            .arg(lines.join(QStringLiteral("<br>")));
    return RunbookHtml::list(lines, QStringLiteral("details"));
}

QString RunbookHtmlWriter::signoffs(const RunbookDocument &d) const
{
    if (!d.execution || (d.execution->signoffs.isEmpty() && !d.execution->decision))
        return {};
    QString html = HtmlText::heading(2, QStringLiteral("Sign-offs and decision"));
    if (d.execution->decision)
        html += HtmlText::paragraph(QStringLiteral("Decision: ") +
                                    RunbookText::goNoGo(*d.execution->decision, d.now));
    if (d.execution->signoffs.isEmpty())
        return html;
    QList<QList<Cell>> rows;
    for (const SignOff &s : d.execution->signoffs)
        rows.append({Cell(RunbookText::clock(s.at, d.anchor), QStringLiteral("time")),
                     Cell(d.titleOf(s.step)), Cell(s.name), Cell(s.role),
                     Cell(RunbookText::decision(s.decision),
                          s.approves() ? QStringLiteral("ok") : QStringLiteral("bad")),
                     Cell(s.comment)});
    return html + RunbookHtml::table({{QStringLiteral("Time"), 8},
                                      {QStringLiteral("Step"), 18},
                                      {QStringLiteral("Name"), 15},
                                      {QStringLiteral("Role"), 17},
                                      {QStringLiteral("Decision"), 14},
                                      {QStringLiteral("Comment"), 0}},
                                     rows);
}

QString RunbookHtmlWriter::rehearsals(const RunbookDocument &d) const
{
    const RehearsalDurations::Comparison &c = d.rehearsals;
    if (c.rehearsals.isEmpty())
        return {};
    QList<RunbookHtml::Column> columns{{QStringLiteral("Step"), 0},
                                       {QStringLiteral("Planned#"), 11},
                                       {QStringLiteral("Median#"), 11}};
    // The step's title keeps a third of the width; the rehearsals share the rest.
    const int each = std::min<int>(14, 44 / c.rehearsals.size());
    for (const RehearsalDurations::Rehearsal &r : c.rehearsals)
        columns.append(
            {QStringLiteral("%1 %2#").arg(
                 r.id, r.started.toTimeZone(d.now.timeZone()).toString(QStringLiteral("MM-dd"))),
             each});
    QList<QList<Cell>> rows;
    for (const RehearsalDurations::Row &r : c.rows) {
        QList<Cell> row{
            Cell(r.title.isEmpty() ? r.stepId : r.title),
            HtmlText::raw(unbroken(RunbookText::minutes(r.plannedMinutes)), QStringLiteral("num")),
            HtmlText::raw(r.median ? unbroken(RunbookText::minutes(*r.median))
                                   : QStringLiteral("\u2014"),
                          QStringLiteral("num"))};
        for (const RehearsalDurations::Cell &cell : r.cells)
            row.append(HtmlText::raw(rehearsalCell(cell), QStringLiteral("num")));
        rows.append(row);
    }
    return HtmlText::heading(2, QStringLiteral("Rehearsals compared")) +
           HtmlText::paragraph(QStringLiteral("How long each step took in the last %1 "
                                              "rehearsals, newest first; the median plans the "
                                              "steps that take their duration from rehearsals.")
                                   .arg(c.rehearsals.size()),
                               QStringLiteral("muted")) +
           RunbookHtml::table(columns, rows);
}

QString RunbookHtmlWriter::footer(const RunbookDocument &d) const
{
    return QStringLiteral("<footer><p>Runbook of %1 \u00b7 made by Cutover %2 at %3. Planned "
                          "times run from the start of the execution shown (else the plan's "
                          "start); steps after the cutover and the rollback contingency are left "
                          "out of its end and window.</p></footer>")
        .arg(esc(d.project), QStringLiteral(CUTOVER_VERSION),
             esc(RunbookText::dateTime(d.now, d.now)));
}

} // namespace cutover
