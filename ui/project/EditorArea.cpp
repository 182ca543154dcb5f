#include "project/EditorArea.h"

#include "MappingsPane.h"
#include "ProjectDocument.h"
#include "mapping/TableMappingEditor.h"
#include "project/SettingsEditor.h"

namespace cutover {

EditorArea::EditorArea(ProjectDocument &document, QWidget *parent)
    : QStackedWidget(parent)
    , m_document(document)
    , m_overview(new MappingsPane(this))
    , m_mappingEditor(new TableMappingEditor(document, this))
    , m_settings(new SettingsEditor(document, this))
{
    setObjectName(QStringLiteral("editorArea"));
    addWidget(m_overview);
    addWidget(m_mappingEditor);
    addWidget(m_settings);
    connect(&document, &ProjectDocument::projectReplaced, this, &EditorArea::showOverview);
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
    default:
        showOverview();
        return;
    }
}

void EditorArea::showOverview()
{
    setCurrentWidget(m_overview);
}

void EditorArea::setOutcome(const ProjectCheck::Outcome &outcome)
{
    m_overview->setProject(outcome.project, outcome.problems);
    if (!m_haveSchemas || outcome.source.tables != m_source.tables ||
        outcome.target.tables != m_target.tables) {
        m_source = outcome.source;
        m_target = outcome.target;
        m_haveSchemas = true;
        m_mappingEditor->setSchemas(m_source, m_target);
    }
    m_mappingEditor->setProblems(outcome.problems);
}

} // namespace cutover
