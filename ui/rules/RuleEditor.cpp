#include "rules/RuleEditor.h"

#include "EditorTitle.h"
#include "ItemEditorPages.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cutover {

namespace {

struct KindText
{
    Rule::Kind kind;
    const char *name;
    const char *hint;
};

constexpr KindText kKinds[] = {
    {Rule::Kind::NotNull, QT_TRANSLATE_NOOP("RuleEditor", "Not null"),
     QT_TRANSLATE_NOOP("RuleEditor", "The column must hold a value.")},
    {Rule::Kind::Unique, QT_TRANSLATE_NOOP("RuleEditor", "Unique"),
     QT_TRANSLATE_NOOP("RuleEditor",
                       "No two rows may share the value (of all the columns named, together).")},
    {Rule::Kind::Pattern, QT_TRANSLATE_NOOP("RuleEditor", "Matches a pattern"),
     QT_TRANSLATE_NOOP("RuleEditor", "The value must match the regular expression.")},
    {Rule::Kind::Range, QT_TRANSLATE_NOOP("RuleEditor", "In a range"),
     QT_TRANSLATE_NOOP("RuleEditor",
                       "The value must lie between the bounds (inclusive; either may be empty).")},
    {Rule::Kind::AllowedValues, QT_TRANSLATE_NOOP("RuleEditor", "One of allowed values"),
     QT_TRANSLATE_NOOP("RuleEditor", "The value must be one of the listed values.")},
    {Rule::Kind::ReferenceExists, QT_TRANSLATE_NOOP("RuleEditor", "Reference exists"),
     QT_TRANSLATE_NOOP("RuleEditor", "The value must exist in the referenced target column.")},
    {Rule::Kind::Expression, QT_TRANSLATE_NOOP("RuleEditor", "Expression is true"),
     QT_TRANSLATE_NOOP("RuleEditor",
                       "A boolean SQLite expression over the target row must be true.")},
};

void setText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0); // a long message shows its start
}

void setText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void setText(QComboBox *combo, const QString &text)
{
    if (combo->currentText() != text)
        combo->setCurrentText(text);
}

QStringList ruleNames(const Project &project)
{
    QStringList names;
    for (const Rule &rule : project.rules)
        names.append(rule.name);
    return names;
}

QPlainTextEdit *shortTextEdit(int lines, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    const int line = edit->fontMetrics().lineSpacing();
    edit->setFixedHeight(line * lines + 2 * edit->frameWidth() + 8);
    return edit;
}

} // namespace

RuleEditor::RuleEditor(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_pages = new ItemEditorPages(buildForm(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    connectFields();
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Rules || part == ProjectDocument::Part::Mappings)
            refresh();
    });
    connect(&document, &ProjectDocument::projectReplaced, this, &RuleEditor::refresh);
    showRule(-1);
}

QWidget *RuleEditor::buildForm()
{
    auto *page = new QWidget(this);
    m_title = new EditorTitle(page);
    m_name = new QLineEdit(page);
    m_table = new QComboBox(page);
    m_table->setEditable(true);
    m_columns = new QLineEdit(page);
    m_columns->setPlaceholderText(tr("column, or several separated by commas"));
    m_kind = new QComboBox(page);
    for (const KindText &kind : kKinds)
        m_kind->addItem(tr(kind.name), int(kind.kind));
    m_kindHint = new QLabel(page);
    m_kindHint->setWordWrap(true);
    m_kindHint->setForegroundRole(QPalette::PlaceholderText);
    m_severity = new QComboBox(page);
    m_severity->addItem(tr("Blocking \u2014 the row is quarantined"),
                        int(Rule::Severity::Blocking));
    m_severity->addItem(tr("Warning \u2014 the row is loaded and counted"),
                        int(Rule::Severity::Warning));
    m_pattern = new QLineEdit(page);
    m_pattern->setPlaceholderText(tr("a regular expression, e.g. ^[^@]+@[^@]+$"));
    m_patternProblem = new QLabel(page);
    m_patternProblem->setWordWrap(true);
    m_minimum = new QLineEdit(page);
    m_minimum->setPlaceholderText(tr("no lower bound"));
    m_maximum = new QLineEdit(page);
    m_maximum->setPlaceholderText(tr("no upper bound"));
    m_allowed = shortTextEdit(4, page);
    m_allowed->setPlaceholderText(tr("one value per line"));
    m_reference = new QComboBox(page);
    m_reference->setEditable(true);
    m_reference->lineEdit()->setPlaceholderText(tr("table.column"));
    m_expression = shortTextEdit(3, page);
    m_expression->setPlaceholderText(tr("e.g. birth_date <= date('now')"));
    m_message = new QLineEdit(page);
    m_message->setPlaceholderText(tr("what a violation says to the reader of the report"));

    m_form = new QFormLayout;
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Table:"), m_table);
    m_form->addRow(tr("&Column(s):"), m_columns);
    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(QString(), m_kindHint);
    m_form->addRow(tr("&Pattern:"), m_pattern);
    m_form->addRow(QString(), m_patternProblem);
    m_form->addRow(tr("M&inimum:"), m_minimum);
    m_form->addRow(tr("Ma&ximum:"), m_maximum);
    m_form->addRow(tr("&Allowed values:"), m_allowed);
    m_form->addRow(tr("&References:"), m_reference);
    m_form->addRow(tr("&Expression:"), m_expression);
    m_form->addRow(tr("&Severity:"), m_severity);
    m_form->addRow(tr("&Message:"), m_message);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addStretch(1);
    return page;
}

void RuleEditor::connectFields()
{
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { edit(tr("the name"), [&](Rule &r) { r.name = text; }); });
    connect(m_table, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        edit(tr("the table"), [&](Rule &r) { r.table = text.trimmed(); });
    });
    connect(m_columns, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the columns"), [&](Rule &r) { r.column = text; });
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        edit(tr("the kind"), [&](Rule &r) { r.kind = Rule::Kind(m_kind->currentData().toInt()); });
    });
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        edit(tr("the severity"),
             [&](Rule &r) { r.severity = Rule::Severity(m_severity->currentData().toInt()); });
    });
    connect(m_pattern, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the pattern"), [&](Rule &r) { r.pattern = text; });
    });
    connect(m_minimum, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the minimum"), [&](Rule &r) { r.minimum = text.trimmed(); });
    });
    connect(m_maximum, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the maximum"), [&](Rule &r) { r.maximum = text.trimmed(); });
    });
    connect(m_allowed, &QPlainTextEdit::textChanged, this, [this] {
        edit(tr("the allowed values"), [&](Rule &r) {
            r.allowed = m_allowed->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        });
    });
    connect(m_reference, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        edit(tr("the reference"), [&](Rule &r) { r.reference = text.trimmed(); });
    });
    connect(m_expression, &QPlainTextEdit::textChanged, this, [this] {
        edit(tr("the expression"), [&](Rule &r) { r.expression = m_expression->toPlainText(); });
    });
    connect(m_message, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(tr("the message"), [&](Rule &r) { r.message = text; });
    });
}

template <typename Change>
void RuleEditor::edit(const QString &what, Change change)
{
    const qsizetype index = m_tracker.index();
    if (m_refreshing || index < 0)
        return;
    Rule rule = m_document.project().rules.at(index);
    change(rule);
    if (rule != m_document.project().rules.at(index))
        ProjectEdits(m_document).replaceRule(index, rule, what);
}

void RuleEditor::showRule(qsizetype index)
{
    m_tracker.track(index, ruleNames(m_document.project()));
    refresh();
}

void RuleEditor::refresh()
{
    m_tracker.update(ruleNames(m_document.project()));
    const qsizetype index = m_tracker.index();
    if (index < 0) {
        showGone();
        return;
    }
    const Rule &rule = m_document.project().rules.at(index);
    m_refreshing = true;
    m_pages->showForm();
    m_title->setText(tr("Rule %1").arg(rule.name));
    fillChoices();
    setText(m_name, rule.name);
    setText(m_table, rule.table);
    setText(m_columns, rule.column);
    m_kind->setCurrentIndex(m_kind->findData(int(rule.kind)));
    m_severity->setCurrentIndex(m_severity->findData(int(rule.severity)));
    setText(m_pattern, rule.pattern);
    setText(m_minimum, rule.minimum);
    setText(m_maximum, rule.maximum);
    if (m_allowed->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts) != rule.allowed)
        m_allowed->setPlainText(rule.allowed.join(QLatin1Char('\n')));
    setText(m_reference, rule.reference);
    setText(m_expression, rule.expression);
    setText(m_message, rule.message);
    showFields(rule.kind);
    const QRegularExpression regex(rule.pattern);
    m_patternProblem->setText(
        regex.isValid() ? QString()
                        : tr("Not a valid regular expression: %1").arg(regex.errorString()));
    m_form->setRowVisible(m_patternProblem, rule.kind == Rule::Kind::Pattern && !regex.isValid());
    m_refreshing = false;
}

// The project's target tables, and "table.column" for references.
void RuleEditor::fillChoices()
{
    QStringList tables;
    QStringList references;
    for (const TableMapping &mapping : m_document.project().mappings) {
        if (!tables.contains(mapping.target))
            tables.append(mapping.target);
        for (const ColumnMapping &column : mapping.columns)
            references.append(mapping.target + QLatin1Char('.') + column.target);
    }
    for (const TableInfo &table : m_document.project().targetTables) {
        if (!tables.contains(table.name))
            tables.append(table.name);
        for (const ColumnInfo &column : table.columns)
            if (const QString ref = table.name + QLatin1Char('.') + column.name;
                !references.contains(ref))
                references.append(ref);
    }
    tables.sort(Qt::CaseInsensitive);
    references.sort(Qt::CaseInsensitive);
    auto fill = [](QComboBox *combo, const QStringList &items) {
        QStringList now;
        for (int i = 0; i < combo->count(); ++i)
            now.append(combo->itemText(i));
        if (now == items)
            return;
        const QString text = combo->currentText();
        combo->clear();
        combo->addItems(items);
        combo->setCurrentText(text);
    };
    fill(m_table, tables);
    fill(m_reference, references);
}

void RuleEditor::showFields(Rule::Kind kind)
{
    m_form->setRowVisible(m_pattern, kind == Rule::Kind::Pattern);
    m_form->setRowVisible(m_minimum, kind == Rule::Kind::Range);
    m_form->setRowVisible(m_maximum, kind == Rule::Kind::Range);
    m_form->setRowVisible(m_allowed, kind == Rule::Kind::AllowedValues);
    m_form->setRowVisible(m_reference, kind == Rule::Kind::ReferenceExists);
    m_form->setRowVisible(m_expression, kind == Rule::Kind::Expression);
    for (const KindText &text : kKinds)
        if (text.kind == kind)
            m_kindHint->setText(tr(text.hint));
}

bool RuleEditor::isFieldShown(QWidget *field) const
{
    return !field->isHidden();
}

void RuleEditor::showGone()
{
    m_pages->showGone(tr("rule"), m_tracker.isTracking() ? m_tracker.name() : QString());
}

} // namespace cutover
