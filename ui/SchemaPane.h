#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace cutover {

class DatabaseSchema;
class ElidedLabel;
class SchemaTreeModel;

// One side of the workbench: a title with the connection's name and display name (never a
// password), a filter field and the schema tree. The filter keeps a table when its name or one
// of its columns (or keys) matches, and opens the tables that matched through a child.
class SchemaPane : public QWidget
{
    Q_OBJECT

public:
    // role is the caption, e.g. "Source" or "Target".
    explicit SchemaPane(const QString &role, QWidget *parent = nullptr);

    void setConnection(const QString &connectionName, const QString &displayName);
    void setSchema(const DatabaseSchema &schema);
    // Shows why the schema is missing (cannot connect, bad URL) above the empty tree.
    void setUnavailable(const QString &reason);
    void clear();
    // Why the schema is missing, as shown above the tree; empty while there is a schema.
    QString unavailableReason() const;

    // Selects, reveals and focuses a table, or one of its columns; clears a filter that hides it.
    // False when the schema has no such table.
    bool select(const QString &table, const QString &column = {});

    // Marks the columns of a table that the expression being edited reads (readBy: its target
    // column), opening the table and scrolling them into view when they change; an empty table
    // clears the marks. Selection and focus stay where they are.
    void highlightColumns(const QString &table, const QStringList &columns,
                          const QString &readBy = {});

    void setFilterText(const QString &text);
    QString filterText() const;

    SchemaTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    QString connectionName() const { return m_connectionName; }

private:
    void applyFilter(const QString &text);
    void updateSummary();
    void fitColumns();

    SchemaTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_summary = nullptr;
    ElidedLabel *m_location = nullptr;
    QLabel *m_banner = nullptr;
    QString m_connectionName;
};

} // namespace cutover
