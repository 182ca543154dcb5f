#include "editor/TransformEditor.h"

#include "ColumnMappingModel.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "editor/ExpressionCheckRunner.h"
#include "editor/ExpressionEditor.h"
#include "editor/ExpressionLexer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

TransformEditor::TransformEditor(ProjectDocument &document, ColumnMappingModel &columns,
                                 QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_columns(columns)
    , m_heading(new QLabel(this))
    , m_info(new QLabel(this))
    , m_editor(new ExpressionEditor(this))
    , m_check(new QLabel(this))
    , m_checks(new ExpressionCheckRunner(this))
{
    setObjectName(QStringLiteral("transformEditor"));
    m_heading->setObjectName(QStringLiteral("transformHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_info->setObjectName(QStringLiteral("transformInfo"));
    m_info->setWordWrap(true);
    m_check->setObjectName(QStringLiteral("transformCheck"));
    m_check->setWordWrap(true);
    m_check->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editor->setMinimumHeight(60);
    auto *functions = new QToolButton(this);
    functions->setObjectName(QStringLiteral("showFunctions"));
    functions->setText(tr("Functions\u2026"));
    functions->setToolTip(tr("The functions an expression can call, searchable; double-click one "
                             "to insert it here"));
    functions->setAutoRaise(true);
    connect(functions, &QToolButton::clicked, this, &TransformEditor::functionReferenceWanted);
    auto *top = new QHBoxLayout;
    top->addWidget(m_heading);
    top->addWidget(m_info, 1);
    top->addWidget(functions);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_check);

    connect(m_editor, &QsciScintilla::textChanged, this, &TransformEditor::commit);
    connect(m_checks, &ExpressionCheckRunner::checked, this, &TransformEditor::showCheck);
    connect(&m_columns, &QAbstractItemModel::modelReset, this, [this] {
        // another table mapping; new schemas keep the column
        if (m_columns.mapping() != m_mapping) {
            rememberCursor();
            m_column.clear();
            m_reads.clear();
            announceReads();
            Q_EMIT columnChanged(m_column);
        }
        m_mapping = m_columns.mapping();
        load();
    });
    connect(&m_columns, &QAbstractItemModel::dataChanged, this, [this] {
        load(); // an undo, or an edit in the table, of the column shown
        refreshInfo();
    });
    m_mapping = m_columns.mapping();
    load();
}

QStringList TransformEditor::sourceColumns() const
{
    QStringList names;
    if (const TableInfo *table = m_columns.sourceTable())
        for (const ColumnInfo &column : table->columns)
            names.append(column.name);
    return names;
}

void TransformEditor::setColumn(const QString &targetColumn)
{
    if (targetColumn == m_column)
        return;
    rememberCursor();
    m_column = targetColumn;
    m_editor->clearError();
    m_check->clear();
    m_reads.clear();
    announceReads();
    load();
    restoreCursor();
    Q_EMIT columnChanged(m_column);
    if (!m_column.isEmpty())
        m_checks->request(sourceColumns(), m_editor->expression());
}

QString TransformEditor::cursorKey() const
{
    return QString::number(m_mapping) + QLatin1Char('/') + m_column;
}

void TransformEditor::rememberCursor()
{
    if (m_column.isEmpty())
        return;
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    m_cursors.insert(cursorKey(), {line, index});
}

// Back in a column, the cursor is where it was left; in a new one, at the end of the text.
void TransformEditor::restoreCursor()
{
    if (m_column.isEmpty())
        return;
    const int last = qMax(0, m_editor->lines() - 1);
    const auto [line, index] = m_cursors.value(cursorKey(), {last, m_editor->lineLength(last)});
    m_editor->setCursorPosition(line, index);
}

void TransformEditor::refreshWords()
{
    QStringList lookups;
    for (const LookupMap &lookup : m_document.project().lookups)
        lookups.append(lookup.name);
    m_editor->expressionLexer()->setWords(sourceColumns(), lookups);
}

void TransformEditor::load()
{
    const bool has = !m_column.isEmpty() && m_columns.rowOf(m_column) >= 0;
    m_editor->setEnabled(has);
    m_heading->setText(has ? QStringLiteral("%1 =").arg(m_column)
                           : tr("Choose a target column to edit its expression"));
    const QString expression = has ? m_columns.expression(m_column) : QString();
    if (expression != m_editor->expression()) {
        m_loading = true;
        m_editor->setExpression(expression);
        m_loading = false;
        if (has)
            m_checks->request(sourceColumns(), expression);
    }
    refreshWords();
    refreshInfo();
}

// The column's type and state in words, as the table's Type and Status cells say them.
void TransformEditor::refreshInfo()
{
    const int row = m_column.isEmpty() ? -1 : m_columns.rowOf(m_column);
    if (row < 0) {
        m_info->clear();
        return;
    }
    const QString type = m_columns.index(row, ColumnMappingModel::TypeColumn).data().toString();
    const QString status = m_columns.index(row, ColumnMappingModel::StatusColumn).data().toString();
    m_info->setText(tr("target type %1 \u00b7 %2").arg(type, status));
}

void TransformEditor::commit()
{
    if (m_loading || m_column.isEmpty())
        return;
    const qsizetype mapping = m_columns.mapping();
    const QString text = m_editor->expression();
    m_checks->request(sourceColumns(), text);
    if (mapping < 0 || text == m_columns.expression(m_column))
        return;
    const TableMapping &m = m_document.project().mappings.at(mapping);
    if (m.column(m_column)) {
        ProjectEdits(m_document).setExpression(mapping, m_column, text);
        return;
    }
    ColumnMapping column;
    column.target = m_column;
    column.expression = text;
    ProjectEdits(m_document).mapColumn(mapping, column);
}

void TransformEditor::showCheck(const QString &expression,
                                const ExpressionChecker::Outcome &outcome)
{
    if (expression != m_editor->expression())
        return; // the text moved on: a newer check is coming
    if (expression.trimmed().isEmpty()) {
        m_editor->clearError();
        m_check->setText(tr("Not mapped: type an expression, or drag a source column on the "
                            "canvas."));
    } else if (!outcome.ok) {
        m_editor->showError(outcome.offset, outcome.message);
        m_check->setText(tr("\u2717 %1").arg(outcome.message));
    } else {
        m_editor->clearError();
        m_check->setText(outcome.columnsRead.isEmpty()
                             ? tr("\u2713 compiles; reads no source column")
                             : tr("\u2713 compiles; reads %1")
                                   .arg(outcome.columnsRead.join(QStringLiteral(", "))));
        m_columns.assumeLineage(m_column, outcome.columnsRead);
        m_reads = outcome.columnsRead;
        announceReads();
    }
    Q_EMIT checked(outcome);
}

void TransformEditor::announceReads()
{
    const TableInfo *source = m_columns.sourceTable();
    if (m_column.isEmpty() || !source)
        Q_EMIT sourceColumnsRead({}, {}, {});
    else
        Q_EMIT sourceColumnsRead(source->name, m_reads, m_column);
}

bool TransformEditor::insertFunction(const QString &function)
{
    if (!m_editor->isEnabled())
        return false;
    m_editor->insertCall(function);
    return true;
}

QString TransformEditor::checkText() const
{
    return m_check->text();
}

} // namespace cutover
