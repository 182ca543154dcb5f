#pragma once

#include <QWidget>

namespace cutover {

class CanvasView;
class ColumnMappingModel;
class MappingScene;
class ProjectDocument;

// The column level of a table mapping as a picture: the scene in its view, with zoom and fit
// buttons and a legend that says each line style in words. A drop onto a mapped column asks
// whether to replace its expression or append the column to it.
class MappingCanvas : public QWidget
{
    Q_OBJECT

public:
    MappingCanvas(ProjectDocument &document, ColumnMappingModel &columns,
                  QWidget *parent = nullptr);

    MappingScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }

Q_SIGNALS:
    void columnChosen(const QString &targetColumn);

private:
    QWidget *createLegend();
    void askReplaceOrAppend(const QString &source, const QString &target, const QPoint &at);

    ColumnMappingModel &m_columns;
    MappingScene *m_scene = nullptr;
    CanvasView *m_view = nullptr;
};

} // namespace cutover
