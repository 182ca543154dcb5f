#pragma once

#include "NamedItemTracker.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

namespace cutover {

class ItemEditorPages;

class ProjectDocument;

// Edits one phase of the document: name (renaming updates the runbook steps that name it),
// description, the target tables it cuts over (a checkable list of the project's mapping
// targets; none ticked means all) and its source filter. Changes are pushed through
// ProjectEdits::replacePhase; the editor refreshes from the document (undo included) and says so
// when its phase was deleted.
//
//   auto *editor = new PhaseEditor(document, this);
//   editor->showPhase(index);
class PhaseEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PhaseEditor(ProjectDocument &document, QWidget *parent = nullptr);

    // Shows the phase at index of project().phases; -1 shows none.
    void showPhase(qsizetype index);
    // The shown phase's index now (it follows moves and renames), -1 when none or deleted.
    qsizetype phaseIndex() const { return m_tracker.index(); }
    QListWidget *tablesList() const { return m_tables; }

private:
    QWidget *buildForm();
    void refresh();
    void fillTables();
    void showGone();
    void commitName();
    void tableTicked(QListWidgetItem *item);
    void updateTablesHint();

    ProjectDocument &m_document;
    NamedItemTracker m_tracker;
    bool m_refreshing = false;
    ItemEditorPages *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QListWidget *m_tables = nullptr;
    QLabel *m_tablesHint = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cutover
