#include "lookup/LookupEditor.h"

#include "EditorTitle.h"
#include "ItemEditorPages.h"

#include "LookupCsvImport.h"
#include "LookupEntriesModel.h"
#include "ProjectEdits.h"
#include "lookup/UncoveredValuesPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cutover {

namespace {

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

} // namespace

LookupEditor::LookupEditor(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new LookupEntriesModel(document, this))
{
    m_pages = new ItemEditorPages(buildForm(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connect(m_model, &LookupEntriesModel::refreshed, this, &LookupEditor::refresh);
    connect(m_model, &LookupEntriesModel::editRejected, this, &LookupEditor::showStatus);
    connect(m_model, &LookupEntriesModel::entryEdited, this, &LookupEditor::moveTo,
            Qt::QueuedConnection);
    showLookup(-1);
}

QWidget *LookupEditor::buildForm()
{
    auto *form = new QWidget(this);
    m_title = new EditorTitle(form);
    m_name = new QLineEdit(form);
    m_name->setToolTip(tr("Expressions call it as lookup('name', value); renaming updates them"));
    m_hasDefault = new QCheckBox(tr("Unmapped values become:"), form);
    m_hasDefault->setToolTip(
        tr("Without a default, a value the map has no key for is a violation of the row"));
    m_default = new QLineEdit(form);
    m_default->setPlaceholderText(tr("default value"));
    auto *defaultRow = new QHBoxLayout;
    defaultRow->addWidget(m_hasDefault);
    defaultRow->addWidget(m_default, 1);
    auto *fields = new QFormLayout;
    fields->addRow(tr("&Name:"), m_name);
    fields->addRow(tr("Default:"), defaultRow);
    m_uncovered = new UncoveredValuesPanel(m_document, *m_model, form);
    auto *split = new QSplitter(Qt::Vertical, form);
    split->setChildrenCollapsible(false);
    split->addWidget(buildEntries());
    split->addWidget(m_uncovered);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(form);
    layout->addWidget(m_title);
    layout->addLayout(fields);
    layout->addWidget(split, 1);

    connect(m_name, &QLineEdit::editingFinished, this, &LookupEditor::commitName);
    connect(m_hasDefault, &QCheckBox::toggled, this,
            [this] { pushDefault(tr("whether it has a default")); });
    connect(m_default, &QLineEdit::textEdited, this,
            [this] { pushDefault(tr("the default value")); });
    return form;
}

QWidget *LookupEditor::buildEntries()
{
    auto *box = new QWidget(this);
    m_view = new QTableView(box);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(true);
    auto *add = new QPushButton(tr("Add &entry"), box);
    m_remove = new QPushButton(tr("&Remove"), box);
    auto *removeKey = new QAction(tr("Remove entries"), m_view);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, &LookupEditor::removeSelected);
    auto *import = new QPushButton(tr("&Import CSV\u2026"), box);
    import->setToolTip(tr("Read entries from a CSV file of two columns: source value, target "
                          "value (a header line is recognised and skipped)"));
    m_count = new QLabel(box);
    m_status = new QLabel(box);
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_count);
    buttons->addStretch(1);
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addWidget(import);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(add, &QPushButton::clicked, this, &LookupEditor::addEntry);
    connect(m_remove, &QPushButton::clicked, this, &LookupEditor::removeSelected);
    connect(import, &QPushButton::clicked, this, &LookupEditor::chooseCsv);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_view->selectionModel()->hasSelection()); });
    return box;
}

void LookupEditor::setPasswordProvider(const PasswordProvider *passwords)
{
    m_uncovered->setPasswordProvider(passwords);
}

void LookupEditor::showLookup(qsizetype index)
{
    m_status->clear();
    m_model->setLookup(index);
}

qsizetype LookupEditor::lookupIndex() const
{
    return m_model->lookupIndex();
}

QString LookupEditor::statusText() const
{
    return m_status->text();
}

void LookupEditor::refresh()
{
    const qsizetype index = m_model->lookupIndex();
    if (index < 0) {
        showGone();
        return;
    }
    const LookupMap &map = m_document.project().lookups.at(index);
    m_pages->showForm();
    m_title->setText(tr("Lookup map %1").arg(map.name));
    if (!m_name->isModified())
        setTextKeepingCursor(m_name, map.name);
    {
        const QSignalBlocker blocker(m_hasDefault);
        m_hasDefault->setChecked(map.hasDefault);
    }
    setTextKeepingCursor(m_default, map.defaultValue);
    m_default->setEnabled(map.hasDefault);
    m_count->setText(map.entries.size() == 1 ? tr("1 entry")
                                             : tr("%1 entries").arg(map.entries.size()));
    m_remove->setEnabled(m_view->selectionModel()->hasSelection());
    if (index != m_shownIndex) {
        m_shownIndex = index;
        m_uncovered->reset();
    }
}

void LookupEditor::showGone()
{
    m_shownIndex = -2;
    m_pages->showGone(tr("lookup map"),
                      m_model->tracker().isTracking() ? m_model->tracker().name() : QString());
}

void LookupEditor::commitName()
{
    const qsizetype index = m_model->lookupIndex();
    if (index < 0)
        return;
    LookupMap map = m_document.project().lookups.at(index);
    const QString name = m_name->text().trimmed();
    m_name->setModified(false);
    if (name == map.name)
        return;
    QStringList others;
    for (const LookupMap &other : m_document.project().lookups)
        if (other.name != map.name)
            others.append(other.name);
    if (name.isEmpty() || others.contains(name)) {
        showStatus(name.isEmpty() ? tr("A lookup map needs a name.")
                                  : tr("Another lookup map is named \u201c%1\u201d.").arg(name));
        m_name->setText(map.name);
        return;
    }
    map.name = name;
    ProjectEdits(m_document).replaceLookup(index, map, tr("the name"));
}

void LookupEditor::pushDefault(const QString &what)
{
    const qsizetype index = m_model->lookupIndex();
    if (index < 0)
        return;
    LookupMap map = m_document.project().lookups.at(index);
    map.hasDefault = m_hasDefault->isChecked();
    map.defaultValue = m_default->text();
    if (map != m_document.project().lookups.at(index))
        ProjectEdits(m_document).replaceLookup(index, map, what);
}

void LookupEditor::addEntry()
{
    const QModelIndex cell = m_model->index(m_model->newEntryRow(), LookupEntriesModel::KeyColumn);
    if (!cell.isValid())
        return;
    m_view->setFocus();
    m_view->setCurrentIndex(cell);
    m_view->scrollTo(cell);
    m_view->edit(cell);
}

void LookupEditor::removeSelected()
{
    QStringList keys;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        if (row.row() != m_model->newEntryRow())
            keys.append(m_model->keyAt(row.row()));
    const int first = m_view->currentIndex().row();
    m_model->removeKeys(keys);
    const QModelIndex next = m_model->index(qMin(first, m_model->rowCount() - 1), 0);
    if (next.isValid())
        m_view->setCurrentIndex(next);
}

void LookupEditor::chooseCsv()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import lookup entries"), {}, tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importCsv(path);
}

void LookupEditor::importCsv(const QString &path)
{
    const qsizetype index = m_model->lookupIndex();
    if (index < 0)
        return;
    const auto read = LookupCsvImport::read(path, m_document.project().lookups.at(index).entries);
    if (!read) {
        showStatus(read.error().toString());
        return;
    }
    const QString file = QFileInfo(path).fileName();
    m_model->mergeEntries(read->entries, tr("entries from %1").arg(file));
    QString text = tr("Imported %1: %2 added, %3 replaced, %4 already there.")
                       .arg(file)
                       .arg(read->added)
                       .arg(read->replaced)
                       .arg(read->unchanged);
    if (read->skipped > 0)
        text +=
            QLatin1Char(' ') +
            (read->skipped == 1 ? tr("1 line without two fields skipped.")
                                : tr("%1 lines without two fields skipped.").arg(read->skipped));
    showStatus(text);
}

void LookupEditor::moveTo(const QString &key, int column)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return;
    const QModelIndex cell = m_model->index(row, column);
    m_view->setCurrentIndex(cell);
    m_view->scrollTo(cell);
}

void LookupEditor::showStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace cutover
