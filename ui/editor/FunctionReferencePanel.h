#pragma once

#include <QWidget>

class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTextBrowser;
class QTreeView;

namespace cutover {

class FunctionReferenceModel;

// The functions an expression can call, searchable (name, description and example), with the
// chosen one's signature, description and example below the list. A double-click or Enter asks
// for the function to be inserted into the expression being edited.
class FunctionReferencePanel : public QWidget
{
    Q_OBJECT

public:
    explicit FunctionReferencePanel(QWidget *parent = nullptr);

    // Focuses the search field, its text selected.
    void focusSearch();
    void setSearchText(const QString &text);
    // The functions shown after the search, by name, in order.
    QStringList shownFunctions() const;
    // Chooses a function in the list, clearing a search that hides it; false when unknown.
    bool choose(const QString &name);
    QString chosenFunction() const;
    QString detailsText() const;

    QLineEdit *searchEdit() const { return m_search; }
    QTreeView *list() const { return m_list; }
    FunctionReferenceModel *model() const { return m_model; }

Q_SIGNALS:
    // Insert a call of the function (its name) at the editor's cursor.
    void insertRequested(const QString &function);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search(const QString &text);
    void showDetails(const QModelIndex &current);
    void requestInsert(const QModelIndex &index);

    FunctionReferenceModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTreeView *m_list;
    QTextBrowser *m_details;
};

} // namespace cutover
