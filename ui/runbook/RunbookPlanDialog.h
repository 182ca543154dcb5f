#pragma once

#include "project/RunbookPlan.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QSpinBox;

namespace cutover {

// The runbook plan's own settings: the strategy, the cutover window (the downtime budget), when
// the live cutover is planned to start, and how many rehearsals a step's duration is the median
// of. The steps are kept as they are.
class RunbookPlanDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RunbookPlanDialog(const RunbookPlan &plan, QWidget *parent = nullptr);

    RunbookPlan plan() const;

    QComboBox *strategyCombo() const { return m_strategy; }
    QSpinBox *windowSpin() const { return m_window; }

private:
    RunbookPlan m_plan;
    QComboBox *m_strategy = nullptr;
    QSpinBox *m_window = nullptr;
    QCheckBox *m_scheduled = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QSpinBox *m_rehearsals = nullptr;
};

} // namespace cutover
