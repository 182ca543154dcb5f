#pragma once

#include "core/Error.h"
#include "run/ledger/RunRecord.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace cutover {

class RunTablesModel;

// How a run ended: its status and message, then its row ledger per table (source = loaded +
// quarantined + skipped, balanced or not), with one click to reconcile it or to see the rows
// it quarantined. A run that could not start or failed shows the engine's error instead.
class RunOutcome : public QWidget
{
    Q_OBJECT

public:
    explicit RunOutcome(QWidget *parent = nullptr);

    void showRun(const RunRecord &run);
    void showFailure(const Error &error);
    void clear();

    // The banner's one line: "Run 1a2b3c4d succeeded in 12.4 s; every table's ledger balances."
    static QString summary(const RunRecord &run, bool balances);

    RunTablesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *reconcileButton() const { return m_reconcile; }
    QPushButton *quarantineButton() const { return m_quarantine; }

Q_SIGNALS:
    void reconcileRequested(const QString &runId);
    void quarantineRequested(const QString &runId);

private:
    void showBanner(const QString &text, int icon, const QString &tint);

    RunTablesModel *m_model = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_reconcile = nullptr;
    QPushButton *m_quarantine = nullptr;
    QString m_runId;
};

} // namespace cutover
