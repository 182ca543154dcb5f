#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace cutover {

class Project;
struct Problem;

// The project's table mappings, "source -> target", each opening to its column mappings and
// their expressions. It holds the middle of the window until the mapping canvas replaces it.
class MappingsPane : public QWidget
{
    Q_OBJECT

public:
    explicit MappingsPane(QWidget *parent = nullptr);

    // Lists the project's mappings; a mapping or column with problems (found by their JSON path,
    // "mappings[N]...") is marked with the worst one's severity.
    void setProject(const Project &project, const QList<Problem> &problems = {});
    // Empties the list and shows message (by default: how to open a project) in its place.
    void clear(const QString &message = {});
    // Selects the table mapping at position index in the project (from a "mappings[N]" path).
    bool selectMapping(int index);

    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    // A table mapping (column empty) or one of its column mappings was activated.
    void mappingActivated(const QString &sourceTable, const QString &targetTable,
                          const QString &targetColumn);

private:
    void activateItem(QTreeWidgetItem *item, int column);

    QTreeWidget *m_tree = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace cutover
