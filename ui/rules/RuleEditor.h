#pragma once

#include "NamedItemTracker.h"
#include "project/Rule.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cutover {

class ItemEditorPages;

class ProjectDocument;

// Edits one rule of the document: name, target table, column(s), kind (every kind the engine
// checks) with only the fields that kind uses shown, severity and message. Each field's change is
// pushed as ProjectEdits::replaceRule naming the field, so typing in one field is one undo step.
// The editor refreshes from the document (undo included) and says so when its rule was deleted.
//
//   auto *editor = new RuleEditor(document, this);
//   editor->showRule(index);
class RuleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleEditor(ProjectDocument &document, QWidget *parent = nullptr);

    // Shows the rule at index of project().rules; -1 shows none.
    void showRule(qsizetype index);
    // The shown rule's index now (it follows moves and renames), -1 when none or deleted.
    qsizetype ruleIndex() const { return m_tracker.index(); }

    // For the field a kind uses (pattern, minimum, ...): whether it is shown now.
    bool isFieldShown(QWidget *field) const;

private:
    QWidget *buildForm();
    void connectFields();
    void refresh();
    void fillChoices();
    void showFields(Rule::Kind kind);
    void showGone();
    // Pushes the rule with one field changed, what naming that field.
    template <typename Change>
    void edit(const QString &what, Change change);

    ProjectDocument &m_document;
    NamedItemTracker m_tracker;
    bool m_refreshing = false;
    ItemEditorPages *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_table = nullptr;
    QLineEdit *m_columns = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_pattern = nullptr;
    QLabel *m_patternProblem = nullptr;
    QLineEdit *m_minimum = nullptr;
    QLineEdit *m_maximum = nullptr;
    QPlainTextEdit *m_allowed = nullptr;
    QComboBox *m_reference = nullptr;
    QPlainTextEdit *m_expression = nullptr;
    QLineEdit *m_message = nullptr;
    QLabel *m_kindHint = nullptr;
};

} // namespace cutover
