#pragma once

#include "validate/ProjectCheck.h"

#include <QGraphicsScene>

class QGraphicsPathItem;

namespace cutover {

class MappingEdge;
class OverviewBox;
class ProjectDocument;

// The overview of a project's table mappings: source tables on the left, target tables on the
// right, one MappingEdge per table mapping with its mapped and problem column counts, phases as
// tags on the target tables. Target tables keep the mappings' order; each source table sits
// beside the targets it feeds, so lines stay short and seldom cross. Tables no mapping touches
// follow below, marked "not mapped". Double-click opens a mapping's column level; dragging a
// source table onto a target table makes a table mapping with the engine's auto-mapped columns.
class OverviewScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal kGap = 280;
    static constexpr qreal kRowSpacing = 22;
    // Column suggestions a drawn table mapping takes, as the wizard's default.
    static constexpr double kAutoMapConfidence = 0.6;

    explicit OverviewScene(ProjectDocument &document, QObject *parent = nullptr);
    ~OverviewScene() override;

    void setOutcome(const ProjectCheck::Outcome &outcome);
    const QList<MappingEdge *> &edges() const { return m_edges; }
    OverviewBox *sourceBox(const QString &name) const;
    OverviewBox *targetBox(const QString &name) const;

    // A table mapping from source onto target with the columns AutoMapper matches by name,
    // meaning and type (no samples: nothing is read), as one undoable edit; an existing mapping
    // of target is opened instead.
    void mapTables(const QString &source, const QString &target);
    // The first table whose name holds text (any case), targets first; selected. Null if none.
    OverviewBox *findTable(const QString &text);
    // Forgets the positions the user dragged tables to (one undoable edit).
    void relayout();
    // Selects the edges of a table mapping (from the tree or the editor) without saying
    // mappingSelected; returns them.
    QList<MappingEdge *> selectMapping(qsizetype mapping);
    // The table mapping of the selected edge or table, -1 when none.
    qsizetype selectedMapping() const;

Q_SIGNALS:
    void mappingOpened(qsizetype mapping);
    // The user selected a table mapping's edge or one of its tables.
    void mappingSelected(qsizetype mapping);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void placeSources(const QHash<QString, QList<qreal>> &targetRows);
    void addUnmapped();
    OverviewBox *boxAt(const QPointF &scenePosition, bool source) const;
    void endDrag();
    void applySavedPositions();
    void saveMovedPositions();
    QString sourceDetail(const QString &table) const;
    QString targetDetail(const QString &table) const;
    QString edgeLabel(qsizetype mapping, int *worst) const;
    QStringList sourceKeys(const TableMapping &m) const;
    qsizetype mappingOf(const OverviewBox *box) const;

    ProjectDocument &m_document;
    ProjectCheck::Outcome m_outcome;
    QHash<QString, OverviewBox *> m_sources;
    QHash<QString, OverviewBox *> m_targets;
    QList<MappingEdge *> m_edges;
    OverviewBox *m_dragFrom = nullptr;
    QGraphicsPathItem *m_dragLine = nullptr;
    QHash<OverviewBox *, QPointF> m_pressPositions; // to tell a move from a click
    bool m_selecting = false;
};

} // namespace cutover
