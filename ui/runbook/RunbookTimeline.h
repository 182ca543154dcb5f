#pragma once

#include "runbook/RunbookDocument.h"
#include "runbook/RunbookTimelineLayout.h"

#include <QWidget>

namespace cutover {

// The runbook's schedule as a Gantt chart: one row per step in plan order under its section's
// heading, the planned bar with what happened or is forecast on it, the critical path marked,
// the lines of now, the planned and forecast ends and the window's end, and a caption with the
// forecast end against the window. The chart takes the width it is given and asks to be as
// tall as its rows at that width (its minimum size hint), so it belongs in a QScrollArea with
// widgetResizable. The font and the scale set its size, so a presentation mode can draw it large.
class RunbookTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit RunbookTimeline(QWidget *parent = nullptr);

    void setDocument(const RunbookDocument &document);
    const RunbookDocument &document() const { return m_document; }

    // The highlighted row; an id of no step highlights none.
    void setCurrentStep(const QString &id);
    QString currentStep() const { return m_current; }

    // Multiplies the widget's font size: 1 in the window, more in a presentation.
    void setScale(qreal scale);
    qreal scale() const { return m_scale; }

    // The step whose row holds the point, or empty.
    QString stepAt(const QPoint &point) const;
    // The step's planned bar; empty for an unknown step.
    QRect barRect(const QString &id) const;
    // "Forecast end 02:50, 1 h 10 min inside the 8 h window", after the RAG status.
    QString caption() const;
    const RunbookTimelineLayout &layout() const { return m_layout; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void stepClicked(const QString &id);
    void stepActivated(const QString &id); // double-click

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QFont scaledFont() const;
    void relayout();
    QString toolTipAt(const QPoint &point) const;
    QString stepToolTip(const RunbookDocument::Step &step) const;

    RunbookDocument m_document;
    RunbookTimelineLayout m_layout;
    QString m_current;
    qreal m_scale = 1.0;
};

} // namespace cutover
