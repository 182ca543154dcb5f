#pragma once

#include <QWidget>

class QLineEdit;

namespace cutover {

class CanvasView;
class OverviewScene;
class ProjectDocument;

// The overview of all table mappings as a picture, with fit and export (SVG, PNG).
class OverviewCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewCanvas(ProjectDocument &document, QWidget *parent = nullptr);

    OverviewScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    // Selects a table mapping's lines and brings them into view.
    void showMapping(qsizetype mapping);

private:
    void find(const QString &text);

    OverviewScene *m_scene = nullptr;
    CanvasView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
};

} // namespace cutover
