#pragma once

#include "transform/ExpressionChecker.h"

#include <QHash>
#include <QWidget>

#include <utility>

class QLabel;

namespace cutover {

class ColumnMappingModel;
class ExpressionCheckRunner;
class ExpressionEditor;
class ProjectDocument;

// The transform expression of one target column: the ExpressionEditor, what the column is (its
// type and state, with the check's loss risks) and, as you type, whether the expression compiles
// (an error underlined at the engine's offset) and which source columns it reads, which the
// canvas draws at once. Each change is an edit of the document (a typing burst is one undo
// step); an undo or an edit elsewhere comes back into the editor.
class TransformEditor : public QWidget
{
    Q_OBJECT

public:
    TransformEditor(ProjectDocument &document, ColumnMappingModel &columns,
                    QWidget *parent = nullptr);

    // The target column to edit, of the model's table mapping; empty for none.
    void setColumn(const QString &targetColumn);
    const QString &column() const { return m_column; }
    ExpressionEditor *editor() const { return m_editor; }
    ExpressionCheckRunner *checks() const { return m_checks; }
    QString checkText() const;
    // Inserts a call of function at the cursor (ExpressionEditor::insertCall); false when no
    // column is being edited.
    bool insertFunction(const QString &function);
    // Says sourceColumnsRead again, of the last check (when the editor is shown again).
    void announceReads();

Q_SIGNALS:
    // The source columns the expression of targetColumn reads, of the source table, after each
    // check that compiles; an empty table when no column is being edited.
    void sourceColumnsRead(const QString &table, const QStringList &columns,
                           const QString &targetColumn);
    // Another target column is being edited (empty: none).
    void columnChanged(const QString &targetColumn);
    // The user asked for the function reference (the Functions button).
    void functionReferenceWanted();
    // The newest check of the text in the editor.
    void checked(const cutover::ExpressionChecker::Outcome &outcome);

private:
    void load();
    void refreshWords();
    void refreshInfo();
    void commit();
    void showCheck(const QString &expression, const ExpressionChecker::Outcome &outcome);
    QStringList sourceColumns() const;
    QString cursorKey() const;
    void rememberCursor();
    void restoreCursor();

    ProjectDocument &m_document;
    ColumnMappingModel &m_columns;
    QString m_column;
    qsizetype m_mapping = -1; // the model's, when m_column was chosen
    QLabel *m_heading = nullptr;
    QLabel *m_info = nullptr;
    ExpressionEditor *m_editor = nullptr;
    QLabel *m_check = nullptr;
    ExpressionCheckRunner *m_checks = nullptr;
    bool m_loading = false;
    QStringList m_reads;                           // of the last check that compiled, for m_column
    QHash<QString, std::pair<int, int>> m_cursors; // line and index, by cursorKey()
};

} // namespace cutover
