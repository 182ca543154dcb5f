#pragma once

#include "runbook/RunbookDocument.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace cutover {

// The step chosen in the runbook: what it is and who does it, its status and times, for a gate
// the conditions that hold and those that block it (live, as the session reads them), the
// sign-offs and the decision, its evidence (a run or report opens where the window shows it) and
// notes; and the buttons that act on it. Buttons a step's state does not allow are disabled, with
// the reason as their tooltip; the service has the last word and its refusal is shown by the view.
class RunbookStepPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunbookStepPanel(QWidget *parent = nullptr);

    // document may be nullptr; stepId empty: nothing chosen.
    void show(const RunbookDocument *document, const QString &stepId);
    const QString &stepId() const { return m_stepId; }

    QLabel *titleLabel() const { return m_title; }
    QLabel *gateLabel() const { return m_gate; }
    QListWidget *evidenceList() const { return m_evidence; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *doneButton() const { return m_done; }
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *failButton() const { return m_fail; }
    QPushButton *blockButton() const { return m_block; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *signOffButton() const { return m_signOff; }
    QPushButton *noteButton() const { return m_note; }

Q_SIGNALS:
    void startRequested(const QString &stepId);
    void finishRequested(const QString &stepId, cutover::StepStatus status);
    void runRequested(const QString &stepId);
    void signOffRequested(const QString &stepId);
    void noteRequested(const QString &stepId);
    void openRunRequested(const QString &runId);
    void openReportRequested(const QString &reportId);

private:
    QWidget *createButtons();
    void showNothing(const QString &why);
    void showStep(const RunbookDocument &d, const RunbookDocument::Step &step);
    void enableButtons(const RunbookDocument &d, const RunbookDocument::Step &step);
    static QString factsText(const RunbookDocument &d, const RunbookDocument::Step &step);
    static QString gateText(const RunbookDocument &d, const RunbookDocument::Step &step);
    static QString signoffsText(const RunbookDocument &d, const RunbookDocument::Step &step);
    void fillEvidence(const RunbookDocument &d, const StepState &state);
    void openEvidence(QListWidgetItem *item);

    QString m_stepId;
    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_gate = nullptr;
    QLabel *m_notes = nullptr;
    QListWidget *m_evidence = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_done = nullptr;
    QPushButton *m_skip = nullptr;
    QPushButton *m_fail = nullptr;
    QPushButton *m_block = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_signOff = nullptr;
    QPushButton *m_note = nullptr;
};

} // namespace cutover
