#include "RunbookStepDialog.h"

#include "ProjectEdits.h"
#include "project/RunbookVocabulary.h"
#include "runbook/RunbookTemplate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cutover {

namespace {

using Action = RunbookStep::Action;
using Section = RunbookStep::Section;

const QList<std::pair<Action, const char *>> kActions{
    {Action::Manual, QT_TRANSLATE_NOOP("RunbookStepDialog", "Manual: its owner marks it")},
    {Action::Backup, QT_TRANSLATE_NOOP("RunbookStepDialog", "Back up the target")},
    {Action::DryRun, QT_TRANSLATE_NOOP("RunbookStepDialog", "Dry run")},
    {Action::Run, QT_TRANSLATE_NOOP("RunbookStepDialog", "Run the migration")},
    {Action::IncrementalSync, QT_TRANSLATE_NOOP("RunbookStepDialog", "Incremental sync")},
    {Action::Reconcile, QT_TRANSLATE_NOOP("RunbookStepDialog", "Reconcile")},
    {Action::Rollback, QT_TRANSLATE_NOOP("RunbookStepDialog", "Roll back the newest run")},
};

const QList<Section> kSections{
    Section::PreMigration, Section::Execution,  Section::IncrementalSync, Section::Validation,
    Section::Decision,     Section::Monitoring, Section::Rollback,        Section::Decommission};

bool usesPhase(Action action)
{
    return action == Action::Run || action == Action::DryRun || action == Action::IncrementalSync;
}

QStringList listed(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    return items;
}

} // namespace

RunbookStepDialog::RunbookStepDialog(const Project &project, qsizetype index, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_index(index)
{
    setObjectName(QStringLiteral("runbookStepDialog"));
    setWindowTitle(index < 0 ? tr("New runbook step") : tr("Edit runbook step"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *columns = new QHBoxLayout;
    columns->addWidget(createGeneral(), 3);
    columns->addWidget(createGate(), 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    if (index >= 0 && index < project.runbook.steps.size())
        m_original = project.runbook.steps.at(index);
    else
        m_original.durationMinutes = 15;
    fill(m_original);
    connect(m_title, &QLineEdit::textChanged, this, &RunbookStepDialog::updateOk);
    connect(m_action, &QComboBox::currentIndexChanged, this,
            [this] { m_phase->setEnabled(usesPhase(Action(m_action->currentData().toInt()))); });
    updateOk();
}

QWidget *RunbookStepDialog::createGeneral()
{
    auto *box = new QGroupBox(tr("Step"), this);
    m_title = new QLineEdit(box);
    m_title->setObjectName(QStringLiteral("stepTitleEdit"));
    m_description = new QPlainTextEdit(box);
    m_description->setMaximumHeight(m_description->fontMetrics().height() * 5);
    m_section = new QComboBox(box);
    for (Section section : kSections)
        m_section->addItem(RunbookVocabulary::sectionTitle(section), int(section));
    m_owner = new QLineEdit(box);
    m_owner->setObjectName(QStringLiteral("stepOwnerEdit"));
    m_owner->setPlaceholderText(tr("Name"));
    m_role = new QLineEdit(box);
    m_role->setObjectName(QStringLiteral("stepRoleEdit"));
    m_role->setPlaceholderText(tr("Role in the cutover, e.g. Database administrator"));
    m_action = new QComboBox(box);
    m_action->setObjectName(QStringLiteral("stepActionCombo"));
    for (const auto &[action, text] : kActions)
        m_action->addItem(tr(text), int(action));
    m_phase = new QComboBox(box);
    m_phase->addItem(tr("All tables"), QString());
    for (const Phase &phase : m_project.phases)
        m_phase->addItem(phase.name, phase.name);
    m_duration = new QSpinBox(box);
    m_duration->setObjectName(QStringLiteral("stepDurationSpin"));
    m_duration->setRange(0, 7 * 24 * 60);
    m_duration->setSuffix(tr(" min"));
    m_fromRehearsals = new QCheckBox(tr("Plan with the median of its last rehearsals"), box);
    m_after = new QListWidget(box);
    m_after->setObjectName(QStringLiteral("stepAfterList"));
    m_after->setMinimumHeight(m_after->fontMetrics().height() * 6);

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Section:"), m_section);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("&Phase:"), m_phase);
    form->addRow(tr("&Planned:"), m_duration);
    form->addRow(QString(), m_fromRehearsals);
    form->addRow(tr("&Waits for:"), m_after);
    return box;
}

QWidget *RunbookStepDialog::createGate()
{
    m_gate = new QGroupBox(tr("Go / no-go gate"), this);
    m_gate->setObjectName(QStringLiteral("stepGateBox"));
    m_gate->setCheckable(true);
    m_passReport =
        new QCheckBox(tr("Needs a Pass reconciliation report newer than the newest run"), m_gate);
    m_signoffs = new QLineEdit(m_gate);
    m_signoffs->setObjectName(QStringLiteral("stepSignoffsEdit"));
    m_signoffs->setPlaceholderText(tr("Roles or names, separated by commas"));
    m_maxErrorRate = new QDoubleSpinBox(m_gate);
    m_maxErrorRate->setRange(-1, 100);
    m_maxErrorRate->setDecimals(2);
    m_maxErrorRate->setSuffix(tr(" %"));
    m_maxErrorRate->setSpecialValueText(tr("The project's limit"));
    auto *form = new QFormLayout(m_gate);
    form->addRow(m_passReport);
    form->addRow(tr("Sign-offs:"), m_signoffs);
    form->addRow(tr("Most quarantined:"), m_maxErrorRate);
    return m_gate;
}

void RunbookStepDialog::fill(const RunbookStep &step)
{
    m_title->setText(step.title);
    m_description->setPlainText(step.description);
    m_section->setCurrentIndex(m_section->findData(int(step.section)));
    m_owner->setText(step.owner.name);
    m_role->setText(step.owner.role);
    m_action->setCurrentIndex(m_action->findData(int(step.action)));
    m_phase->setCurrentIndex(std::max(0, m_phase->findData(step.phase)));
    m_phase->setEnabled(usesPhase(step.action));
    m_duration->setValue(step.durationMinutes);
    m_fromRehearsals->setChecked(step.durationFromRehearsals);
    for (const RunbookStep &other : m_project.runbook.steps) {
        if (other.id == step.id && m_index >= 0)
            continue;
        auto *item =
            new QListWidgetItem(QStringLiteral("%1  (%2)").arg(other.title, other.id), m_after);
        item->setData(Qt::UserRole, other.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(step.after.contains(other.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_gate->setChecked(step.gate.enabled);
    m_passReport->setChecked(step.gate.passReport);
    m_signoffs->setText(step.gate.signoffs.join(QStringLiteral(", ")));
    m_maxErrorRate->setValue(step.gate.maxErrorRate < 0 ? -1 : step.gate.maxErrorRate * 100);
}

void RunbookStepDialog::updateOk()
{
    const bool titled = !m_title->text().trimmed().isEmpty();
    m_ok->setEnabled(titled);
    m_ok->setToolTip(titled ? QString() : tr("A step needs a title"));
}

QString RunbookStepDialog::newId(const QString &title) const
{
    QStringList ids;
    for (const RunbookStep &s : m_project.runbook.steps)
        ids.append(s.id);
    QString base = RunbookTemplate::kebab(title);
    if (base.isEmpty())
        base = QStringLiteral("step");
    return ProjectEdits::freeName(base, ids);
}

RunbookStep RunbookStepDialog::step() const
{
    RunbookStep s = m_original;
    s.title = m_title->text().trimmed();
    if (m_index < 0)
        s.id = newId(s.title);
    s.description = m_description->toPlainText().trimmed();
    s.section = Section(m_section->currentData().toInt());
    s.owner = {m_owner->text().trimmed(), m_role->text().trimmed()};
    s.action = Action(m_action->currentData().toInt());
    s.phase = usesPhase(s.action) ? m_phase->currentData().toString() : QString();
    s.durationMinutes = m_duration->value();
    s.durationFromRehearsals = m_fromRehearsals->isChecked();
    s.after.clear();
    for (int i = 0; i < m_after->count(); ++i)
        if (m_after->item(i)->checkState() == Qt::Checked)
            s.after.append(m_after->item(i)->data(Qt::UserRole).toString());
    s.gate.enabled = m_gate->isChecked();
    s.gate.passReport = m_passReport->isChecked();
    s.gate.signoffs = listed(m_signoffs->text());
    s.gate.maxErrorRate = m_maxErrorRate->value() < 0 ? -1 : m_maxErrorRate->value() / 100;
    return s;
}

QString RunbookStepDialog::changed() const
{
    const RunbookStep s = step();
    QStringList what;
    if (s.title != m_original.title)
        what.append(tr("the title"));
    if (s.owner != m_original.owner)
        what.append(tr("the owner"));
    if (s.durationMinutes != m_original.durationMinutes ||
        s.durationFromRehearsals != m_original.durationFromRehearsals)
        what.append(tr("the duration"));
    if (s.after != m_original.after)
        what.append(tr("the order"));
    if (s.gate != m_original.gate)
        what.append(tr("the gate"));
    if (what.size() == 1)
        return what.first();
    return tr("the step");
}

} // namespace cutover
