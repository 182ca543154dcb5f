#include "ProjectEdits.h"

#include "ListCommand.h"
#include "SetExpressionCommand.h"
#include "SetValueCommand.h"
#include "SnapshotCommand.h"

#include <QRegularExpression>

namespace cutover {

namespace {

using Part = ProjectDocument::Part;

template <typename T>
using Target = typename ListCommand<T>::Target;

Target<ConnectionDef> connections()
{
    return {QStringLiteral("connections"),
            [](Project &p) -> QList<ConnectionDef> & { return p.connections; }, Part::Connections};
}

Target<TableMapping> mappings()
{
    return {QStringLiteral("mappings"),
            [](Project &p) -> QList<TableMapping> & { return p.mappings; }, Part::Mappings};
}

Target<ColumnMapping> columnsOf(qsizetype mapping)
{
    return {QStringLiteral("mappings[%1].columns").arg(mapping),
            [mapping](Project &p) -> QList<ColumnMapping> & { return p.mappings[mapping].columns; },
            Part::Mappings};
}

Target<LookupMap> lookups()
{
    return {QStringLiteral("lookups"), [](Project &p) -> QList<LookupMap> & { return p.lookups; },
            Part::Lookups};
}

Target<Rule> rules()
{
    return {QStringLiteral("rules"), [](Project &p) -> QList<Rule> & { return p.rules; },
            Part::Rules};
}

Target<Phase> phases()
{
    return {QStringLiteral("phases"), [](Project &p) -> QList<Phase> & { return p.phases; },
            Part::Phases};
}

Target<RunbookStep> runbook()
{
    return {QStringLiteral("runbook"),
            [](Project &p) -> QList<RunbookStep> & { return p.runbook.steps; }, Part::Runbook};
}

QString mappingTitle(const TableMapping &m)
{
    const QString from = m.source.isEmpty() ? QObject::tr("a query") : m.source;
    return QStringLiteral("%1 \u2192 %2").arg(from, m.target);
}

QString elided(const QString &text)
{
    const QString flat = text.simplified();
    return flat.size() <= 40 ? flat : flat.left(39) + QChar(0x2026);
}

// The source column an expression copies as it is, or empty when it computes something.
QString copiedColumn(const QString &expression)
{
    static const QRegularExpression plain(QStringLiteral(
        R"re(^\s*(?:"([^"]+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*))\s*$)re"));
    const auto match = plain.match(expression);
    if (!match.hasMatch())
        return {};
    for (int i = 1; i <= 4; ++i)
        if (!match.captured(i).isEmpty())
            return match.captured(i);
    return {};
}

void renameTargetTable(Project &p, const QString &from, const QString &to)
{
    const QString prefix = from + QLatin1Char('.');
    for (Rule &rule : p.rules) {
        if (rule.table == from)
            rule.table = to;
        if (rule.reference.startsWith(prefix))
            rule.reference = to + rule.reference.mid(from.size());
    }
    for (Phase &phase : p.phases)
        for (QString &table : phase.tables)
            if (table == from)
                table = to;
    if (p.reconcile.keys.contains(from))
        p.reconcile.keys.insert(to, p.reconcile.keys.take(from));
    QMap<QString, ColumnCompareOverride> columns;
    for (auto it = p.reconcile.columns.cbegin(); it != p.reconcile.columns.cend(); ++it)
        columns.insert(it.key().startsWith(prefix) ? to + it.key().mid(from.size()) : it.key(),
                       it.value());
    p.reconcile.columns = columns;
}

void renameLookupCalls(Project &p, const QString &from, const QString &to)
{
    const QRegularExpression call(
        QStringLiteral(R"((lookup\s*\(\s*)'%1')").arg(QRegularExpression::escape(from)),
        QRegularExpression::CaseInsensitiveOption);
    const QString replacement =
        QStringLiteral("\\1'%1'").arg(QString(to).replace(QLatin1Char('\''), QLatin1String("''")));
    for (TableMapping &m : p.mappings)
        for (ColumnMapping &c : m.columns)
            c.expression.replace(call, replacement);
}

} // namespace

ProjectEdits::ProjectEdits(ProjectDocument &document)
    : m_document(document)
{}

void ProjectEdits::push(QUndoCommand *command)
{
    m_document.undoStack()->push(command);
}

QString ProjectEdits::freeName(const QString &base, const QStringList &names)
{
    if (!names.contains(base))
        return base;
    for (int n = 2;; ++n)
        if (const QString name = QStringLiteral("%1_%2").arg(base).arg(n); !names.contains(name))
            return name;
}

void ProjectEdits::setName(const QString &name)
{
    push(new SetValueCommand<QString>(m_document, &Project::name, Part::Settings, name,
                                      QObject::tr("Rename the project to %1").arg(elided(name)),
                                      QStringLiteral("name")));
}

void ProjectEdits::setDescription(const QString &description)
{
    push(new SetValueCommand<QString>(m_document, &Project::description, Part::Settings,
                                      description, QObject::tr("Change the project description"),
                                      QStringLiteral("description")));
}

void ProjectEdits::setSettings(const ProjectSettings &settings, const QString &what)
{
    push(new SetValueCommand<ProjectSettings>(m_document, &Project::settings, Part::Settings,
                                              settings, QObject::tr("Change %1").arg(what), what));
}

void ProjectEdits::setReconcile(const ReconcileSettings &reconcile, const QString &what)
{
    push(new SetValueCommand<ReconcileSettings>(m_document, &Project::reconcile, Part::Settings,
                                                reconcile, QObject::tr("Change %1").arg(what),
                                                what));
}

void ProjectEdits::addConnection(const ConnectionDef &connection)
{
    push(ListCommand<ConnectionDef>::insert(m_document, connections(),
                                            m_document.project().connections.size(), connection,
                                            QObject::tr("Add connection %1").arg(connection.name)));
}

void ProjectEdits::replaceConnection(qsizetype index, const ConnectionDef &connection)
{
    const ConnectionDef &before = m_document.project().connections.at(index);
    if (before.name == connection.name) {
        push(ListCommand<ConnectionDef>::replace(
            m_document, connections(), index, connection,
            QObject::tr("Edit connection %1").arg(connection.name)));
        return;
    }
    Project after = m_document.project();
    after.connections[index] = connection;
    if (after.sourceConnection == before.name)
        after.sourceConnection = connection.name;
    if (after.targetConnection == before.name)
        after.targetConnection = connection.name;
    replaceProject(after,
                   QObject::tr("Rename connection %1 to %2").arg(before.name, connection.name));
}

void ProjectEdits::removeConnection(qsizetype index)
{
    Project after = m_document.project();
    const QString name = after.connections.takeAt(index).name;
    if (after.sourceConnection == name)
        after.sourceConnection.clear();
    if (after.targetConnection == name)
        after.targetConnection.clear();
    replaceProject(after, QObject::tr("Delete connection %1").arg(name));
}

void ProjectEdits::setSourceConnection(const QString &name)
{
    push(new SetValueCommand<QString>(m_document, &Project::sourceConnection, Part::Connections,
                                      name, QObject::tr("Read the source from %1").arg(name)));
}

void ProjectEdits::setTargetConnection(const QString &name)
{
    push(new SetValueCommand<QString>(m_document, &Project::targetConnection, Part::Connections,
                                      name, QObject::tr("Write the target to %1").arg(name)));
}

void ProjectEdits::addMapping(const TableMapping &mapping)
{
    push(ListCommand<TableMapping>::insert(
        m_document, mappings(), m_document.project().mappings.size(), mapping,
        QObject::tr("Add table mapping %1").arg(mappingTitle(mapping))));
}

void ProjectEdits::replaceMapping(qsizetype index, const TableMapping &mapping, const QString &what)
{
    const TableMapping &before = m_document.project().mappings.at(index);
    if (before.target == mapping.target) {
        push(ListCommand<TableMapping>::replace(
            m_document, mappings(), index, mapping,
            QObject::tr("Change %1 of %2").arg(what, mapping.target), what));
        return;
    }
    Project after = m_document.project();
    after.mappings[index] = mapping;
    renameTargetTable(after, before.target, mapping.target);
    replaceProject(
        after,
        QObject::tr("Change the target of %1 to %2").arg(mappingTitle(before), mapping.target));
}

void ProjectEdits::removeMapping(qsizetype index)
{
    push(ListCommand<TableMapping>::remove(
        m_document, mappings(), index,
        QObject::tr("Delete table mapping %1")
            .arg(mappingTitle(m_document.project().mappings.at(index)))));
}

void ProjectEdits::moveMapping(qsizetype from, qsizetype to)
{
    push(ListCommand<TableMapping>::move(
        m_document, mappings(), from, to,
        QObject::tr("Move table mapping %1").arg(m_document.project().mappings.at(from).target)));
}

void ProjectEdits::duplicateMapping(qsizetype index)
{
    TableMapping copy = m_document.project().mappings.at(index);
    QStringList targets;
    for (const TableMapping &m : m_document.project().mappings)
        targets.append(m.target);
    copy.target = freeName(copy.target + QStringLiteral("_copy"), targets);
    push(ListCommand<TableMapping>::insert(
        m_document, mappings(), index + 1, copy,
        QObject::tr("Duplicate table mapping %1")
            .arg(m_document.project().mappings.at(index).target)));
}

void ProjectEdits::mapColumn(qsizetype mapping, const ColumnMapping &column)
{
    const TableMapping &m = m_document.project().mappings.at(mapping);
    const QString source = copiedColumn(column.expression);
    const QString text = !source.isEmpty()
                             ? QObject::tr("Map %1.%2 to %3.%4")
                                   .arg(m.source.isEmpty() ? QObject::tr("query") : m.source,
                                        source, m.target, column.target)
                             : QObject::tr("Map %1.%2 to %3")
                                   .arg(m.target, column.target, elided(column.expression));
    for (qsizetype i = 0; i < m.columns.size(); ++i)
        if (m.columns.at(i).target == column.target) {
            push(ListCommand<ColumnMapping>::replace(m_document, columnsOf(mapping), i, column,
                                                     text));
            return;
        }
    push(ListCommand<ColumnMapping>::insert(m_document, columnsOf(mapping), m.columns.size(),
                                            column, text));
}

void ProjectEdits::replaceColumn(qsizetype mapping, qsizetype column, const ColumnMapping &value,
                                 const QString &what)
{
    const TableMapping &m = m_document.project().mappings.at(mapping);
    push(ListCommand<ColumnMapping>::replace(
        m_document, columnsOf(mapping), column, value,
        QObject::tr("Change %1 of %2.%3").arg(what, m.target, m.columns.at(column).target), what));
}

void ProjectEdits::unmapColumn(qsizetype mapping, qsizetype column)
{
    const TableMapping &m = m_document.project().mappings.at(mapping);
    push(ListCommand<ColumnMapping>::remove(
        m_document, columnsOf(mapping), column,
        QObject::tr("Unmap %1.%2").arg(m.target, m.columns.at(column).target)));
}

void ProjectEdits::setExpression(qsizetype mapping, const QString &column,
                                 const QString &expression)
{
    push(new SetExpressionCommand(m_document, m_document.project().mappings.at(mapping).target,
                                  column, expression));
}

void ProjectEdits::addLookup(const LookupMap &lookup)
{
    push(ListCommand<LookupMap>::insert(m_document, lookups(), m_document.project().lookups.size(),
                                        lookup, QObject::tr("Add lookup map %1").arg(lookup.name)));
}

void ProjectEdits::replaceLookup(qsizetype index, const LookupMap &lookup, const QString &what)
{
    const LookupMap &before = m_document.project().lookups.at(index);
    if (before.name == lookup.name) {
        push(ListCommand<LookupMap>::replace(
            m_document, lookups(), index, lookup,
            QObject::tr("Change %1 of lookup map %2").arg(what, lookup.name), what));
        return;
    }
    Project after = m_document.project();
    after.lookups[index] = lookup;
    renameLookupCalls(after, before.name, lookup.name);
    replaceProject(after, QObject::tr("Rename lookup map %1 to %2").arg(before.name, lookup.name));
}

void ProjectEdits::removeLookup(qsizetype index)
{
    push(ListCommand<LookupMap>::remove(
        m_document, lookups(), index,
        QObject::tr("Delete lookup map %1").arg(m_document.project().lookups.at(index).name)));
}

void ProjectEdits::moveLookup(qsizetype from, qsizetype to)
{
    push(ListCommand<LookupMap>::move(
        m_document, lookups(), from, to,
        QObject::tr("Move lookup map %1").arg(m_document.project().lookups.at(from).name)));
}

void ProjectEdits::addRule(const Rule &rule)
{
    push(ListCommand<Rule>::insert(m_document, rules(), m_document.project().rules.size(), rule,
                                   QObject::tr("Add rule %1").arg(rule.name)));
}

void ProjectEdits::replaceRule(qsizetype index, const Rule &rule, const QString &what)
{
    push(ListCommand<Rule>::replace(m_document, rules(), index, rule,
                                    QObject::tr("Change %1 of rule %2").arg(what, rule.name),
                                    what));
}

void ProjectEdits::removeRule(qsizetype index)
{
    push(ListCommand<Rule>::remove(
        m_document, rules(), index,
        QObject::tr("Delete rule %1").arg(m_document.project().rules.at(index).name)));
}

void ProjectEdits::moveRule(qsizetype from, qsizetype to)
{
    push(ListCommand<Rule>::move(
        m_document, rules(), from, to,
        QObject::tr("Move rule %1").arg(m_document.project().rules.at(from).name)));
}

void ProjectEdits::addPhase(const Phase &phase)
{
    push(ListCommand<Phase>::insert(m_document, phases(), m_document.project().phases.size(), phase,
                                    QObject::tr("Add phase %1").arg(phase.name)));
}

void ProjectEdits::replacePhase(qsizetype index, const Phase &phase, const QString &what)
{
    const Phase &before = m_document.project().phases.at(index);
    if (before.name == phase.name) {
        push(ListCommand<Phase>::replace(m_document, phases(), index, phase,
                                         QObject::tr("Change %1 of phase %2").arg(what, phase.name),
                                         what));
        return;
    }
    Project after = m_document.project();
    after.phases[index] = phase;
    for (RunbookStep &step : after.runbook.steps)
        if (step.phase == before.name)
            step.phase = phase.name;
    replaceProject(after, QObject::tr("Rename phase %1 to %2").arg(before.name, phase.name));
}

void ProjectEdits::removePhase(qsizetype index)
{
    push(ListCommand<Phase>::remove(
        m_document, phases(), index,
        QObject::tr("Delete phase %1").arg(m_document.project().phases.at(index).name)));
}

void ProjectEdits::movePhase(qsizetype from, qsizetype to)
{
    push(ListCommand<Phase>::move(
        m_document, phases(), from, to,
        QObject::tr("Move phase %1").arg(m_document.project().phases.at(from).name)));
}

void ProjectEdits::addRunbookStep(const RunbookStep &step)
{
    push(ListCommand<RunbookStep>::insert(
        m_document, runbook(), m_document.project().runbook.steps.size(), step,
        QObject::tr("Add runbook step %1").arg(elided(step.title))));
}

void ProjectEdits::replaceRunbookStep(qsizetype index, const RunbookStep &step, const QString &what)
{
    push(ListCommand<RunbookStep>::replace(
        m_document, runbook(), index, step,
        QObject::tr("Change %1 of runbook step %2").arg(what, elided(step.title)), what));
}

void ProjectEdits::removeRunbookStep(qsizetype index)
{
    push(ListCommand<RunbookStep>::remove(
        m_document, runbook(), index,
        QObject::tr("Delete runbook step %1")
            .arg(elided(m_document.project().runbook.steps.at(index).title))));
}

void ProjectEdits::moveRunbookStep(qsizetype from, qsizetype to)
{
    push(ListCommand<RunbookStep>::move(
        m_document, runbook(), from, to,
        QObject::tr("Move runbook step %1")
            .arg(elided(m_document.project().runbook.steps.at(from).title))));
}

void ProjectEdits::setAdvisor(const AdvisorRecord &record)
{
    push(new SetValueCommand<AdvisorRecord>(m_document, &Project::advisor, Part::Runbook, record,
                                            QObject::tr("Keep the strategy advisor's answers")));
}

void ProjectEdits::replaceRunbook(const RunbookPlan &plan, const QString &text)
{
    if (plan == m_document.project().runbook)
        return;
    push(
        new SetValueCommand<RunbookPlan>(m_document, &Project::runbook, Part::Runbook, plan, text));
}

void ProjectEdits::setCanvasLayout(const CanvasLayout &layout, const QString &text)
{
    if (layout == m_document.project().canvas)
        return;
    push(new SetValueCommand<CanvasLayout>(m_document, &Project::canvas, Part::Mappings, layout,
                                           text));
}

void ProjectEdits::replaceProject(const Project &project, const QString &text)
{
    push(new SnapshotCommand(m_document, project, text));
}

} // namespace cutover
