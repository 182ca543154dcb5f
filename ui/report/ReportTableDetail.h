#pragma once

#include "ReportRowsModel.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace cutover {

class ReportFindingsModel;
class ReportProfilesModel;

// One table of a reconciliation report, in tabs: its summary (verdict and reasons, counts, the
// row ledger, data quality, notes), its differences (missing, extra and modified rows with their
// values before and after, the differing columns marked), its columns (comparison rules and both
// sides' profiles, differences marked), its findings (duplicates, orphaned references, rule
// violations) and its random sample compared field by field. A tab's title counts what it lists.
class ReportTableDetail : public QWidget
{
    Q_OBJECT

public:
    enum Tab
    {
        SummaryTab,
        DifferencesTab,
        ColumnsTab,
        FindingsTab,
        SampleTab
    };

    explicit ReportTableDetail(QWidget *parent = nullptr);

    // Shows the table of report (nothing for a name the report does not hold).
    void setTable(const ReconcileReport &report, const ReportComparison &comparison,
                  const QString &table);
    void clear();
    QString table() const { return m_table; }

    // Opens the Differences tab on the first row of that kind, its columns unfolded; false when
    // the table lists none.
    bool showDifference(ReportRowsModel::Kind kind);
    void showTab(Tab tab);
    Tab currentTab() const;

    ReportRowsModel *differencesModel() const { return m_differences; }
    ReportRowsModel *sampleModel() const { return m_sample; }
    ReportProfilesModel *profilesModel() const { return m_profiles; }
    ReportFindingsModel *findingsModel() const { return m_findings; }
    QTreeView *differencesView() const { return m_differencesView; }
    QTextBrowser *summaryView() const { return m_summary; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QWidget *page(QLabel *caption, QWidget *view);
    void updateCaptions(const TableReconciliation &table);
    void fitColumns();

    QString m_table;
    ReportRowsModel *m_differences = nullptr;
    ReportRowsModel *m_sample = nullptr;
    ReportProfilesModel *m_profiles = nullptr;
    ReportFindingsModel *m_findings = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_summary = nullptr;
    QTreeView *m_differencesView = nullptr;
    QTreeView *m_sampleView = nullptr;
    QTableView *m_profilesView = nullptr;
    QTableView *m_findingsView = nullptr;
    QLabel *m_differencesCaption = nullptr;
    QLabel *m_sampleCaption = nullptr;
    QLabel *m_profilesCaption = nullptr;
    QLabel *m_findingsCaption = nullptr;
};

} // namespace cutover
