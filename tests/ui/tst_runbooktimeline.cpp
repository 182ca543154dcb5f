// The runbook's timeline on the demo runbook planned from 2024-05-04 20:00 UTC in its 8 h
// window (ends 04:00): freeze 20:00-20:15, the checks until 21:30, reference data 21:30-21:40,
// wave 1 21:40-22:40, reconcile -23:00, wave 2 -00:30, sync -01:00, final reconcile -01:30, go /
// no-go -02:00, switch -02:20 (the planned end); monitoring, rollback and decommission after it
// stay outside the cutover. An execution from 20:00 has everything before wave 1 done on time
// and wave 1 under way since 21:40; at 22:00 it is on time, at 23:10 it runs 30 min late.
// Checks hit-testing, clicks, the critical path's marks in the picture, the vertical lines and
// the caption. With CUTOVER_SHOT_DIR=DIR it saves pictures there.
#include "WidgetShot.h"
#include "demo/DemoRunbook.h"
#include "runbook/RunbookDocument.h"
#include "runbook/RunbookTimeline.h"
#include "runbook/RunbookTimelineLayout.h"
#include "runbook/RunbookTimelinePainter.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QImage>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace cutover;
using Line = RunbookTimelineLayout::Line;

namespace {

QDateTime at(const QString &clock, int day = 4)
{
    return QDateTime(QDate(2024, 5, day), QTime::fromString(clock, QStringLiteral("HH:mm")),
                     QTimeZone::utc());
}

StepState state(StepStatus status, const QString &from, const QString &to = {})
{
    StepState s;
    s.status = status;
    s.started = at(from);
    if (!to.isEmpty())
        s.finished = at(to);
    return s;
}

RunbookPlan demoPlan(int windowMinutes = 480)
{
    RunbookPlan plan = DemoRunbook::plan();
    plan.plannedStart = at(QStringLiteral("20:00"));
    plan.windowMinutes = windowMinutes;
    return plan;
}

// Everything before wave 1 done (on time but for the quarantine review, reviewLate minutes
// late), wave 1 under way.
RunbookExecution execution(int reviewLate = 0)
{
    RunbookExecution e;
    e.id = QStringLiteral("r1");
    e.started = at(QStringLiteral("20:00"));
    const QTime reviewEnd = QTime(21, 30).addSecs(60 * reviewLate);
    const QString end = reviewEnd.toString(QStringLiteral("HH:mm"));
    const QString waveStart = reviewEnd.addSecs(600).toString(QStringLiteral("HH:mm"));
    e.steps = {{QStringLiteral("freeze"), state(StepStatus::Done, "20:00", "20:15")},
               {QStringLiteral("notify-stakeholders"), state(StepStatus::Done, "20:15", "20:25")},
               {QStringLiteral("backup-target"), state(StepStatus::Done, "20:15", "20:35")},
               {QStringLiteral("dry-run"), state(StepStatus::Done, "20:15", "20:45")},
               {QStringLiteral("review-quarantine"), state(StepStatus::Done, "20:45", end)},
               {QStringLiteral("load-reference-data"), state(StepStatus::Done, end, waveStart)},
               {QStringLiteral("run-wave-1"), state(StepStatus::InProgress, waveStart)}};
    return e;
}

RunbookDocument document(const RunbookPlan &plan, const QList<RunbookExecution> &executions,
                         const QDateTime &now)
{
    RunbookDocument::Inputs inputs;
    inputs.projectName = QStringLiteral("clinic");
    inputs.plan = plan;
    inputs.state.executions = executions;
    inputs.now = now;
    const auto d = RunbookDocument::assemble(inputs);
    if (!d)
        qFatal("%s", qPrintable(d.error().toString()));
    return *d;
}

RunbookDocument planOnly(int windowMinutes = 480)
{
    return document(demoPlan(windowMinutes), {}, at(QStringLiteral("18:00")));
}

RunbookDocument underWay(const QString &now, int windowMinutes = 480)
{
    return document(demoPlan(windowMinutes), {execution()}, at(now));
}

int markerX(const RunbookTimeline &t, Line line)
{
    const RunbookTimelineLayout::Marker *m = t.layout().marker(line);
    return m ? m->x : -1;
}

void sizeToFit(RunbookTimeline &t, int width = 1400)
{
    t.resize(width, t.heightForWidth(width));
}

} // namespace

class TestRunbookTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barCentresHitTheirSteps();
    void clickAndDoubleClickEmitTheStep();
    void criticalStepsAreTheDocumentsCriticalPath();
    void forecastLineMovesRightWhenAStepRunsLate();
    void captionSaysWhereTheForecastEndsAgainstTheWindow();
    void windowLineAbsentWithoutWindow();
    void nowLineOnlyWhileAnExecutionIsOpen();
    void toolTipDescribesTheStep();
    void ticksFollowTheClock();
    void tickSpacing_data();
    void tickSpacing();
    void scaleDrawsLarger();
    void grabIsNotBlank();
};

void TestRunbookTimeline::barCentresHitTheirSteps()
{
    RunbookTimeline t;
    t.setDocument(underWay(QStringLiteral("23:10")));
    sizeToFit(t);
    for (const RunbookDocument::Step &s : t.document().steps) {
        const QRect bar = t.barRect(s.plan.id);
        QVERIFY2(bar.isValid(), qPrintable(s.plan.id));
        QVERIFY(t.rect().contains(bar));
        QCOMPARE(t.stepAt(bar.center()), s.plan.id);
    }
    QVERIFY(t.barRect(QStringLiteral("no-such-step")).isNull());
    // A section heading, the caption and the legend belong to no step.
    for (const RunbookTimelineLayout::Row &row : t.layout().rows())
        if (row.step < 0)
            QCOMPARE(t.stepAt(row.rect.center()), QString());
    QCOMPARE(t.stepAt(t.layout().captionRect().center()), QString());
    QCOMPARE(t.stepAt(QPoint(5, t.height() - 3)), QString());
    // Rows go in plan order, top to bottom.
    int previous = -1;
    for (const RunbookDocument::Step &s : t.document().steps) {
        QVERIFY(t.barRect(s.plan.id).top() > previous);
        previous = t.barRect(s.plan.id).top();
    }
}

void TestRunbookTimeline::clickAndDoubleClickEmitTheStep()
{
    RunbookTimeline t;
    t.setDocument(underWay(QStringLiteral("23:10")));
    sizeToFit(t);
    QSignalSpy clicked(&t, &RunbookTimeline::stepClicked);
    QSignalSpy activated(&t, &RunbookTimeline::stepActivated);

    QTest::mouseClick(&t, Qt::LeftButton, {}, t.barRect(QStringLiteral("run-wave-2")).center());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toString(), QStringLiteral("run-wave-2"));
    QCOMPARE(t.currentStep(), QStringLiteral("run-wave-2"));
    QCOMPARE(activated.size(), 0);

    // On the title, left of the bars, the row still counts.
    const QRect dry = t.barRect(QStringLiteral("dry-run"));
    QTest::mouseDClick(&t, Qt::LeftButton, {}, QPoint(20, dry.center().y()));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("dry-run"));

    // A heading row and the legend emit nothing.
    clicked.clear();
    QTest::mouseClick(&t, Qt::LeftButton, {}, t.layout().rows().at(0).rect.center());
    QTest::mouseClick(&t, Qt::LeftButton, {}, QPoint(5, t.height() - 3));
    QCOMPARE(clicked.size(), 0);
    QCOMPARE(t.currentStep(), QStringLiteral("run-wave-2"));

    t.setCurrentStep(QStringLiteral("freeze"));
    QCOMPARE(t.currentStep(), QStringLiteral("freeze"));
    QCOMPARE(clicked.size(), 0); // set from outside, not clicked
}

// Read from the picture: the planned bar's top edge is the critical colour (a 3 px border) for
// exactly the steps on the critical path.
void TestRunbookTimeline::criticalStepsAreTheDocumentsCriticalPath()
{
    for (const RunbookDocument &d : {planOnly(), underWay(QStringLiteral("22:00"))}) {
        QVERIFY(!d.criticalPath.isEmpty());
        QVERIFY(d.criticalPath.size() < d.steps.size());
        RunbookTimeline t;
        t.setDocument(d);
        sizeToFit(t);
        const QImage image = t.grab().toImage();
        QSet<QString> drawnCritical;
        for (const RunbookDocument::Step &s : d.steps) {
            const QRect bar = t.barRect(s.plan.id);
            const QColor edge = image.pixelColor(bar.center().x(), bar.top() + 1);
            if (edge == RunbookTimelinePainter::criticalColour())
                drawnCritical.insert(s.plan.id);
        }
        QCOMPARE(drawnCritical, QSet<QString>(d.criticalPath.cbegin(), d.criticalPath.cend()));
        QVERIFY(drawnCritical.contains(QStringLiteral("run-wave-2")));
        QVERIFY(!drawnCritical.contains(QStringLiteral("notify-stakeholders")));
        QVERIFY(!drawnCritical.contains(QStringLiteral("rollback-plan")));
    }
}

void TestRunbookTimeline::forecastLineMovesRightWhenAStepRunsLate()
{
    RunbookTimeline t;
    t.setDocument(underWay(QStringLiteral("22:00")));
    t.resize(1400, 600);
    const int planned = markerX(t, Line::PlannedEnd);
    const int onTime = markerX(t, Line::ForecastEnd);
    QVERIFY(planned > 0);
    QCOMPARE(onTime, planned);

    t.setDocument(underWay(QStringLiteral("23:10"))); // wave 1 30 min over its hour
    QVERIFY(markerX(t, Line::ForecastEnd) > markerX(t, Line::PlannedEnd));
    QVERIFY(markerX(t, Line::ForecastEnd) > onTime);
    QVERIFY(
        t.layout().marker(Line::ForecastEnd)->label.contains(QStringLiteral("forecast end 02:50")));
    // The wave's progress bar reaches past its planned bar.
    const RunbookDocument::Step *wave = t.document().step(QStringLiteral("run-wave-1"));
    QVERIFY(t.layout().xOf(wave->times.forecastEnd) > t.barRect(wave->plan.id).right());
}

void TestRunbookTimeline::captionSaysWhereTheForecastEndsAgainstTheWindow()
{
    RunbookTimeline t;
    t.setDocument(planOnly());
    QCOMPARE(t.caption(),
             QStringLiteral("Planned end 02:20 +1d, 1 h 40 min inside the 8 h window"));
    t.setDocument(underWay(QStringLiteral("23:10")));
    QCOMPARE(t.caption(),
             QStringLiteral("Forecast end 02:50 +1d, 1 h 10 min inside the 8 h window"));
    // Wave 1 still running at 01:40 the next day: 3 h late, the cutover ends 05:20.
    t.setDocument(document(demoPlan(), {execution()}, at(QStringLiteral("01:40"), 5)));
    QCOMPARE(t.caption(), QStringLiteral("Forecast end 05:20 +1d, 1 h 20 min past the 8 h window"));
    t.setDocument(underWay(QStringLiteral("23:10"), 0));
    QCOMPARE(t.caption(),
             QStringLiteral("Forecast end 02:50 +1d, 30 min behind plan (no window set)"));
}

void TestRunbookTimeline::windowLineAbsentWithoutWindow()
{
    RunbookTimeline t;
    t.resize(1400, 600);
    t.setDocument(planOnly());
    QVERIFY(markerX(t, Line::WindowEnd) > markerX(t, Line::PlannedEnd));
    t.setDocument(planOnly(0));
    QVERIFY(!t.document().windowEnd.isValid());
    QCOMPARE(t.layout().marker(Line::WindowEnd), nullptr);
    QVERIFY(t.layout().marker(Line::PlannedEnd));
}

void TestRunbookTimeline::nowLineOnlyWhileAnExecutionIsOpen()
{
    RunbookTimeline t;
    t.resize(1400, 600);
    t.setDocument(planOnly());
    QCOMPARE(t.layout().marker(Line::Now), nullptr);
    QCOMPARE(t.layout().marker(Line::ForecastEnd), nullptr); // the plan is all there is

    t.setDocument(underWay(QStringLiteral("23:10")));
    QVERIFY(t.layout().marker(Line::Now));
    QCOMPARE(markerX(t, Line::Now), t.layout().xOf(at(QStringLiteral("23:10"))));

    RunbookExecution ended = execution();
    ended.ended = at(QStringLiteral("23:00"));
    t.setDocument(document(demoPlan(), {ended}, at(QStringLiteral("23:10"))));
    QCOMPARE(t.layout().marker(Line::Now), nullptr);
    QVERIFY(t.layout().marker(Line::ForecastEnd));
}

void TestRunbookTimeline::toolTipDescribesTheStep()
{
    RunbookTimeline t;
    t.setDocument(underWay(QStringLiteral("23:10")));
    sizeToFit(t);
    t.show();
    const QPoint centre = t.barRect(QStringLiteral("run-wave-1")).center();
    QHelpEvent help(QEvent::ToolTip, centre, t.mapToGlobal(centre));
    QApplication::sendEvent(&t, &help);
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(QStringLiteral("Run wave 1 (Berlin)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Migration engineer")));
    QVERIFY(text.contains(QStringLiteral("21:40\u201322:40")));
    QVERIFY(text.contains(QStringLiteral("since 21:40, ETA 23:10")));
    QVERIFY(text.contains(QStringLiteral("30 min behind plan")));
    QVERIFY(text.contains(QStringLiteral("critical path")));
    QToolTip::hideText();
}

void TestRunbookTimeline::ticksFollowTheClock()
{
    RunbookTimeline t;
    t.setDocument(planOnly());
    t.resize(1400, 600);
    const QList<RunbookTimelineLayout::Tick> &ticks = t.layout().ticks();
    QVERIFY(ticks.size() >= 4);
    QStringList labels;
    for (const RunbookTimelineLayout::Tick &tick : ticks)
        labels.append(tick.label);
    // Over midnight the date stands for 00:00; the others are round clock times.
    QVERIFY2(labels.contains(QLocale().toString(QDate(2024, 5, 5), QStringLiteral("d MMM"))),
             qPrintable(labels.join(QLatin1Char(' '))));
    QVERIFY(labels.contains(QStringLiteral("22:00")));
    for (int i = 1; i < ticks.size(); ++i)
        QVERIFY(ticks.at(i).x > ticks.at(i - 1).x);
    QCOMPARE(ticks.constFirst().x >= t.layout().chartRect().left(), true);
}

void TestRunbookTimeline::tickSpacing_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("expected");
    QTest::newRow("an hour, wide") << qint64(60) << 1000 << 5;
    QTest::newRow("8 h") << qint64(480) << 1000 << 30;
    QTest::newRow("3 days") << qint64(3 * 1440) << 1000 << 360;
    QTest::newRow("two weeks") << qint64(14 * 1440) << 1000 << 1440;
    QTest::newRow("a year") << qint64(365 * 1440) << 1000 << 4 * 10080;
}

void TestRunbookTimeline::tickSpacing()
{
    QFETCH(qint64, span);
    QFETCH(int, width);
    QFETCH(int, expected);
    QCOMPARE(RunbookTimelineLayout::tickMinutes(span, width, 60), expected);
}

void TestRunbookTimeline::scaleDrawsLarger()
{
    RunbookTimeline t;
    t.setDocument(planOnly());
    t.resize(1400, 600);
    const int height = t.heightForWidth(1400);
    const int row = t.layout().rowHeight();
    t.setScale(2.0);
    QVERIFY(t.layout().rowHeight() > row * 3 / 2);
    QVERIFY(t.heightForWidth(1400) > height * 3 / 2);
    QVERIFY(t.minimumSizeHint().width() < t.sizeHint().width());
}

void TestRunbookTimeline::grabIsNotBlank()
{
    RunbookTimeline t;
    t.setDocument(underWay(QStringLiteral("23:10")));
    t.setCurrentStep(QStringLiteral("run-wave-1"));
    sizeToFit(t);
    const QImage image = t.grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));

    // As the window embeds it (1600 x 500, scrolled) and in a presentation (1920 x 1080, larger).
    RunbookDocument late = document(demoPlan(), {execution(15)}, at(QStringLiteral("23:10")));
    QScrollArea window;
    auto *embedded = new RunbookTimeline;
    embedded->setDocument(late);
    embedded->setCurrentStep(QStringLiteral("run-wave-1"));
    window.setWidget(embedded);
    window.setWidgetResizable(true);
    window.resize(1600, 500);
    window.show();
    QTest::qWait(20);
    QCOMPARE(embedded->width(), window.viewport()->width());
    QCOMPARE(embedded->height(), embedded->layout().height());
    QVERIFY(window.verticalScrollBar()->maximum() > 0);
    saveShot(window, QStringLiteral("runbook-timeline.png"));

    QScrollArea presentation;
    auto *large = new RunbookTimeline;
    large->setDocument(late);
    large->setScale(1.5);
    presentation.setWidget(large);
    presentation.setWidgetResizable(true);
    presentation.resize(1920, 1080);
    saveShot(presentation, QStringLiteral("runbook-timeline-presentation.png"));

    // A failed and a blocked step, the window overrun.
    RunbookExecution trouble = execution(15);
    trouble.steps[QStringLiteral("run-wave-1")] =
        state(StepStatus::Failed, QStringLiteral("21:55"), QStringLiteral("23:40"));
    trouble.steps[QStringLiteral("notify-stakeholders")] =
        state(StepStatus::Blocked, QStringLiteral("20:15"));
    RunbookTimeline failed;
    failed.setDocument(document(demoPlan(360), {trouble}, at(QStringLiteral("23:50"))));
    failed.resize(1600, failed.heightForWidth(1600));
    saveShot(failed, QStringLiteral("runbook-timeline-failed.png"));

    RunbookTimeline plan;
    plan.setDocument(planOnly());
    plan.resize(1200, plan.heightForWidth(1200));
    saveShot(plan, QStringLiteral("runbook-timeline-plan.png"));
}

QTEST_MAIN(TestRunbookTimeline)
#include "tst_runbooktimeline.moc"
