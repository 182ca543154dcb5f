#include "runbook/RunbookDocument.h"
#include "runbook/RunbookHtmlWriter.h"
#include "runbook/RunbookMarkdownWriter.h"
#include "runbook/RunbookText.h"
#include "runbook/StatusUpdate.h"
#include "runbook/StatusUpdateHtmlWriter.h"
#include "runbook/StatusUpdateWriter.h"

#include <QRegularExpression>
#include <QTest>

using namespace cutover;

// The runbook's Markdown and HTML exports and the status update's HTML and Markdown, on a
// hand-made runbook whose titles, owners, notes and evidence are full of markup: all of it must
// come out as text.
namespace {

using Section = RunbookStep::Section;

const QString kEvil = QStringLiteral("<script>alert('x')</script> & \"q\" | *b* `c`");

QDateTime at(const QString &clock, int day = 4)
{
    return QDateTime(QDate(2024, 5, day), QTime::fromString(clock, QStringLiteral("HH:mm")),
                     QTimeZone::utc());
}

RunbookStep step(const QString &id, Section section, int minutes, const QStringList &after = {})
{
    RunbookStep s;
    s.id = id;
    s.title = QStringLiteral("Title of ") + id;
    s.section = section;
    s.durationMinutes = minutes;
    s.after = after;
    s.owner = {QStringLiteral("Ann"), QStringLiteral("DBA")};
    return s;
}

// prep 60 -> load 240 (automated, phase wave-1) -> go 30 (a gate), and a rollback after go;
// from 22:00 in a 6 h window, so load ends 03:00 the day after.
RunbookPlan plan()
{
    RunbookPlan p;
    p.strategy = QStringLiteral("phased");
    p.windowMinutes = 360;
    p.plannedStart = at(QStringLiteral("22:00"));
    RunbookStep prep = step(QStringLiteral("prep"), Section::PreMigration, 60);
    prep.title = QStringLiteral("Prepare ") + kEvil;
    prep.description = QStringLiteral("Check <b>everything</b>");
    prep.owner = {kEvil, QStringLiteral("Lead")};
    RunbookStep load =
        step(QStringLiteral("load"), Section::Execution, 240, {QStringLiteral("prep")});
    load.action = RunbookStep::Action::Run;
    load.phase = QStringLiteral("wave-1");
    RunbookStep go = step(QStringLiteral("go"), Section::Decision, 30, {QStringLiteral("load")});
    go.gate.enabled = true;
    go.gate.signoffs = {QStringLiteral("Director")};
    p.steps = {prep, load, go,
               step(QStringLiteral("rollback"), Section::Rollback, 60, {QStringLiteral("go")})};
    return p;
}

RunbookExecution execution()
{
    RunbookExecution e;
    e.id = QStringLiteral("r1");
    e.mode = RunbookExecution::Mode::Rehearsal;
    e.started = at(QStringLiteral("22:00"));
    e.startedBy = QStringLiteral("alice");
    StepState prep;
    prep.status = StepStatus::Done;
    prep.started = at(QStringLiteral("22:00"));
    prep.finished = at(QStringLiteral("23:10"));
    prep.changedBy = QStringLiteral("alice");
    prep.notes.append({at(QStringLiteral("22:30")), QStringLiteral("bob"), kEvil});
    prep.evidence.append({Evidence::Kind::Link, QStringLiteral("https://x.example/?a=1&b=<2>"),
                          QStringLiteral("ticket ") + kEvil, at(QStringLiteral("23:00")),
                          QStringLiteral("bob")});
    e.steps.insert(QStringLiteral("prep"), prep);
    StepState load;
    load.status = StepStatus::InProgress;
    load.started = at(QStringLiteral("23:10"));
    e.steps.insert(QStringLiteral("load"), load);
    e.signoffs.append({QStringLiteral("go"), QStringLiteral("Dana <D>"), QStringLiteral("Director"),
                       SignOff::Decision::Reject, kEvil, at(QStringLiteral("23:20")),
                       QStringLiteral("alice")});
    return e;
}

RunbookDocument document(bool withRehearsal = true)
{
    RunbookDocument::Inputs inputs;
    inputs.projectName = QStringLiteral("Clinic <demo>");
    inputs.plan = plan();
    if (withRehearsal)
        inputs.state.executions = {execution()};
    inputs.now = at(QStringLiteral("23:30"));
    const auto d = RunbookDocument::assemble(inputs);
    if (!d)
        qFatal("%s", qPrintable(d.error().toString()));
    return *d;
}

// The text of an HTML document's body without its tags, as a reader sees it (entities left).
QString bodyText(const QString &html)
{
    QString body = html.mid(html.indexOf(QLatin1String("<body>")));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    return body.remove(tags);
}

void verifyEscaped(const QString &html)
{
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(!html.contains(QLatin1String("<b>everything")));
    QVERIFY(!html.contains(QLatin1String("<demo>")));
    QVERIFY(!html.contains(QLatin1String("Dana <D>")));
    const QString text = bodyText(html);
    QVERIFY(!text.contains(QLatin1Char('<')));
    QVERIFY(!text.contains(QLatin1Char('>')));
}

// The unescaped '|' of a Markdown table row: its cell borders.
int pipes(const QString &line)
{
    int n = 0;
    for (qsizetype i = 0; i < line.size(); ++i)
        if (line.at(i) == QLatin1Char('|') && (i == 0 || line.at(i - 1) != QLatin1Char('\\')))
            ++n;
    return n;
}

} // namespace

class TestRunbookExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentHoldsTheStepsWithTheirStateAndGate()
    {
        const RunbookDocument d = document();
        QCOMPARE(d.steps.size(), 4);
        QVERIFY(d.execution);
        QCOMPARE(d.steps.at(0).state.status, StepStatus::Done);
        QCOMPARE(d.steps.at(1).times.forecastEnd, at(QStringLiteral("03:10"), 5));
        QCOMPARE(d.steps.at(1).times.lateMinutes, 10);
        // The gate's check, with the facts: the rejection, the missing report.
        const auto &gate = d.steps.at(2).gate;
        QVERIFY(gate);
        QVERIFY(gate->blockers.join(QLatin1Char('\n')).contains(QLatin1String("rejected")));
        QVERIFY(gate->blockers.join(QLatin1Char('\n'))
                    .contains(QLatin1String("No reconciliation report yet")));
        QVERIFY(!d.steps.at(3).gate); // not a gate
        QCOMPARE(d.criticalPath, (QStringList{QStringLiteral("prep"), QStringLiteral("load"),
                                              QStringLiteral("go")}));
        QCOMPARE(d.rehearsals.rehearsals.size(), 1);
        QCOMPARE(d.anchor, at(QStringLiteral("22:00")));
    }

    void withoutExecutionsItIsThePlan()
    {
        const RunbookDocument d = document(false);
        QVERIFY(!d.execution);
        QVERIFY(d.rehearsals.rehearsals.isEmpty());
        QCOMPARE(d.steps.at(0).state.status, StepStatus::Pending);
        QVERIFY(d.steps.at(2).gate); // what the gate would need
        const QString html = RunbookHtmlWriter().write(d);
        QVERIFY(html.contains(QLatin1String("nothing under way yet")));
        QVERIFY(!html.contains(QLatin1String("Rehearsals compared")));
    }

    void theNewestEndedExecutionIsShownWhenNoneIsOpen()
    {
        RunbookDocument::Inputs inputs;
        inputs.plan = plan();
        RunbookExecution e = execution();
        e.ended = at(QStringLiteral("23:20"));
        inputs.state.executions = {e};
        inputs.now = at(QStringLiteral("09:00"), 6);
        const RunbookDocument d = *RunbookDocument::assemble(inputs);
        QVERIFY(d.execution);
        QCOMPARE(d.clock, e.ended);
        // Forecast at its end, not at now: the load had run ten minutes.
        QCOMPARE(d.steps.at(1).times.forecastEnd, at(QStringLiteral("03:10"), 5));
    }

    void htmlEscapesEveryText_data()
    {
        QTest::addColumn<bool>("richText");
        QTest::newRow("browser") << false;
        QTest::newRow("rich text") << true;
    }

    void htmlEscapesEveryText()
    {
        QFETCH(bool, richText);
        const RunbookHtmlWriter writer(richText ? RunbookHtmlWriter::Flavour::RichText
                                                : RunbookHtmlWriter::Flavour::Browser);
        const QString html = writer.write(document());
        verifyEscaped(html);
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                                            "&amp; &quot;q&quot;")));
        QVERIFY(html.contains(QStringLiteral("<title>Runbook \u2014 Clinic &lt;demo&gt; \u2014 "
                                             "2024-05-04</title>")));
        QVERIFY(html.contains(QLatin1String("Dana &lt;D&gt;")));
        QVERIFY(html.contains(QLatin1String("https://x.example/?a=1&amp;b=&lt;2&gt;")));
    }

    void htmlShowsTheRagInWordsNotColourAlone()
    {
        const QString html = RunbookHtmlWriter().write(document());
        // The load runs past the plan and the gate is rejected off... the RAG is amber.
        const RunbookDocument d = document();
        const QString label = RunbookText::ragLabel(d.rag);
        QVERIFY(html.contains(QStringLiteral("<span class=\"badge %1\">%2</span>")
                                  .arg(RunbookSchedule::ragName(d.rag), label)));
        QVERIFY(label.contains(RunbookSchedule::ragName(d.rag).toUpper()));
        for (const QString &reason : d.ragReasons)
            QVERIFY2(html.contains(reason.toHtmlEscaped()), qPrintable(reason));
        // Every step status is a symbol and a word.
        QVERIFY(html.contains(QStringLiteral("\u2713&nbsp;Done")));
        QVERIFY(html.contains(QStringLiteral("\u25b6&nbsp;In&nbsp;progress")));
        QVERIFY(html.contains(QStringLiteral("\u25cb&nbsp;Pending")));
    }

    void htmlShowsTimesEvidenceNotesGateAndSignoffs()
    {
        const QString html = RunbookHtmlWriter().write(document());
        QVERIFY(html.contains(QLatin1String("<h2>Pre-migration</h2>")));
        QVERIFY(html.contains(QLatin1String("<h2>Rollback (contingency)</h2>")));
        QVERIFY(html.indexOf(QLatin1String("<h2>Execution</h2>")) <
                html.indexOf(QLatin1String("<h2>Cutover decision</h2>")));
        QVERIFY(html.contains(QStringLiteral("23:00\u201303:00 +1d"))); // load, planned
        QVERIFY(html.contains(QLatin1String("since 23:10, ETA 03:10 +1d")));
        QVERIFY(html.contains(QLatin1String("+10&nbsp;min")));
        QVERIFY(html.contains(QLatin1String("<b>Evidence:</b> ticket &lt;script&gt;")));
        QVERIFY(html.contains(QLatin1String("<b>Note</b> (bob, 22:30)")));
        QVERIFY(html.contains(QStringLiteral("\u2717</span> Dana &lt;D&gt; (Director) rejected")));
        QVERIFY(html.contains(QLatin1String("automated: run of phase wave-1")));
        QVERIFY(html.contains(QLatin1String("<h2>Sign-offs and decision</h2>")));
        QVERIFY(html.contains(QStringLiteral("\u2717 Reject")));
        QVERIFY(html.contains(QLatin1String("<h2>Rehearsals compared</h2>")));
    }

    void markdownTablesKeepTheirShape()
    {
        const QString md = RunbookMarkdownWriter().write(document());
        int tables = 0;
        int columns = 0;
        for (const QString &line : md.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1Char('|'))) {
                columns = 0;
                continue;
            }
            if (columns == 0) {
                columns = pipes(line);
                ++tables;
            }
            QVERIFY2(pipes(line) == columns, qPrintable(line));
        }
        QVERIFY2(tables >= 6, qPrintable(md)); // 4 sections, sign-offs, rehearsals
        QVERIFY(md.contains(QLatin1String(
            "| Status | Step | Owner | Duration | Planned | Actual / forecast | vs plan |\n"
            "|---|---|---|--:|---|---|--:|\n")));
        QVERIFY(md.contains(QLatin1String("\\| \\*b\\* \\`c\\`")));
        QVERIFY(!md.contains(QLatin1String("<script>")));
        QVERIFY(!md.contains(QLatin1String("<b>everything")));
        QVERIFY(md.contains(QStringLiteral("# Runbook \u2014 Clinic &lt;demo&gt;")));
        QVERIFY(md.contains(QStringLiteral("| \u25b6 In progress | **Title of load** `load`")));
        QVERIFY(md.contains(QStringLiteral("_forecast 03:10\u201303:40 +1d_")));
        QVERIFY(md.contains(QStringLiteral("  - \u2717 **No reconciliation report yet")));
    }

    void statusUpdateHtmlEscapesAndSaysTheStatusInWords()
    {
        const StatusUpdate u = StatusUpdate::of(document());
        for (bool rich : {false, true}) {
            const QString html = StatusUpdateHtmlWriter::write(u, rich);
            verifyEscaped(html);
            QVERIFY(html.contains(QLatin1String("Clinic &lt;demo&gt;")));
            QVERIFY(html.contains(QLatin1String("ISSUES ENCOUNTERED")) ||
                    html.contains(QLatin1String("IN PROGRESS")));
            QVERIFY(html.contains(QLatin1String("Currently in progress")));
            QVERIFY(html.contains(QLatin1String("Title of load")));
        }
    }

    void statusUpdateMarkdownEscapes()
    {
        const QString md = StatusUpdateWriter::markdown(StatusUpdate::of(document()));
        QVERIFY(md.startsWith(QLatin1String("# \\[MIGRATION-Clinic &lt;demo&gt;\\] Rehearsal "
                                            "Status - 2024-05-04 23:30 UTC\n\n")));
        QVERIFY(md.contains(QLatin1String("- **Status:** ")));
        QVERIFY(md.contains(QLatin1String("## Issues/Risks")));
        QVERIFY(!md.contains(QLatin1String("<script>")));
    }

    void clockTimesCountDaysFromTheStart()
    {
        const QDateTime start = at(QStringLiteral("22:00"));
        QCOMPARE(RunbookText::clock(at(QStringLiteral("23:59")), start), QStringLiteral("23:59"));
        QCOMPARE(RunbookText::clock(at(QStringLiteral("01:00"), 5), start),
                 QStringLiteral("01:00 +1d"));
        QCOMPARE(RunbookText::clock(at(QStringLiteral("01:00"), 3), start),
                 QStringLiteral("01:00 \u22121d"));
        QCOMPARE(RunbookText::span(at(QStringLiteral("01:00"), 5), at(QStringLiteral("02:00"), 5),
                                   start),
                 QStringLiteral("01:00\u201302:00 +1d"));
        QCOMPARE(
            RunbookText::span(at(QStringLiteral("23:00")), at(QStringLiteral("02:00"), 5), start),
            QStringLiteral("23:00\u201302:00 +1d"));
        QCOMPARE(RunbookText::clock(QDateTime(), start), QStringLiteral("--:--"));
        QCOMPARE(RunbookText::moment(at(QStringLiteral("01:00"), 5), start),
                 QStringLiteral("2024-05-05 01:00 UTC"));
        QCOMPARE(RunbookText::minutes(90), QStringLiteral("1 h 30 min"));
        QCOMPARE(RunbookText::late(-5), QStringLiteral("\u22125 min"));
        QCOMPARE(RunbookText::versusPlan(75), QStringLiteral("1 h 15 min behind plan"));
    }
};

QTEST_GUILESS_MAIN(TestRunbookExport)
#include "tst_runbookexport.moc"
