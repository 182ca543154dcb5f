#include "project/SettingsEditor.h"

#include "EditorTitle.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cutover {

namespace {

QSpinBox *spin(QWidget *parent, int minimum, int maximum, const QString &special = {})
{
    auto *box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSpecialValueText(special);
    box->setGroupSeparatorShown(true);
    box->setMinimumWidth(150);
    return box;
}

QDoubleSpinBox *percent(QWidget *parent, bool canBeOff)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(canBeOff ? -0.01 : 0, 100);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" %"));
    if (canBeOff)
        box->setSpecialValueText(QObject::tr("no limit"));
    box->setMinimumWidth(150);
    return box;
}

} // namespace

SettingsEditor::SettingsEditor(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("settingsEditor"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("projectName"));
    m_description = new QPlainTextEdit(this);
    m_description->setMaximumHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_batchSize = spin(this, 1, 1'000'000);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_parallelTables = spin(this, 1, 64);
    m_maxErrorRate = percent(this, false);
    m_maxQuarantined = spin(this, -1, 2'000'000'000, tr("no limit"));
    m_maxRunErrorRate = percent(this, true);
    m_sampleRows = spin(this, 1, 100'000);
    m_reconcileSample = spin(this, 0, 100'000);

    auto *project = new QGroupBox(tr("Project"), this);
    auto *projectForm = new QFormLayout(project);
    projectForm->addRow(tr("&Name:"), m_name);
    projectForm->addRow(tr("&Description:"), m_description);
    auto *run = new QGroupBox(tr("Runs"), this);
    auto *runForm = new QFormLayout(run);
    runForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    runForm->addRow(tr("&Batch size (rows):"), m_batchSize);
    runForm->addRow(tr("&Parallel tables:"), m_parallelTables);
    runForm->addRow(tr("Stop a table when quarantined &rows exceed:"), m_maxErrorRate);
    runForm->addRow(tr("Stop the run after &quarantining:"), m_maxQuarantined);
    runForm->addRow(tr("Stop the run when quarantined rows of all &exceed:"), m_maxRunErrorRate);
    auto *checks = new QGroupBox(tr("Preview and reconciliation"), this);
    auto *checkForm = new QFormLayout(checks);
    checkForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    checkForm->addRow(tr("Preview &sample (rows):"), m_sampleRows);
    checkForm->addRow(tr("Rows compared field by field in a &report:"), m_reconcileSample);

    auto *layout = new QVBoxLayout(this);
    auto *title = new EditorTitle(this);
    title->setText(tr("Settings"));
    layout->addWidget(title);
    layout->addWidget(project);
    layout->addWidget(run);
    layout->addWidget(checks);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { ProjectEdits(m_document).setName(text); });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && m_description->toPlainText() != m_document.project().description)
            ProjectEdits(m_document).setDescription(m_description->toPlainText());
    });
    connect(m_batchSize, &QSpinBox::valueChanged, this, [this](int v) {
        editSettings(tr("the batch size"), [v](ProjectSettings &s) { s.batchSize = v; });
    });
    connect(m_parallelTables, &QSpinBox::valueChanged, this, [this](int v) {
        editSettings(tr("the parallel tables"), [v](ProjectSettings &s) { s.parallelTables = v; });
    });
    connect(m_maxErrorRate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        editSettings(tr("the table error rate"),
                     [v](ProjectSettings &s) { s.maxErrorRate = v / 100; });
    });
    connect(m_maxQuarantined, &QSpinBox::valueChanged, this, [this](int v) {
        editSettings(tr("the quarantine limit"), [v](ProjectSettings &s) { s.maxQuarantined = v; });
    });
    connect(m_maxRunErrorRate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        editSettings(tr("the run error rate"),
                     [v](ProjectSettings &s) { s.maxRunErrorRate = v < 0 ? -1 : v / 100; });
    });
    connect(m_sampleRows, &QSpinBox::valueChanged, this, [this](int v) {
        editSettings(tr("the preview sample"), [v](ProjectSettings &s) { s.sampleRows = v; });
    });
    connect(m_reconcileSample, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_loading || v == m_document.project().reconcile.sampleRows)
            return;
        ReconcileSettings r = m_document.project().reconcile;
        r.sampleRows = v;
        ProjectEdits(m_document).setReconcile(r, tr("the report sample"));
    });
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Settings)
            load();
    });
    connect(&document, &ProjectDocument::projectReplaced, this, &SettingsEditor::load);
    load();
}

void SettingsEditor::editSettings(const QString &what,
                                  const std::function<void(ProjectSettings &)> &change)
{
    if (m_loading)
        return;
    ProjectSettings settings = m_document.project().settings;
    change(settings);
    if (settings != m_document.project().settings)
        ProjectEdits(m_document).setSettings(settings, what);
}

void SettingsEditor::load()
{
    m_loading = true;
    const Project &p = m_document.project();
    if (m_name->text() != p.name)
        m_name->setText(p.name);
    if (m_description->toPlainText() != p.description)
        m_description->setPlainText(p.description);
    m_batchSize->setValue(p.settings.batchSize);
    m_parallelTables->setValue(p.settings.parallelTables);
    m_maxErrorRate->setValue(p.settings.maxErrorRate * 100);
    m_maxQuarantined->setValue(p.settings.maxQuarantined);
    m_maxRunErrorRate->setValue(p.settings.maxRunErrorRate < 0 ? -0.01
                                                               : p.settings.maxRunErrorRate * 100);
    m_sampleRows->setValue(p.settings.sampleRows);
    m_reconcileSample->setValue(p.reconcile.sampleRows);
    m_loading = false;
}

} // namespace cutover
