#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace cutover {

class DatabaseSchema;
class Error;

// One side of the introspection page: what was read (tables with their column and row counts)
// or, when reading failed, the error in words.
class SchemaSummary : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaSummary(QWidget *parent = nullptr);

    void clear(const QString &text);
    void showSchema(const DatabaseSchema &schema, bool isNewFile);
    void showError(const Error &error);
    QString text() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    QLabel *m_label = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace cutover
