#pragma once

#include <QGraphicsView>

namespace cutover {

// The canvas's view: zoom with the wheel or Ctrl++ / Ctrl+-, pan by dragging the background,
// fit to the window (Ctrl+0), Up and Down to step between columns, Left and Right to follow
// lines, Enter to accept the selected suggestions, Del to unmap the selected lines.
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr qreal kMinZoom = 0.1;
    static constexpr qreal kMaxZoom = 4.0;

    explicit CanvasView(QWidget *parent = nullptr);

    void zoomBy(qreal factor);
    void fit();
    qreal zoom() const;

Q_SIGNALS:
    void deletePressed();
    // Up or Down: the next or previous column (delta -1 or 1).
    void stepRequested(int delta);
    // Left or Right: along the lines, to the source (-1) or the target (1) side.
    void followRequested(int direction);
    void acceptPressed();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace cutover
