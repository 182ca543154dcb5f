#include "canvas/OverviewScene.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "automap/AutoMapper.h"
#include "canvas/CanvasStyle.h"
#include "canvas/MappingEdge.h"
#include "canvas/OverviewBox.h"
#include "dialect/QueryTables.h"
#include "schema/CutoverTables.h"
#include "source/RowSourceFactory.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cutover {

OverviewScene::OverviewScene(ProjectDocument &document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Mappings || part == ProjectDocument::Part::Phases)
            rebuild();
    });
    connect(&document, &ProjectDocument::projectReplaced, this, &OverviewScene::rebuild);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_selecting)
            return;
        const qsizetype mapping = selectedMapping();
        if (mapping >= 0)
            Q_EMIT mappingSelected(mapping);
    });
}

// QGraphicsScene's destructor removes the items, which says selectionChanged; by then this
// scene's own members are gone, so no one may hear it (the suggestion bar asked the scene and
// crashed, once in some hundred windows closed).
OverviewScene::~OverviewScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, nullptr, nullptr);
}

// The boxes a mapping's rows come from: its source table, the tables its query reads, or one
// box standing for a query whose tables are not known.
QStringList OverviewScene::sourceKeys(const TableMapping &m) const
{
    if (m.query.isEmpty())
        return {m.source};
    QStringList known;
    for (const TableInfo &table : m_outcome.source.tables)
        known.append(table.name);
    const auto spec = RowSourceFactory::sourceSpec(m_document.project());
    const QStringList read =
        QueryTables::read(m.query, spec ? spec->kind() : ConnectionSpec::Kind::Sqlite, known);
    return read.isEmpty() ? QStringList{tr("query for %1").arg(m.target)} : read;
}

qsizetype OverviewScene::mappingOf(const OverviewBox *box) const
{
    const Project &project = m_document.project();
    for (qsizetype i = 0; i < project.mappings.size(); ++i)
        if (box->isSource() ? sourceKeys(project.mappings.at(i)).contains(box->name())
                            : project.mappings.at(i).target == box->name())
            return i;
    return -1;
}

qsizetype OverviewScene::selectedMapping() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (const auto *edge = dynamic_cast<MappingEdge *>(item))
            return edge->mapping();
        if (const auto *box = dynamic_cast<OverviewBox *>(item))
            return mappingOf(box);
    }
    return -1;
}

QList<MappingEdge *> OverviewScene::selectMapping(qsizetype mapping)
{
    QList<MappingEdge *> selected;
    const bool selecting = std::exchange(m_selecting, true);
    clearSelection();
    for (MappingEdge *edge : std::as_const(m_edges))
        if (edge->mapping() == mapping) {
            edge->setSelected(true);
            selected.append(edge);
        }
    m_selecting = selecting;
    return selected;
}

void OverviewScene::setOutcome(const ProjectCheck::Outcome &outcome)
{
    m_outcome = outcome;
    rebuild();
}

OverviewBox *OverviewScene::sourceBox(const QString &name) const
{
    return m_sources.value(name);
}

OverviewBox *OverviewScene::targetBox(const QString &name) const
{
    return m_targets.value(name);
}

QString OverviewScene::sourceDetail(const QString &table) const
{
    const TableInfo *info = m_outcome.source.table(table);
    if (!info)
        return tr("SQL query");
    return info->rowEstimate < 0
               ? (info->columns.size() == 1 ? tr("1 column")
                                            : tr("%1 columns").arg(info->columns.size()))
               : tr("%1 rows, %2 columns")
                     .arg(QLocale().toString(info->rowEstimate))
                     .arg(info->columns.size());
}

QString OverviewScene::targetDetail(const QString &table) const
{
    const TableInfo *info = m_outcome.target.table(table);
    if (!info)
        info = m_document.project().targetTable(table);
    return info ? (info->columns.size() == 1 ? tr("1 column")
                                             : tr("%1 columns").arg(info->columns.size()))
                : tr("not in the target");
}

// "12 mapped · 2 with problems"; worst gets the worst problem's severity, or -1.
QString OverviewScene::edgeLabel(qsizetype mapping, int *worst) const
{
    const QString prefix = QStringLiteral("mappings[%1]").arg(mapping);
    QSet<QString> columns;
    *worst = -1;
    for (const Problem &p : m_outcome.problems) {
        if (!p.path.startsWith(prefix) || p.severity == Problem::Severity::Info)
            continue;
        columns.insert(p.column);
        if (*worst < 0 || int(p.severity) < *worst)
            *worst = int(p.severity);
    }
    const qsizetype mapped = m_document.project().mappings.at(mapping).columns.size();
    return columns.isEmpty()
               ? tr("%1 mapped").arg(mapped)
               : tr("%1 mapped \u00b7 %2 with problems").arg(mapped).arg(columns.size());
}

void OverviewScene::rebuild()
{
    endDrag();
    m_pressPositions.clear();
    clear();
    m_sources.clear();
    m_targets.clear();
    m_edges.clear();
    if (!m_document.hasProject())
        return;
    const Project &project = m_document.project();
    QHash<QString, QList<qreal>> targetRows; // source -> the rows of the targets it feeds
    for (qsizetype i = 0; i < project.mappings.size(); ++i) {
        const TableMapping &m = project.mappings.at(i);
        QStringList phases;
        for (const Phase &phase : project.phases)
            if (phase.tables.isEmpty() || phase.tables.contains(m.target))
                phases.append(phase.name);
        auto *target = new OverviewBox(m.target, targetDetail(m.target), false, phases);
        const qreal y = qreal(i) * (OverviewBox::kHeight + kRowSpacing);
        target->setPos(OverviewBox::kWidth + kGap, y);
        addItem(target);
        m_targets.insert(m.target, target);
        for (const QString &key : sourceKeys(m))
            targetRows[key].append(y);
    }
    placeSources(targetRows);
    addUnmapped();
    applySavedPositions();
    for (qsizetype i = 0; i < project.mappings.size(); ++i) {
        const TableMapping &m = project.mappings.at(i);
        int worst = -1;
        const QString label = edgeLabel(i, &worst);
        const auto state = worst == int(Problem::Severity::Error) ? ColumnMappingModel::State::Error
                           : worst == int(Problem::Severity::Warning)
                               ? ColumnMappingModel::State::Warning
                               : ColumnMappingModel::State::Mapped;
        const QStringList keys = sourceKeys(m);
        for (const QString &key : keys) {
            auto *edge =
                new MappingEdge(m_sources.value(key), m_targets.value(m.target), i,
                                m.query.isEmpty() ? label : tr("query: %1").arg(label), state);
            edge->setLabelShown(key == keys.first());
            addItem(edge);
            m_edges.append(edge);
        }
    }
}

// Each source table beside the mean row of the targets it feeds, then pushed apart so that no
// two overlap, keeping that order.
void OverviewScene::placeSources(const QHash<QString, QList<qreal>> &targetRows)
{
    QList<std::pair<qreal, QString>> wanted;
    for (auto it = targetRows.cbegin(); it != targetRows.cend(); ++it) {
        qreal sum = 0;
        for (qreal y : it.value())
            sum += y;
        wanted.append({sum / qreal(it.value().size()), it.key()});
    }
    std::sort(wanted.begin(), wanted.end());
    qreal next = 0;
    for (const auto &[y, name] : wanted) {
        const qreal at = qMax(y, next);
        auto *box = new OverviewBox(name, sourceDetail(name), true);
        box->setPos(0, at);
        addItem(box);
        m_sources.insert(name, box);
        next = at + OverviewBox::kHeight + kRowSpacing;
    }
}

// The tables no mapping reads or writes, below the others: what is still to map.
void OverviewScene::addUnmapped()
{
    auto below = [](const QHash<QString, OverviewBox *> &boxes) {
        qreal bottom = 0;
        for (const OverviewBox *box : boxes)
            bottom = qMax(bottom, box->y() + OverviewBox::kHeight + kRowSpacing);
        return bottom + (boxes.isEmpty() ? 0 : kRowSpacing);
    };
    qreal y = below(m_sources);
    for (const TableInfo &table : m_outcome.source.tables)
        if (!m_sources.contains(table.name) && !CutoverTables::contains(table.name)) {
            auto *box = new OverviewBox(table.name, tr("not mapped"), true);
            box->setPos(0, y);
            box->setOpacity(0.75);
            addItem(box);
            m_sources.insert(table.name, box);
            y += OverviewBox::kHeight + kRowSpacing;
        }
    y = below(m_targets);
    for (const TableInfo &table : m_outcome.target.tables)
        if (!m_targets.contains(table.name) && !CutoverTables::contains(table.name)) {
            auto *box = new OverviewBox(table.name, tr("not mapped"), false);
            box->setPos(OverviewBox::kWidth + kGap, y);
            box->setOpacity(0.75);
            addItem(box);
            m_targets.insert(table.name, box);
            y += OverviewBox::kHeight + kRowSpacing;
        }
}

void OverviewScene::mapTables(const QString &source, const QString &target)
{
    const Project &project = m_document.project();
    for (qsizetype i = 0; i < project.mappings.size(); ++i)
        if (project.mappings.at(i).target == target) {
            Q_EMIT mappingOpened(i);
            return;
        }
    if (!m_outcome.source.table(source) || !m_outcome.target.table(target))
        return;
    AutoMapper::Options options;
    options.lookups = project.lookups;
    const AutoMapper mapper(m_outcome.source, m_outcome.target, nullptr, options);
    AutoMapper::TableSuggestion pair;
    pair.source = source;
    pair.target = target;
    pair.confidence = 1;
    pair.reason = tr("drawn on the canvas");
    const TableMapping mapping =
        AutoMapper::toTableMapping(mapper.suggestMapping(pair), kAutoMapConfidence);
    ProjectEdits(m_document).addMapping(mapping);
    Q_EMIT mappingOpened(m_document.project().mappings.size() - 1);
}

OverviewBox *OverviewScene::boxAt(const QPointF &scenePosition, bool source) const
{
    for (QGraphicsItem *item : items(scenePosition))
        if (auto *box = dynamic_cast<OverviewBox *>(item); box && box->isSource() == source)
            return box;
    return nullptr;
}

void OverviewScene::applySavedPositions()
{
    const CanvasLayout &saved = m_document.project().canvas;
    for (auto it = saved.sources.cbegin(); it != saved.sources.cend(); ++it)
        if (OverviewBox *box = m_sources.value(it.key()))
            box->setPos(it.value());
    for (auto it = saved.targets.cbegin(); it != saved.targets.cend(); ++it)
        if (OverviewBox *box = m_targets.value(it.key()))
            box->setPos(it.value());
}

// After a drag of boxes: the moved ones' places go into the project, as one undoable edit.
void OverviewScene::saveMovedPositions()
{
    CanvasLayout layout = m_document.project().canvas;
    QStringList moved;
    for (auto it = m_pressPositions.cbegin(); it != m_pressPositions.cend(); ++it) {
        OverviewBox *box = it.key();
        if (box->pos() == it.value())
            continue;
        const QPointF at(qRound(box->x()), qRound(box->y()));
        (box->isSource() ? layout.sources : layout.targets).insert(box->name(), at);
        moved.append(box->name());
    }
    m_pressPositions.clear();
    if (!moved.isEmpty())
        ProjectEdits(m_document)
            .setCanvasLayout(layout,
                             tr("Move %1 on the canvas").arg(moved.join(QStringLiteral(", "))));
}

OverviewBox *OverviewScene::findTable(const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return nullptr;
    for (const auto *boxes : {&m_targets, &m_sources}) {
        QStringList names = boxes->keys();
        names.sort(Qt::CaseInsensitive);
        for (const QString &name : names)
            if (name.contains(wanted, Qt::CaseInsensitive)) {
                OverviewBox *box = boxes->value(name);
                clearSelection();
                box->setSelected(true);
                return box;
            }
    }
    return nullptr;
}

void OverviewScene::relayout()
{
    ProjectEdits(m_document).setCanvasLayout({}, tr("Place every table on the canvas again"));
}

void OverviewScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPositions.clear();
    for (OverviewBox *box : m_sources)
        m_pressPositions.insert(box, box->pos());
    for (OverviewBox *box : m_targets)
        m_pressPositions.insert(box, box->pos());
    if (event->button() == Qt::LeftButton)
        if (OverviewBox *from = boxAt(event->scenePos(), true);
            from && from->isOnHandle(event->scenePos())) {
            m_dragFrom = from;
            m_dragLine = addPath(QPainterPath(),
                                 CanvasStyle::linePen(ColumnMappingModel::State::Mapped, true));
            m_dragLine->setZValue(2);
            event->accept();
            return;
        }
    QGraphicsScene::mousePressEvent(event);
}

void OverviewScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragFrom || !m_dragLine) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    m_dragLine->setPath(CanvasStyle::curve(m_dragFrom->anchor(), event->scenePos()));
    event->accept();
}

void OverviewScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragFrom) {
        QGraphicsScene::mouseReleaseEvent(event);
        saveMovedPositions(); // may rebuild the scene: last
        return;
    }
    const QString source = m_dragFrom->name();
    OverviewBox *target = boxAt(event->scenePos(), false);
    const QString targetName = target ? target->name() : QString();
    endDrag();
    event->accept();
    if (!targetName.isEmpty())
        mapTables(source, targetName);
}

void OverviewScene::endDrag()
{
    m_dragFrom = nullptr;
    if (m_dragLine) {
        removeItem(m_dragLine);
        delete m_dragLine;
        m_dragLine = nullptr;
    }
}

void OverviewScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (auto *edge = dynamic_cast<MappingEdge *>(item)) {
            Q_EMIT mappingOpened(edge->mapping());
            return;
        }
        if (auto *box = dynamic_cast<OverviewBox *>(item)) {
            if (const qsizetype mapping = mappingOf(box); mapping >= 0) {
                Q_EMIT mappingOpened(mapping);
                return;
            }
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

} // namespace cutover
