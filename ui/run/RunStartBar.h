#pragma once

#include "project/Project.h"
#include "run/RunOptions.h"
#include "run/ledger/RunRecord.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace cutover {

// The run monitor's controls: what to run (a run, a dry run, an incremental sync, or a retry of
// the quarantined rows; all tables or a phase; the other options in RunOptionsDialog), and
// start, pause or resume, and cancel at the next batch boundary. It says when Start will resume
// an interrupted run instead of starting a new one.
class RunStartBar : public QWidget
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Running,
        Paused,
        Stopping
    };
    enum Mode
    {
        FullRun,
        DryRun,
        IncrementalSync,
        RetryQuarantined
    };

    explicit RunStartBar(QWidget *parent = nullptr);

    void setProject(const Project &project);
    void setState(State state);
    State state() const { return m_state; }
    // The newest run of the project, when it was interrupted (Start resumes it); null otherwise.
    void setInterruptedRun(const RunRecord *run);

    RunOptions options() const;
    void setOptions(const RunOptions &options);
    void setMode(Mode mode);
    void setPhase(const QString &phase);

    QComboBox *modeBox() const { return m_mode; }
    QComboBox *phaseBox() const { return m_phase; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QToolButton *optionsButton() const { return m_optionsButton; }
    QLabel *resumeLabel() const { return m_resume; }

Q_SIGNALS:
    void startRequested();
    void pauseRequested();
    void resumeRequested();
    void cancelRequested();
    void stateChanged(cutover::RunStartBar::State state);

private:
    void editOptions();
    void updateSummary();
    void updateResumeText();

    Project m_project;
    RunOptions m_options;
    State m_state = State::Idle;
    QString m_interruptedRun;
    QString m_interruptedHow; // "was interrupted", "was cancelled", "stopped"
    QString m_interruptedPhase;
    QComboBox *m_mode = nullptr;
    QComboBox *m_phase = nullptr;
    QToolButton *m_optionsButton = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_resume = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace cutover
