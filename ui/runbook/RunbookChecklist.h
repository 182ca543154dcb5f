#pragma once

#include <QWidget>

class QAction;
class QToolBar;
class QTreeView;

namespace cutover {

class ProjectDocument;
class RunbookStepsModel;
struct RunbookDocument;

// The runbook's checklist: the steps grouped by section with owner, status, planned and actual
// times and evidence, and the plan's edits above it (add, edit, delete, move a step; the plan's
// window and start), every one an undoable step of the project document.
class RunbookChecklist : public QWidget
{
    Q_OBJECT

public:
    explicit RunbookChecklist(ProjectDocument &document, QWidget *parent = nullptr);

    void setDocument(const RunbookDocument *document);
    QString currentStep() const;
    void selectStep(const QString &stepId);

    QTreeView *view() const { return m_view; }
    RunbookStepsModel *model() const { return m_model; }
    QAction *addAction() const { return m_add; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *moveUpAction() const { return m_up; }
    QAction *moveDownAction() const { return m_down; }
    QAction *planAction() const { return m_plan; }

    void addStep();
    void editStep(const QString &stepId);
    void removeStep(const QString &stepId);
    void moveStep(const QString &stepId, int by);
    void editPlan();

Q_SIGNALS:
    void currentStepChanged(const QString &stepId);

private:
    QToolBar *createToolBar();
    void updateActions();
    qsizetype planIndex(const QString &stepId) const;

    ProjectDocument &m_document;
    RunbookStepsModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_up = nullptr;
    QAction *m_down = nullptr;
    QAction *m_plan = nullptr;
    QString m_pendingSelection; // a step added: selected when the session has read it
};

} // namespace cutover
