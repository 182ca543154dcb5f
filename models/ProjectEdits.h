#pragma once

#include "ProjectDocument.h"

namespace cutover {

// Every kind of edit the window makes, each pushed on the document's undo stack as one command
// with a text a user reads in the Edit menu and the history ("Map PATIENTS.PAT_NAME to
// patient.full_name"). Renaming something the project refers to (a connection, a target table, a
// lookup, a phase) updates the references in the same step.
class ProjectEdits
{
public:
    explicit ProjectEdits(ProjectDocument &document);

    // The project itself
    void setName(const QString &name);
    void setDescription(const QString &description);
    // what: a few words for the undo text ("the batch size"); edits of the same thing merge.
    void setSettings(const ProjectSettings &settings, const QString &what);
    void setReconcile(const ReconcileSettings &reconcile, const QString &what);

    // Connections
    void addConnection(const ConnectionDef &connection);
    void replaceConnection(qsizetype index, const ConnectionDef &connection);
    void removeConnection(qsizetype index);
    void setSourceConnection(const QString &name);
    void setTargetConnection(const QString &name);

    // Table mappings
    void addMapping(const TableMapping &mapping);
    // what: a few words for the undo text ("the filter"); edits of the same field merge.
    void replaceMapping(qsizetype index, const TableMapping &mapping, const QString &what);
    void removeMapping(qsizetype index);
    void moveMapping(qsizetype from, qsizetype to);
    void duplicateMapping(qsizetype index);

    // Column mappings of one table mapping
    void mapColumn(qsizetype mapping, const ColumnMapping &column);
    void replaceColumn(qsizetype mapping, qsizetype column, const ColumnMapping &value,
                       const QString &what);
    void unmapColumn(qsizetype mapping, qsizetype column);
    void setExpression(qsizetype mapping, const QString &column, const QString &expression);

    // Lookup maps, rules, phases, runbook steps
    void addLookup(const LookupMap &lookup);
    void replaceLookup(qsizetype index, const LookupMap &lookup, const QString &what);
    void removeLookup(qsizetype index);
    void moveLookup(qsizetype from, qsizetype to);
    void addRule(const Rule &rule);
    void replaceRule(qsizetype index, const Rule &rule, const QString &what);
    void removeRule(qsizetype index);
    void moveRule(qsizetype from, qsizetype to);
    void addPhase(const Phase &phase);
    void replacePhase(qsizetype index, const Phase &phase, const QString &what);
    void removePhase(qsizetype index);
    void movePhase(qsizetype from, qsizetype to);
    void addRunbookStep(const RunbookStep &step);
    void replaceRunbookStep(qsizetype index, const RunbookStep &step, const QString &what);
    void removeRunbookStep(qsizetype index);
    void moveRunbookStep(qsizetype from, qsizetype to);
    // The strategy advisor's answers and recommendation, kept in the project.
    void setAdvisor(const AdvisorRecord &record);
    // The whole runbook plan in one step: its settings, a strategy's template, a step deleted
    // with the other steps' references to it. text: the undo text.
    void replaceRunbook(const RunbookPlan &plan, const QString &text);

    // Positions dragged on the canvas overview; an empty layout places every table again.
    void setCanvasLayout(const CanvasLayout &layout, const QString &text);

    // Replaces the whole project in one step (auto-map accepted, a wizard's result merged).
    void replaceProject(const Project &project, const QString &text);

    // A name not yet taken among names: base, or "base_2", "base_3"...
    static QString freeName(const QString &base, const QStringList &names);

private:
    void push(QUndoCommand *command);

    ProjectDocument &m_document;
};

} // namespace cutover
