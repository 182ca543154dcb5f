#pragma once

#include "validate/Problem.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace cutover {

class ProblemListModel;

// The problems of the last check: a one-line summary ("3 errors, 5 warnings") with coloured
// counts, and the list. Activating a row (double-click, Enter) reports the problem.
class ProblemsPane : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPane(QWidget *parent = nullptr);

    void setProblems(const QList<Problem> &problems);
    void clear();

    ProblemListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QString summaryText() const;

Q_SIGNALS:
    void problemActivated(const cutover::Problem &problem);

private:
    void activateRow(const QModelIndex &index);
    void updateSummary();

    ProblemListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace cutover
