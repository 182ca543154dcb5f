#pragma once

#include "wizard/AutoMapJob.h"

#include <QWizardPage>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;

namespace cutover {

class BusyRow;
class PasswordProvider;
class SuggestionTree;
struct MigrationDraft;

// Page 3: auto-map runs on a worker thread (it reads sample values from the source); its table
// and column pairs are ticked above a confidence threshold, or one by one, and the source tables
// the target lacks can be created from the source schema (a lift and shift).
class SuggestionsPage : public QWizardPage
{
    Q_OBJECT
public:
    static constexpr double kDefaultThreshold = 0.6; // as `cutover-cli automap`

    SuggestionsPage(MigrationDraft *draft, const PasswordProvider *passwords,
                    QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    BusyRow *busyRow() const { return m_busy; }
    SuggestionTree *tree() const { return m_tree; }
    QDoubleSpinBox *threshold() const { return m_threshold; }
    QPushButton *acceptButton() const { return m_accept; }
    QCheckBox *createBox() const { return m_create; }

private:
    QLayout *thresholdRow();
    void start();
    void cancel();
    void finish(quint64 generation, const AutoMapJob::Outcome &outcome);
    void acceptAbove();
    void createToggled(bool create);
    void choiceChanged();
    QString summary(const AutoMapJob::Outcome &outcome) const;

    MigrationDraft *m_draft;
    const PasswordProvider *m_passwords;
    BusyRow *m_busy = nullptr;
    SuggestionTree *m_tree = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_thresholdLabel = nullptr;
    QSlider *m_slider = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QPushButton *m_accept = nullptr;
    QCheckBox *m_create = nullptr;
    QLabel *m_chosen = nullptr;
    quint64 m_generation = 0;
    bool m_ready = false;
};

} // namespace cutover
