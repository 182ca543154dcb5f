#pragma once

#include "ReportExport.h"
#include "ReportRowsModel.h"
#include "ReportService.h"
#include "core/Error.h"
#include "project/Project.h"
#include "reconcile/ReconcileOptions.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace cutover {

class PasswordProvider;
class ReportComparisonPane;
class ReportExportActions;
class ReportHeader;
class ReportTableDetail;
class ReportTablesModel;

// The reconciliation report viewer: the verdict and totals on top; the tables of the report,
// each coloured Pass / Needs review / Fail (with an icon shape and the word, for colour-blind
// readers); and under them the chosen table's summary, differences (missing, extra and modified
// rows, values before and after, the differing columns marked), column profiles of both sides,
// findings (duplicates, orphans, rule violations) and random sample. Values of sensitive columns
// stay masked as the engine masked them. A second tab compares the report with an earlier one
// (new and resolved differences per table). Export to HTML, PDF, JSON and Markdown with the
// engine's writers, and print. The differing rows can be filtered by kind; a double-click on a
// differing row or on a table (or "Open Mapping") asks for the table's mapping.
//
// Use:
//  - setReport(report[, earlier]): show a report in hand (e.g. from RunController's end).
//  - loadReport(project[, id]): read a stored report (default: the newest) from the project's
//    target, with the report before it to compare with; async, reportShown or loadFailed.
//  - reconcile(project[, options]): reconcile the project's target now (the run monitor's
//    Reconcile button); async, progress by reconcileProgressed, then reportShown (the report is
//    stored with its run, like `cutover-cli reconcile`) or loadFailed. Cancel with cancel().
//  - For a screenshot: showWorstTable() picks the first failing table and its first modified
//    (else missing) row; showTable(name) and showDifference(kind) go to one.
// Results of a request made stale by a newer one are dropped.
class ReportViewer : public QWidget
{
    Q_OBJECT

public:
    explicit ReportViewer(QWidget *parent = nullptr);
    ~ReportViewer() override;

    // For the target's password; must outlive the viewer's requests.
    void setPasswordProvider(const PasswordProvider *passwords);

    // Shows report, compared with earlier when given (the project's previous report).
    void setReport(const ReconcileReport &report,
                   const std::optional<ReconcileReport> &earlier = std::nullopt);
    // Compares the shown report with another (none: no comparison).
    void setEarlier(const std::optional<ReconcileReport> &earlier);
    void clear();

    // The project the Reconcile button reconciles and whose stored reports the comparison reads
    // (loadReport and reconcile set it too).
    void setProject(const Project &project);
    // The project's stored reports, newest first (e.g. ProjectHistory's snapshot), for the box
    // that picks the earlier report to compare with; loadReport and reconcile refresh them.
    void setStoredReports(const QList<StoredReport> &stored);

    // Reads a stored report of project: the report whose id is reportId or starts with it, or
    // the newest without one. Remembers the project for comparisons and Reconcile.
    void loadReport(const Project &project, const QString &reportId = {});
    // Reconciles project's target now and shows the new report. Remembers the project.
    void reconcile(const Project &project, const ReconcileOptions &options = {});
    // Where reconciliations are recorded: the audit trail of the project file at projectPath.
    void setAuditProject(const QString &projectPath);
    // Compares the shown report with the stored report reportId of the remembered project.
    void compareWith(const QString &reportId);
    // Cancels a load or reconciliation under way.
    void cancel();
    bool isBusy() const;

    bool hasReport() const { return m_report.has_value(); }
    const ReconcileReport *report() const { return m_report ? &*m_report : nullptr; }
    const ReportComparison &comparison() const { return m_comparison; }
    QString shownTable() const;

    // Selects a table of the report and shows its detail; false when the report has none.
    bool showTable(const QString &table);
    // Shows the first listed row of a kind in the shown table's differences.
    bool showDifference(ReportRowsModel::Kind kind);
    // Selects the first table of the worst status and, when it has one, its first modified
    // (else missing, else extra) row; for a screenshot or a first look.
    void showWorstTable();
    // Shows the comparison with the earlier report (true) or the tables (false).
    void showComparison(bool comparison);

    // Writes the shown report (compared with the earlier one) to file: reportExported or
    // exportFailed.
    void exportReport(const QString &file, ReportExport::Format format);
    // Asks for the mapping of a table of the report, at its first differing column.
    void openTableMapping(const QString &table);

    ReportHeader *header() const { return m_header; }
    ReportTablesModel *tablesModel() const { return m_tablesModel; }
    QTableView *tablesView() const { return m_tablesView; }
    ReportTableDetail *detail() const { return m_detail; }
    ReportComparisonPane *comparisonPane() const { return m_comparisonPane; }
    ReportExportActions *exportActions() const { return m_export; }
    QAction *openTableMappingAction() const { return m_openTableMapping; }
    QString statusText() const;

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    // A report is shown (set, loaded or reconciled).
    void reportShown(const QString &reportId);
    void loadFailed(const cutover::Error &error);
    void reconcileProgressed(const QString &text);
    void tableShown(const QString &table);
    void reportExported(const QString &file);
    void exportFailed(const cutover::Error &error);
    void busyChanged(bool busy);
    // Open the transform editor on the mapping of targetTable, at targetColumn (empty when no
    // differing column is known), with the preview filtered to the row's source key (the
    // ledger's JSON; empty for a table or a row without one): QuarantineBrowser's jump.
    void mappingJumpRequested(const QString &targetTable, const QString &targetColumn,
                              const QString &sourceKey);

private:
    QWidget *createToolBar();
    QWidget *createTables();
    QWidget *createPlaceholder();
    // Gives the tables as much height as they need, at most 45%; the rest to the detail.
    void fitSplit();
    void showLoaded(const ReportService::Loaded &loaded);
    void showEarlier(const ReconcileReport &earlier);
    void fail(const Error &error);
    void refresh();
    void updateButtons();
    void setStatus(const QString &text, bool error = false);
    void tableSelected();

    ReportService *m_service = nullptr;
    std::optional<Project> m_project;
    std::optional<ReconcileReport> m_report;
    ReportComparison m_comparison;
    QList<StoredReport> m_stored;
    ReportHeader *m_header = nullptr;
    ReportTablesModel *m_tablesModel = nullptr;
    QTableView *m_tablesView = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_body = nullptr;
    QSplitter *m_split = nullptr;
    QLabel *m_placeholder = nullptr;
    ReportTableDetail *m_detail = nullptr;
    ReportComparisonPane *m_comparisonPane = nullptr;
    ReportExportActions *m_export = nullptr;
    QToolButton *m_reconcileButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_exportButton = nullptr;
    QToolButton *m_printButton = nullptr;
    QAction *m_openTableMapping = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cutover
