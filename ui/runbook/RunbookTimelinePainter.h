#pragma once

#include "runbook/RunbookDocument.h"
#include "runbook/RunbookTimelineLayout.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QPainter;

namespace cutover {

// Draws the runbook's timeline where RunbookTimelineLayout placed it. No mark rests on colour
// alone: the critical path has a thick border and a stripe by its title, in progress is hatched,
// the forecast dashed, failed and blocked steps carry a cross and a pause sign, a gate is a
// diamond, and each vertical line has its own dash pattern and a label.
class RunbookTimelinePainter
{
public:
    RunbookTimelinePainter(QPainter &painter, const RunbookTimelineLayout &layout,
                           const RunbookDocument &document, const QPalette &palette);

    // caption: the line above the chart, after the RAG status; current: the highlighted step.
    void paint(const QString &caption, const QString &current);

    static QColor criticalColour();

private:
    using Row = RunbookTimelineLayout::Row;
    using Legend = RunbookTimelineLayout::Legend;
    using Line = RunbookTimelineLayout::Line;

    void paintCaption(const QString &caption);
    void paintTicks();
    void paintPastWindow();
    void paintHeading(const Row &row);
    void paintStep(const Row &row, bool current);
    void paintLabel(const Row &row, const RunbookDocument::Step &step, bool current);
    int paintBars(const Row &row, const RunbookDocument::Step &step);
    void paintMarkers();
    void paintLegend();
    void paintSample(Legend item, const QRect &rect);

    void drawBar(const QRect &rect, const QBrush &fill, const QPen &pen);
    void drawDiamond(const QPoint &centre, int size, bool filled);
    void drawCross(const QRect &rect);
    void drawPause(const QRect &rect);
    static QPen linePen(Line line);

    QPainter &m_painter;
    const RunbookTimelineLayout &m_layout;
    const RunbookDocument &m_document;
    const QPalette &m_palette;
};

} // namespace cutover
