#pragma once

#include <QWidget>

class QLineEdit;

namespace cutover {

class CanvasView;
class ColumnMappingModel;
class MappingScene;
class PasswordProvider;
class ProjectDocument;
class SuggestionBar;

// The column level of a table mapping as a picture: the scene in its view, with zoom and fit
// buttons and a legend that says each line style in words. A drop onto a mapped column asks
// whether to replace its expression or append the column to it. The suggestion bar draws
// auto-map suggestions to accept or reject.
class MappingCanvas : public QWidget
{
    Q_OBJECT

public:
    MappingCanvas(ProjectDocument &document, ColumnMappingModel &columns,
                  QWidget *parent = nullptr);

    MappingScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    SuggestionBar *suggestionBar() const { return m_suggestions; }
    // For reading source samples when suggesting; must outlive the canvas.
    void setPasswordProvider(const PasswordProvider *passwords);
    // Selects a column's lines and centres it; false when there is no such column.
    bool showColumn(const QString &column);

Q_SIGNALS:
    void columnChosen(const QString &targetColumn);

private:
    QWidget *createLegend();
    void askReplaceOrAppend(const QString &source, const QString &target, const QPoint &at);
    void find(const QString &text);
    void step(int delta);
    void follow(int direction);
    void moveTo(const QString &column);

    ColumnMappingModel &m_columns;
    MappingScene *m_scene = nullptr;
    CanvasView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    SuggestionBar *m_suggestions = nullptr;
    QString m_cameFrom; // the target column Left left, for Right to come back to
};

} // namespace cutover
