#include "RunbookChecklist.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "RunbookPlanDialog.h"
#include "RunbookStepDialog.h"
#include "RunbookStepsModel.h"

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace cutover {

RunbookChecklist::RunbookChecklist(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new RunbookStepsModel(this))
    , m_view(new QTreeView(this))
{
    m_view->setObjectName(QStringLiteral("runbookChecklist"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolBar());
    layout->addWidget(m_view, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        for (int c = 0; c < RunbookStepsModel::EvidenceColumn; ++c)
            m_view->resizeColumnToContents(c);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        Q_EMIT currentStepChanged(currentStep());
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const QString id = m_model->stepId(index); !id.isEmpty())
            editStep(id);
    });
    updateActions();
}

QToolBar *RunbookChecklist::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("runbookPlanBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add = bar->addAction(tr("Add step…"), this, &RunbookChecklist::addStep);
    m_edit = bar->addAction(tr("Edit…"), this, [this] { editStep(currentStep()); });
    m_remove = bar->addAction(tr("Delete"), this, [this] { removeStep(currentStep()); });
    m_up = bar->addAction(tr("▲ Up"), this, [this] { moveStep(currentStep(), -1); });
    m_down = bar->addAction(tr("▼ Down"), this, [this] { moveStep(currentStep(), 1); });
    bar->addSeparator();
    m_plan = bar->addAction(tr("Plan settings…"), this, &RunbookChecklist::editPlan);
    m_edit->setToolTip(tr("Edit the chosen step (or double-click it)"));
    m_up->setToolTip(tr("Move the step up in the plan"));
    m_down->setToolTip(tr("Move the step down in the plan"));
    m_plan->setToolTip(tr("The strategy, the cutover window and the planned start"));
    return bar;
}

void RunbookChecklist::setDocument(const RunbookDocument *document)
{
    const QString current = m_pendingSelection.isEmpty() ? currentStep() : m_pendingSelection;
    if (document)
        m_model->setDocument(*document);
    else
        m_model->clear();
    if (!current.isEmpty() && current != currentStep())
        selectStep(current);
    if (!m_pendingSelection.isEmpty() && currentStep() == m_pendingSelection)
        m_pendingSelection.clear();
    updateActions();
}

QString RunbookChecklist::currentStep() const
{
    return m_model->stepId(m_view->currentIndex());
}

void RunbookChecklist::selectStep(const QString &stepId)
{
    const QModelIndex index = m_model->indexOf(stepId);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

qsizetype RunbookChecklist::planIndex(const QString &stepId) const
{
    const auto &steps = m_document.project().runbook.steps;
    for (qsizetype i = 0; i < steps.size(); ++i)
        if (steps[i].id == stepId)
            return i;
    return -1;
}

void RunbookChecklist::updateActions()
{
    const qsizetype index = planIndex(currentStep());
    const qsizetype count = m_document.project().runbook.steps.size();
    m_edit->setEnabled(index >= 0);
    m_remove->setEnabled(index >= 0);
    m_up->setEnabled(index > 0);
    m_down->setEnabled(index >= 0 && index + 1 < count);
}

void RunbookChecklist::addStep()
{
    RunbookStepDialog dialog(m_document.project(), -1, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    RunbookStep step = dialog.step();
    // a new step waits for the chosen one unless told otherwise
    if (step.after.isEmpty() && !currentStep().isEmpty())
        step.after.append(currentStep());
    m_pendingSelection = step.id;
    ProjectEdits(m_document).addRunbookStep(step);
}

void RunbookChecklist::editStep(const QString &stepId)
{
    const qsizetype index = planIndex(stepId);
    if (index < 0)
        return;
    RunbookStepDialog dialog(m_document.project(), index, this);
    if (dialog.exec() != QDialog::Accepted ||
        dialog.step() == m_document.project().runbook.steps[index])
        return;
    ProjectEdits(m_document).replaceRunbookStep(index, dialog.step(), dialog.changed());
}

// The other steps stop waiting for it, in the same undo step.
void RunbookChecklist::removeStep(const QString &stepId)
{
    const qsizetype index = planIndex(stepId);
    if (index < 0)
        return;
    RunbookPlan plan = m_document.project().runbook;
    const QString title = plan.steps.at(index).title;
    QStringList waiting;
    for (RunbookStep &step : plan.steps)
        if (step.after.removeAll(stepId) > 0)
            waiting.append(step.title);
    if (!waiting.isEmpty()) {
        const auto answer =
            QMessageBox::question(this, tr("Delete runbook step"),
                                  tr("Delete “%1”? %2 wait for it and will no longer.")
                                      .arg(title, waiting.join(QStringLiteral(", "))),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
    }
    plan.steps.removeAt(index);
    ProjectEdits(m_document).replaceRunbook(plan, tr("Delete runbook step %1").arg(title));
}

void RunbookChecklist::moveStep(const QString &stepId, int by)
{
    const qsizetype from = planIndex(stepId);
    const qsizetype to = from + by;
    if (from < 0 || to < 0 || to >= m_document.project().runbook.steps.size())
        return;
    m_pendingSelection = stepId;
    ProjectEdits(m_document).moveRunbookStep(from, to);
}

void RunbookChecklist::editPlan()
{
    RunbookPlanDialog dialog(m_document.project().runbook, this);
    if (dialog.exec() == QDialog::Accepted)
        ProjectEdits(m_document).replaceRunbook(dialog.plan(), tr("Change the runbook's plan"));
}

} // namespace cutover
