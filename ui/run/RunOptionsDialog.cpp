#include "run/RunOptionsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace cutover {

RunOptionsDialog::RunOptionsDialog(const Project &project, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Run Options"));
    auto *columns = new QHBoxLayout;
    columns->addWidget(createTablesBox(project), 1);
    auto *right = new QVBoxLayout;
    right->addWidget(createTargetBox());
    right->addWidget(createSpeedBox(project));
    right->addWidget(createLimitsBox());
    right->addStretch();
    columns->addLayout(right, 2);
    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                RunOptions defaults;
                defaults.mode = m_given.mode;
                defaults.phase = m_given.phase;
                defaults.retryQuarantined = m_given.retryQuarantined;
                setOptions(defaults);
            });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
    setOptions({});
}

QWidget *RunOptionsDialog::createTablesBox(const Project &project)
{
    auto *box = new QGroupBox(tr("Tables (none ticked: all)"), this);
    m_tables = new QListWidget(box);
    for (const TableMapping &mapping : project.mappings) {
        auto *item = new QListWidgetItem(mapping.target, m_tables);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_fresh = new QCheckBox(tr("Start fresh, even when the last run was interrupted"), box);
    m_fresh->setToolTip(tr("Otherwise an interrupted run resumes from its last checkpoint."));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_tables);
    layout->addWidget(m_fresh);
    return box;
}

QWidget *RunOptionsDialog::createTargetBox()
{
    auto *box = new QGroupBox(tr("Target"), this);
    m_dropIndexes = new QCheckBox(tr("Drop secondary indexes for the load, rebuild them after"));
    m_deferForeignKeys = new QCheckBox(tr("Check foreign keys after the load instead of per row"));
    m_backup = new QCheckBox(tr("Back up a SQLite target first (rollback restores it)"));
    m_schemaFrom = new QLineEdit(box);
    m_schemaFrom->setPlaceholderText(tr("connection URL, e.g. sqlite:reference.db"));
    m_schemaFrom->setToolTip(
        tr("Create target tables missing from the target with their definition there."));
    auto *form = new QFormLayout(box);
    form->addRow(m_dropIndexes);
    form->addRow(m_deferForeignKeys);
    form->addRow(m_backup);
    form->addRow(tr("Create missing tables from:"), m_schemaFrom);
    return box;
}

QWidget *RunOptionsDialog::createSpeedBox(const Project &project)
{
    const QLocale locale;
    auto *box = new QGroupBox(tr("Batches"), this);
    m_batchSize = new QSpinBox(box);
    m_batchSize->setRange(0, 1000000);
    m_batchSize->setSingleStep(500);
    m_batchSize->setSpecialValueText(
        tr("the project's (%1)").arg(locale.toString(project.settings.batchSize)));
    m_parallel = new QSpinBox(box);
    m_parallel->setRange(0, 64);
    m_parallel->setSpecialValueText(tr("the project's (%1)").arg(project.settings.parallelTables));
    m_commitRows = new QSpinBox(box);
    m_commitRows->setRange(0, std::numeric_limits<int>::max());
    m_commitRows->setSingleStep(10000);
    m_commitRows->setSpecialValueText(tr("a transaction per batch"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Rows per batch:"), m_batchSize);
    form->addRow(tr("Tables loading at once:"), m_parallel);
    form->addRow(tr("SQLite rows per transaction:"), m_commitRows);
    return box;
}

QWidget *RunOptionsDialog::createLimitsBox()
{
    auto *box = new QGroupBox(tr("Stop and roll back"), this);
    m_ownLimits = new QCheckBox(tr("Use this run's limits instead of the project's"), box);
    m_maxErrorRate = new QDoubleSpinBox(box);
    m_maxErrorRate->setRange(-1, 100);
    m_maxErrorRate->setDecimals(1);
    m_maxErrorRate->setSuffix(QStringLiteral(" %"));
    m_maxErrorRate->setSpecialValueText(tr("no limit"));
    m_maxQuarantined = new QSpinBox(box);
    m_maxQuarantined->setRange(-1, std::numeric_limits<int>::max());
    m_maxQuarantined->setSpecialValueText(tr("no limit"));
    auto *form = new QFormLayout(box);
    form->addRow(m_ownLimits);
    form->addRow(tr("Largest share quarantined:"), m_maxErrorRate);
    form->addRow(tr("Most rows quarantined:"), m_maxQuarantined);
    auto enable = [this](bool own) {
        m_maxErrorRate->setEnabled(own);
        m_maxQuarantined->setEnabled(own);
    };
    connect(m_ownLimits, &QCheckBox::toggled, this, enable);
    enable(false);
    return box;
}

void RunOptionsDialog::setOptions(const RunOptions &options)
{
    m_given = options;
    for (int i = 0; i < m_tables->count(); ++i) {
        QListWidgetItem *item = m_tables->item(i);
        item->setCheckState(options.tables.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    m_fresh->setChecked(options.fresh);
    m_dropIndexes->setChecked(options.dropSecondaryIndexes);
    m_deferForeignKeys->setChecked(options.deferForeignKeys);
    m_backup->setChecked(options.backupSqliteTarget);
    m_schemaFrom->setText(options.schemaFrom);
    m_batchSize->setValue(options.batchSize);
    m_parallel->setValue(options.parallelTables);
    m_commitRows->setValue(int(qMin<qint64>(options.sqliteCommitRows, m_commitRows->maximum())));
    const bool own = options.maxErrorRate || options.maxQuarantined;
    m_ownLimits->setChecked(own);
    m_maxErrorRate->setValue(options.maxErrorRate ? qMax(-1.0, *options.maxErrorRate * 100.0)
                                                  : 5.0);
    m_maxQuarantined->setValue(options.maxQuarantined.value_or(-1));
}

RunOptions RunOptionsDialog::options() const
{
    RunOptions options = m_given;
    options.tables.clear();
    for (int i = 0; i < m_tables->count(); ++i)
        if (m_tables->item(i)->checkState() == Qt::Checked)
            options.tables.append(m_tables->item(i)->text());
    options.fresh = m_fresh->isChecked();
    options.dropSecondaryIndexes = m_dropIndexes->isChecked();
    options.deferForeignKeys = m_deferForeignKeys->isChecked();
    options.backupSqliteTarget = m_backup->isChecked();
    options.schemaFrom = m_schemaFrom->text().trimmed();
    options.batchSize = m_batchSize->value();
    options.parallelTables = m_parallel->value();
    options.sqliteCommitRows = m_commitRows->value();
    options.maxErrorRate.reset();
    options.maxQuarantined.reset();
    if (m_ownLimits->isChecked()) {
        const double percent = m_maxErrorRate->value();
        options.maxErrorRate = percent < 0 ? -1.0 : percent / 100.0;
        options.maxQuarantined = m_maxQuarantined->value();
    }
    return options;
}

} // namespace cutover
