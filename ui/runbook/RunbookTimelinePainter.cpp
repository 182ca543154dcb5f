#include "runbook/RunbookTimelinePainter.h"

#include "runbook/RunbookText.h"

#include <QPainter>
#include <QPainterPath>

namespace cutover {

namespace {

// Okabe-Ito hues (apart under the common colour vision deficiencies), darkened where they carry
// text, on the greys of the runbook's HTML export.
const QColor kInk(0x1f, 0x29, 0x33);
const QColor kMuted(0x61, 0x6e, 0x7c);
const QColor kGrid(0xe4, 0xe7, 0xeb);
const QColor kHeading(0xf0, 0xf3, 0xf6);
const QColor kPlannedFill(0xe9, 0xee, 0xf4);
const QColor kPlannedBorder(0x7b, 0x87, 0x94);
const QColor kActual(0x00, 0x72, 0xb2); // blue
const QColor kActualTint(0xd3, 0xe8, 0xf5);
const QColor kCritical(0xd5, 0x5e, 0x00);    // vermillion
const QColor kFailed(0xa3, 0x1b, 0x12);      // a darker red, always with its cross
const QColor kNow(0x00, 0x9e, 0x73);         // bluish green
const QColor kForecastEnd(0xcc, 0x79, 0xa7); // reddish purple
const QColor kPastWindow(0xfb, 0xe6, 0xda);
const QColor kPastWindowHatch(0xef, 0xc4, 0xad);
constexpr qreal kOutsideOpacity = 0.45;

QColor ragColour(RunbookSchedule::Rag rag)
{
    switch (rag) {
    case RunbookSchedule::Rag::Green:
        return QColor(0x1e, 0x7b, 0x45);
    case RunbookSchedule::Rag::Amber:
        return QColor(0x99, 0x57, 0x00);
    case RunbookSchedule::Rag::Red:
        return QColor(0xb4, 0x23, 0x18);
    }
    return kInk;
}

QColor lineColour(RunbookTimelineLayout::Line line)
{
    switch (line) {
    case RunbookTimelineLayout::Line::Now:
        return kNow;
    case RunbookTimelineLayout::Line::PlannedEnd:
        return kMuted;
    case RunbookTimelineLayout::Line::ForecastEnd:
        return kForecastEnd.darker(130);
    case RunbookTimelineLayout::Line::WindowEnd:
        return kInk;
    }
    return kInk;
}

} // namespace

RunbookTimelinePainter::RunbookTimelinePainter(QPainter &painter,
                                               const RunbookTimelineLayout &layout,
                                               const RunbookDocument &document,
                                               const QPalette &palette)
    : m_painter(painter)
    , m_layout(layout)
    , m_document(document)
    , m_palette(palette)
{}

QColor RunbookTimelinePainter::criticalColour()
{
    return kCritical;
}

void RunbookTimelinePainter::paint(const QString &caption, const QString &current)
{
    m_painter.fillRect(m_painter.window(), m_palette.color(QPalette::Base));
    paintCaption(caption);
    // Headings first, so that the shading past the window runs through them too.
    for (const Row &row : m_layout.rows())
        if (row.step < 0)
            paintHeading(row);
    paintPastWindow();
    paintTicks();
    for (const Row &row : m_layout.rows())
        if (row.step >= 0)
            paintStep(row, m_document.steps.at(row.step).plan.id == current);
    paintMarkers();
    paintLegend();
}

// The RAG status in its colour with its symbol, then what the forecast makes of the window.
void RunbookTimelinePainter::paintCaption(const QString &caption)
{
    const QRect r = m_layout.captionRect();
    QFont bold = m_painter.font();
    bold.setBold(true);
    m_painter.save();
    m_painter.setFont(bold);
    m_painter.setPen(ragColour(m_document.rag));
    const QString rag = RunbookText::ragLabel(m_document.rag);
    m_painter.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, rag);
    const int x = r.left() + m_painter.fontMetrics().horizontalAdvance(rag + QStringLiteral("  "));
    m_painter.setPen(kInk);
    const QRect rest(x, r.top(), r.right() - x, r.height());
    m_painter.drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                       m_painter.fontMetrics().elidedText(caption, Qt::ElideRight, rest.width()));
    m_painter.restore();
}

void RunbookTimelinePainter::paintPastWindow()
{
    const RunbookTimelineLayout::Marker *window = m_layout.marker(Line::WindowEnd);
    if (!window)
        return;
    const QRect chart = m_layout.chartRect();
    const QRect past(QPoint(window->x, m_layout.axisRect().bottom() + 1), chart.bottomRight());
    m_painter.fillRect(past, kPastWindow);
    m_painter.fillRect(past, QBrush(kPastWindowHatch, Qt::BDiagPattern));
}

void RunbookTimelinePainter::paintTicks()
{
    const QRect axis = m_layout.axisRect();
    const QRect chart = m_layout.chartRect();
    const int half = m_painter.fontMetrics().horizontalAdvance(QStringLiteral("00 May")) / 2 + 4;
    for (const RunbookTimelineLayout::Tick &tick : m_layout.ticks()) {
        m_painter.setPen(kGrid);
        m_painter.drawLine(tick.x, axis.bottom() - 3, tick.x, chart.bottom());
        m_painter.setPen(kMuted);
        m_painter.drawText(QRect(tick.x - half, axis.top(), 2 * half, axis.height() - 4),
                           Qt::AlignCenter, tick.label);
    }
    m_painter.setPen(kPlannedBorder);
    m_painter.drawLine(axis.left(), axis.bottom(), axis.right(), axis.bottom());
}

void RunbookTimelinePainter::paintHeading(const Row &row)
{
    m_painter.fillRect(row.rect, kHeading);
    QFont font = m_painter.font();
    font.setBold(true);
    m_painter.save();
    m_painter.setFont(font);
    m_painter.setPen(kMuted);
    const int pad = m_painter.fontMetrics().horizontalAdvance(QLatin1Char(' '));
    m_painter.drawText(row.rect.adjusted(pad, 0, -pad, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       row.heading.toUpper());
    m_painter.restore();
}

void RunbookTimelinePainter::paintStep(const Row &row, bool current)
{
    const RunbookDocument::Step &step = m_document.steps.at(row.step);
    if (current) {
        QColor highlight = m_palette.color(QPalette::Highlight);
        highlight.setAlpha(50);
        m_painter.fillRect(row.rect, highlight);
    }
    m_painter.setPen(kGrid);
    m_painter.drawLine(row.rect.bottomLeft(), row.rect.bottomRight());
    paintLabel(row, step, current);
    m_painter.save();
    if (step.plan.isOutsideCutover())
        m_painter.setOpacity(kOutsideOpacity);
    const int end = paintBars(row, step);
    const int size = qRound(row.rect.height() * 0.5);
    const QRect mark(end + size / 3, row.rect.center().y() - size / 2, size, size);
    if (step.state.status == StepStatus::Failed)
        drawCross(mark);
    else if (step.state.status == StepStatus::Blocked)
        drawPause(mark);
    m_painter.restore();
}

// The title, elided (its tooltip has it whole), after a stripe that marks a critical step.
void RunbookTimelinePainter::paintLabel(const Row &row, const RunbookDocument::Step &step,
                                        bool current)
{
    const int stripe = qMax(3, row.rect.height() / 8);
    if (step.times.critical)
        m_painter.fillRect(
            QRect(row.rect.left(), row.rect.top() + 2, stripe, row.rect.height() - 4), kCritical);
    const int pad = m_painter.fontMetrics().horizontalAdvance(QLatin1Char('M')) / 2;
    const QRect text(row.rect.left() + stripe + pad, row.rect.top(),
                     m_layout.labelRight() - row.rect.left() - stripe - pad, row.rect.height());
    QFont font = m_painter.font();
    font.setItalic(step.plan.isOutsideCutover());
    font.setBold(current);
    m_painter.save();
    m_painter.setFont(font);
    m_painter.setPen(step.plan.isOutsideCutover() ? kMuted : kInk);
    m_painter.drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        m_painter.fontMetrics().elidedText(step.plan.title, Qt::ElideRight, text.width()));
    m_painter.restore();
}

// The planned bar, what happened or is forecast on it, and a gate's diamond; returns the
// right end of what was drawn, for the status mark after it.
int RunbookTimelinePainter::paintBars(const Row &row, const RunbookDocument::Step &step)
{
    const RunbookSchedule::StepTimes &t = step.times;
    drawBar(row.bar, kPlannedFill, t.critical ? QPen(kCritical, 3) : QPen(kPlannedBorder, 1));
    int end = row.bar.right();
    const StepStatus status = step.state.status;
    QRect progress;
    if (step.state.isFinished() && t.actualEnd.isValid()) {
        progress = m_layout.progressBar(row, t.forecastStart, t.actualEnd);
        const QColor fill = status == StepStatus::Failed    ? kFailed
                            : status == StepStatus::Skipped ? kPlannedBorder
                                                            : kActual;
        drawBar(progress, fill, QPen(fill, 1));
    } else if (status == StepStatus::InProgress && t.actualStart.isValid()) {
        progress = m_layout.progressBar(row, t.actualStart, t.forecastEnd);
        drawBar(progress, kActualTint, QPen(kActual, 1));
        drawBar(progress, QBrush(kActual, Qt::BDiagPattern), QPen(kActual, 1));
    } else if (m_document.execution) {
        progress = m_layout.progressBar(row, t.forecastStart, t.forecastEnd);
        drawBar(progress, Qt::NoBrush, QPen(kActual, 1.5, Qt::DashLine));
    }
    end = qMax(end, progress.right());
    if (step.plan.gate.enabled) {
        const int size = qRound(row.rect.height() * 0.6);
        drawDiamond(QPoint(m_layout.xOf(t.forecastEnd), row.rect.center().y()), size,
                    status == StepStatus::Done);
        end = qMax(end, m_layout.xOf(t.forecastEnd) + size / 2);
    }
    return end;
}

void RunbookTimelinePainter::paintMarkers()
{
    const QRect chart = m_layout.chartRect();
    for (const RunbookTimelineLayout::Marker &m : m_layout.markers()) {
        m_painter.setPen(linePen(m.line));
        m_painter.drawLine(m.x, m.labelRect.top(), m.x, chart.bottom());
        m_painter.setPen(lineColour(m.line));
        m_painter.drawText(m.labelRect, Qt::AlignCenter, m.label);
    }
}

QPen RunbookTimelinePainter::linePen(Line line)
{
    switch (line) {
    case Line::Now:
        return QPen(kNow, 2);
    case Line::PlannedEnd:
        return QPen(kMuted, 1.5, Qt::DotLine);
    case Line::ForecastEnd:
        return QPen(kForecastEnd, 2, Qt::DashDotLine);
    case Line::WindowEnd:
        return QPen(kInk, 1.5, Qt::DashLine);
    }
    return QPen(kInk);
}

void RunbookTimelinePainter::paintLegend()
{
    m_painter.setPen(kGrid);
    const int top = m_layout.chartRect().bottom() + 1;
    m_painter.drawLine(m_layout.captionRect().left(), top, m_layout.chartRect().right(), top);
    for (const RunbookTimelineLayout::LegendEntry &entry : m_layout.legend()) {
        m_painter.save();
        paintSample(entry.item, entry.sample);
        m_painter.restore();
        m_painter.setPen(kInk);
        m_painter.drawText(entry.textRect, Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
}

void RunbookTimelinePainter::paintSample(Legend item, const QRect &rect)
{
    const QRect thin = rect.adjusted(0, rect.height() / 4, 0, -rect.height() / 4);
    const QPoint centre = rect.center();
    switch (item) {
    case Legend::Planned:
        return drawBar(rect, kPlannedFill, QPen(kPlannedBorder, 1));
    case Legend::Done:
        return drawBar(thin, kActual, QPen(kActual, 1));
    case Legend::InProgress:
        drawBar(thin, kActualTint, QPen(kActual, 1));
        return drawBar(thin, QBrush(kActual, Qt::BDiagPattern), QPen(kActual, 1));
    case Legend::Forecast:
        return drawBar(thin, Qt::NoBrush, QPen(kActual, 1.5, Qt::DashLine));
    case Legend::Critical:
        m_painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), kCritical);
        return drawBar(rect.adjusted(7, 0, 0, 0), kPlannedFill, QPen(kCritical, 3));
    case Legend::Gate:
        return drawDiamond(centre, rect.height() + 2, false);
    case Legend::Failed:
        return drawCross(
            QRect(centre.x() - rect.height() / 2, rect.top(), rect.height(), rect.height()));
    case Legend::Blocked:
        return drawPause(
            QRect(centre.x() - rect.height() / 2, rect.top(), rect.height(), rect.height()));
    case Legend::Outside:
        m_painter.setOpacity(kOutsideOpacity);
        drawBar(rect, kPlannedFill, QPen(kPlannedBorder, 1));
        return drawBar(thin, kActual, QPen(kActual, 1));
    case Legend::Now:
    case Legend::PlannedEnd:
    case Legend::ForecastEnd:
    case Legend::WindowEnd: {
        const Line line = Line(int(item) - int(Legend::Now));
        m_painter.setPen(linePen(line));
        m_painter.drawLine(centre.x(), rect.top() - 2, centre.x(), rect.bottom() + 2);
        return;
    }
    case Legend::PastWindow:
        m_painter.fillRect(rect, kPastWindow);
        m_painter.fillRect(rect, QBrush(kPastWindowHatch, Qt::BDiagPattern));
        return;
    }
}

void RunbookTimelinePainter::drawBar(const QRect &rect, const QBrush &fill, const QPen &pen)
{
    m_painter.setPen(pen);
    m_painter.setBrush(fill);
    m_painter.drawRect(rect);
}

void RunbookTimelinePainter::drawDiamond(const QPoint &centre, int size, bool filled)
{
    const qreal h = size / 2.0;
    QPainterPath path;
    path.moveTo(centre.x(), centre.y() - h);
    path.lineTo(centre.x() + h, centre.y());
    path.lineTo(centre.x(), centre.y() + h);
    path.lineTo(centre.x() - h, centre.y());
    path.closeSubpath();
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setPen(QPen(kInk, 1.5));
    m_painter.setBrush(filled ? kInk : m_palette.color(QPalette::Base));
    m_painter.drawPath(path);
    m_painter.restore();
}

void RunbookTimelinePainter::drawCross(const QRect &rect)
{
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setPen(QPen(kFailed, qMax(2, rect.width() / 5), Qt::SolidLine, Qt::RoundCap));
    const QRect r = rect.adjusted(2, 2, -2, -2);
    m_painter.drawLine(r.topLeft(), r.bottomRight());
    m_painter.drawLine(r.topRight(), r.bottomLeft());
    m_painter.restore();
}

void RunbookTimelinePainter::drawPause(const QRect &rect)
{
    const int w = qMax(2, rect.width() / 4);
    const QRect r = rect.adjusted(1, 1, -1, -1);
    m_painter.fillRect(QRect(r.left() + w / 2, r.top(), w, r.height()), kFailed);
    m_painter.fillRect(QRect(r.right() - w / 2 - w + 1, r.top(), w, r.height()), kFailed);
}

} // namespace cutover
