#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cutover {

class ItemEditorPages;

class LookupEntriesModel;
class PasswordProvider;
class ProjectDocument;
class UncoveredValuesPanel;

// Edits one lookup map of the document: its name, its default value and its entries (a
// key/value grid with a row for a new key), imports entries from a CSV file and finds the values
// of a source column the map does not cover. Every change is pushed through ProjectEdits; the
// editor refreshes from the document (undo included) and says so when its map was deleted.
//
//   auto *editor = new LookupEditor(document, this);
//   editor->setPasswordProvider(passwords);
//   editor->showLookup(index); // from the project tree's selection
class LookupEditor : public QWidget
{
    Q_OBJECT

public:
    explicit LookupEditor(ProjectDocument &document, QWidget *parent = nullptr);

    // Shows the lookup map at index of project().lookups; -1 shows none.
    void showLookup(qsizetype index);
    // The shown map's index now (it follows moves and renames), -1 when none or deleted.
    qsizetype lookupIndex() const;
    // For "values not covered" on a server source; must outlive the editor.
    void setPasswordProvider(const PasswordProvider *passwords);

    // Adds or replaces entries from a CSV file (two columns, header optional) in one undo step
    // and says how many were added and replaced; the button asks for the file first.
    void importCsv(const QString &path);

    QTableView *entriesView() const { return m_view; }
    UncoveredValuesPanel *uncoveredPanel() const { return m_uncovered; }
    // The last message shown under the grid (import outcome, refused edit).
    QString statusText() const;

private:
    QWidget *buildForm();
    QWidget *buildEntries();
    void refresh();
    void showGone();
    void commitName();
    void pushDefault(const QString &what);
    void addEntry();
    void removeSelected();
    void chooseCsv();
    void moveTo(const QString &key, int column);
    void showStatus(const QString &text);

    ProjectDocument &m_document;
    LookupEntriesModel *m_model = nullptr;
    ItemEditorPages *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_hasDefault = nullptr;
    QLineEdit *m_default = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_remove = nullptr;
    UncoveredValuesPanel *m_uncovered = nullptr;
    qsizetype m_shownIndex = -2; // the index the panel was last reset for
};

} // namespace cutover
