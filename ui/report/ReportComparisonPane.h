#pragma once

#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"
#include "report/StoredReport.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace cutover {

class ReportComparisonModel;

// The shown report beside an earlier one: which earlier report (the project's previous one by
// default, or any stored one chosen in the box), then a row per table with the status then and
// now, the counts with their change, and the new and resolved differences.
class ReportComparisonPane : public QWidget
{
    Q_OBJECT

public:
    explicit ReportComparisonPane(QWidget *parent = nullptr);

    void setReports(const ReconcileReport &current, const ReportComparison &comparison);
    // The project's stored reports; the box offers those made before the shown one.
    void setStoredReports(const QList<StoredReport> &stored, const ReconcileReport &current);
    void clear();

    ReportComparisonModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *earlierBox() const { return m_earlier; }
    QString summaryText() const;

Q_SIGNALS:
    // The user chose another stored report to compare with.
    void earlierChosen(const QString &reportId);
    // The user chose a table's row.
    void tableChosen(const QString &table);

private:
    void selectEarlier(const QString &reportId);

    ReportComparisonModel *m_model = nullptr;
    QComboBox *m_earlier = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    bool m_filling = false;
};

} // namespace cutover
