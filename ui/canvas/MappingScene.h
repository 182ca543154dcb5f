#pragma once

#include "automap/AutoMapper.h"

#include <QGraphicsScene>
#include <QPointer>
#include <QSet>

class QGraphicsPathItem;

namespace cutover {

class ColumnMappingModel;
class ColumnPort;
class LineageLine;
class ProjectDocument;
class SuggestionLine;
class TableBox;

// The column level of one table mapping: the source table's box on the left, the target
// table's on the right, and one LineageLine per source column each target expression reads. It
// follows the mapping's ColumnMappingModel (the same one the table editor shows), so edits,
// undo and each new check redraw it. Dragging a source column onto a target column maps it.
// Auto-map suggestions for the unmapped target columns are drawn as SuggestionLines until they
// are accepted (an ordinary mapping, undoable) or rejected.
class MappingScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal kGap = 260;     // between the two boxes
    static constexpr int kCollapseAt = 24; // longer tables show only the columns that matter

    // How a drop onto a column already mapped changes its expression.
    enum class DropAction
    {
        Replace,
        Append,
    };

    MappingScene(ProjectDocument &document, ColumnMappingModel &columns, QObject *parent = nullptr);
    ~MappingScene() override;

    TableBox *sourceBox() const { return m_source; }
    TableBox *targetBox() const { return m_target; }
    const QList<LineageLine *> &lines() const { return m_lines; }
    QList<LineageLine *> linesTo(const QString &targetColumn) const;

    // Maps sourceColumn onto targetColumn as one undoable edit; a mapped column is replaced or
    // has the source column appended, as action says.
    void map(const QString &sourceColumn, const QString &targetColumn,
             DropAction action = DropAction::Replace);
    // Selects a column: a target column's lines, or a source column's, and highlights its port;
    // returns the port (null when no column has that name). Does not say columnChosen.
    ColumnPort *selectColumn(const QString &column);
    // The first column whose name holds text (any case): targets first, then sources.
    ColumnPort *findColumn(const QString &text) const;
    // The target column the selection is on, empty when none.
    QString selectedTargetColumn() const;
    // The column the keyboard is on: the one selected, or the target of the selected line.
    ColumnPort *currentPort() const;
    // Across the lines of a column: the source columns a target reads (with a suggestion's), or
    // the target columns a source column feeds.
    QList<ColumnPort *> linkedPorts(const ColumnPort *port) const;
    // Unmaps the target columns of the selected lines, as one undoable edit.
    void unmapSelected();
    // Del: rejects the selected suggestions and unmaps the target columns of the selected lines.
    void deleteSelected();

    // Suggestions for this table mapping; those for mapped columns are kept but not drawn (an
    // undone acceptance brings its line back). A new table mapping drops them.
    void setSuggestions(const QList<AutoMapper::ColumnSuggestion> &suggestions);
    // The suggestions drawn: for target columns still unmapped, not rejected.
    QList<AutoMapper::ColumnSuggestion> openSuggestions() const;
    const QList<SuggestionLine *> &suggestionLines() const { return m_suggestionLines; }
    SuggestionLine *suggestionTo(const QString &targetColumn) const;
    // "source\ntarget" of the shown table mapping, empty while a table is unknown: what
    // suggestions are for.
    QString tablePair() const;
    // Suggestions under this confidence are drawn faint; acceptAbove takes the others.
    void setThreshold(double confidence);
    double threshold() const { return m_threshold; }
    // Each accepts as one undoable edit, writing an ordinary column mapping.
    void accept(const QStringList &targetColumns);
    void acceptSelected();
    void acceptAbove(double confidence);
    void reject(const QStringList &targetColumns);
    void rejectAll();
    // The expression a drop writes: the column's name, quoted when it needs quoting.
    static QString columnReference(const QString &column);
    static QString appended(const QString &expression, const QString &column);

Q_SIGNALS:
    // A drop onto a column that is already mapped: the view asks whether to replace or append.
    void droppedOnMapped(const QString &sourceColumn, const QString &targetColumn,
                         const QPoint &screenPosition);
    // The user chose a target column (a line or a port), for the editors to follow.
    void columnChosen(const QString &targetColumn);
    // Suggestions came, went, or were accepted or rejected.
    void suggestionsChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void rebuildLines();
    void rebuildLineageLines();
    void rebuildSuggestionLines();
    void addSuggestionLines();
    template <typename Line>
    QSet<QString> dropLines(QList<Line *> &lines);
    template <typename Line>
    void reselect(const QList<Line *> &lines, const QSet<QString> &keys);
    const AutoMapper::ColumnSuggestion *suggestion(const QString &targetColumn) const;
    QStringList visibleSourceColumns() const;
    QStringList visibleTargetColumns() const;
    ColumnPort *portAt(const QPointF &scenePosition, int side) const;
    void endDrag();

    ProjectDocument &m_document;
    ColumnMappingModel &m_columns;
    TableBox *m_source = nullptr;
    TableBox *m_target = nullptr;
    QList<LineageLine *> m_lines;
    QList<AutoMapper::ColumnSuggestion> m_suggestions;
    QString m_suggestedFor; // the table pair the suggestions are for
    QList<SuggestionLine *> m_suggestionLines;
    double m_threshold = 0.7;
    QPointer<ColumnPort> m_dragFrom;
    QPointer<ColumnPort> m_dropOn;
    QGraphicsPathItem *m_dragLine = nullptr;
    QPointer<ColumnPort> m_highlighted;
    bool m_selecting = false;
};

} // namespace cutover
