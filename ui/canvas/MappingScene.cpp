#include "canvas/MappingScene.h"

#include "ColumnMappingModel.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "automap/ExpressionProposer.h"
#include "canvas/CanvasStyle.h"
#include "canvas/ColumnPort.h"
#include "canvas/LineageLine.h"
#include "canvas/SuggestionLine.h"
#include "canvas/TableBox.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>

namespace cutover {

MappingScene::MappingScene(ProjectDocument &document, ColumnMappingModel &columns, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_columns(columns)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&columns, &QAbstractItemModel::modelReset, this, &MappingScene::rebuild);
    connect(&columns, &QAbstractItemModel::dataChanged, this, &MappingScene::rebuildLines);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_selecting)
            return;
        for (QGraphicsItem *item : selectedItems())
            if (auto *line = dynamic_cast<LineageLine *>(item)) {
                Q_EMIT columnChosen(line->targetColumn());
                return;
            } else if (auto *suggested = dynamic_cast<SuggestionLine *>(item)) {
                Q_EMIT columnChosen(suggested->suggestion().target);
                return;
            }
    });
    rebuild();
}

// QGraphicsScene's destructor removes the items, which says selectionChanged; by then this
// scene's own members are gone, so no one may hear it (the suggestion bar asked the scene and
// crashed, once in some hundred windows closed).
MappingScene::~MappingScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, nullptr, nullptr);
}

QStringList MappingScene::visibleSourceColumns() const
{
    const TableInfo *table = m_columns.sourceTable();
    if (!table || table->columns.size() < kCollapseAt)
        return {};
    QStringList suggested; // computed once, not per column
    for (const auto &suggestion : openSuggestions())
        suggested.append(suggestion.source);
    QStringList shown;
    for (const ColumnInfo &column : table->columns) {
        bool read = column.primaryKeyPosition > 0 || suggested.contains(column.name);
        for (int row = 0; !read && row < m_columns.rowCount(); ++row)
            read =
                m_columns
                    .columnsRead(
                        m_columns.index(row, 0).data(ColumnMappingModel::ColumnNameRole).toString())
                    .contains(column.name);
        if (read)
            shown.append(column.name);
    }
    return shown;
}

QStringList MappingScene::visibleTargetColumns() const
{
    const TableInfo *table = m_columns.targetTable();
    if (!table || table->columns.size() < kCollapseAt)
        return {};
    QStringList shown;
    for (const ColumnInfo &column : table->columns)
        if (m_columns.state(column.name) != ColumnMappingModel::State::Unmapped ||
            suggestion(column.name))
            shown.append(column.name);
    return shown;
}

void MappingScene::rebuild()
{
    endDrag();
    if (!m_suggestions.isEmpty() && tablePair() != m_suggestedFor) {
        m_suggestions.clear();
        Q_EMIT suggestionsChanged();
    }
    m_lines.clear();
    m_suggestionLines.clear();
    clear();
    m_source = m_target = nullptr;
    const TableInfo *source = m_columns.sourceTable();
    const TableInfo *target = m_columns.targetTable();
    if (source) {
        m_source = new TableBox(*source, ColumnPort::Side::Source, visibleSourceColumns());
        addItem(m_source);
    }
    if (target) {
        m_target = new TableBox(*target, ColumnPort::Side::Target, visibleTargetColumns());
        m_target->setPos(TableBox::kWidth + kGap, 0);
        addItem(m_target);
    }
    rebuildLines();
}

namespace {

QString lineKey(const ColumnPort *from, const ColumnPort *to)
{
    return (from ? from->name() : QString()) + QLatin1Char('\n') + (to ? to->name() : QString());
}

} // namespace

// Drops the lines, first unselecting them (so their ports are no longer lit); returns the keys
// of the selected ones, for the new lines to be selected again.
template <typename Line>
QSet<QString> MappingScene::dropLines(QList<Line *> &lines)
{
    QSet<QString> selected;
    const bool selecting = std::exchange(m_selecting, true);
    for (Line *line : std::as_const(lines)) {
        if (line->isSelected()) {
            selected.insert(lineKey(line->from(), line->to()));
            line->setSelected(false);
        }
        removeItem(line);
        delete line;
    }
    lines.clear();
    if (m_highlighted)
        m_highlighted->setHighlighted(true);
    m_selecting = selecting;
    return selected;
}

template <typename Line>
void MappingScene::reselect(const QList<Line *> &lines, const QSet<QString> &keys)
{
    if (keys.isEmpty())
        return;
    const bool selecting = std::exchange(m_selecting, true);
    for (Line *line : lines)
        if (keys.contains(lineKey(line->from(), line->to())))
            line->setSelected(true);
    m_selecting = selecting;
}

void MappingScene::rebuildLines()
{
    const QSet<QString> selected = dropLines(m_lines);
    rebuildLineageLines();
    reselect(m_lines, selected);
    rebuildSuggestionLines();
}

void MappingScene::rebuildLineageLines()
{
    if (!m_target)
        return;
    for (ColumnPort *to : m_target->ports()) {
        const auto state = m_columns.state(to->name());
        to->setState(state);
        const QString expression = m_columns.expression(to->name());
        if (expression.isEmpty())
            continue;
        const QStringList read = m_columns.columnsRead(to->name());
        QList<ColumnPort *> from;
        for (const QString &column : read)
            if (ColumnPort *port = m_source ? m_source->port(column) : nullptr)
                from.append(port);
        if (from.isEmpty())
            from.append(nullptr); // a constant, or an expression that did not compile
        for (ColumnPort *port : from) {
            auto *line = new LineageLine(port, to, expression, state);
            addItem(line);
            m_lines.append(line);
        }
    }
}

void MappingScene::rebuildSuggestionLines()
{
    const QSet<QString> selected = dropLines(m_suggestionLines);
    if (m_source && m_target)
        addSuggestionLines();
    reselect(m_suggestionLines, selected);
    Q_EMIT suggestionsChanged();
}

void MappingScene::addSuggestionLines()
{
    for (const AutoMapper::ColumnSuggestion &suggested : openSuggestions()) {
        ColumnPort *from = m_source->port(suggested.source);
        ColumnPort *to = m_target->port(suggested.target);
        if (!from || !to)
            continue;
        auto *line = new SuggestionLine(from, to, suggested);
        line->setFaint(suggested.confidence < m_threshold);
        connect(line, &SuggestionLine::acceptRequested, this,
                [this](const QString &target) { accept({target}); });
        addItem(line);
        m_suggestionLines.append(line);
    }
}

QString MappingScene::tablePair() const
{
    const TableInfo *source = m_columns.sourceTable();
    const TableInfo *target = m_columns.targetTable();
    return source && target ? source->name + QLatin1Char('\n') + target->name : QString();
}

void MappingScene::setSuggestions(const QList<AutoMapper::ColumnSuggestion> &suggestions)
{
    m_suggestions = suggestions;
    m_suggestedFor = tablePair();
    rebuild(); // suggested columns of a long table come out of the "n more"
    Q_EMIT suggestionsChanged();
}

const AutoMapper::ColumnSuggestion *MappingScene::suggestion(const QString &targetColumn) const
{
    for (const AutoMapper::ColumnSuggestion &suggested : m_suggestions)
        if (suggested.target == targetColumn)
            return m_columns.expression(targetColumn).isEmpty() ? &suggested : nullptr;
    return nullptr;
}

QList<AutoMapper::ColumnSuggestion> MappingScene::openSuggestions() const
{
    QList<AutoMapper::ColumnSuggestion> open;
    for (const AutoMapper::ColumnSuggestion &suggested : m_suggestions)
        if (m_columns.expression(suggested.target).isEmpty())
            open.append(suggested);
    return open;
}

SuggestionLine *MappingScene::suggestionTo(const QString &targetColumn) const
{
    for (SuggestionLine *line : m_suggestionLines)
        if (line->suggestion().target == targetColumn)
            return line;
    return nullptr;
}

void MappingScene::setThreshold(double confidence)
{
    m_threshold = confidence;
    for (SuggestionLine *line : std::as_const(m_suggestionLines))
        line->setFaint(line->suggestion().confidence < confidence);
}

void MappingScene::accept(const QStringList &targetColumns)
{
    const qsizetype mapping = m_columns.mapping();
    if (mapping < 0)
        return;
    TableMapping accepted = m_document.project().mappings.at(mapping);
    QList<ColumnMapping> columns;
    for (const QString &target : targetColumns)
        if (const AutoMapper::ColumnSuggestion *suggested = suggestion(target)) {
            AutoMapper::apply(*suggested, accepted);
            columns.append(*accepted.column(target));
            m_columns.assumeLineage(target, {suggested->source});
        }
    if (columns.isEmpty())
        return;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(
        columns.size() == 1
            ? tr("Accept the suggestion for %1.%2").arg(accepted.target, columns.first().target)
            : tr("Accept %1 suggestions for %2").arg(columns.size()).arg(accepted.target));
    for (const ColumnMapping &column : std::as_const(columns))
        ProjectEdits(m_document).mapColumn(mapping, column);
    stack->endMacro();
}

void MappingScene::acceptSelected()
{
    QStringList targets;
    for (QGraphicsItem *item : selectedItems())
        if (auto *line = dynamic_cast<SuggestionLine *>(item))
            targets.append(line->suggestion().target);
    accept(targets);
}

void MappingScene::acceptAbove(double confidence)
{
    QStringList targets;
    for (const AutoMapper::ColumnSuggestion &suggested : openSuggestions())
        if (suggested.confidence >= confidence)
            targets.append(suggested.target);
    accept(targets);
}

void MappingScene::reject(const QStringList &targetColumns)
{
    const auto before = m_suggestions.size();
    m_suggestions.removeIf([&](const AutoMapper::ColumnSuggestion &suggested) {
        return targetColumns.contains(suggested.target);
    });
    if (m_suggestions.size() != before)
        rebuildSuggestionLines();
}

void MappingScene::rejectAll()
{
    m_suggestions.clear();
    rebuildSuggestionLines();
}

void MappingScene::deleteSelected()
{
    QStringList rejected;
    for (QGraphicsItem *item : selectedItems())
        if (auto *line = dynamic_cast<SuggestionLine *>(item))
            rejected.append(line->suggestion().target);
    reject(rejected);
    unmapSelected();
}

QList<LineageLine *> MappingScene::linesTo(const QString &targetColumn) const
{
    QList<LineageLine *> found;
    for (LineageLine *line : m_lines)
        if (line->targetColumn() == targetColumn)
            found.append(line);
    return found;
}

ColumnPort *MappingScene::selectColumn(const QString &column)
{
    m_selecting = true;
    clearSelection();
    if (m_highlighted)
        m_highlighted->setHighlighted(false);
    ColumnPort *port = m_target ? m_target->port(column) : nullptr;
    const bool target = port;
    if (!port && m_source)
        port = m_source->port(column);
    for (LineageLine *line : std::as_const(m_lines))
        if (target ? line->to() == port : (port && line->from() == port))
            line->setSelected(true);
    for (SuggestionLine *line : std::as_const(m_suggestionLines))
        if (target ? line->to() == port : (port && line->from() == port))
            line->setSelected(true);
    if (port)
        port->setHighlighted(true);
    m_highlighted = port;
    m_selecting = false;
    return port;
}

ColumnPort *MappingScene::findColumn(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return nullptr;
    for (TableBox *box : {m_target, m_source})
        if (box)
            for (ColumnPort *port : box->ports())
                if (port->name().contains(wanted, Qt::CaseInsensitive))
                    return port;
    return nullptr;
}

QString MappingScene::selectedTargetColumn() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *line = dynamic_cast<LineageLine *>(item))
            return line->targetColumn();
        if (auto *suggested = dynamic_cast<SuggestionLine *>(item))
            return suggested->suggestion().target;
    }
    return m_highlighted && m_highlighted->side() == ColumnPort::Side::Target
               ? m_highlighted->name()
               : QString();
}

QString MappingScene::columnReference(const QString &column)
{
    return ExpressionProposer::reference(column);
}

QString MappingScene::appended(const QString &expression, const QString &column)
{
    return QStringLiteral("%1 || ' ' || %2").arg(expression.trimmed(), columnReference(column));
}

void MappingScene::map(const QString &sourceColumn, const QString &targetColumn, DropAction action)
{
    const qsizetype mapping = m_columns.mapping();
    if (mapping < 0)
        return;
    const QString before = m_columns.expression(targetColumn);
    ColumnMapping column;
    if (const ColumnMapping *c = m_document.project().mappings.at(mapping).column(targetColumn))
        column = *c;
    column.target = targetColumn;
    column.expression = action == DropAction::Append && !before.isEmpty()
                            ? appended(before, sourceColumn)
                            : columnReference(sourceColumn);
    if (column.expression == before)
        return;
    QStringList reads =
        action == DropAction::Append ? m_columns.columnsRead(targetColumn) : QStringList();
    if (!reads.contains(sourceColumn))
        reads.append(sourceColumn);
    m_columns.assumeLineage(targetColumn, reads); // drawn now; the next check confirms it
    ProjectEdits(m_document).mapColumn(mapping, column);
}

ColumnPort *MappingScene::currentPort() const
{
    if (m_highlighted)
        return m_highlighted;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *line = dynamic_cast<LineageLine *>(item))
            return line->to();
        if (auto *suggested = dynamic_cast<SuggestionLine *>(item))
            return suggested->to();
    }
    return nullptr;
}

QList<ColumnPort *> MappingScene::linkedPorts(const ColumnPort *port) const
{
    QList<ColumnPort *> linked;
    const bool target = port && port->side() == ColumnPort::Side::Target;
    auto add = [&](ColumnPort *from, ColumnPort *to) {
        ColumnPort *other = target ? from : to;
        if ((target ? to : from) == port && other && !linked.contains(other))
            linked.append(other);
    };
    for (const LineageLine *line : m_lines)
        add(line->from(), line->to());
    for (const SuggestionLine *line : m_suggestionLines)
        add(line->from(), line->to());
    return linked;
}

void MappingScene::unmapSelected()
{
    QStringList targets;
    for (QGraphicsItem *item : selectedItems())
        if (auto *line = dynamic_cast<LineageLine *>(item))
            if (!targets.contains(line->targetColumn()))
                targets.append(line->targetColumn());
    const qsizetype mapping = m_columns.mapping();
    if (targets.isEmpty() || mapping < 0)
        return;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(
        (targets.size() == 1 ? tr("Unmap 1 column") : tr("Unmap %1 columns").arg(targets.size())));
    for (const QString &target : targets) {
        const TableMapping &m = m_document.project().mappings.at(mapping);
        if (const ColumnMapping *c = m.column(target))
            ProjectEdits(m_document).unmapColumn(mapping, m.columns.indexOf(*c));
    }
    stack->endMacro();
}

ColumnPort *MappingScene::portAt(const QPointF &scenePosition, int side) const
{
    for (QGraphicsItem *item : items(scenePosition))
        if (auto *port = dynamic_cast<ColumnPort *>(item); port && int(port->side()) == side)
            return port;
    return nullptr;
}

void MappingScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (ColumnPort *from = portAt(event->scenePos(), int(ColumnPort::Side::Source))) {
            m_dragFrom = from;
            from->setHighlighted(true);
            m_dragLine = addPath(QPainterPath(),
                                 CanvasStyle::linePen(ColumnMappingModel::State::Mapped, true));
            m_dragLine->setZValue(2);
            event->accept();
            return;
        }
        if (ColumnPort *to = portAt(event->scenePos(), int(ColumnPort::Side::Target))) {
            selectColumn(to->name());
            Q_EMIT columnChosen(to->name());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void MappingScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragFrom || !m_dragLine) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    const QPointF end = event->scenePos();
    m_dragLine->setPath(CanvasStyle::curve(m_dragFrom->anchor(), end));
    ColumnPort *over = portAt(end, int(ColumnPort::Side::Target));
    if (over != m_dropOn) {
        if (m_dropOn)
            m_dropOn->setHighlighted(false);
        m_dropOn = over;
        if (over)
            over->setHighlighted(true);
    }
    event->accept();
}

void MappingScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_dragFrom) {
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    const QString source = m_dragFrom->name();
    ColumnPort *target = portAt(event->scenePos(), int(ColumnPort::Side::Target));
    const QString targetName = target ? target->name() : QString();
    endDrag();
    event->accept();
    if (targetName.isEmpty())
        return;
    if (m_columns.expression(targetName).isEmpty())
        map(source, targetName);
    else
        Q_EMIT droppedOnMapped(source, targetName, event->screenPos());
}

void MappingScene::endDrag()
{
    if (m_dragFrom)
        m_dragFrom->setHighlighted(false);
    if (m_dropOn)
        m_dropOn->setHighlighted(false);
    m_dragFrom = nullptr;
    m_dropOn = nullptr;
    if (m_dragLine) {
        removeItem(m_dragLine);
        delete m_dragLine;
        m_dragLine = nullptr;
    }
}

} // namespace cutover
