#include "project/ProjectDiff.h"

namespace cutover {

namespace {

template <typename T, typename Name>
void namedList(const QList<T> &before, const QList<T> &after, Name name, const QString &what,
               QStringList &out)
{
    for (const T &b : before) {
        const auto same = std::find_if(after.cbegin(), after.cend(),
                                       [&](const T &a) { return name(a) == name(b); });
        if (same == after.cend())
            out.append(QStringLiteral("%1 %2 removed").arg(what, name(b)));
        else if (!(*same == b))
            out.append(QStringLiteral("%1 %2 changed").arg(what, name(b)));
    }
    for (const T &a : after) {
        const auto same = std::find_if(before.cbegin(), before.cend(),
                                       [&](const T &b) { return name(a) == name(b); });
        if (same == before.cend())
            out.append(QStringLiteral("%1 %2 added").arg(what, name(a)));
    }
}

QStringList changedColumns(const TableMapping &before, const TableMapping &after)
{
    QStringList columns;
    for (const ColumnMapping &a : after.columns) {
        const auto same =
            std::find_if(before.columns.cbegin(), before.columns.cend(),
                         [&a](const ColumnMapping &b) { return b.target == a.target; });
        if (same == before.columns.cend() || !(*same == a))
            columns.append(a.target);
    }
    for (const ColumnMapping &b : before.columns) {
        const auto same =
            std::find_if(after.columns.cbegin(), after.columns.cend(),
                         [&b](const ColumnMapping &a) { return a.target == b.target; });
        if (same == after.columns.cend())
            columns.append(b.target);
    }
    return columns;
}

} // namespace

void ProjectDiff::mappings(const Project &before, const Project &after, QStringList &out)
{
    namedList(
        before.mappings, after.mappings, [](const TableMapping &m) { return m.target; },
        QStringLiteral("mapping"), out);
    for (QString &line : out) {
        if (!line.startsWith(QLatin1String("mapping ")) ||
            !line.endsWith(QLatin1String(" changed")))
            continue;
        const QString target = line.mid(8, line.size() - 8 - 8);
        const TableMapping *b = before.mapping(target);
        const TableMapping *a = after.mapping(target);
        const QStringList columns = b && a ? changedColumns(*b, *a) : QStringList();
        if (!columns.isEmpty())
            line += QStringLiteral(": columns ") + columns.join(QStringLiteral(", "));
    }
}

QStringList ProjectDiff::changes(const Project &before, const Project &after)
{
    QStringList out;
    if (before.name != after.name || before.description != after.description)
        out.append(QStringLiteral("name or description changed"));
    namedList(
        before.connections, after.connections, [](const ConnectionDef &c) { return c.name; },
        QStringLiteral("connection"), out);
    if (before.sourceConnection != after.sourceConnection ||
        before.targetConnection != after.targetConnection)
        out.append(QStringLiteral("source or target connection changed"));
    mappings(before, after, out);
    namedList(
        before.lookups, after.lookups, [](const LookupMap &l) { return l.name; },
        QStringLiteral("lookup"), out);
    namedList(
        before.rules, after.rules, [](const Rule &r) { return r.name; }, QStringLiteral("rule"),
        out);
    namedList(
        before.phases, after.phases, [](const Phase &p) { return p.name; }, QStringLiteral("phase"),
        out);
    if (!(before.settings == after.settings) || !(before.reconcile == after.reconcile))
        out.append(QStringLiteral("settings changed"));
    namedList(
        before.runbook.steps, after.runbook.steps, [](const RunbookStep &s) { return s.id; },
        QStringLiteral("runbook step"), out);
    if (before.runbook.strategy != after.runbook.strategy ||
        before.runbook.windowMinutes != after.runbook.windowMinutes ||
        before.runbook.plannedStart != after.runbook.plannedStart)
        out.append(QStringLiteral("runbook plan changed"));
    if (!(before.advisor == after.advisor))
        out.append(QStringLiteral("strategy advisor's answers changed"));
    if (!(before.targetTables == after.targetTables))
        out.append(QStringLiteral("target tables to create changed"));
    return out;
}

} // namespace cutover
