#pragma once

#include "project/Project.h"
#include "run/ledger/QuarantineFilter.h"
#include "run/ledger/RunRecord.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

namespace cutover {

// The quarantine browser's filters in one row: run (all runs or one, newest first, each with
// its start, mode, status and quarantined rows), table, kind of reason, column and free text.
// filterChanged comes when a choice changes, and for typed text once typing pauses.
class QuarantineFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit QuarantineFilterBar(QWidget *parent = nullptr);

    // The tables and columns to offer come from the project's mappings and the runs' tables;
    // a run chosen before stays chosen if it is still there.
    void setProject(const Project &project);
    void setRuns(const QList<RunRecord> &runs);
    QuarantineFilter filter() const;
    // Chooses the run (empty: all runs) and the table (empty: all tables).
    void selectRun(const QString &runId);
    void selectTable(const QString &table);

    QComboBox *runBox() const { return m_run; }
    QComboBox *tableBox() const { return m_table; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *columnBox() const { return m_column; }
    QLineEdit *searchBox() const { return m_search; }

Q_SIGNALS:
    void filterChanged();

private:
    static QString runText(const RunRecord &run);
    void fillTables();
    void fillColumns();
    void setItems(QComboBox *box, const QString &allText, const QStringList &items);

    Project m_project;
    QList<RunRecord> m_runs;
    QComboBox *m_run;
    QComboBox *m_table;
    QComboBox *m_kind;
    QComboBox *m_column;
    QLineEdit *m_search;
    QTimer *m_typing;
};

} // namespace cutover
