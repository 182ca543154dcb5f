#include "runbook/RunbookTimelineLayout.h"

#include "project/RunbookVocabulary.h"
#include "runbook/RunbookText.h"

#include <QFontMetrics>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace cutover {

namespace {

// The usual distances between clock ticks, in minutes: 5 min .. a week.
constexpr int kTickSteps[] = {5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};
constexpr qreal kPlannedTop = 0.2;
constexpr qreal kPlannedBottom = 0.8;
constexpr qreal kProgressTop = 0.36;
constexpr qreal kProgressBottom = 0.64;
constexpr int kMinBarWidth = 3;
constexpr int kMaxLanes = 4;

void widen(QDateTime &start, QDateTime &end, const QDateTime &time)
{
    if (!time.isValid())
        return;
    if (!start.isValid() || time < start)
        start = time;
    if (!end.isValid() || time > end)
        end = time;
}

// A line runs from its label down to the chart, through the lanes below its label's: a label
// may meet neither another label nor another line.
bool clashes(const RunbookTimelineLayout::Marker &candidate,
             const QList<const RunbookTimelineLayout::Marker *> &placed, int gap)
{
    const QRect r = candidate.labelRect.adjusted(-gap, 0, gap, 0);
    for (const RunbookTimelineLayout::Marker *p : placed) {
        const QRect other = p->labelRect.adjusted(-gap, 0, gap, 0);
        if (other.intersects(r))
            return true;
        if (p->labelRect.top() <= r.top() && p->x >= r.left() && p->x <= r.right())
            return true;
        if (r.top() <= other.top() && candidate.x >= other.left() && candidate.x <= other.right())
            return true;
    }
    return false;
}

QString legendText(RunbookTimelineLayout::Legend item)
{
    using Legend = RunbookTimelineLayout::Legend;
    switch (item) {
    case Legend::Planned:
        return RunbookTimelineLayout::tr("Planned");
    case Legend::Done:
        return RunbookTimelineLayout::tr("Done (actual)");
    case Legend::InProgress:
        return RunbookTimelineLayout::tr("In progress");
    case Legend::Forecast:
        return RunbookTimelineLayout::tr("Forecast");
    case Legend::Critical:
        return RunbookTimelineLayout::tr("Critical path");
    case Legend::Gate:
        return RunbookTimelineLayout::tr("Gate (go / no-go)");
    case Legend::Failed:
        return RunbookTimelineLayout::tr("Failed");
    case Legend::Blocked:
        return RunbookTimelineLayout::tr("Blocked");
    case Legend::Outside:
        return RunbookTimelineLayout::tr("Outside the cutover");
    case Legend::Now:
        return RunbookTimelineLayout::tr("Now");
    case Legend::PlannedEnd:
        return RunbookTimelineLayout::tr("Planned end");
    case Legend::ForecastEnd:
        return RunbookTimelineLayout::tr("Forecast end");
    case Legend::WindowEnd:
        return RunbookTimelineLayout::tr("Window end");
    case Legend::PastWindow:
        return RunbookTimelineLayout::tr("Past the window");
    }
    return {};
}

} // namespace

RunbookTimelineLayout::RunbookTimelineLayout(const RunbookDocument &document, const QFont &font,
                                             int width)
{
    const QFontMetrics metrics(font);
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    m_lineHeight = metrics.height();
    m_margin = qMax(4, m_lineHeight / 2);
    m_rowHeight = qRound(m_lineHeight * 1.7);
    m_zone = document.now.isValid() ? document.now.timeZone() : QTimeZone::utc();
    m_reference = document.anchor;

    int widest = 0;
    for (const RunbookDocument::Step &s : document.steps)
        widest = qMax(widest, metrics.horizontalAdvance(s.plan.title));
    // Room for the critical stripe and the status mark before the title.
    const int labelMax = qMax(12 * em, qRound(width * 0.32));
    m_labelRight = m_margin + qMin(widest + 2 * em, labelMax);
    const int chartLeft = m_labelRight + m_margin;
    const int chartRight = qMax(chartLeft + 8 * em, width - m_margin - em);
    m_chart = QRect(QPoint(chartLeft, 0), QPoint(chartRight, 0));

    m_caption =
        QRect(m_margin, m_margin, qMax(0, width - 2 * m_margin), qRound(m_lineHeight * 1.4));
    m_axis =
        QRect(chartLeft, m_caption.bottom() + 1 + m_margin / 2, m_chart.width(), m_lineHeight + 4);
    placeRange(document);
    placeTicks(metrics);
    placeMarkers(document, metrics, m_axis.bottom() + 1);
    int lanes = 0;
    for (const Marker &m : std::as_const(m_markers))
        lanes = qMax(lanes, (m.labelRect.top() - m_axis.bottom() - 1) / m_lineHeight + 1);
    const int rowsTop = m_axis.bottom() + 1 + lanes * m_lineHeight + 2;
    placeRows(document, rowsTop);
    const int rowsBottom =
        m_rows.isEmpty() ? rowsTop + m_rowHeight : m_rows.constLast().rect.bottom();
    m_chart.setTop(rowsTop);
    m_chart.setBottom(rowsBottom);
    placeLegend(metrics, m_chart.bottom() + 1 + m_margin, width);
    m_height = (m_legend.isEmpty() ? m_chart.bottom() : m_legend.constLast().textRect.bottom()) +
               m_margin + 1;
}

// From the earliest time any step shows to the latest, the window's end and now included, with
// a little room either side so that no bar touches the edge.
void RunbookTimelineLayout::placeRange(const RunbookDocument &document)
{
    widen(m_start, m_end, document.anchor);
    for (const RunbookDocument::Step &s : document.steps)
        for (const QDateTime &t : {s.times.plannedStart, s.times.plannedEnd, s.times.actualStart,
                                   s.times.actualEnd, s.times.forecastStart, s.times.forecastEnd})
            widen(m_start, m_end, t);
    widen(m_start, m_end, document.windowEnd);
    if (document.execution && document.execution->isOpen())
        widen(m_start, m_end, document.now);
    if (!m_start.isValid()) {
        m_start = document.now.isValid() ? document.now : QDateTime::currentDateTimeUtc();
        m_end = m_start;
    }
    const qint64 span = qMax<qint64>(30 * 60, m_start.secsTo(m_end));
    m_start = m_start.addSecs(-span / 50);
    m_end = m_start.addSecs(span + span / 50 + span / 25);
}

int RunbookTimelineLayout::tickMinutes(qint64 spanMinutes, int chartWidth, int minPixels)
{
    const double pixelsPerMinute =
        double(qMax(1, chartWidth)) / double(qMax<qint64>(1, spanMinutes));
    for (int step : kTickSteps)
        if (step * pixelsPerMinute >= minPixels)
            return step;
    // Whole weeks for spans of months.
    const int weeks = int(std::ceil(minPixels / (10080 * pixelsPerMinute)));
    return 10080 * qMax(1, weeks);
}

// On round clock times of the document's time zone; the date instead of 00:00 at midnight.
void RunbookTimelineLayout::placeTicks(const QFontMetrics &metrics)
{
    const int minPixels = metrics.horizontalAdvance(QStringLiteral("00 May")) +
                          2 * metrics.horizontalAdvance(QLatin1Char('M'));
    const int step = tickMinutes(m_start.secsTo(m_end) / 60, m_chart.width(), minPixels);
    const QDateTime start = m_start.toTimeZone(m_zone);
    QDateTime tick(start.date(), QTime(0, 0), m_zone);
    if (step < 1440) {
        const qint64 steps = qint64(std::ceil(double(tick.secsTo(start)) / (60.0 * step)));
        tick = tick.addSecs(steps * 60 * step);
    }
    while (tick < start)
        tick = tick.addDays(qMax(1, step / 1440));
    const QLocale locale;
    for (; tick <= m_end;
         tick = step < 1440 ? tick.addSecs(60LL * step) : tick.addDays(step / 1440)) {
        const QDateTime shown = tick.toTimeZone(m_zone);
        const QString label = shown.time() == QTime(0, 0)
                                  ? locale.toString(shown.date(), QStringLiteral("d MMM"))
                                  : shown.toString(QStringLiteral("HH:mm"));
        m_ticks.append({xOf(tick), label});
    }
}

// Each label beside its line (left of it near the right edge), in the first lane where it
// overlaps no other label.
void RunbookTimelineLayout::placeMarkers(const RunbookDocument &document,
                                         const QFontMetrics &metrics, int top)
{
    const bool open = document.execution && document.execution->isOpen();
    const auto add = [&](Line line, const QDateTime &time, const QString &label) {
        if (time.isValid())
            m_markers.append({line,
                              xOf(time),
                              label + QLatin1Char(' ') + RunbookText::clock(time, m_reference),
                              {}});
    };
    if (open)
        add(Line::Now, document.now, tr("now"));
    add(Line::PlannedEnd, document.plannedEnd, tr("planned end"));
    if (document.execution)
        add(Line::ForecastEnd, document.forecastEnd, tr("forecast end"));
    add(Line::WindowEnd, document.windowEnd, tr("window end"));

    QList<Marker *> byX;
    for (Marker &m : m_markers)
        byX.append(&m);
    std::stable_sort(byX.begin(), byX.end(),
                     [](const Marker *a, const Marker *b) { return a->x < b->x; });
    const int gap = metrics.horizontalAdvance(QLatin1Char(' '));
    QList<const Marker *> placed;
    for (Marker *m : byX) {
        const int w = metrics.horizontalAdvance(m->label) + 2;
        const bool rightFits = m->x + 3 + w <= m_chart.right();
        for (int lane = 0; m->labelRect.isNull(); ++lane) {
            // Right of the line where it fits, else left of it; in a lane where neither clashes,
            // the last lane whatever it meets.
            for (const int left : {rightFits ? m->x + 3 : m->x - 3 - w, m->x - 3 - w}) {
                m->labelRect = QRect(left, top + lane * m_lineHeight, w, m_lineHeight);
                if (lane == kMaxLanes - 1 || !clashes(*m, placed, gap))
                    break;
                m->labelRect = QRect();
            }
        }
        placed.append(m);
    }
}

void RunbookTimelineLayout::placeRows(const RunbookDocument &document, int top)
{
    const int headingHeight = qRound(m_lineHeight * 1.35);
    const int width = m_chart.right() + 1 - m_margin;
    int y = top;
    for (int i = 0; i < document.steps.size(); ++i) {
        const RunbookStep &plan = document.steps.at(i).plan;
        if (i == 0 || document.steps.at(i - 1).plan.section != plan.section) {
            m_rows.append({-1,
                           RunbookVocabulary::sectionTitle(plan.section),
                           QRect(m_margin, y, width, headingHeight),
                           {}});
            y += headingHeight;
        }
        Row row{i, {}, QRect(m_margin, y, width, m_rowHeight), {}};
        const RunbookSchedule::StepTimes &times = document.steps.at(i).times;
        row.bar = span(row, times.plannedStart, times.plannedEnd, kPlannedTop, kPlannedBottom);
        m_rows.append(row);
        y += m_rowHeight;
    }
}

void RunbookTimelineLayout::placeLegend(const QFontMetrics &metrics, int top, int width)
{
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    const int sampleWidth = qRound(2.4 * em);
    const int lineHeight = qRound(m_lineHeight * 1.3);
    int x = m_margin;
    int y = top;
    for (int i = 0; i <= int(Legend::PastWindow); ++i) {
        const auto item = Legend(i);
        const QString text = legendText(item);
        const int textWidth = metrics.horizontalAdvance(text) + 2;
        const int entryWidth = sampleWidth + em / 2 + textWidth;
        if (x > m_margin && x + entryWidth > width - m_margin) {
            x = m_margin;
            y += lineHeight;
        }
        const QRect sample(x, y + (lineHeight - m_rowHeight / 2) / 2, sampleWidth, m_rowHeight / 2);
        m_legend.append(
            {item, text, sample, QRect(x + sampleWidth + em / 2, y, textWidth, lineHeight)});
        x += entryWidth + qRound(1.5 * em);
    }
}

const RunbookTimelineLayout::Marker *RunbookTimelineLayout::marker(Line line) const
{
    for (const Marker &m : m_markers)
        if (m.line == line)
            return &m;
    return nullptr;
}

const RunbookTimelineLayout::Row *RunbookTimelineLayout::rowOf(int step) const
{
    for (const Row &r : m_rows)
        if (r.step == step && step >= 0)
            return &r;
    return nullptr;
}

const RunbookTimelineLayout::Row *RunbookTimelineLayout::rowAt(const QPoint &point) const
{
    for (const Row &r : m_rows)
        if (r.step >= 0 && r.rect.contains(point))
            return &r;
    return nullptr;
}

int RunbookTimelineLayout::xOf(const QDateTime &time) const
{
    const qint64 span = qMax<qint64>(1, m_start.secsTo(m_end));
    return m_chart.left() + int(std::lround(double(m_start.secsTo(time)) * m_chart.width() / span));
}

QRect RunbookTimelineLayout::span(const Row &row, const QDateTime &from, const QDateTime &to,
                                  qreal top, qreal bottom) const
{
    const int left = xOf(from);
    const int right = qMax(xOf(to), left + kMinBarWidth);
    const int y = row.rect.top() + qRound(row.rect.height() * top);
    const int height = qMax(2, qRound(row.rect.height() * (bottom - top)));
    return QRect(left, y, right - left, height);
}

QRect RunbookTimelineLayout::progressBar(const Row &row, const QDateTime &from,
                                         const QDateTime &to) const
{
    return span(row, from, to, kProgressTop, kProgressBottom);
}

} // namespace cutover
