#pragma once

#include "ExpressionSearch.h"
#include "ProjectTreeModel.h"
#include "report/StoredReport.h"
#include "run/ledger/RunRecord.h"
#include "validate/ProjectCheck.h"

#include <QStackedWidget>

namespace cutover {

class LookupEditor;
class MappingsPane;
class OverviewCanvas;
class PasswordProvider;
class PhaseEditor;
class ProjectDocument;
class RuleEditor;
class RunbookRunLink;
class RunbookSession;
class RunbookView;
class QuarantineBrowser;
class ReportViewer;
class RunHistoryView;
class RunMonitor;
class SettingsEditor;
class TableMappingEditor;

// The middle of the workbench: the overview of the table mappings, or the editor of the item
// chosen in the project tree (a table mapping, the settings, and the editors of lookups, rules
// and phases), the run monitor, the run history, the quarantine browser, or a reconciliation
// report, and the runbook.
class EditorArea : public QStackedWidget
{
    Q_OBJECT

public:
    EditorArea(ProjectDocument &document, const PasswordProvider *passwords,
               QWidget *parent = nullptr);

    // Shows the editor of an item; the overview for groups and items without an editor.
    void show(ProjectTreeModel::Kind kind, qsizetype index);
    void showOverview();
    void showRunMonitor();
    // The run history, with these runs chosen (one: its ledger; two: compared).
    void showRunHistory(const QStringList &runIds = {});
    // The report viewer, reconciling a run (its id; empty: the newest) first.
    void reconcileRun(const QString &runId);
    void showReportViewer();
    // The quarantine browser, showing one run's rows (empty: every run's).
    void showQuarantine(const QString &runId = {});
    // The runbook, with this step chosen (empty: as it was).
    void showRunbook(const QString &stepId = {});
    // A quarantined row's mapping: the transform editor on the column that rejected it, and the
    // preview of that row alone (by its source key, the ledger's JSON). A reconciliation
    // report's differing row or table comes here too (ReportViewer::mappingJumpRequested).
    void showQuarantinedRow(const QString &targetTable, const QString &targetColumn,
                            const QString &sourceKey);
    void setOutcome(const ProjectCheck::Outcome &outcome);
    // The project's runs and stored reports, as ProjectHistory read them.
    void setHistory(const QList<RunRecord> &runs, const QList<StoredReport> &reports);
    // Shows where a match of a search lies: the column's expression with the match selected, the
    // mapping with its source filter, or the rule.
    void showMatch(const ExpressionSearch::Match &match);
    // The word before the cursor of the expression being edited; empty when none is.
    QString expressionWordAtCursor() const;
    // Inserts a call of function into the expression being edited; false when none is.
    bool insertFunction(const QString &function);

Q_SIGNALS:
    // The source columns the expression being edited reads (TransformEditor::sourceColumnsRead);
    // an empty table when no expression is being edited.
    void sourceColumnsRead(const QString &table, const QStringList &columns,
                           const QString &targetColumn);
    // The transform editor asked for the function reference.
    void functionReferenceWanted();
    // The user opened a table mapping from the overview (double-click on the canvas).
    void mappingOpened(qsizetype mapping);
    // A reconciliation started here ended with its report stored in the target.
    void reportStored();
    // The user selected a table mapping on the overview (a click on its line or a table).
    void mappingSelected(qsizetype mapping);

public:
    MappingsPane *overview() const { return m_overview; }
    OverviewCanvas *overviewCanvas() const { return m_overviewCanvas; }
    TableMappingEditor *mappingEditor() const { return m_mappingEditor; }
    SettingsEditor *settingsEditor() const { return m_settings; }
    LookupEditor *lookupEditor() const { return m_lookups; }
    RuleEditor *ruleEditor() const { return m_rules; }
    PhaseEditor *phaseEditor() const { return m_phases; }
    RunMonitor *runMonitor() const { return m_runMonitor; }
    RunHistoryView *runHistory() const { return m_runHistory; }
    ReportViewer *reportViewer() const { return m_reports; }
    QuarantineBrowser *quarantine() const { return m_quarantine; }
    RunbookView *runbook() const { return m_runbook; }
    RunbookSession *runbookSession() const { return m_runbookSession; }

private:
    void connectRuns(const PasswordProvider *passwords);
    void connectQuarantine();
    void connectRunbook();
    QString keyCondition(const TableMapping &mapping, const QString &sourceKey) const;

    ProjectDocument &m_document;
    MappingsPane *m_overview = nullptr;
    OverviewCanvas *m_overviewCanvas = nullptr;
    QWidget *m_overviewPage = nullptr;
    TableMappingEditor *m_mappingEditor = nullptr;
    SettingsEditor *m_settings = nullptr;
    LookupEditor *m_lookups = nullptr;
    RuleEditor *m_rules = nullptr;
    PhaseEditor *m_phases = nullptr;
    RunMonitor *m_runMonitor = nullptr;
    RunHistoryView *m_runHistory = nullptr;
    ReportViewer *m_reports = nullptr;
    QuarantineBrowser *m_quarantine = nullptr;
    RunbookSession *m_runbookSession = nullptr;
    RunbookView *m_runbook = nullptr;
    RunbookRunLink *m_runLink = nullptr;
    QList<StoredReport> m_storedReports;
    bool m_reconciling = false;
    bool m_haveSchemas = false;
    DatabaseSchema m_source;
    DatabaseSchema m_target;
};

} // namespace cutover
