#pragma once

#include "runbook/RunbookDocument.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QList>
#include <QRect>
#include <QString>
#include <QTimeZone>

namespace cutover {

// Where every part of the runbook's timeline goes for one document, font and width. Pure, so
// the painter, the hit-testing and the tests read the same rectangles. Top to bottom: the
// caption, the clock axis, the labels of the vertical lines (in as many lanes as they need not
// to overlap), one row per step in plan order with a heading row where the section changes, and
// the legend. The time axis spans the chart's width from the earliest time shown to the latest
// (the window's end and now included), so the chart always fits the width it is given.
class RunbookTimelineLayout
{
    Q_DECLARE_TR_FUNCTIONS(RunbookTimelineLayout)

public:
    enum class Line
    {
        Now,
        PlannedEnd,
        ForecastEnd,
        WindowEnd
    };
    enum class Legend
    {
        Planned,
        Done,
        InProgress,
        Forecast,
        Critical,
        Gate,
        Failed,
        Blocked,
        Outside,
        Now,
        PlannedEnd,
        ForecastEnd,
        WindowEnd,
        PastWindow
    };

    struct Row
    {
        int step = -1;   // index into the document's steps; -1 for a section heading
        QString heading; // the section's title, for a heading row
        QRect rect;      // the whole row, label column included
        QRect bar;       // the planned bar of a step row
    };
    struct Tick
    {
        int x = 0;
        QString label; // "21:30", or the date at midnight: "5 May"
    };
    struct Marker
    {
        Line line = Line::Now;
        int x = 0;
        QString label; // "forecast end 02:50"
        QRect labelRect;
    };
    struct LegendEntry
    {
        Legend item = Legend::Planned;
        QString text;
        QRect sample; // where its mark is drawn
        QRect textRect;
    };

    RunbookTimelineLayout() = default;
    RunbookTimelineLayout(const RunbookDocument &document, const QFont &font, int width);

    int height() const { return m_height; }
    int rowHeight() const { return m_rowHeight; }
    QRect captionRect() const { return m_caption; }
    QRect axisRect() const { return m_axis; }
    // The rows' part right of the label column; the vertical lines run over its height.
    QRect chartRect() const { return m_chart; }
    int labelRight() const { return m_labelRight; }

    const QList<Row> &rows() const { return m_rows; }
    const QList<Tick> &ticks() const { return m_ticks; }
    const QList<Marker> &markers() const { return m_markers; }
    const QList<LegendEntry> &legend() const { return m_legend; }
    const Marker *marker(Line line) const;

    // The row of the step, or nullptr.
    const Row *rowOf(int step) const;
    // The step row under a point, or nullptr (headings, axis and legend are no step's).
    const Row *rowAt(const QPoint &point) const;

    int xOf(const QDateTime &time) const;
    // The span from..to inside the row, between the fractions top and bottom of its height; at
    // least a few pixels wide so that a step of no duration still shows.
    QRect span(const Row &row, const QDateTime &from, const QDateTime &to, qreal top,
               qreal bottom) const;
    // Thinner, on the planned bar: actual, in progress or forecast.
    QRect progressBar(const Row &row, const QDateTime &from, const QDateTime &to) const;

    // Minutes between ticks: the shortest of the usual steps that leaves minPixels between them.
    static int tickMinutes(qint64 spanMinutes, int chartWidth, int minPixels);

private:
    void placeRange(const RunbookDocument &document);
    void placeTicks(const QFontMetrics &metrics);
    void placeMarkers(const RunbookDocument &document, const QFontMetrics &metrics, int top);
    void placeRows(const RunbookDocument &document, int top);
    void placeLegend(const QFontMetrics &metrics, int top, int width);

    QDateTime m_start;
    QDateTime m_end;
    QTimeZone m_zone;
    QDateTime m_reference; // for the clock texts: the document's anchor
    int m_lineHeight = 0;
    int m_rowHeight = 0;
    int m_margin = 0;
    int m_labelRight = 0;
    int m_height = 0;
    QRect m_caption;
    QRect m_axis;
    QRect m_chart;
    QList<Row> m_rows;
    QList<Tick> m_ticks;
    QList<Marker> m_markers;
    QList<LegendEntry> m_legend;
};

} // namespace cutover
