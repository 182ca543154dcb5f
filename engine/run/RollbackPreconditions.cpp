#include "run/RollbackPreconditions.h"

#include "run/target/SqliteBackup.h"

#include <QFileInfo>

namespace cutover {

RollbackPreconditions::RollbackPreconditions(const Project &project, ConnectionSpec target,
                                             QString where)
    : m_project(project)
    , m_target(std::move(target))
    , m_where(std::move(where))
{}

Error RollbackPreconditions::refusal(const RunRecord &run, const QString &why,
                                     const QString &hint) const
{
    return Error(Error::Code::Usage,
                 QStringLiteral("cannot roll back run %1: %2").arg(run.runId, why), m_where, hint);
}

QList<RunRecord> RollbackPreconditions::laterRuns(const QList<RunRecord> &runs,
                                                  const RunRecord &run)
{
    QList<RunRecord> later;
    for (const RunRecord &r : runs) {
        if (r.runId == run.runId)
            break;
        if (r.leftRows())
            later.append(r);
    }
    return later;
}

QString RollbackPreconditions::backupFile(const RunRecord &run) const
{
    return SqliteBackup::backupPath(m_target.path(), run.runId);
}

Result<void> RollbackPreconditions::check(const RunRecord &run, const QList<RunRecord> &later,
                                          bool force, QStringList &forced) const
{
    if (run.mode == RunMode::DryRun)
        return refusal(run, QStringLiteral("it was a dry run, which commits nothing, so there is "
                                           "nothing to roll back"));
    if (run.status == RunStatus::RolledBack)
        return refusal(run, QStringLiteral("it was already rolled back (%1)")
                                .arg(run.finishedAt.toString(Qt::ISODate)));
    const bool sqlite = m_target.kind() == ConnectionSpec::Kind::Sqlite;
    if (sqlite && !QFileInfo::exists(backupFile(run)))
        return refusal(run,
                       QStringLiteral("its backup %1 is missing, so the target cannot be "
                                      "restored to where it was before the run; nothing was "
                                      "changed")
                           .arg(backupFile(run)),
                       QStringLiteral("the run was started with --no-backup, or the backup was "
                                      "moved or deleted: restore the target from a backup of "
                                      "your own"));
    QStringList reasons;
    if (run.status == RunStatus::Running)
        reasons.append(QStringLiteral("it is still marked running, so another cutover process "
                                      "may be loading it right now"));
    if (!later.isEmpty()) {
        QStringList ids;
        for (const RunRecord &r : later)
            ids.append(QStringLiteral("%1 (%2, %3)")
                           .arg(r.runId, runModeName(r.mode), runStatusName(r.status)));
        reasons.append(
            QStringLiteral("later runs changed the target: %1; %2")
                .arg(ids.join(QStringLiteral(", ")),
                     sqlite ? QStringLiteral("restoring the backup would undo them too")
                            : QStringLiteral("deleting this run's rows could break theirs")));
    }
    if (reasons.isEmpty())
        return {};
    if (!force)
        return refusal(run, reasons.join(QStringLiteral("; ")),
                       QStringLiteral("roll back the later runs first, newest first, or wait "
                                      "for a running one; pass --force to roll back anyway"));
    forced += reasons;
    return {};
}

QStringList RollbackPreconditions::hazards(const RunRecord &run,
                                           const QList<TableInfo> &tables) const
{
    QStringList risks;
    for (const TableInfo &t : tables) {
        const RunTableRecord *record = run.table(t.name);
        if (!record || run.created(t.name))
            continue;
        const TableMapping *mapping = m_project.mapping(t.name);
        const bool upserted = run.mode == RunMode::Incremental ||
                              (mapping && mapping->mode == TableMapping::Mode::Upsert);
        if (const QString why = unkeyed(t); record->loaded > 0 && !why.isEmpty())
            risks.append(QStringLiteral("%1 has %2, so the run could not record which of its "
                                        "rows it wrote")
                             .arg(t.name, why));
        else if (record->loaded > 0 && upserted)
            risks.append(QStringLiteral("%1 existed before the run, which upserted into it: rows "
                                        "it updated would be deleted, not given their old values "
                                        "back")
                             .arg(t.name));
        if (mapping && mapping->mode == TableMapping::Mode::TruncateLoad &&
            run.mode == RunMode::Run)
            risks.append(QStringLiteral("the run emptied %1 before loading it (truncate and "
                                        "load), and deleting rows cannot bring the old ones back")
                             .arg(t.name));
    }
    return risks;
}

QString RollbackPreconditions::unkeyed(const TableInfo &table) const
{
    if (table.primaryKey.isEmpty())
        return QStringLiteral("no primary key");
    const TableMapping *mapping = m_project.mapping(table.name);
    if (!mapping)
        return {};
    for (const QString &column : table.primaryKey)
        if (!mapping->column(column))
            return QStringLiteral("keys the database generates (%1 is not mapped)").arg(column);
    return {};
}

} // namespace cutover
