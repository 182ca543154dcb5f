#pragma once

#include "reconcile/ReconcileReport.h"
#include "reconcile/Reconciler.h"
#include "report/StoredReport.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTextStream>

namespace cutover::cli {

// What `cutover-cli reconcile` and `reports` print for people: progress lines while the
// reconciler works (a line per table and stage, and every few seconds), a short summary per
// table when it is done, and the list of stored reports. Progress is thread-safe.
class ReconcilePrinter
{
public:
    explicit ReconcilePrinter(QTextStream &out);

    void progress(const Reconciler::Progress &progress);
    void notice(const QString &message);
    void summary(const ReconcileReport &report);
    void list(const QString &project, const QString &target, const QList<StoredReport> &reports);

private:
    static QString tableLine(const TableReconciliation &t, int nameWidth);

    QTextStream &m_out;
    QMutex m_mutex;
    QString m_lastTable;
    QString m_lastStage;
    QElapsedTimer m_sinceLine;
};

} // namespace cutover::cli
