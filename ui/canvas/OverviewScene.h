#pragma once

#include "validate/ProjectCheck.h"

#include <QGraphicsScene>

namespace cutover {

class MappingEdge;
class OverviewBox;
class ProjectDocument;

// The overview of a project's table mappings: source tables on the left, target tables on the
// right, one MappingEdge per table mapping with its mapped and problem column counts, phases as
// tags on the target tables. Target tables keep the mappings' order; each source table sits
// beside the targets it feeds, so lines stay short and seldom cross. Double-click opens a
// mapping's column level.
class OverviewScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal kGap = 280;
    static constexpr qreal kRowSpacing = 22;

    explicit OverviewScene(ProjectDocument &document, QObject *parent = nullptr);

    void setOutcome(const ProjectCheck::Outcome &outcome);
    const QList<MappingEdge *> &edges() const { return m_edges; }
    OverviewBox *sourceBox(const QString &name) const;
    OverviewBox *targetBox(const QString &name) const;

Q_SIGNALS:
    void mappingOpened(qsizetype mapping);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void placeSources(const QHash<QString, QList<qreal>> &targetRows);
    QString sourceDetail(const QString &table) const;
    QString targetDetail(const QString &table) const;
    QString edgeLabel(qsizetype mapping, int *worst) const;

    ProjectDocument &m_document;
    ProjectCheck::Outcome m_outcome;
    QHash<QString, OverviewBox *> m_sources;
    QHash<QString, OverviewBox *> m_targets;
    QList<MappingEdge *> m_edges;
};

} // namespace cutover
