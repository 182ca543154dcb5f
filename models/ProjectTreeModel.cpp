#include "ProjectTreeModel.h"

#include "ProjectEdits.h"
#include "reconcile/ReconcileStatus.h"
#include "run/ledger/RunStatus.h"

#include <QIcon>
#include <QLocale>
#include <QRegularExpression>
#include <iterator>

namespace cutover {

namespace {

constexpr quintptr kGroupId = 0; // internal id of group rows; items carry their group + 1

QString groupTitle(ProjectTreeModel::Group group)
{
    using G = ProjectTreeModel::Group;
    switch (group) {
    case G::Connections:
        return QObject::tr("Connections");
    case G::Mappings:
        return QObject::tr("Table mappings");
    case G::Lookups:
        return QObject::tr("Lookup maps");
    case G::Rules:
        return QObject::tr("Rules");
    case G::Phases:
        return QObject::tr("Phases");
    case G::Settings:
        return QObject::tr("Settings");
    case G::Runbook:
        return QObject::tr("Runbook");
    case G::Runs:
        return QObject::tr("Runs");
    case G::Reports:
        return QObject::tr("Reports");
    }
    return {};
}

QString groupIcon(ProjectTreeModel::Group group)
{
    static constexpr const char *icons[] = {"connection", "mapping", "lookup", "rule",  "phase",
                                            "settings",   "runbook", "run",    "report"};
    static_assert(std::size(icons) == ProjectTreeModel::kGroupCount);
    return QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icons[int(group)]));
}

QString listName(ProjectTreeModel::Group group)
{
    static constexpr const char *names[] = {"connections", "mappings", "lookups",
                                            "rules",       "phases",   "settings",
                                            "runbook",     "runs",     "reports"};
    static_assert(std::size(names) == ProjectTreeModel::kGroupCount);
    return QLatin1String(names[int(group)]);
}

QString stateIcon(int severity)
{
    switch (severity) {
    case int(Problem::Severity::Error):
        return QStringLiteral(":/icons/error.svg");
    case int(Problem::Severity::Warning):
        return QStringLiteral(":/icons/warning.svg");
    default:
        return QStringLiteral(":/icons/ok.svg");
    }
}

} // namespace

ProjectTreeModel::ProjectTreeModel(ProjectDocument &document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    resetAll();
    connect(&document, &ProjectDocument::projectReplaced, this, &ProjectTreeModel::resetAll);
    connect(&document, &ProjectDocument::changed, this,
            [this](ProjectDocument::Part part) { follow(Group(int(part))); });
}

ProjectTreeModel::Kind ProjectTreeModel::kindOf(Group group)
{
    static const Kind kinds[] = {Kind::Connection,  Kind::Mapping, Kind::Lookup,
                                 Kind::Rule,        Kind::Phase,   Kind::Settings,
                                 Kind::RunbookStep, Kind::Run,     Kind::Report};
    static_assert(std::size(kinds) == kGroupCount);
    return kinds[int(group)];
}

int ProjectTreeModel::countOf(Group group) const
{
    const Project &p = m_document.project();
    switch (group) {
    case Group::Connections:
        return int(p.connections.size());
    case Group::Mappings:
        return int(p.mappings.size());
    case Group::Lookups:
        return int(p.lookups.size());
    case Group::Rules:
        return int(p.rules.size());
    case Group::Phases:
        return int(p.phases.size());
    case Group::Settings:
        return 0;
    case Group::Runbook:
        return int(p.runbook.steps.size());
    case Group::Runs:
        return int(m_history.runs.size());
    case Group::Reports:
        return int(m_history.reports.size());
    }
    return 0;
}

void ProjectTreeModel::resetAll()
{
    beginResetModel();
    for (int g = 0; g < kGroupCount; ++g)
        m_counts[g] = m_document.hasProject() ? countOf(Group(g)) : 0;
    m_severity.clear();
    endResetModel();
}

bool ProjectTreeModel::isEditable(Group group)
{
    return group != Group::Settings && group != Group::Runbook && group != Group::Runs &&
           group != Group::Reports;
}

void ProjectTreeModel::setHistory(const ProjectHistory::Snapshot &history)
{
    m_history = history;
    if (!m_document.hasProject())
        return;
    follow(Group::Runs);
    follow(Group::Reports);
}

// The document changed one list: rows are added or removed at its end and every row is
// re-read, so the view keeps its expansion and, for edits in place, its selection.
void ProjectTreeModel::follow(Group group)
{
    const int g = int(group);
    const QModelIndex parent = groupIndex(group);
    const int now = countOf(group);
    if (now > m_counts[g]) {
        beginInsertRows(parent, m_counts[g], now - 1);
        m_counts[g] = now;
        endInsertRows();
    } else if (now < m_counts[g]) {
        beginRemoveRows(parent, now, m_counts[g] - 1);
        m_counts[g] = now;
        endRemoveRows();
    }
    Q_EMIT dataChanged(parent, parent);
    if (now > 0)
        Q_EMIT dataChanged(index(0, 0, parent), index(now - 1, 0, parent));
    if (group == Group::Connections) // the source and target marks
        Q_EMIT dataChanged(groupIndex(Group::Connections), groupIndex(Group::Connections));
}

void ProjectTreeModel::setProblems(const QList<Problem> &problems)
{
    static const QRegularExpression item(QStringLiteral("^(\\w+)\\[(\\d+)\\]"));
    m_severity.clear();
    for (const Problem &p : problems) {
        const auto match = item.match(p.path);
        if (!match.hasMatch())
            continue;
        const QString key = match.captured(0);
        const int severity = int(p.severity);
        // Error < Warning < Info in the enum: the smaller, the worse
        if (!m_severity.contains(key) || severity < m_severity.value(key))
            m_severity.insert(key, severity);
    }
    for (int g = 0; g < kGroupCount; ++g)
        if (m_counts[g] > 0) {
            const QModelIndex parent = groupIndex(Group(g));
            Q_EMIT dataChanged(index(0, 0, parent), index(m_counts[g] - 1, 0, parent));
        }
}

QModelIndex ProjectTreeModel::groupIndex(Group group) const
{
    return createIndex(int(group), 0, kGroupId);
}

QModelIndex ProjectTreeModel::itemIndex(Kind kind, qsizetype row) const
{
    for (int g = 0; g < kGroupCount; ++g)
        if (kindOf(Group(g)) == kind) {
            if (kind == Kind::Settings)
                return groupIndex(Group(g));
            if (row >= 0 && row < m_counts[g])
                return createIndex(int(row), 0, quintptr(g + 1));
        }
    return {};
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return m_document.hasProject() && row < kGroupCount ? createIndex(row, 0, kGroupId)
                                                            : QModelIndex();
    if (parent.internalId() != kGroupId || row >= m_counts[parent.row()])
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex ProjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupId);
}

int ProjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_document.hasProject() ? kGroupCount : 0;
    if (parent.column() != 0 || parent.internalId() != kGroupId)
        return 0;
    return m_counts[parent.row()];
}

int ProjectTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ProjectTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupId)
        return groupData(Group(index.row()), role);
    return itemData(Group(index.internalId() - 1), index.row(), role);
}

QVariant ProjectTreeModel::groupData(Group group, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return group == Group::Settings
                   ? groupTitle(group)
                   : QStringLiteral("%1 (%2)").arg(groupTitle(group)).arg(m_counts[int(group)]);
    case Qt::DecorationRole:
        return QIcon(groupIcon(group));
    case KindRole:
        return QVariant::fromValue(group == Group::Settings ? Kind::Settings : Kind::Group);
    case GroupRole:
        return QVariant::fromValue(group);
    case ItemIndexRole:
        return -1;
    case SeverityRole:
        return -1;
    case Qt::ToolTipRole:
        if (group == Group::Settings)
            return tr("Batch size, parallel tables, error thresholds");
        if ((group == Group::Runs || group == Group::Reports) && !m_history.error.isEmpty())
            return tr("The target's history could not be read: %1").arg(m_history.error);
        if (group == Group::Runs || group == Group::Reports)
            return tr("Kept in the target database; read-only here");
        return {};
    default:
        return {};
    }
}

QVariant ProjectTreeModel::itemData(Group group, int row, int role) const
{
    if (row >= countOf(group))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return itemName(group, row);
    case Qt::EditRole: {
        const Project &p = m_document.project();
        switch (group) {
        case Group::Connections:
            return p.connections.at(row).name;
        case Group::Mappings:
            return p.mappings.at(row).target;
        default:
            return itemName(group, row);
        }
    }
    case Qt::DecorationRole:
        return QIcon(itemIcon(group, row));
    case Qt::ToolTipRole:
        return itemTip(group, row);
    case KindRole:
        return QVariant::fromValue(kindOf(group));
    case GroupRole:
        return QVariant::fromValue(group);
    case ItemIndexRole:
        return row;
    case SeverityRole:
        return severityOf(group, row);
    default:
        return {};
    }
}

QString ProjectTreeModel::itemName(Group group, int row) const
{
    const Project &p = m_document.project();
    switch (group) {
    case Group::Connections: {
        const QString &name = p.connections.at(row).name;
        if (name == p.sourceConnection)
            return tr("%1 (source)").arg(name);
        if (name == p.targetConnection)
            return tr("%1 (target)").arg(name);
        return name;
    }
    case Group::Mappings: {
        const TableMapping &m = p.mappings.at(row);
        return QStringLiteral("%1 \u2192 %2")
            .arg(m.source.isEmpty() ? tr("query") : m.source, m.target);
    }
    case Group::Lookups:
        return p.lookups.at(row).name;
    case Group::Rules:
        return p.rules.at(row).name;
    case Group::Phases:
        return p.phases.at(row).name;
    case Group::Runbook:
        return p.runbook.steps.at(row).title;
    case Group::Runs:
        return runName(row);
    case Group::Reports:
        return reportName(row);
    case Group::Settings:
        break;
    }
    return {};
}

// Mappings, runs and reports show their state (a shape, not only a colour); the rest their kind.
QString ProjectTreeModel::itemIcon(Group group, int row) const
{
    switch (group) {
    case Group::Mappings:
        return stateIcon(severityOf(group, row));
    case Group::Runs: {
        const RunStatus status = m_history.runs.at(row).status;
        return status == RunStatus::Succeeded ? stateIcon(-1)
               : status == RunStatus::Failed  ? stateIcon(int(Problem::Severity::Error))
                                              : stateIcon(int(Problem::Severity::Warning));
    }
    case Group::Reports: {
        const ReconcileStatus status = m_history.reports.at(row).status;
        return status == ReconcileStatus::Pass   ? stateIcon(-1)
               : status == ReconcileStatus::Fail ? stateIcon(int(Problem::Severity::Error))
                                                 : stateIcon(int(Problem::Severity::Warning));
    }
    default:
        return groupIcon(group);
    }
}

QString ProjectTreeModel::runName(int row) const
{
    const RunRecord &run = m_history.runs.at(row);
    return QStringLiteral("%1  %2%3")
        .arg(QLocale().toString(run.startedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")),
             runStatusName(run.status),
             run.phase.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(run.phase));
}

QString ProjectTreeModel::reportName(int row) const
{
    const StoredReport &report = m_history.reports.at(row);
    return QStringLiteral("%1  %2").arg(
        QLocale().toString(report.createdAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")),
        reconcileStatusTitle(report.status));
}

QString ProjectTreeModel::itemTip(Group group, int row) const
{
    const Project &p = m_document.project();
    switch (group) {
    case Group::Connections:
        return p.connections.at(row).url;
    case Group::Mappings: {
        const int severity = severityOf(group, row);
        const QString state = severity == int(Problem::Severity::Error)     ? tr("has errors")
                              : severity == int(Problem::Severity::Warning) ? tr("has warnings")
                                                                            : tr("no problems");
        return tr("%1: %2 columns mapped, %3")
            .arg(p.mappings.at(row).target)
            .arg(p.mappings.at(row).columns.size())
            .arg(state);
    }
    case Group::Lookups:
        return tr("%1 entries").arg(p.lookups.at(row).entries.size());
    case Group::Rules:
        return p.rules.at(row).message;
    case Group::Phases:
        return p.phases.at(row).description;
    case Group::Runbook:
        return p.runbook.steps.at(row).description;
    case Group::Runs:
        return tr("Run %1%2")
            .arg(m_history.runs.at(row).runId,
                 m_history.runs.at(row).message.isEmpty()
                     ? QString()
                     : QStringLiteral(": ") + m_history.runs.at(row).message);
    case Group::Reports:
        return tr("Report %1 of run %2")
            .arg(m_history.reports.at(row).reportId, m_history.reports.at(row).runId);
    case Group::Settings:
        break;
    }
    return {};
}

int ProjectTreeModel::severityOf(Group group, int row) const
{
    return m_severity.value(QStringLiteral("%1[%2]").arg(listName(group)).arg(row), -1);
}

Qt::ItemFlags ProjectTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool renamable =
        index.internalId() != kGroupId && isEditable(Group(index.internalId() - 1));
    return renamable ? flags | Qt::ItemIsEditable : flags;
}

bool ProjectTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == data(index, Qt::EditRole).toString())
        return false;
    return rename(Group(index.internalId() - 1), index.row(), name);
}

bool ProjectTreeModel::rename(Group group, int row, const QString &name)
{
    const Project &p = m_document.project();
    ProjectEdits edits(m_document);
    switch (group) {
    case Group::Connections: {
        if (p.connection(name))
            return false;
        ConnectionDef def = p.connections.at(row);
        def.name = name;
        edits.replaceConnection(row, def);
        return true;
    }
    case Group::Mappings: {
        if (p.mapping(name))
            return false;
        TableMapping m = p.mappings.at(row);
        m.target = name;
        edits.replaceMapping(row, m, tr("the target"));
        return true;
    }
    case Group::Lookups: {
        if (p.lookup(name))
            return false;
        LookupMap l = p.lookups.at(row);
        l.name = name;
        edits.replaceLookup(row, l, tr("the name"));
        return true;
    }
    case Group::Rules: {
        Rule r = p.rules.at(row);
        r.name = name;
        edits.replaceRule(row, r, tr("the name"));
        return true;
    }
    case Group::Phases: {
        if (p.phase(name))
            return false;
        Phase ph = p.phases.at(row);
        ph.name = name;
        edits.replacePhase(row, ph, tr("the name"));
        return true;
    }
    default:
        return false;
    }
}

} // namespace cutover
