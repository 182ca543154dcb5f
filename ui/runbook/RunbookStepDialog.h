#pragma once

#include "project/Project.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace cutover {

// Edits one runbook step: title, description, section, owner and role, action and its phase,
// planned minutes (or the median of its rehearsals), the steps it waits for, and its gate
// (a Pass report, the sign-offs it needs, the error rate it allows). A new step gets an id made
// from its title; an existing step keeps its id, which other steps and the audit trail refer to.
class RunbookStepDialog : public QDialog
{
    Q_OBJECT

public:
    // index: the step's place in project.runbook.steps, or -1 for a new step.
    RunbookStepDialog(const Project &project, qsizetype index, QWidget *parent = nullptr);

    RunbookStep step() const;
    // What changed, in a few words for the undo text ("the owner", "the gate"; "the step" when
    // several things did).
    QString changed() const;

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *ownerEdit() const { return m_owner; }
    QLineEdit *roleEdit() const { return m_role; }
    QSpinBox *durationSpin() const { return m_duration; }
    QComboBox *actionCombo() const { return m_action; }
    QListWidget *afterList() const { return m_after; }
    QGroupBox *gateBox() const { return m_gate; }
    QLineEdit *signoffsEdit() const { return m_signoffs; }

private:
    QWidget *createGeneral();
    QWidget *createGate();
    void fill(const RunbookStep &step);
    void updateOk();
    QString newId(const QString &title) const;

    const Project &m_project;
    qsizetype m_index;
    RunbookStep m_original;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_section = nullptr;
    QLineEdit *m_owner = nullptr;
    QLineEdit *m_role = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_phase = nullptr;
    QSpinBox *m_duration = nullptr;
    QCheckBox *m_fromRehearsals = nullptr;
    QListWidget *m_after = nullptr;
    QGroupBox *m_gate = nullptr;
    QCheckBox *m_passReport = nullptr;
    QLineEdit *m_signoffs = nullptr;
    QDoubleSpinBox *m_maxErrorRate = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace cutover
