#include "project/EditorArea.h"

#include "canvas/MappingCanvas.h"
#include "editor/ExpressionEditor.h"
#include "editor/TransformEditor.h"

#include "MappingsPane.h"
#include "ProjectDocument.h"
#include "canvas/OverviewCanvas.h"
#include "canvas/OverviewScene.h"
#include "lookup/LookupEditor.h"
#include "mapping/TableMappingEditor.h"
#include "phases/PhaseEditor.h"
#include "project/SettingsEditor.h"
#include "rules/RuleEditor.h"
#include "run/RunMonitor.h"

#include <QTabWidget>

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
                          static_cast<QWidget *>(m_runMonitor)})
        addWidget(page);
    connect(&document, &ProjectDocument::projectReplaced, this, &EditorArea::showOverview);
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
    case Kind::Run:
        showRunMonitor();
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
