#include "RunbookPlanDialog.h"

#include "project/RunbookVocabulary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace cutover {

RunbookPlanDialog::RunbookPlanDialog(const RunbookPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_strategy(new QComboBox(this))
    , m_window(new QSpinBox(this))
    , m_scheduled(new QCheckBox(tr("Scheduled to start at"), this))
    , m_start(new QDateTimeEdit(this))
    , m_rehearsals(new QSpinBox(this))
{
    setObjectName(QStringLiteral("runbookPlanDialog"));
    setWindowTitle(tr("Runbook plan"));
    m_strategy->addItem(tr("None chosen"), QString());
    for (const QString &name : RunbookVocabulary::strategyNames())
        m_strategy->addItem(RunbookVocabulary::strategyTitle(name), name);
    m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(plan.strategy)));
    m_window->setObjectName(QStringLiteral("runbookWindowSpin"));
    m_window->setRange(0, 14 * 24 * 60);
    m_window->setSuffix(tr(" min"));
    m_window->setSpecialValueText(tr("No window"));
    m_window->setValue(plan.windowMinutes);
    m_window->setToolTip(tr("The downtime the business accepts for the cutover"));
    m_start->setTimeSpec(Qt::LocalTime);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_start->setCalendarPopup(true);
    m_scheduled->setChecked(plan.plannedStart.isValid());
    m_start->setDateTime(plan.plannedStart.isValid() ? plan.plannedStart.toLocalTime()
                                                     : QDateTime::currentDateTime().addDays(7));
    m_start->setEnabled(m_scheduled->isChecked());
    connect(m_scheduled, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
    m_rehearsals->setRange(1, 20);
    m_rehearsals->setValue(plan.rehearsalsForDuration);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Strategy:"), m_strategy);
    form->addRow(tr("Cutover &window:"), m_window);
    form->addRow(m_scheduled, m_start);
    form->addRow(tr("&Rehearsals for durations:"), m_rehearsals);
    form->addRow(buttons);
}

RunbookPlan RunbookPlanDialog::plan() const
{
    RunbookPlan p = m_plan;
    p.strategy = m_strategy->currentData().toString();
    p.windowMinutes = m_window->value();
    p.plannedStart = m_scheduled->isChecked() ? m_start->dateTime().toUTC() : QDateTime();
    p.rehearsalsForDuration = m_rehearsals->value();
    return p;
}

} // namespace cutover
