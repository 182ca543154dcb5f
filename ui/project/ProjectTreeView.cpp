#include "project/ProjectTreeView.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace cutover {

namespace {

using Group = ProjectTreeModel::Group;
using Kind = ProjectTreeModel::Kind;

QAction *makeAction(QWidget *parent, const char *icon, const QString &text,
                    const QKeySequence &keys)
{
    auto *a =
        new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))), text, parent);
    a->setShortcut(keys);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(keys.isEmpty()
                      ? text
                      : QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                      keys.toString(QKeySequence::NativeText)));
    parent->addAction(a);
    return a;
}

template <typename T>
QStringList namesOf(const QList<T> &items)
{
    QStringList names;
    for (const T &item : items)
        names.append(item.name);
    return names;
}

} // namespace

ProjectTreeView::ProjectTreeView(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new ProjectTreeModel(document, this))
    , m_tree(new QTreeView(this))
{
    setObjectName(QStringLiteral("projectTree"));
    m_tree->setObjectName(QStringLiteral("projectTreeView"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    createActions();

    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    for (QAction *a : {m_add, m_duplicate, m_delete, m_up, m_down})
        toolBar->addAction(a);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_tree);

    connect(m_model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent) { m_tree->expand(parent); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ProjectTreeView::showMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                updateActions();
                emitActivated(current);
            });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(ProjectTreeModel::KindRole).value<Kind>() == Kind::Connection)
            Q_EMIT editRequested(Kind::Connection, index.row());
    });
    m_tree->expandAll();
    updateActions();
}

void ProjectTreeView::createActions()
{
    m_add = makeAction(this, "add", tr("&Add"), QKeySequence(Qt::Key_Insert));
    m_rename = makeAction(this, "settings", tr("&Rename"), QKeySequence(Qt::Key_F2));
    m_edit = makeAction(this, "connection", tr("&Edit\u2026"), QKeySequence());
    m_duplicate =
        makeAction(this, "duplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete = makeAction(this, "remove", tr("&Delete"), QKeySequence::Delete);
    m_up = makeAction(this, "up", tr("Move &Up"), QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_down = makeAction(this, "down", tr("Move Do&wn"), QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_rename->setIcon({});
    connect(m_add, &QAction::triggered, this, &ProjectTreeView::addItem);
    connect(m_rename, &QAction::triggered, this, &ProjectTreeView::renameItem);
    connect(m_edit, &QAction::triggered, this,
            [this] { Q_EMIT editRequested(Kind::Connection, currentItem()); });
    connect(m_duplicate, &QAction::triggered, this, &ProjectTreeView::duplicateItem);
    connect(m_delete, &QAction::triggered, this, &ProjectTreeView::deleteItem);
    connect(m_up, &QAction::triggered, this, [this] { moveItem(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveItem(1); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProjectTreeView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProjectTreeView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProjectTreeView::updateActions);
}

Group ProjectTreeView::currentGroup() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? current.data(ProjectTreeModel::GroupRole).value<Group>()
                             : Group::Mappings;
}

// The current item's index in its list, -1 on a group or nothing.
qsizetype ProjectTreeView::currentItem() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? current.data(ProjectTreeModel::ItemIndexRole).toInt() : -1;
}

void ProjectTreeView::updateActions()
{
    const bool open = m_document.hasProject();
    const Group group = currentGroup();
    const qsizetype item = currentItem();
    const bool editable = open && ProjectTreeModel::isEditable(group);
    const bool onItem = editable && item >= 0;
    const int count = m_model->rowCount(m_model->groupIndex(group));
    m_add->setEnabled(editable);
    m_rename->setEnabled(onItem);
    m_edit->setVisible(group == Group::Connections);
    m_edit->setEnabled(onItem);
    m_duplicate->setEnabled(onItem);
    m_delete->setEnabled(onItem);
    m_up->setEnabled(onItem && item > 0);
    m_down->setEnabled(onItem && item + 1 < count);
}

void ProjectTreeView::emitActivated(const QModelIndex &index)
{
    if (!index.isValid() || m_marking)
        return;
    const Kind kind = index.data(ProjectTreeModel::KindRole).value<Kind>();
    Q_EMIT itemActivated(kind, index.data(ProjectTreeModel::ItemIndexRole).toInt());
    if (kind == Kind::Group)
        Q_EMIT groupActivated(index.data(ProjectTreeModel::GroupRole).value<Group>());
}

bool ProjectTreeView::select(Kind kind, qsizetype index)
{
    const QModelIndex item = m_model->itemIndex(kind, index);
    if (!item.isValid())
        return false;
    m_tree->setCurrentIndex(item);
    m_tree->scrollTo(item);
    return true;
}

bool ProjectTreeView::mark(Kind kind, qsizetype index)
{
    const bool marking = std::exchange(m_marking, true);
    const bool found = select(kind, index);
    m_marking = marking;
    return found;
}

void ProjectTreeView::showMenu(const QPoint &position)
{
    if (!m_document.hasProject())
        return;
    QMenu menu(this);
    menu.addAction(m_add);
    if (currentGroup() == Group::Connections)
        menu.addAction(m_edit);
    menu.addAction(m_rename);
    menu.addAction(m_duplicate);
    menu.addAction(m_delete);
    menu.addSeparator();
    menu.addAction(m_up);
    menu.addAction(m_down);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void ProjectTreeView::addItem()
{
    const Group group = currentGroup();
    const Project &p = m_document.project();
    ProjectEdits edits(m_document);
    switch (group) {
    case Group::Connections:
    case Group::Mappings:
        Q_EMIT addRequested(group);
        return;
    case Group::Lookups: {
        LookupMap lookup;
        lookup.name = ProjectEdits::freeName(QStringLiteral("lookup"), namesOf(p.lookups));
        edits.addLookup(lookup);
        select(Kind::Lookup, p.lookups.size() - 1);
        return;
    }
    case Group::Rules: {
        Rule rule;
        rule.name = ProjectEdits::freeName(QStringLiteral("rule"), namesOf(p.rules));
        if (!p.mappings.isEmpty())
            rule.table = p.mappings.first().target;
        edits.addRule(rule);
        select(Kind::Rule, p.rules.size() - 1);
        return;
    }
    case Group::Phases: {
        Phase phase;
        phase.name = ProjectEdits::freeName(QStringLiteral("phase"), namesOf(p.phases));
        edits.addPhase(phase);
        select(Kind::Phase, p.phases.size() - 1);
        return;
    }
    case Group::Settings:
    case Group::Runbook:
    case Group::Runs:
    case Group::Reports:
        return;
    }
}

void ProjectTreeView::deleteItem()
{
    const qsizetype item = currentItem();
    if (item < 0)
        return;
    ProjectEdits edits(m_document);
    switch (currentGroup()) {
    case Group::Connections:
        edits.removeConnection(item);
        break;
    case Group::Mappings:
        edits.removeMapping(item);
        break;
    case Group::Lookups:
        edits.removeLookup(item);
        break;
    case Group::Rules:
        edits.removeRule(item);
        break;
    case Group::Phases:
        edits.removePhase(item);
        break;
    case Group::Settings:
    case Group::Runbook:
    case Group::Runs:
    case Group::Reports:
        break;
    }
}

void ProjectTreeView::duplicateItem()
{
    const qsizetype item = currentItem();
    if (item < 0)
        return;
    const Project &p = m_document.project();
    ProjectEdits edits(m_document);
    switch (currentGroup()) {
    case Group::Connections: {
        ConnectionDef copy = p.connections.at(item);
        copy.name =
            ProjectEdits::freeName(copy.name + QStringLiteral("_copy"), namesOf(p.connections));
        edits.addConnection(copy);
        select(Kind::Connection, p.connections.size() - 1);
        break;
    }
    case Group::Mappings:
        edits.duplicateMapping(item);
        select(Kind::Mapping, item + 1);
        break;
    case Group::Lookups: {
        LookupMap copy = p.lookups.at(item);
        copy.name = ProjectEdits::freeName(copy.name + QStringLiteral("_copy"), namesOf(p.lookups));
        edits.addLookup(copy);
        select(Kind::Lookup, p.lookups.size() - 1);
        break;
    }
    case Group::Rules: {
        Rule copy = p.rules.at(item);
        copy.name = ProjectEdits::freeName(copy.name + QStringLiteral("_copy"), namesOf(p.rules));
        edits.addRule(copy);
        select(Kind::Rule, p.rules.size() - 1);
        break;
    }
    case Group::Phases: {
        Phase copy = p.phases.at(item);
        copy.name = ProjectEdits::freeName(copy.name + QStringLiteral("_copy"), namesOf(p.phases));
        edits.addPhase(copy);
        select(Kind::Phase, p.phases.size() - 1);
        break;
    }
    case Group::Settings:
    case Group::Runbook:
    case Group::Runs:
    case Group::Reports:
        break;
    }
}

void ProjectTreeView::moveItem(int delta)
{
    const qsizetype from = currentItem();
    const qsizetype to = from + delta;
    const Group group = currentGroup();
    if (from < 0 || to < 0 || to >= m_model->rowCount(m_model->groupIndex(group)))
        return;
    ProjectEdits edits(m_document);
    switch (group) {
    case Group::Mappings:
        edits.moveMapping(from, to);
        break;
    case Group::Lookups:
        edits.moveLookup(from, to);
        break;
    case Group::Rules:
        edits.moveRule(from, to);
        break;
    case Group::Phases:
        edits.movePhase(from, to);
        break;
    case Group::Connections: {
        Project moved = m_document.project();
        moved.connections.move(from, to);
        edits.replaceProject(moved, tr("Move connection %1").arg(moved.connections.at(to).name));
        break;
    }
    case Group::Settings:
    case Group::Runbook:
    case Group::Runs:
    case Group::Reports:
        return;
    }
    select(ProjectTreeModel::kindOf(group), to);
}

void ProjectTreeView::renameItem()
{
    if (m_tree->currentIndex().isValid())
        m_tree->edit(m_tree->currentIndex());
}

} // namespace cutover
