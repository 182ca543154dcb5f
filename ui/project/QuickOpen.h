#pragma once

#include "validate/ProjectCheck.h"

#include <QDialog>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace cutover {

// Ctrl+K: finds any table or column of either schema, table mapping, mapped column, lookup map,
// rule, phase or connection by typing part of its name, and jumps to it.
class QuickOpen : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        SourceTable,
        SourceColumn,
        TargetTable,
        TargetColumn,
        Mapping,
        MappedColumn,
        Lookup,
        Rule,
        Phase,
        Connection,
    };
    Q_ENUM(Kind)

    struct Target
    {
        Kind kind = Kind::Mapping;
        qsizetype index = -1; // in the project's list, for project items
        QString table;
        QString column;
    };

    explicit QuickOpen(QWidget *parent = nullptr);

    // Fills the list from the project and the schemas of its last check.
    void setContents(const ProjectCheck::Outcome &outcome);
    QLineEdit *searchEdit() const { return m_search; }
    QListView *list() const { return m_list; }
    int matchCount() const;

Q_SIGNALS:
    void chosen(const cutover::QuickOpen::Target &target);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void add(Kind kind, const QString &text, const QString &detail, const Target &target);
    void choose(const QModelIndex &index);

    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QStandardItemModel *m_items = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
};

} // namespace cutover

Q_DECLARE_METATYPE(cutover::QuickOpen::Target)
