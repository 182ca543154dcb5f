#pragma once

#include "ProjectTreeModel.h"

#include <QWidget>

class QAction;
class QTreeView;

namespace cutover {

class ProjectDocument;

// The project tree dock's content: the tree, a small tool bar and a context menu to add, rename,
// duplicate, delete and reorder items. Every action is an edit through ProjectEdits; adding a
// connection or a table mapping asks the window (addRequested), which knows the dialogs.
class ProjectTreeView : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectTreeView(ProjectDocument &document, QWidget *parent = nullptr);

    ProjectTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    // Selects (and shows) an item; false when it does not exist.
    bool select(ProjectTreeModel::Kind kind, qsizetype index);
    // Makes an item current without opening its editor (it follows a selection elsewhere).
    bool mark(ProjectTreeModel::Kind kind, qsizetype index);
    QAction *addAction() const { return m_add; }
    QAction *deleteAction() const { return m_delete; }

Q_SIGNALS:
    // The user chose an item (click, Enter): the window shows its editor.
    void itemActivated(cutover::ProjectTreeModel::Kind kind, qsizetype index);
    // The user chose a group (itemActivated says Kind::Group for it too).
    void groupActivated(cutover::ProjectTreeModel::Group group);
    // Adding to a group the view cannot fill by itself (connections, mappings).
    void addRequested(cutover::ProjectTreeModel::Group group);
    // Editing an item in its dialog (connections).
    void editRequested(cutover::ProjectTreeModel::Kind kind, qsizetype index);

private:
    void createActions();
    void showMenu(const QPoint &position);
    void updateActions();
    void emitActivated(const QModelIndex &index);
    ProjectTreeModel::Group currentGroup() const;
    qsizetype currentItem() const;
    void addItem();
    void deleteItem();
    void duplicateItem();
    void moveItem(int delta);
    void renameItem();

    ProjectDocument &m_document;
    ProjectTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QAction *m_add = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_up = nullptr;
    QAction *m_down = nullptr;
    bool m_marking = false;
};

} // namespace cutover
