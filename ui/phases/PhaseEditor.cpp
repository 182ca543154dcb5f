#include "phases/PhaseEditor.h"

#include "EditorTitle.h"
#include "ItemEditorPages.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace cutover {

namespace {

QStringList phaseNames(const Project &project)
{
    QStringList names;
    for (const Phase &phase : project.phases)
        names.append(phase.name);
    return names;
}

// The tables a phase can pick: the mapping targets in mapping order, then any table the phase
// names that no mapping feeds (kept, so it can be unticked).
QStringList tableChoices(const Project &project, const Phase &phase)
{
    QStringList tables;
    for (const TableMapping &mapping : project.mappings)
        if (!tables.contains(mapping.target))
            tables.append(mapping.target);
    for (const QString &table : phase.tables)
        if (!tables.contains(table))
            tables.append(table);
    return tables;
}

} // namespace

PhaseEditor::PhaseEditor(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_pages = new ItemEditorPages(buildForm(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Phases || part == ProjectDocument::Part::Mappings)
            refresh();
    });
    connect(&document, &ProjectDocument::projectReplaced, this, &PhaseEditor::refresh);
    showPhase(-1);
}

QWidget *PhaseEditor::buildForm()
{
    auto *page = new QWidget(this);
    m_title = new EditorTitle(page);
    m_name = new QLineEdit(page);
    m_name->setToolTip(tr("Runbook steps name the phase; renaming updates them"));
    m_description = new QPlainTextEdit(page);
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 +
                                  2 * m_description->frameWidth() + 8);
    m_tables = new QListWidget(page);
    m_tables->setUniformItemSizes(true);
    m_tablesHint = new QLabel(page);
    m_tablesHint->setWordWrap(true);
    m_tablesHint->setForegroundRole(QPalette::PlaceholderText);
    m_filter = new QLineEdit(page);
    m_filter->setPlaceholderText(tr("e.g. clinic_id = 7 (applied to every source table)"));
    m_status = new QLabel(page);
    m_status->setWordWrap(true);

    auto *tables = new QVBoxLayout;
    tables->setContentsMargins(0, 0, 0, 0);
    tables->addWidget(m_tables, 1);
    tables->addWidget(m_tablesHint);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    auto *tablesLabel = new QLabel(tr("&Tables:"), page);
    tablesLabel->setBuddy(m_tables); // a label of a layout gets no buddy by itself
    form->addRow(tablesLabel, tables);
    form->addRow(tr("&Filter:"), m_filter);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_title);
    layout->addLayout(form, 1);
    layout->addWidget(m_status);

    connect(m_name, &QLineEdit::editingFinished, this, &PhaseEditor::commitName);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const qsizetype index = m_tracker.index();
        if (m_refreshing || index < 0)
            return;
        Phase phase = m_document.project().phases.at(index);
        phase.description = m_description->toPlainText();
        if (phase != m_document.project().phases.at(index))
            ProjectEdits(m_document).replacePhase(index, phase, tr("the description"));
    });
    connect(m_filter, &QLineEdit::textEdited, this, [this](const QString &text) {
        const qsizetype index = m_tracker.index();
        if (index < 0)
            return;
        Phase phase = m_document.project().phases.at(index);
        phase.filter = text;
        ProjectEdits(m_document).replacePhase(index, phase, tr("the filter"));
    });
    connect(m_tables, &QListWidget::itemChanged, this, &PhaseEditor::tableTicked);
    return page;
}

void PhaseEditor::showPhase(qsizetype index)
{
    m_tracker.track(index, phaseNames(m_document.project()));
    m_status->clear();
    refresh();
}

void PhaseEditor::refresh()
{
    m_tracker.update(phaseNames(m_document.project()));
    const qsizetype index = m_tracker.index();
    if (index < 0) {
        showGone();
        return;
    }
    const Phase &phase = m_document.project().phases.at(index);
    m_refreshing = true;
    m_pages->showForm();
    m_title->setText(tr("Phase %1").arg(phase.name));
    if (!m_name->isModified() && m_name->text() != phase.name)
        m_name->setText(phase.name);
    if (m_description->toPlainText() != phase.description)
        m_description->setPlainText(phase.description);
    if (m_filter->text() != phase.filter)
        m_filter->setText(phase.filter);
    fillTables();
    m_refreshing = false;
}

void PhaseEditor::fillTables()
{
    const Phase &phase = m_document.project().phases.at(m_tracker.index());
    const QStringList choices = tableChoices(m_document.project(), phase);
    const int current = m_tables->currentRow();
    const QSignalBlocker blocker(m_tables);
    if (m_tables->count() != choices.size()) {
        m_tables->clear();
        for (const QString &table : choices)
            (new QListWidgetItem(table, m_tables))
                ->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    }
    for (int row = 0; row < choices.size(); ++row) {
        QListWidgetItem *item = m_tables->item(row);
        const QString &table = choices.at(row);
        const bool mapped = m_document.project().mapping(table) != nullptr;
        item->setText(mapped ? table : tr("%1 (no mapping feeds it)").arg(table));
        item->setData(Qt::UserRole, table);
        item->setCheckState(phase.tables.contains(table) ? Qt::Checked : Qt::Unchecked);
    }
    if (current >= 0 && current < m_tables->count())
        m_tables->setCurrentRow(current);
    updateTablesHint();
}

void PhaseEditor::updateTablesHint()
{
    int ticked = 0;
    for (int row = 0; row < m_tables->count(); ++row)
        ticked += m_tables->item(row)->checkState() == Qt::Checked ? 1 : 0;
    m_tablesHint->setText(
        ticked == 0 ? tr("None ticked: the phase cuts over every table.")
                    : tr("%1 of %2 tables in this phase.").arg(ticked).arg(m_tables->count()));
}

void PhaseEditor::tableTicked(QListWidgetItem *item)
{
    const qsizetype index = m_tracker.index();
    if (m_refreshing || index < 0)
        return;
    Phase phase = m_document.project().phases.at(index);
    phase.tables.clear();
    for (int row = 0; row < m_tables->count(); ++row)
        if (m_tables->item(row)->checkState() == Qt::Checked)
            phase.tables.append(m_tables->item(row)->data(Qt::UserRole).toString());
    updateTablesHint();
    // One undo step per tick: the text says which table went in or out.
    const QString table = item->data(Qt::UserRole).toString();
    const QString what = item->checkState() == Qt::Checked
                             ? tr("the tables (added %1)").arg(table)
                             : tr("the tables (removed %1)").arg(table);
    if (phase != m_document.project().phases.at(index))
        ProjectEdits(m_document).replacePhase(index, phase, what);
}

void PhaseEditor::commitName()
{
    const qsizetype index = m_tracker.index();
    if (index < 0)
        return;
    Phase phase = m_document.project().phases.at(index);
    const QString name = m_name->text().trimmed();
    m_name->setModified(false);
    if (name == phase.name)
        return;
    if (name.isEmpty() || phaseNames(m_document.project()).contains(name)) {
        m_status->setText(name.isEmpty() ? tr("A phase needs a name.")
                                         : tr("Another phase is named \u201c%1\u201d.").arg(name));
        m_name->setText(phase.name);
        return;
    }
    m_status->clear();
    phase.name = name;
    ProjectEdits(m_document).replacePhase(index, phase, tr("the name"));
}

void PhaseEditor::showGone()
{
    m_pages->showGone(tr("phase"), m_tracker.isTracking() ? m_tracker.name() : QString());
}

} // namespace cutover
