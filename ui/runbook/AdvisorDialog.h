#pragma once

#include "core/Result.h"
#include "runbook/AdvisorMeasurements.h"
#include "runbook/StrategyAdvisor.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace cutover {

class PasswordProvider;
class ProjectDocument;

// The strategy advisor as a dialog: the planning documents' questions (each may stay "not
// answered"), the rows, size and last rehearsal measured off the GUI thread, and the
// recommendation as the answers change: each strategy's score as a bar and a number, the
// reasons for (▲) and against (▼) with their points, the recommended one starred. The strategy
// chosen (the recommended one until the user picks another) shows its description, pros, cons,
// when to use and process. "Keep Answers" stores the answers and the recommendation in the
// project, "Generate … Runbook" replaces the runbook with the chosen strategy's template (asking
// first when it has steps); both are one undo step each.
class AdvisorDialog : public QDialog
{
    Q_OBJECT

public:
    AdvisorDialog(ProjectDocument &document, const PasswordProvider *passwords,
                  QWidget *parent = nullptr);
    ~AdvisorDialog() override;

    // The answers as the questions stand.
    AdvisorAnswers answers() const;
    void setAnswers(const AdvisorAnswers &answers);
    const StrategyAdvisor::Recommendation &recommendation() const { return m_recommendation; }
    QString selectedStrategy() const { return m_selected; }
    void selectStrategy(const QString &strategy);

    // Measures the rows, size and last rehearsal again (the project's connections changed).
    void measure();
    bool isMeasuring() const { return m_pendingMeasurements > 0; }
    void keepAnswers();
    // Replaces the runbook with the chosen strategy's, asking first when it has steps.
    void generateRunbook();

    QDoubleSpinBox *rowsBox() const { return m_rows; }
    QDoubleSpinBox *sizeBox() const { return m_size; }
    QDoubleSpinBox *growthBox() const { return m_growth; }
    QSpinBox *downtimeBox() const { return m_downtime; }
    QComboBox *riskBox() const { return m_risk; }
    QComboBox *rollbackBox() const { return m_rollback; }
    QComboBox *complexityBox() const { return m_complexity; }
    QComboBox *sideBySideBox() const { return m_sideBySide; }
    QComboBox *hostingBox() const { return m_hosting; }
    QDoubleSpinBox *rehearsalBox() const { return m_rehearsal; }
    QLabel *volumeStatus() const { return m_volumeStatus; }
    QLabel *rehearsalStatus() const { return m_rehearsalStatus; }
    QLabel *notAnswered() const { return m_notAnswered; }
    QLabel *headline() const { return m_headline; }
    QTreeWidget *strategies() const { return m_strategies; }
    QTextBrowser *details() const { return m_details; }
    QLabel *status() const { return m_status; }
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *generateButton() const { return m_generate; }

Q_SIGNALS:
    // Both measurements ended (with a value or an error).
    void measured();
    void recommendationChanged(const QString &recommended);
    void answersKept();
    void runbookGenerated(const QString &strategy);

private:
    QWidget *createQuestions();
    QWidget *createRecommendation();
    QWidget *createButtons();
    QComboBox *choiceBox(const QStringList &titles);
    static void setChoice(QComboBox *box, int value);
    void answersChanged();
    void showStrategies();
    QTreeWidgetItem *strategyItem(const StrategyAdvisor::Assessment &assessment) const;
    void fitReasons();
    void strategyClicked(QTreeWidgetItem *item);
    void showDetails();
    void updateButtons();
    void volumeMeasured(const Result<AdvisorMeasurements::Volume> &volume);
    void rehearsalMeasured(const Result<double> &minutes);
    void measurementEnded();
    void showVolumeStatus();
    void showRehearsalStatus();
    void useMeasured(const QString &which);
    void setStatus(const QString &text, bool error = false);

    ProjectDocument &m_document;
    const PasswordProvider *m_passwords;
    StrategyAdvisor::Recommendation m_recommendation;
    QString m_selected;
    bool m_userChose = false;
    bool m_settingAnswers = false;
    bool m_rebuilding = false;

    // What was measured: -1 for not (yet); the error in words when it failed.
    std::optional<AdvisorMeasurements::Volume> m_volume;
    QString m_volumeError;
    std::optional<double> m_rehearsalMinutes;
    QString m_rehearsalError;
    quint64 m_measureGeneration = 0;
    int m_pendingMeasurements = 0;

    QDoubleSpinBox *m_rows = nullptr;
    QDoubleSpinBox *m_size = nullptr;
    QDoubleSpinBox *m_growth = nullptr;
    QSpinBox *m_downtime = nullptr;
    QComboBox *m_risk = nullptr;
    QComboBox *m_rollback = nullptr;
    QComboBox *m_complexity = nullptr;
    QComboBox *m_sideBySide = nullptr;
    QComboBox *m_hosting = nullptr;
    QDoubleSpinBox *m_rehearsal = nullptr;
    QLabel *m_volumeStatus = nullptr;
    QLabel *m_rehearsalStatus = nullptr;
    QLabel *m_notAnswered = nullptr;
    QLabel *m_headline = nullptr;
    QTreeWidget *m_strategies = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_generate = nullptr;
};

} // namespace cutover
