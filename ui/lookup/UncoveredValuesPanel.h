#pragma once

#include "source/ValueCounter.h"

#include <QGroupBox>
#include <QList>
#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace cutover {

class LookupEntriesModel;
class PasswordProvider;
class ProjectDocument;

// "Find values not covered" of the lookup editor: the user picks a source table and column (the
// columns that expressions look up in this map are suggested), the distinct values are read off
// the GUI thread (ValueCounter), and the values the map lacks are listed with their row counts,
// ticked; one click adds the ticked ones as new keys in one undo step.
class UncoveredValuesPanel : public QGroupBox
{
    Q_OBJECT

public:
    UncoveredValuesPanel(ProjectDocument &document, LookupEntriesModel &entries,
                         QWidget *parent = nullptr);
    ~UncoveredValuesPanel() override;

    // passwords must outlive the panel and any search still running.
    void setPasswordProvider(const PasswordProvider *passwords) { m_passwords = passwords; }
    // Fills the table and column choices again from the project and the shown map.
    void reset();
    void setSource(const QString &table, const QString &column);
    // Reads the values of the chosen column off the GUI thread; searchFinished() follows.
    void find();
    // Adds the ticked values as keys with an empty value, in one undo step.
    void addTicked();
    // The values listed now (not covered by the map), most frequent first.
    QStringList listedValues() const;

Q_SIGNALS:
    void searchFinished();

private:
    struct Found
    {
        quint64 generation = 0;
        QString table;
        QString column;
        QList<ValueCounter::Count> counts;
        QString error;
    };

    void buildLayout();
    void fillColumns();
    void showFound(const Found &found);
    void showUncovered();
    void updateAddButton();
    static Found search(Project project, Found request, const PasswordProvider *passwords,
                        std::shared_ptr<std::atomic<bool>> cancelled);

    ProjectDocument &m_document;
    LookupEntriesModel &m_entries;
    const PasswordProvider *m_passwords = nullptr;
    QComboBox *m_table = nullptr;
    QComboBox *m_column = nullptr;
    QPushButton *m_find = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_values = nullptr;
    QPushButton *m_add = nullptr;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    Found m_found; // the last search's result
};

} // namespace cutover
