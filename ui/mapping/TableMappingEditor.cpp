#include "mapping/TableMappingEditor.h"

#include "ColumnMappingModel.h"
#include "EditorTitle.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "automap/ExpressionProposer.h"
#include "canvas/MappingCanvas.h"
#include "canvas/MappingScene.h"
#include "editor/ExpressionEditor.h"
#include "editor/TransformEditor.h"
#include "preview/PreviewPane.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

namespace {

void setText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0); // show where a long text starts
}

void setText(QComboBox *combo, const QString &text)
{
    if (combo->currentText() != text)
        combo->setCurrentText(text);
}

QComboBox *editableCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setMinimumContentsLength(8);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    return combo;
}

} // namespace

TableMappingEditor::TableMappingEditor(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_columns(new ColumnMappingModel(document, this))
{
    setObjectName(QStringLiteral("tableMappingEditor"));
    m_title = new EditorTitle(this);
    m_missing = new QLabel(tr("This table mapping no longer exists."), this);
    m_missing->setAlignment(Qt::AlignCenter);

    // the rows' settings, the columns (canvas or table) and the chosen column's expression, each
    // as tall as the user drags it
    auto *details = new QWidget(this);
    auto *boxes = new QHBoxLayout(details);
    boxes->setContentsMargins(0, 0, 0, 0);
    boxes->addWidget(createSourceBox(), 1);
    boxes->addWidget(createTargetBox(), 1);
    auto *body = new QSplitter(Qt::Vertical, this);
    body->setObjectName(QStringLiteral("mappingSplit"));
    body->setChildrenCollapsible(false);
    body->addWidget(details);
    body->addWidget(createColumnsBox());
    m_transform = new TransformEditor(m_document, *m_columns, this);
    connect(m_transform, &TransformEditor::columnChanged, m_preview, &PreviewPane::showColumn);
    body->addWidget(m_transform);
    body->setStretchFactor(0, 0);
    body->setStretchFactor(1, 3);
    body->setStretchFactor(2, 1);
    m_body = body;

    auto *back = new QToolButton(this);
    back->setObjectName(QStringLiteral("backToOverview"));
    back->setText(tr("\u2039 All table mappings"));
    back->setToolTip(tr("Back to the overview of every table mapping (Backspace)"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &TableMappingEditor::backRequested);
    auto *backKey = new QShortcut(QKeySequence(Qt::Key_Backspace), this);
    backKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backKey, &QShortcut::activated, this, &TableMappingEditor::backRequested);
    // the rows' and target's settings are set once and take room from the columns: shown on
    // demand, as the user last left them
    auto *settings = new QToolButton(this);
    settings->setObjectName(QStringLiteral("showSettings"));
    settings->setText(tr("Rows && Target Settings"));
    settings->setToolTip(tr("Show or hide where the rows come from and how they are written"));
    settings->setCheckable(true);
    settings->setAutoRaise(true);
    settings->setChecked(
        QSettings().value(QStringLiteral("mappingEditor/showSettings"), false).toBool());
    settings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    details->setVisible(settings->isChecked());
    settings->setArrowType(settings->isChecked() ? Qt::DownArrow : Qt::RightArrow);
    connect(settings, &QToolButton::toggled, details, [details, settings](bool shown) {
        details->setVisible(shown);
        settings->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        QSettings().setValue(QStringLiteral("mappingEditor/showSettings"), shown);
    });
    auto *heading = new QHBoxLayout;
    heading->addWidget(back);
    heading->addWidget(m_title, 1);
    heading->addWidget(settings);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_missing, 1);
    connectFields();
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Mappings || part == ProjectDocument::Part::Phases)
            load();
    });
    connect(&document, &ProjectDocument::projectReplaced, this, [this] { showMapping(-1); });
    showMapping(-1);
}

QWidget *TableMappingEditor::createSourceBox()
{
    auto *box = new QGroupBox(tr("Source rows"), this);
    auto *tableChoice = new QRadioButton(tr("&Table"), box);
    auto *queryChoice = new QRadioButton(tr("&Query"), box);
    tableChoice->setObjectName(QStringLiteral("sourceIsTable"));
    queryChoice->setObjectName(QStringLiteral("sourceIsQuery"));
    m_sourceKind = new QButtonGroup(box);
    m_sourceKind->addButton(tableChoice, 0);
    m_sourceKind->addButton(queryChoice, 1);
    m_sourceTable = editableCombo(box);
    m_sourceTable->setObjectName(QStringLiteral("sourceTable"));
    m_query = new QPlainTextEdit(box);
    m_query->setObjectName(QStringLiteral("sourceQuery"));
    m_query->setPlaceholderText(tr("SELECT \u2026 FROM \u2026 JOIN \u2026"));
    m_query->setMaximumHeight(m_query->fontMetrics().lineSpacing() * 4 + 12);
    m_filter = new QLineEdit(box);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("a WHERE condition on the source rows"));
    m_watermark = editableCombo(box);
    m_watermark->setObjectName(QStringLiteral("watermark"));
    m_watermark->setToolTip(
        tr("The column incremental sync compares to find new and changed rows"));
    m_syncDeletes = new QCheckBox(tr("Sync &deletes rows gone from the source"), box);

    auto *kinds = new QHBoxLayout;
    kinds->addWidget(tableChoice);
    kinds->addWidget(m_sourceTable, 1);
    kinds->addWidget(queryChoice);
    auto *form = new QFormLayout(box);
    form->addRow(tr("From:"), kinds);
    form->addRow(QString(), m_query);
    form->addRow(tr("&Filter:"), m_filter);
    form->addRow(tr("&Watermark:"), m_watermark);
    form->addRow(QString(), m_syncDeletes);
    return box;
}

QWidget *TableMappingEditor::createTargetBox()
{
    auto *box = new QGroupBox(tr("Target"), this);
    m_targetTable = editableCombo(box);
    m_targetTable->setObjectName(QStringLiteral("targetTable"));
    m_sourceKey = new QLineEdit(box);
    m_sourceKey->setObjectName(QStringLiteral("sourceKey"));
    m_sourceKey->setPlaceholderText(tr("the source's primary key"));
    m_keyStrategy = new QComboBox(box);
    m_keyStrategy->setObjectName(QStringLiteral("keyStrategy"));
    m_keyStrategy->addItems(
        {tr("Keep the source key"), tr("Remap to UUIDs (uuid5)"), tr("Generate new keys")});
    m_keyNamespace = new QLineEdit(box);
    m_keyNamespace->setPlaceholderText(tr("namespace"));
    m_keyNamespace->setToolTip(tr("The uuid5 namespace; empty: the target table's name"));
    m_keyNamespace->setMinimumWidth(60);
    m_mode = new QComboBox(box);
    m_mode->setObjectName(QStringLiteral("loadMode"));
    m_mode->addItems(
        {tr("Insert"), tr("Upsert (insert or update by key)"), tr("Truncate, then load")});
    m_maxErrorRate = new QDoubleSpinBox(box);
    m_maxErrorRate->setRange(-0.01, 100);
    m_maxErrorRate->setSingleStep(0.5);
    m_maxErrorRate->setSuffix(QStringLiteral(" %"));
    m_maxErrorRate->setSpecialValueText(tr("the project's"));
    m_maxQuarantined = new QSpinBox(box);
    m_maxQuarantined->setRange(-1, 1'000'000'000);
    m_maxQuarantined->setSpecialValueText(tr("no limit"));
    m_phases = new QListWidget(box);
    m_phases->setObjectName(QStringLiteral("phases"));
    m_phases->setMaximumHeight(m_phases->fontMetrics().lineSpacing() * 3 + 10);
    m_note = new QLineEdit(box);

    auto *keys = new QHBoxLayout;
    keys->addWidget(m_keyStrategy, 1);
    keys->addWidget(m_keyNamespace, 1);
    auto *limits = new QHBoxLayout;
    limits->addWidget(m_maxErrorRate, 1);
    limits->addWidget(new QLabel(tr("at most"), box));
    limits->addWidget(m_maxQuarantined, 1);
    limits->addWidget(new QLabel(tr("rows"), box));
    auto *form = new QFormLayout(box);
    form->addRow(tr("T&able:"), m_targetTable);
    form->addRow(tr("Source &key:"), m_sourceKey);
    form->addRow(tr("Keys:"), keys);
    form->addRow(tr("&Load:"), m_mode);
    form->addRow(tr("Quarantine stops at:"), limits);
    form->addRow(tr("&Phases:"), m_phases);
    form->addRow(tr("&Note:"), m_note);
    return box;
}

QWidget *TableMappingEditor::createColumnsBox()
{
    m_columnViews = new QTabWidget(this);
    m_columnViews->setObjectName(QStringLiteral("columnViews"));
    m_canvas = new MappingCanvas(m_document, *m_columns, m_columnViews);
    m_columnViews->addTab(m_canvas, tr("Canvas"));
    m_columnViews->addTab(createColumnTable(), tr("Table"));
    m_preview = new PreviewPane(m_document, *m_columns, m_columnViews);
    m_columnViews->addTab(m_preview, tr("Preview"));
    // a violation clicked in the preview: its column's expression, ready to fix
    connect(m_preview, &PreviewPane::violationChosen, this, [this](const QString &column) {
        m_transform->setColumn(column);
        m_canvas->showColumn(column);
        ExpressionEditor *editor = m_transform->editor();
        editor->setFocus();
        editor->setCursorPosition(qMax(0, editor->lines() - 1),
                                  editor->lineLength(qMax(0, editor->lines() - 1)));
    });
    connect(m_canvas, &MappingCanvas::columnChosen, this, [this](const QString &column) {
        m_transform->setColumn(column);
        const int row = m_columns->rowOf(column);
        if (row >= 0 && m_table->currentIndex().row() != row)
            m_table->selectRow(row);
    });
    // the table's current row is the canvas's selected column, and back
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString column = current.data(ColumnMappingModel::ColumnNameRole).toString();
                // a line chosen on the canvas stays chosen: only a new row moves the canvas
                if (current.isValid() && m_canvas->scene()->selectedTargetColumn() != column)
                    m_canvas->showColumn(column);
                if (current.isValid())
                    m_transform->setColumn(column);
            });
    return m_columnViews;
}

QWidget *TableMappingEditor::createColumnTable()
{
    auto *page = new QWidget(this);
    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("columnTable"));
    m_table->setModel(m_columns);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ColumnMappingModel::ExpressionColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ColumnMappingModel::StatusColumn,
                                                      QHeaderView::Stretch);
    auto *byName = new QPushButton(QIcon(QStringLiteral(":/icons/mapping.svg")),
                                   tr("Map &Unmapped by Name"), page);
    byName->setObjectName(QStringLiteral("mapByName"));
    byName->setToolTip(tr("Map each unmapped target column to the source column of the same name"));
    auto *unmap = new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("Un&map"), page);
    unmap->setObjectName(QStringLiteral("unmap"));
    connect(byName, &QPushButton::clicked, this, &TableMappingEditor::mapByName);
    connect(unmap, &QPushButton::clicked, this, &TableMappingEditor::unmapSelected);
    auto *hint = new QLabel(tr("Double-click an expression or a default to edit it."), page);
    hint->setWordWrap(true);
    hint->setMinimumWidth(120);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(byName);
    buttons->addWidget(unmap);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    return page;
}

void TableMappingEditor::showTable()
{
    m_columnViews->setCurrentIndex(1);
}

void TableMappingEditor::showSettings(bool shown)
{
    findChild<QToolButton *>(QStringLiteral("showSettings"))->setChecked(shown);
}

void TableMappingEditor::showPreview()
{
    m_columnViews->setCurrentWidget(m_preview);
}

void TableMappingEditor::showCanvas()
{
    m_columnViews->setCurrentIndex(0);
}

void TableMappingEditor::connectFields()
{
    connect(m_sourceKind, &QButtonGroup::idClicked, this, [this](int id) {
        m_query->setVisible(id == 1);
        m_sourceTable->setEnabled(id == 0);
        if (id == 0)
            edit(tr("the source"), [](TableMapping &m) { m.query.clear(); });
    });
    connect(m_sourceTable, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        edit(tr("the source table"), [&](TableMapping &m) { m.source = text.trimmed(); });
    });
    connect(m_query, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_query->toPlainText();
        edit(tr("the query"), [&](TableMapping &m) { m.query = text; });
    });
    connect(m_filter, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the filter"), [&](TableMapping &m) { m.filter = text; });
    });
    connect(m_watermark, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        edit(tr("the watermark"), [&](TableMapping &m) { m.watermark = text.trimmed(); });
    });
    connect(m_syncDeletes, &QCheckBox::toggled, this, [this](bool on) {
        edit(tr("sync deletes"), [&](TableMapping &m) { m.syncDeletes = on; });
    });
    connect(m_targetTable, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const QString name = text.trimmed();
        if (!name.isEmpty() && !m_document.project().mapping(name))
            edit(tr("the target"), [&](TableMapping &m) { m.target = name; });
    });
    connect(m_sourceKey, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the source key"), [&](TableMapping &m) { m.sourceKey = text.trimmed(); });
    });
    connect(m_keyStrategy, &QComboBox::currentIndexChanged, this, [this](int i) {
        edit(tr("the key strategy"),
             [&](TableMapping &m) { m.keyStrategy = TableMapping::KeyStrategy(i); });
    });
    connect(m_keyNamespace, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the key namespace"), [&](TableMapping &m) { m.keyNamespace = text.trimmed(); });
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) {
        edit(tr("the load mode"), [&](TableMapping &m) { m.mode = TableMapping::Mode(i); });
    });
    connect(m_maxErrorRate, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
        edit(tr("the quarantine limit"),
             [&](TableMapping &m) { m.maxErrorRate = percent < 0 ? -1 : percent / 100.0; });
    });
    connect(m_maxQuarantined, &QSpinBox::valueChanged, this, [this](int rows) {
        edit(tr("the quarantine limit"), [&](TableMapping &m) { m.maxQuarantined = rows; });
    });
    connect(m_note, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the note"), [&](TableMapping &m) { m.note = text; });
    });
    connect(m_phases, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        togglePhase(m_phases->row(item), item->checkState() == Qt::Checked);
    });
}

const TableMapping *TableMappingEditor::current() const
{
    const auto &mappings = m_document.project().mappings;
    return m_index >= 0 && m_index < mappings.size() ? &mappings.at(m_index) : nullptr;
}

void TableMappingEditor::edit(const QString &what,
                              const std::function<void(TableMapping &)> &change)
{
    const TableMapping *m = current();
    if (m_loading || !m)
        return;
    TableMapping changed = *m;
    change(changed);
    if (changed != *m)
        ProjectEdits(m_document).replaceMapping(m_index, changed, what);
}

void TableMappingEditor::showMapping(qsizetype index)
{
    m_index = index;
    m_columns->setMapping(index);
    load();
}

void TableMappingEditor::setPasswordProvider(const PasswordProvider *passwords)
{
    m_canvas->setPasswordProvider(passwords);
    m_preview->setPasswordProvider(passwords);
}

void TableMappingEditor::setSchemas(const DatabaseSchema &source, const DatabaseSchema &target)
{
    m_source = source;
    m_target = target;
    m_columns->setSchemas(source, target);
    load();
}

void TableMappingEditor::setProblems(const QList<Problem> &problems)
{
    m_columns->setProblems(problems);
}

void TableMappingEditor::setLineage(const QHash<QString, QStringList> &lineage)
{
    m_columns->setLineage(lineage);
}

void TableMappingEditor::fillChoices()
{
    const TableMapping *m = current();
    QStringList sources, targets, watermarks{QString()};
    for (const TableInfo &t : m_source.tables)
        sources.append(t.name);
    for (const TableInfo &t : m_target.tables)
        targets.append(t.name);
    for (const TableInfo &t : m_document.project().targetTables)
        if (!targets.contains(t.name))
            targets.append(t.name);
    if (const TableInfo *t = m ? m_source.table(m->source) : nullptr)
        for (const ColumnInfo &c : t->columns)
            watermarks.append(c.name);
    auto refill = [](QComboBox *combo, const QStringList &items) {
        QStringList now;
        for (int i = 0; i < combo->count(); ++i)
            now.append(combo->itemText(i));
        if (now != items) {
            const QString text = combo->currentText();
            combo->clear();
            combo->addItems(items);
            combo->setCurrentText(text);
        }
    };
    refill(m_sourceTable, sources);
    refill(m_targetTable, targets);
    refill(m_watermark, watermarks);
}

void TableMappingEditor::load()
{
    const TableMapping *m = current();
    m_body->setVisible(m);
    m_missing->setVisible(!m && m_index >= 0);
    if (!m) {
        m_title->setText(m_index >= 0 ? tr("Table mapping") : QString());
        return;
    }
    m_loading = true;
    m_title->setText(
        tr("%1 \u2192 %2").arg(m->query.isEmpty() ? m->source : tr("query"), m->target));
    fillChoices();
    const bool fromQuery = !m->query.isEmpty();
    m_sourceKind->button(fromQuery ? 1 : 0)->setChecked(true);
    m_query->setVisible(fromQuery);
    m_sourceTable->setEnabled(!fromQuery);
    setText(m_sourceTable, m->source);
    if (m_query->toPlainText() != m->query)
        m_query->setPlainText(m->query);
    setText(m_filter, m->filter);
    setText(m_watermark, m->watermark);
    m_syncDeletes->setChecked(m->syncDeletes);
    setText(m_targetTable, m->target);
    setText(m_sourceKey, m->sourceKey);
    m_keyStrategy->setCurrentIndex(int(m->keyStrategy));
    setText(m_keyNamespace, m->keyNamespace);
    m_keyNamespace->setEnabled(m->keyStrategy == TableMapping::KeyStrategy::RemapUuid);
    m_mode->setCurrentIndex(int(m->mode));
    m_maxErrorRate->setValue(m->maxErrorRate < 0 ? -0.01 : m->maxErrorRate * 100.0);
    m_maxQuarantined->setValue(m->maxQuarantined);
    setText(m_note, m->note);
    loadPhases();
    m_loading = false;
}

void TableMappingEditor::loadPhases()
{
    const TableMapping *m = current();
    const auto &phases = m_document.project().phases;
    m_phases->clear();
    for (const Phase &phase : phases) {
        auto *item = new QListWidgetItem(phase.name, m_phases);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool all = phase.tables.isEmpty();
        item->setCheckState(all || phase.tables.contains(m->target) ? Qt::Checked : Qt::Unchecked);
        if (all) {
            item->setFlags(Qt::ItemIsUserCheckable); // disabled: the phase takes every table
            item->setToolTip(tr("This phase takes every table"));
        }
    }
    if (phases.isEmpty()) {
        auto *item = new QListWidgetItem(tr("The project has no phases"), m_phases);
        item->setFlags(Qt::NoItemFlags);
    }
}

void TableMappingEditor::togglePhase(int row, bool checked)
{
    const TableMapping *m = current();
    if (m_loading || !m || row < 0 || row >= m_document.project().phases.size())
        return;
    Phase phase = m_document.project().phases.at(row);
    if (checked && !phase.tables.contains(m->target))
        phase.tables.append(m->target);
    if (!checked)
        phase.tables.removeAll(m->target);
    ProjectEdits(m_document).replacePhase(row, phase, tr("the tables"));
}

void TableMappingEditor::mapByName()
{
    const TableMapping *m = current();
    const TableInfo *source = m ? m_source.table(m->source) : nullptr;
    if (!source)
        return;
    QList<ColumnMapping> found;
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        const QString target =
            m_columns->index(row, 0).data(ColumnMappingModel::ColumnNameRole).toString();
        const ColumnInfo *from = source->columnIgnoringCase(target);
        if (from && !m->column(target)) {
            ColumnMapping column;
            column.target = target;
            column.expression = ExpressionProposer::reference(from->name);
            found.append(column);
        }
    }
    if (found.isEmpty())
        return;
    const QString target = m->target;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro((found.size() == 1
                           ? tr("Map 1 column of %1 by name").arg(target)
                           : tr("Map %1 columns of %2 by name").arg(found.size()).arg(target)));
    for (const ColumnMapping &column : found)
        ProjectEdits(m_document).mapColumn(m_index, column);
    stack->endMacro();
}

void TableMappingEditor::unmapSelected()
{
    QStringList names;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        if (current() && current()->column(row.data(ColumnMappingModel::ColumnNameRole).toString()))
            names.append(row.data(ColumnMappingModel::ColumnNameRole).toString());
    if (names.isEmpty())
        return;
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(
        (names.size() == 1 ? tr("Unmap 1 column") : tr("Unmap %1 columns").arg(names.size())));
    for (const QString &name : names) {
        const TableMapping *m = current();
        ProjectEdits(m_document).unmapColumn(m_index, m->columns.indexOf(*m->column(name)));
    }
    stack->endMacro();
}

void TableMappingEditor::editColumn(const QString &targetColumn)
{
    const int row = m_columns->rowOf(targetColumn);
    if (row < 0)
        return;
    const QModelIndex cell = m_columns->index(row, ColumnMappingModel::ExpressionColumn);
    showTable();
    m_table->setCurrentIndex(cell);
    m_table->scrollTo(cell);
    m_table->setFocus();
}

} // namespace cutover
