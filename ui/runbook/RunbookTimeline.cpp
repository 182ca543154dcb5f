#include "runbook/RunbookTimeline.h"

#include "project/RunbookVocabulary.h"
#include "runbook/RunbookText.h"
#include "runbook/RunbookTimelinePainter.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace cutover {

namespace {

constexpr int kPreferredWidth = 1000;

int minutesBetween(const QDateTime &from, const QDateTime &to)
{
    return qRound(double(from.secsTo(to)) / 60.0);
}

} // namespace

RunbookTimeline::RunbookTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("runbookTimeline"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setBackgroundRole(QPalette::Base);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    relayout();
}

void RunbookTimeline::setDocument(const RunbookDocument &document)
{
    m_document = document;
    relayout();
}

void RunbookTimeline::setCurrentStep(const QString &id)
{
    if (id == m_current)
        return;
    m_current = id;
    update();
}

void RunbookTimeline::setScale(qreal scale)
{
    scale = qBound(0.5, scale, 4.0);
    if (qFuzzyCompare(scale, m_scale))
        return;
    m_scale = scale;
    relayout();
}

QString RunbookTimeline::stepAt(const QPoint &point) const
{
    const RunbookTimelineLayout::Row *row = m_layout.rowAt(point);
    return row ? m_document.steps.at(row->step).plan.id : QString();
}

QRect RunbookTimeline::barRect(const QString &id) const
{
    for (int i = 0; i < m_document.steps.size(); ++i)
        if (m_document.steps.at(i).plan.id == id)
            if (const RunbookTimelineLayout::Row *row = m_layout.rowOf(i))
                return row->bar;
    return {};
}

// Against the window when there is one, else against the plan.
QString RunbookTimeline::caption() const
{
    const RunbookDocument &d = m_document;
    if (d.steps.isEmpty())
        return tr("The runbook has no steps yet");
    const bool forecast = d.execution.has_value();
    const QDateTime end = forecast ? d.forecastEnd : d.plannedEnd;
    const QString clock = RunbookText::clock(end, d.anchor);
    const QString head =
        forecast ? tr("Forecast end %1").arg(clock) : tr("Planned end %1").arg(clock);
    if (d.windowEnd.isValid()) {
        const QString window = RunbookText::minutes(minutesBetween(d.anchor, d.windowEnd));
        const int left = minutesBetween(end, d.windowEnd);
        return left >= 0
                   ? tr("%1, %2 inside the %3 window").arg(head, RunbookText::minutes(left), window)
                   : tr("%1, %2 past the %3 window").arg(head, RunbookText::minutes(-left), window);
    }
    if (forecast)
        return tr("%1, %2 (no window set)")
            .arg(head, RunbookText::versusPlan(minutesBetween(d.plannedEnd, d.forecastEnd)));
    return tr("%1 (no window set)").arg(head);
}

QSize RunbookTimeline::sizeHint() const
{
    return QSize(kPreferredWidth, heightForWidth(kPreferredWidth));
}

// As tall as all rows at the width it has: a scroll area around it scrolls instead of squeezing.
QSize RunbookTimeline::minimumSizeHint() const
{
    return QSize(40 * QFontMetrics(scaledFont()).horizontalAdvance(QLatin1Char('M')),
                 m_layout.height());
}

int RunbookTimeline::heightForWidth(int width) const
{
    if (width == this->width())
        return m_layout.height();
    return RunbookTimelineLayout(m_document, scaledFont(), width).height();
}

QFont RunbookTimeline::scaledFont() const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * m_scale);
    else
        f.setPixelSize(qRound(f.pixelSize() * m_scale));
    return f;
}

void RunbookTimeline::relayout()
{
    m_layout = RunbookTimelineLayout(m_document, scaledFont(), width());
    updateGeometry();
    update();
}

bool RunbookTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void RunbookTimeline::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        relayout();
}

void RunbookTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setFont(scaledFont());
    RunbookTimelinePainter(painter, m_layout, m_document, palette()).paint(caption(), m_current);
}

void RunbookTimeline::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void RunbookTimeline::mousePressEvent(QMouseEvent *event)
{
    const QString id = stepAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || id.isEmpty())
        return QWidget::mousePressEvent(event);
    setCurrentStep(id);
    Q_EMIT stepClicked(id);
}

void RunbookTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString id = stepAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || id.isEmpty())
        return QWidget::mouseDoubleClickEvent(event);
    Q_EMIT stepActivated(id);
}

QString RunbookTimeline::toolTipAt(const QPoint &point) const
{
    if (const RunbookTimelineLayout::Row *row = m_layout.rowAt(point))
        return stepToolTip(m_document.steps.at(row->step));
    if (m_layout.captionRect().contains(point))
        return m_document.ragReasons.join(QLatin1Char('\n'));
    return {};
}

QString RunbookTimeline::stepToolTip(const RunbookDocument::Step &step) const
{
    const RunbookSchedule::StepTimes &t = step.times;
    const QDateTime &ref = m_document.anchor;
    QStringList lines{QStringLiteral("<b>%1</b>").arg(step.plan.title.toHtmlEscaped())};
    const QString owner = RunbookText::owner(step.plan.owner);
    if (!owner.isEmpty())
        lines << tr("Owner: %1").arg(owner.toHtmlEscaped());
    lines << tr("Planned: %1 (%2)")
                 .arg(RunbookText::span(t.plannedStart, t.plannedEnd, ref),
                      RunbookText::minutes(t.durationMinutes));
    if (m_document.execution) {
        lines << tr("Status: %1").arg(RunbookText::statusLabel(step.state.status));
        lines << tr("Actual / forecast: %1").arg(RunbookText::progress(step.state, t, ref));
        if (t.lateMinutes != 0)
            lines << tr("Late: %1").arg(RunbookText::versusPlan(t.lateMinutes));
    }
    if (step.plan.isOutsideCutover())
        lines << tr("Outside the cutover (%1)")
                     .arg(RunbookVocabulary::sectionTitle(step.plan.section));
    else
        lines << tr("Slack: %1").arg(RunbookText::minutes(t.slackMinutes));
    if (t.critical)
        lines << tr("<b>On the critical path</b>");
    if (step.plan.gate.enabled)
        lines << tr("Gate: go / no-go");
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cutover
