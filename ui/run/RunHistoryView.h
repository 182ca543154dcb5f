#pragma once

#include "run/RunRollback.h"
#include "run/ledger/RunRecord.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace cutover {

class PasswordProvider;
class ProjectDocument;
class RunComparisonView;
class RunHistoryModel;
class RunTablesModel;

// The project's runs: start, duration, mode, phase, status, mapping version and counts, newest
// first. One chosen: its row ledger per table, and buttons to roll it back (off the GUI thread,
// with the CLI's refusals and wording, and a second confirmation to force past a refusal that
// allows it), reconcile it, or see its quarantined rows. Two chosen: them side by side.
class RunHistoryView : public QWidget
{
    Q_OBJECT

public:
    RunHistoryView(ProjectDocument &document, const PasswordProvider *passwords,
                   QWidget *parent = nullptr);
    ~RunHistoryView() override;

    void setRuns(const QList<RunRecord> &runs);
    // Chooses runs by id (one: its ledger; two: the comparison).
    void selectRuns(const QStringList &runIds);
    QStringList selectedRunIds() const;

    // Rolls back a run, asking first (and again to force past a refusal) unless confirm is false.
    void rollBack(const QString &runId, bool confirm = true);
    bool isRollingBack() const { return m_rollingBack; }

    RunHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    RunTablesModel *ledger() const { return m_ledger; }
    RunComparisonView *comparison() const { return m_comparison; }
    QStackedWidget *details() const { return m_details; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QPushButton *reconcileButton() const { return m_reconcile; }
    QPushButton *quarantineButton() const { return m_quarantine; }

Q_SIGNALS:
    // The ledger changed (a rollback): the history needs reading again.
    void refreshRequested();
    void reconcileRequested(const QString &runId);
    void quarantineRequested(const QString &runId);
    // A rollback ended: its report's lines, or the refusal or error.
    void rolledBack(const QString &runId, const QStringList &lines);
    void rollbackRefused(const QString &runId, const QString &reason);

private:
    QWidget *createButtons();
    void showSelection();
    void rollBackNow(const QString &runId, bool force);
    void rollbackDone(const QString &runId, bool force, const Result<RunRollback::Report> &result);

    ProjectDocument &m_document;
    const PasswordProvider *m_passwords;
    RunHistoryModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_details = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_runTitle = nullptr;
    RunTablesModel *m_ledger = nullptr;
    QWidget *m_ledgerPage = nullptr;
    RunComparisonView *m_comparison = nullptr;
    QPushButton *m_rollback = nullptr;
    QPushButton *m_reconcile = nullptr;
    QPushButton *m_quarantine = nullptr;
    bool m_rollingBack = false;
    bool m_interactive = true;
};

} // namespace cutover
