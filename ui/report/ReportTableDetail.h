#pragma once

#include "ReportRowsFilterModel.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace cutover {

class ReportFindingsModel;
class ReportKindFilter;
class ReportProfilesModel;

// One table of a reconciliation report, in tabs: its summary (verdict and reasons, counts, the
// row ledger, data quality, notes), its differences (missing, extra and modified rows with their
// values before and after, the differing columns marked), its columns (comparison rules and both
// sides' profiles, differences marked), its findings (duplicates, orphaned references, rule
// violations) and its random sample compared field by field. A tab's title counts what it lists.
// The differing rows can be filtered by kind (ReportKindFilter); a double-click on one, its
// "Open Mapping" button or context menu asks for the table's mapping (mappingJumpRequested).
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

    // Opens the Differences tab on the first row of that kind, its columns unfolded (every kind
    // shown again when the filter hid that one); false when the table lists none.
    bool showDifference(ReportRowsModel::Kind kind);
    // Asks for the mapping of the differing row at index of the differences view (a row or one
    // of its columns); the current row without one.
    void openMapping(const QModelIndex &index = {});
    void showTab(Tab tab);
    Tab currentTab() const;

    ReportRowsModel *differencesModel() const { return m_differences; }
    // What the differences view shows: the differences filtered by kind.
    ReportRowsFilterModel *differencesFilter() const { return m_differencesFilter; }
    ReportKindFilter *kindFilter() const { return m_kindFilter; }
    QAction *openMappingAction() const { return m_openMapping; }
    ReportRowsModel *sampleModel() const { return m_sample; }
    ReportProfilesModel *profilesModel() const { return m_profiles; }
    ReportFindingsModel *findingsModel() const { return m_findings; }
    QTreeView *differencesView() const { return m_differencesView; }
    QTextBrowser *summaryView() const { return m_summary; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // Open the transform editor on the mapping of targetTable, at targetColumn (the column
    // chosen, else the row's first differing column; empty when none is known), with the
    // preview filtered to the row's source key (the ledger's JSON; empty when unknown).
    void mappingJumpRequested(const QString &targetTable, const QString &targetColumn,
                              const QString &sourceKey);

private:
    QWidget *page(QLabel *caption, QWidget *view, QWidget *bar = nullptr);
    QWidget *differencesBar();
    void showKind();
    void updateOpenMapping();
    void updateCaptions(const TableReconciliation &table);
    void fitColumns();

    QString m_table;
    ReportRowsModel *m_differences = nullptr;
    ReportRowsFilterModel *m_differencesFilter = nullptr;
    ReportKindFilter *m_kindFilter = nullptr;
    QAction *m_openMapping = nullptr;
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
