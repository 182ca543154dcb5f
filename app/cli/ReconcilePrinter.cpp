#include "ReconcilePrinter.h"

#include "report/ReportFacts.h"

#include <QMutexLocker>

namespace cutover::cli {

namespace {

constexpr qint64 kQuietMs = 2000;

QString n(qint64 value)
{
    return ReportFacts::count(value);
}

QString shortId(const QString &id)
{
    return id.isEmpty() ? QStringLiteral("--") : id.left(8);
}

} // namespace

ReconcilePrinter::ReconcilePrinter(QTextStream &out)
    : m_out(out)
{
    m_sinceLine.start();
}

void ReconcilePrinter::progress(const Reconciler::Progress &p)
{
    QMutexLocker lock(&m_mutex);
    const bool changed = p.table != m_lastTable || p.stage != m_lastStage;
    if (!changed && m_sinceLine.elapsed() < kQuietMs)
        return;
    m_lastTable = p.table;
    m_lastStage = p.stage;
    m_sinceLine.restart();
    m_out << QStringLiteral("[%1/%2] %3: %4 %5 rows")
                 .arg(p.tablesDone + (p.tablesDone < p.tablesTotal ? 1 : 0))
                 .arg(p.tablesTotal)
                 .arg(p.table, p.stage, n(p.rows))
          << Qt::endl;
}

void ReconcilePrinter::notice(const QString &message)
{
    QMutexLocker lock(&m_mutex);
    m_out << message << Qt::endl;
}

QString ReconcilePrinter::tableLine(const TableReconciliation &t, int nameWidth)
{
    QStringList found{QStringLiteral("%1 matched").arg(n(t.matched))};
    for (const auto &[count, word] : {std::pair{t.missing, "missing"},
                                      {t.extra, "extra"},
                                      {t.modified, "modified"},
                                      {t.quarantined, "quarantined"},
                                      {ReportFacts::duplicates(t), "duplicate"},
                                      {t.orphanRows(), "orphaned"},
                                      {t.invalidRows(), "invalid"}})
        if (count)
            found.append(QStringLiteral("%1 %2").arg(n(count), QLatin1String(word)));
    return QStringLiteral("  %1  %2  %3 expected, %4 in the target: %5")
        .arg(t.table.leftJustified(nameWidth),
             reconcileStatusTitle(t.status).toUpper().leftJustified(12), n(t.expectedRows),
             n(t.targetRows), found.join(QStringLiteral(", ")));
}

void ReconcilePrinter::summary(const ReconcileReport &report)
{
    QMutexLocker lock(&m_mutex);
    int width = 5;
    for (const TableReconciliation &t : report.tables)
        width = std::max(width, int(t.table.size()));
    m_out << QStringLiteral("Reconciliation of %1: report %2, run %3, %4")
                 .arg(report.project, shortId(report.reportId), shortId(report.runId),
                      ReportFacts::when(report.createdAt))
          << '\n';
    if (!report.phases.isEmpty())
        m_out << QStringLiteral("Expected rows of %1; the other phases' rows are not counted "
                                "missing")
                     .arg(ReportFacts::scope(report))
              << '\n';
    for (const TableReconciliation &t : report.tables) {
        m_out << tableLine(t, width) << '\n';
        for (const QString &reason : t.reasons)
            m_out << QString(width + 18, QLatin1Char(' ')) << "- " << reason << '\n';
    }
    int failing = 0;
    for (const TableReconciliation &t : report.tables)
        failing += t.status != ReconcileStatus::Pass ? 1 : 0;
    m_out << QStringLiteral("Overall: %1 (%2 of %3 tables pass) in %4")
                 .arg(reconcileStatusTitle(report.status).toUpper())
                 .arg(report.tables.size() - failing)
                 .arg(report.tables.size())
                 .arg(ReportFacts::duration(report.durationMs))
          << Qt::endl;
}

void ReconcilePrinter::list(const QString &project, const QString &target,
                            const QList<StoredReport> &reports)
{
    QMutexLocker lock(&m_mutex);
    if (reports.isEmpty()) {
        m_out << "No reconciliation reports stored for " << project << " in " << target
              << ". Make one with 'cutover-cli reconcile PROJECT'." << Qt::endl;
        return;
    }
    m_out << QStringLiteral("%1  %2  %3  %4")
                 .arg(QStringLiteral("REPORT").leftJustified(36),
                      QStringLiteral("CREATED").leftJustified(23),
                      QStringLiteral("STATUS").leftJustified(12), QStringLiteral("RUN"))
          << '\n';
    for (const StoredReport &r : reports)
        m_out << QStringLiteral("%1  %2  %3  %4")
                     .arg(r.reportId.leftJustified(36),
                          ReportFacts::when(r.createdAt).leftJustified(23),
                          reconcileStatusTitle(r.status).leftJustified(12),
                          r.runId.isEmpty() ? QStringLiteral("--") : r.runId)
              << '\n';
    m_out.flush();
}

} // namespace cutover::cli
