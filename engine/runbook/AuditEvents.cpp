#include "runbook/AuditEvents.h"

#include "project/ProjectDiff.h"
#include "reconcile/ReconcileStatus.h"
#include "run/ledger/RunMode.h"
#include "run/ledger/RunStatus.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QLocale>

namespace cutover {

namespace {

QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

qint64 sum(const RunRecord &run, qint64 RunTableRecord::*field)
{
    qint64 total = 0;
    for (const RunTableRecord &t : run.tables)
        total += t.*field;
    return total;
}

QString fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

QString AuditEvents::runSummary(const RunRecord &run)
{
    const QString kind =
        run.mode == RunMode::DryRun ? QStringLiteral("dry run") : QStringLiteral("run");
    QString text = QStringLiteral("%1 %2 %3: %4 rows loaded, %5 quarantined")
                       .arg(kind, run.runId.left(8), runStatusName(run.status),
                            count(sum(run, &RunTableRecord::loaded)),
                            count(sum(run, &RunTableRecord::quarantined)));
    if (!run.phase.isEmpty())
        text += QStringLiteral(" (phase %1)").arg(run.phase);
    return text;
}

QString AuditEvents::reportSummary(const ReconcileReport &report)
{
    return QStringLiteral("report %1 %2: %3 tables, %4 missing, %5 extra, %6 modified")
        .arg(report.reportId.left(8), reconcileStatusTitle(report.status))
        .arg(report.tables.size())
        .arg(count(report.total(&TableReconciliation::missing)),
             count(report.total(&TableReconciliation::extra)),
             count(report.total(&TableReconciliation::modified)));
}

Result<AuditEntry> AuditEvents::runEnded(AuditTrail trail, const RunRecord &run)
{
    QJsonObject data{{QStringLiteral("run"), run.runId},
                     {QStringLiteral("mode"), runModeName(run.mode)},
                     {QStringLiteral("status"), runStatusName(run.status)},
                     {QStringLiteral("phase"), run.phase},
                     {QStringLiteral("mappingVersion"), run.mappingVersion},
                     {QStringLiteral("loaded"), sum(run, &RunTableRecord::loaded)},
                     {QStringLiteral("quarantined"), sum(run, &RunTableRecord::quarantined)},
                     {QStringLiteral("seconds"), run.seconds()}};
    return trail.append(QStringLiteral("run"), runSummary(run), data);
}

Result<AuditEntry> AuditEvents::rolledBack(AuditTrail trail, const RunRollback::Report &report)
{
    QJsonObject data{
        {QStringLiteral("run"), report.runId},
        {QStringLiteral("rowsDeleted"), report.rowsDeleted()},
        {QStringLiteral("droppedTables"), QJsonArray::fromStringList(report.droppedTables())},
        {QStringLiteral("backup"), report.backupFile},
        {QStringLiteral("forced"), QJsonArray::fromStringList(report.forced)}};
    return trail.append(QStringLiteral("rollback"),
                        QStringLiteral("run %1 rolled back").arg(report.runId.left(8)), data);
}

Result<AuditEntry> AuditEvents::reconciled(AuditTrail trail, const ReconcileReport &report)
{
    QJsonObject data{{QStringLiteral("report"), report.reportId},
                     {QStringLiteral("run"), report.runId},
                     {QStringLiteral("status"), reconcileStatusName(report.status)},
                     {QStringLiteral("missing"), report.total(&TableReconciliation::missing)},
                     {QStringLiteral("extra"), report.total(&TableReconciliation::extra)},
                     {QStringLiteral("modified"), report.total(&TableReconciliation::modified)}};
    return trail.append(QStringLiteral("reconcile"), reportSummary(report), data);
}

Result<std::optional<AuditEntry>> AuditEvents::projectSaved(AuditTrail trail,
                                                            const QString &projectPath,
                                                            const Project &before,
                                                            const Project &after)
{
    const QStringList changes = ProjectDiff::changes(before, after);
    if (changes.isEmpty())
        return std::optional<AuditEntry>{};
    const QJsonObject data{{QStringLiteral("changes"), QJsonArray::fromStringList(changes)},
                           {QStringLiteral("sha256"), fileHash(projectPath)}};
    const QString summary = changes.size() == 1
                                ? QStringLiteral("project saved: %1").arg(changes.first())
                                : QStringLiteral("project saved: %1 changes").arg(changes.size());
    auto entry = trail.append(QStringLiteral("project.save"), summary, data);
    if (!entry)
        return entry.error();
    return std::optional<AuditEntry>(*entry);
}

} // namespace cutover
