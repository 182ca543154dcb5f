#include "project/EditorArea.h"

#include "canvas/MappingCanvas.h"
#include "editor/ExpressionEditor.h"
#include "editor/TransformEditor.h"

#include "MappingsPane.h"
#include "ProjectDocument.h"
#include "RunHistoryModel.h"
#include "RunbookSession.h"
#include "canvas/OverviewCanvas.h"
#include "canvas/OverviewScene.h"
#include "lookup/LookupEditor.h"
#include "mapping/TableMappingEditor.h"
#include "phases/PhaseEditor.h"
#include "preview/PreviewPane.h"
#include "project/SettingsEditor.h"
#include "quarantine/QuarantineBrowser.h"
#include "report/ReportViewer.h"
#include "rules/RuleEditor.h"
#include "run/RunController.h"
#include "run/RunHistoryView.h"
#include "run/RunMonitor.h"
#include "run/RunStartBar.h"
#include "runbook/RunbookRunLink.h"
#include "runbook/RunbookView.h"
#include "source/RowSourceFactory.h"
#include "transform/SourceKey.h"

#include <QTabWidget>
#include <utility>

namespace cutover {

EditorArea::EditorArea(ProjectDocument &document, const PasswordProvider *passwords,
                       QWidget *parent)
    : QStackedWidget(parent)
    , m_document(document)
    , m_overview(new MappingsPane(this))
    , m_overviewCanvas(new OverviewCanvas(document, this))
    , m_mappingEditor(new TableMappingEditor(document, this))
    , m_settings(new SettingsEditor(document, this))
    , m_lookups(new LookupEditor(document, this))
    , m_rules(new RuleEditor(document, this))
    , m_phases(new PhaseEditor(document, this))
    , m_runMonitor(new RunMonitor(document, passwords, this))
    , m_runHistory(new RunHistoryView(document, passwords, this))
    , m_reports(new ReportViewer(this))
    , m_quarantine(new QuarantineBrowser(passwords, this))
    , m_runbookSession(new RunbookSession(document, passwords, this))
    , m_runbook(new RunbookView(document, *m_runbookSession, this))
    , m_runLink(new RunbookRunLink(*m_runbookSession, *m_runMonitor, *m_reports, this))
{
    setObjectName(QStringLiteral("editorArea"));
    auto *overviews = new QTabWidget(this);
    overviews->setObjectName(QStringLiteral("overviews"));
    overviews->addTab(m_overviewCanvas, tr("Canvas"));
    overviews->addTab(m_overview, tr("List"));
    m_overviewPage = overviews;
    connect(m_overviewCanvas->scene(), &OverviewScene::mappingOpened, this,
            &EditorArea::mappingOpened);
    connect(m_overviewCanvas->scene(), &OverviewScene::mappingSelected, this,
            &EditorArea::mappingSelected);
    connect(m_mappingEditor, &TableMappingEditor::backRequested, this, &EditorArea::showOverview);
    connect(m_mappingEditor->transformEditor(), &TransformEditor::functionReferenceWanted, this,
            &EditorArea::functionReferenceWanted);
    connect(m_mappingEditor->transformEditor(), &TransformEditor::sourceColumnsRead, this,
            &EditorArea::sourceColumnsRead);
    connect(this, &QStackedWidget::currentChanged, this, [this] {
        if (currentWidget() == m_mappingEditor)
            m_mappingEditor->transformEditor()->announceReads();
        else
            Q_EMIT sourceColumnsRead({}, {}, {});
    });
    m_lookups->setPasswordProvider(passwords);
    m_mappingEditor->setPasswordProvider(passwords);
    for (QWidget *page : {m_overviewPage, static_cast<QWidget *>(m_mappingEditor),
                          static_cast<QWidget *>(m_settings), static_cast<QWidget *>(m_lookups),
                          static_cast<QWidget *>(m_rules), static_cast<QWidget *>(m_phases),
                          static_cast<QWidget *>(m_runMonitor),
                          static_cast<QWidget *>(m_runHistory), static_cast<QWidget *>(m_reports),
                          static_cast<QWidget *>(m_quarantine), static_cast<QWidget *>(m_runbook)})
        addWidget(page);
    connect(&document, &ProjectDocument::projectReplaced, this, &EditorArea::showOverview);
    connectRuns(passwords);
    connectQuarantine();
    connectRunbook();
}

// The quarantine browser follows the project and its runs; its rows lead to their mapping, and
// its retry starts a run in the monitor.
void EditorArea::connectQuarantine()
{
    m_quarantine->setProject(m_document.project());
    connect(&m_document, &ProjectDocument::projectReplaced, this,
            [this] { m_quarantine->setProject(m_document.project()); });
    connect(m_runMonitor, &RunMonitor::runEnded, m_quarantine, &QuarantineBrowser::refresh);
    connect(m_runMonitor, &RunMonitor::quarantineRequested, this, &EditorArea::showQuarantine);
    connect(m_runHistory, &RunHistoryView::quarantineRequested, this, &EditorArea::showQuarantine);
    connect(m_quarantine, &QuarantineBrowser::mappingJumpRequested, this,
            [this](const QString &, const QString &target, const QString &column,
                   const QString &key) { showQuarantinedRow(target, column, key); });
    connect(m_quarantine, &QuarantineBrowser::retryRequested, this, [this](const QString &table) {
        RunOptions options = m_runMonitor->startBar()->options();
        options.mode = RunMode::Run;
        options.retryQuarantined = true;
        options.tables = {table};
        // The rows retried are the ones that failed: most of them may fail again, and a share
        // of them says nothing of the table; the count limit still holds.
        options.maxErrorRate = -1;
        showRunMonitor();
        m_runMonitor->start(options);
    });
}

// The run monitor and the run history reconcile a run in the report viewer; the viewer
// reconciles and loads reports of the project as it stands.
void EditorArea::connectRuns(const PasswordProvider *passwords)
{
    m_reports->setPasswordProvider(passwords);
    m_reports->setProject(m_document.project());
    auto project = [this] {
        m_reports->setProject(m_document.project());
    };
    connect(&m_document, &ProjectDocument::projectReplaced, this, project);
    connect(&m_document, &ProjectDocument::changed, this, project);
    connect(m_runMonitor, &RunMonitor::reconcileRequested, this, &EditorArea::reconcileRun);
    connect(m_runHistory, &RunHistoryView::reconcileRequested, this, &EditorArea::reconcileRun);
    connect(m_reports, &ReportViewer::reportShown, this, [this] {
        if (std::exchange(m_reconciling, false))
            Q_EMIT reportStored();
    });
    connect(m_reports, &ReportViewer::loadFailed, this, [this] { m_reconciling = false; });
    // a differing row leads to its mapping as a quarantined row does
    connect(m_reports, &ReportViewer::mappingJumpRequested, this, &EditorArea::showQuarantinedRow);
}

void EditorArea::showMatch(const ExpressionSearch::Match &match)
{
    using Place = ExpressionSearch::Place;
    if (match.place == Place::Rule) {
        show(ProjectTreeModel::Kind::Rule, match.item);
        return;
    }
    show(ProjectTreeModel::Kind::Mapping, match.item);
    if (match.place == Place::Filter || match.place == Place::Query) {
        m_mappingEditor->showSettings(true);
        return;
    }
    const auto &columns = m_document.project().mappings.value(match.item).columns;
    const QString column = columns.value(match.column).target;
    m_mappingEditor->canvas()->showColumn(column);
    TransformEditor *transform = m_mappingEditor->transformEditor();
    transform->setColumn(column);
    transform->editor()->setFocus();
    transform->editor()->selectCharacters(int(match.start), int(match.length));
}

QString EditorArea::expressionWordAtCursor() const
{
    if (currentWidget() != m_mappingEditor)
        return {};
    return m_mappingEditor->transformEditor()->editor()->wordBeforeCursor();
}

bool EditorArea::insertFunction(const QString &function)
{
    return currentWidget() == m_mappingEditor &&
           m_mappingEditor->transformEditor()->insertFunction(function);
}

void EditorArea::show(ProjectTreeModel::Kind kind, qsizetype index)
{
    using Kind = ProjectTreeModel::Kind;
    switch (kind) {
    case Kind::Mapping:
        m_mappingEditor->showMapping(index);
        setCurrentWidget(m_mappingEditor);
        return;
    case Kind::Settings:
        setCurrentWidget(m_settings);
        return;
    case Kind::Lookup:
        m_lookups->showLookup(index);
        setCurrentWidget(m_lookups);
        return;
    case Kind::Rule:
        m_rules->showRule(index);
        setCurrentWidget(m_rules);
        return;
    case Kind::Phase:
        m_phases->showPhase(index);
        setCurrentWidget(m_phases);
        return;
    case Kind::Report:
        if (index >= 0 && index < m_storedReports.size())
            m_reports->loadReport(m_document.project(), m_storedReports.at(index).reportId);
        setCurrentWidget(m_reports);
        return;
    case Kind::RunbookStep:
        showRunbook(m_document.project().runbook.steps.value(index).id);
        return;
    case Kind::Run:
        if (const RunRecord *run = m_runHistory->model()->run(int(index)))
            showRunHistory({run->runId});
        else
            showRunHistory();
        return;
    default:
        showOverview();
        return;
    }
}

void EditorArea::showOverview()
{
    const bool fromEditor = currentWidget() == m_mappingEditor;
    setCurrentWidget(m_overviewPage);
    if (fromEditor) // back up from a table mapping: its line is the one selected
        m_overviewCanvas->showMapping(m_mappingEditor->mapping());
}

void EditorArea::showRunMonitor()
{
    setCurrentWidget(m_runMonitor);
}

void EditorArea::showRunHistory(const QStringList &runIds)
{
    if (!runIds.isEmpty())
        m_runHistory->selectRuns(runIds);
    setCurrentWidget(m_runHistory);
}

void EditorArea::reconcileRun(const QString &runId)
{
    ReconcileOptions options;
    options.runId = runId;
    m_reconciling = true;
    m_reports->setAuditProject(m_document.filePath());
    m_reports->reconcile(m_document.project(), options);
    setCurrentWidget(m_reports);
}

void EditorArea::showRunbook(const QString &stepId)
{
    if (!stepId.isEmpty())
        m_runbook->selectStep(stepId);
    setCurrentWidget(m_runbook);
}

// The runbook's automated steps run in the monitor and the report viewer; its evidence opens
// there too.
void EditorArea::connectRunbook()
{
    connect(m_runbook, &RunbookView::runStepRequested, this,
            [this](const QString &stepId, const RunOptions &options) {
                showRunMonitor();
                m_runLink->run(stepId, options);
            });
    connect(m_runbook, &RunbookView::reconcileStepRequested, this, [this](const QString &stepId) {
        m_runLink->expectReport(stepId);
        reconcileRun({});
    });
    connect(m_runbook, &RunbookView::openRunRequested, this,
            [this](const QString &runId) { showRunHistory({runId}); });
    connect(m_runbook, &RunbookView::openReportRequested, this, [this](const QString &reportId) {
        m_reports->loadReport(m_document.project(), reportId);
        setCurrentWidget(m_reports);
    });
    connect(this, &EditorArea::reportStored, m_runbookSession, &RunbookSession::refresh);
    RunController *runs = m_runMonitor->controller();
    connect(runs, &RunController::progress, m_runbook, &RunbookView::showRunProgress);
    connect(runs, &RunController::finished, m_runbook, &RunbookView::clearRunProgress);
    connect(runs, &RunController::failed, m_runbook, &RunbookView::clearRunProgress);
}

void EditorArea::showQuarantine(const QString &runId)
{
    m_quarantine->setProject(m_document.project());
    m_quarantine->showRun(runId);
    setCurrentWidget(m_quarantine);
}

QString EditorArea::keyCondition(const TableMapping &mapping, const QString &sourceKey) const
{
    QStringList keys;
    for (const QString &part : mapping.sourceKey.split(QLatin1Char(','), Qt::SkipEmptyParts))
        keys.append(part.trimmed());
    if (keys.isEmpty() && m_haveSchemas)
        if (const TableInfo *table = m_source.table(mapping.source))
            keys = table->primaryKey;
    const QVariantList values = SourceKey::fromJson(sourceKey);
    const auto spec = RowSourceFactory::sourceSpec(m_document.project());
    if (keys.isEmpty() || values.size() != keys.size() || !spec)
        return {};
    return SourceKey::equalsCondition(spec->kind(), keys, values);
}

void EditorArea::showQuarantinedRow(const QString &targetTable, const QString &targetColumn,
                                    const QString &sourceKey)
{
    const auto &mappings = m_document.project().mappings;
    qsizetype index = -1;
    for (qsizetype i = 0; i < mappings.size(); ++i)
        if (mappings.at(i).target == targetTable)
            index = i;
    if (index < 0)
        return;
    show(ProjectTreeModel::Kind::Mapping, index);
    Q_EMIT mappingOpened(index);
    if (!targetColumn.isEmpty())
        m_mappingEditor->transformEditor()->setColumn(targetColumn);
    m_mappingEditor->showPreview();
    const QString condition = keyCondition(mappings.at(index), sourceKey);
    if (!condition.isEmpty())
        m_mappingEditor->previewPane()->setSample(SampleSpec::matching(condition, 10));
}

void EditorArea::showReportViewer()
{
    setCurrentWidget(m_reports);
}

void EditorArea::setHistory(const QList<RunRecord> &runs, const QList<StoredReport> &reports)
{
    m_runMonitor->setRuns(runs);
    m_runHistory->setRuns(runs);
    m_reports->setStoredReports(reports);
    m_storedReports = reports;
}

void EditorArea::setOutcome(const ProjectCheck::Outcome &outcome)
{
    m_overview->setProject(outcome.project, outcome.problems);
    m_overviewCanvas->scene()->setOutcome(outcome);
    if (!m_haveSchemas || outcome.source.tables != m_source.tables ||
        outcome.target.tables != m_target.tables) {
        m_source = outcome.source;
        m_target = outcome.target;
        m_haveSchemas = true;
        m_mappingEditor->setSchemas(m_source, m_target);
    }
    m_mappingEditor->setProblems(outcome.problems);
    m_mappingEditor->setLineage(outcome.lineage);
}

} // namespace cutover
