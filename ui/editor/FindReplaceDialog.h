#pragma once

#include "ExpressionSearch.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace cutover {

class ProjectDocument;

// Find and replace across every expression of the project (ExpressionSearch): the matches as a
// list, refreshed as you type and, while the dialog is shown, after each edit of the project;
// Replace changes the chosen match, Replace All every one, each as one undoable edit of the
// document. A double-click on a match asks for its place to be shown.
class FindReplaceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FindReplaceDialog(ProjectDocument &document, QWidget *parent = nullptr);

    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    void setOptions(const ExpressionSearch::Options &options);
    const QList<ExpressionSearch::Match> &matches() const { return m_matches; }
    QString summaryText() const;
    QTreeWidget *list() const { return m_list; }
    QLineEdit *findEdit() const { return m_find; }
    // Replaces the chosen match, or every match; false when there was nothing to replace.
    bool replaceChosen();
    bool replaceAll();

Q_SIGNALS:
    void matchChosen(const cutover::ExpressionSearch::Match &match);

protected:
    void showEvent(QShowEvent *event) override;

private:
    ExpressionSearch search() const;
    void refresh();
    void fillList();
    QString summary(const ExpressionSearch &finder) const;
    void chooseCurrent();

    ProjectDocument &m_document;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regex;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_replaceOne;
    QPushButton *m_replaceAll;
    QList<ExpressionSearch::Match> m_matches;
};

} // namespace cutover
