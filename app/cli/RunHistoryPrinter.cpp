#include "RunHistoryPrinter.h"

#include "run/ledger/RunSnapshot.h"

#include "RunProgressPrinter.h"
#include "run/ledger/LedgerTimestamp.h"

#include <QJsonArray>

namespace cutover::cli {

namespace {

// The options the run was given; the mappings it ran (RunSnapshot) are for comparing runs.
QJsonObject optionsWithoutSnapshot(const RunRecord &run)
{
    QJsonObject options = run.options;
    options.remove(QLatin1String(RunSnapshot::kKey));
    return options;
}

} // namespace

namespace {

QString when(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                          : QStringLiteral("--");
}

QString count(qint64 n)
{
    return RunProgressPrinter::count(n);
}

} // namespace

QString RunHistoryPrinter::duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--");
    if (seconds < 60)
        return QString::number(seconds, 'f', 1) + QLatin1Char('s');
    const qint64 whole = qint64(seconds);
    if (whole < 3600)
        return QStringLiteral("%1m%2s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m")
        .arg(whole / 3600)
        .arg((whole / 60) % 60, 2, 10, QLatin1Char('0'));
}

void RunHistoryPrinter::printText(QTextStream &out, const QString &project, const QString &target,
                                  const QList<RunRecord> &runs)
{
    if (runs.isEmpty()) {
        out << project << ": no runs recorded in " << target << '\n';
        out.flush();
        return;
    }
    out << project << ": " << runs.size() << (runs.size() == 1 ? " run" : " runs") << " in "
        << target << ", newest first\n";
    for (const RunRecord &run : runs)
        printRun(out, run);
    out.flush();
}

void RunHistoryPrinter::printRun(QTextStream &out, const RunRecord &run)
{
    const double took = run.seconds();
    out << '\n'
        << run.runId << "  " << runModeName(run.mode) << "  " << runStatusName(run.status) << '\n';
    out << "  started " << when(run.startedAt) << ", "
        << (took < 0 ? QStringLiteral("not finished") : QStringLiteral("took ") + duration(took))
        << ", mapping "
        << (run.mappingVersion.isEmpty() ? QStringLiteral("--") : run.mappingVersion) << ", phase "
        << (run.phase.isEmpty() ? QStringLiteral("(all tables)") : run.phase) << '\n';
    if (!run.tables.isEmpty()) {
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6  %7\n")
                   .arg(QStringLiteral("table"), -20)
                   .arg(QStringLiteral("source"), 11)
                   .arg(QStringLiteral("loaded"), 11)
                   .arg(QStringLiteral("quarantined"), 11)
                   .arg(QStringLiteral("skipped"), 11)
                   .arg(QStringLiteral("seconds"), 8)
                   .arg(QStringLiteral("ledger"));
        for (const RunTableRecord &t : run.tables) {
            const double s = t.seconds();
            out << QStringLiteral("  %1 %2 %3 %4 %5 %6  %7\n")
                       .arg(t.tableName, -20)
                       .arg(count(t.sourceRows), 11)
                       .arg(count(t.loaded), 11)
                       .arg(count(t.quarantined), 11)
                       .arg(count(t.skipped), 11)
                       .arg(s < 0 ? QStringLiteral("--") : QString::number(s, 'f', 1), 8)
                       .arg(t.ledgerText());
        }
    }
    const QStringList lines = run.message.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        out << "  | " << line << '\n';
}

QJsonObject RunHistoryPrinter::toJson(const QString &project, const QString &target,
                                      const QList<RunRecord> &runs)
{
    QJsonArray array;
    for (const RunRecord &run : runs)
        array.append(runJson(run));
    return {{QStringLiteral("project"), project},
            {QStringLiteral("target"), target},
            {QStringLiteral("runs"), array}};
}

QJsonObject RunHistoryPrinter::runJson(const RunRecord &run)
{
    QJsonArray tables;
    bool balances = true;
    for (const RunTableRecord &t : run.tables) {
        tables.append(tableJson(t));
        balances = balances && t.balances();
    }
    const double took = run.seconds();
    return {{QStringLiteral("runId"), run.runId},
            {QStringLiteral("project"), run.project},
            {QStringLiteral("phase"), run.phase},
            {QStringLiteral("mappingVersion"), run.mappingVersion},
            {QStringLiteral("mode"), runModeName(run.mode)},
            {QStringLiteral("status"), runStatusName(run.status)},
            {QStringLiteral("message"), run.message},
            {QStringLiteral("startedAt"), LedgerTimestamp::of(run.startedAt)},
            {QStringLiteral("finishedAt"), run.finishedAt.isValid()
                                               ? QJsonValue(LedgerTimestamp::of(run.finishedAt))
                                               : QJsonValue()},
            {QStringLiteral("seconds"), took < 0 ? QJsonValue() : QJsonValue(took)},
            {QStringLiteral("balances"), balances},
            {QStringLiteral("options"), optionsWithoutSnapshot(run)},
            {QStringLiteral("tables"), tables}};
}

QJsonObject RunHistoryPrinter::tableJson(const RunTableRecord &t)
{
    const double s = t.seconds();
    return {{QStringLiteral("table"), t.tableName},
            {QStringLiteral("status"), runStatusName(t.status)},
            {QStringLiteral("sourceRows"), t.sourceRows},
            {QStringLiteral("loaded"), t.loaded},
            {QStringLiteral("quarantined"), t.quarantined},
            {QStringLiteral("skipped"), t.skipped},
            {QStringLiteral("read"), t.read},
            {QStringLiteral("balances"), t.balances()},
            {QStringLiteral("seconds"), s < 0 ? QJsonValue() : QJsonValue(s)},
            {QStringLiteral("startedAt"), LedgerTimestamp::of(t.startedAt)},
            {QStringLiteral("finishedAt"),
             t.finishedAt.isValid() ? QJsonValue(LedgerTimestamp::of(t.finishedAt)) : QJsonValue()},
            {QStringLiteral("timings"), t.timings},
            {QStringLiteral("watermark"), t.watermark},
            {QStringLiteral("createdTable"), t.createdTable}};
}

} // namespace cutover::cli
