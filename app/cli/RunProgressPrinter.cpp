#include "RunProgressPrinter.h"

#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cutover::cli {

namespace {

constexpr qint64 kPlainIntervalMs = 5000;

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--");
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m%2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'));
}

QString jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

RunProgressPrinter::RunProgressPrinter(QTextStream &out, Style style)
    : m_out(out)
    , m_style(style)
{}

QString RunProgressPrinter::count(qint64 n)
{
    QString digits = QString::number(qAbs(n));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString RunProgressPrinter::bar(double share, int width)
{
    const int filled = qBound(0, int(share * width + 0.5), width);
    return QStringLiteral("[") + QString(filled, QLatin1Char('#')) +
           QString(width - filled, QLatin1Char('-')) + QStringLiteral("]");
}

QString RunProgressPrinter::tableLine(const TableProgress &t)
{
    QString line = QStringLiteral("%1 %2 read %3")
                       .arg(t.table, TableProgress::stageName(t.stage), count(t.read));
    if (t.expectedRows >= 0)
        line += QStringLiteral("/%1").arg(count(t.expectedRows));
    line +=
        QStringLiteral(", written %1, quarantined %2").arg(count(t.written), count(t.quarantined));
    if (t.rowsPerSecond > 0)
        line += QStringLiteral(", %1 rows/s").arg(count(qRound64(t.rowsPerSecond)));
    if (t.stage == TableProgress::Stage::Loading && t.etaSeconds >= 0)
        line += QStringLiteral(", ETA %1").arg(duration(t.etaSeconds));
    return line;
}

void RunProgressPrinter::progress(const RunProgress &progress)
{
    QMutexLocker lock(&m_mutex);
    switch (m_style) {
    case Style::Json:
        m_out << jsonLine(progress.toJson()) << '\n';
        m_out.flush();
        return;
    case Style::Plain:
        plainProgress(progress);
        return;
    case Style::Bar:
        barProgress(progress);
        return;
    }
}

void RunProgressPrinter::plainProgress(const RunProgress &progress)
{
    const bool periodic =
        m_lastPlainMs < 0 || progress.elapsedMs - m_lastPlainMs >= kPlainIntervalMs;
    for (const TableProgress &t : progress.tables) {
        const bool changed = m_stages.value(t.table, TableProgress::Stage::Waiting) != t.stage;
        m_stages[t.table] = t.stage;
        if (changed || (periodic && t.stage == TableProgress::Stage::Loading))
            m_out << tableLine(t) << '\n';
    }
    if (periodic)
        m_lastPlainMs = progress.elapsedMs;
    m_out.flush();
}

// [####------] 2/5 tables  encounter 5,000/6,079, 8,361 rows/s, ETA 0s  467 quarantined
// The bar fills by tables done plus the share of the loading tables read.
void RunProgressPrinter::barProgress(const RunProgress &progress)
{
    double done = 0;
    int finished = 0;
    QStringList active;
    for (const TableProgress &t : progress.tables) {
        if (t.stage == TableProgress::Stage::Done) {
            done += 1;
            ++finished;
            continue;
        }
        if (t.stage != TableProgress::Stage::Loading)
            continue;
        if (t.expectedRows > 0)
            done += qMin(1.0, double(t.read) / double(t.expectedRows));
        QString part = t.table + QLatin1Char(' ') + count(t.read);
        if (t.expectedRows >= 0)
            part += QLatin1Char('/') + count(t.expectedRows);
        if (t.rowsPerSecond > 0)
            part += QStringLiteral(", %1 rows/s").arg(count(qRound64(t.rowsPerSecond)));
        if (t.etaSeconds >= 0)
            part += QStringLiteral(", ETA %1").arg(duration(t.etaSeconds));
        active.append(part);
    }
    const qsizetype tables = qMax<qsizetype>(1, progress.tables.size());
    QString line = QStringLiteral("%1 %2/%3 tables  %4  %5 quarantined")
                       .arg(bar(done / double(tables), 24))
                       .arg(finished)
                       .arg(progress.tables.size())
                       .arg(active.join(QStringLiteral("; ")), count(progress.quarantined()));
    if (progress.paused)
        line += QStringLiteral("  (paused)");
    m_out << '\r' << line.leftJustified(110).left(110);
    m_out.flush();
    m_barShown = true;
}

void RunProgressPrinter::clearBar()
{
    if (!m_barShown)
        return;
    m_out << '\r' << QString(110, QLatin1Char(' ')) << '\r';
    m_barShown = false;
}

void RunProgressPrinter::notice(const QString &message)
{
    QMutexLocker lock(&m_mutex);
    if (m_style == Style::Json) {
        m_out << jsonLine({{QStringLiteral("event"), QStringLiteral("notice")},
                           {QStringLiteral("message"), message}})
              << '\n';
    } else {
        clearBar();
        m_out << message << '\n';
    }
    m_out.flush();
}

void RunProgressPrinter::finished(const RunRecord &run)
{
    QMutexLocker lock(&m_mutex);
    if (m_style == Style::Json) {
        QJsonArray tables;
        for (const RunTableRecord &t : run.tables)
            tables.append(QJsonObject{{QStringLiteral("table"), t.tableName},
                                      {QStringLiteral("status"), runStatusName(t.status)},
                                      {QStringLiteral("sourceRows"), t.sourceRows},
                                      {QStringLiteral("loaded"), t.loaded},
                                      {QStringLiteral("quarantined"), t.quarantined},
                                      {QStringLiteral("skipped"), t.skipped},
                                      {QStringLiteral("deleted"), t.deleted},
                                      {QStringLiteral("balances"), t.balances()},
                                      {QStringLiteral("timings"), t.timings}});
        m_out << jsonLine({{QStringLiteral("event"), QStringLiteral("finished")},
                           {QStringLiteral("runId"), run.runId},
                           {QStringLiteral("mode"), runModeName(run.mode)},
                           {QStringLiteral("status"), runStatusName(run.status)},
                           {QStringLiteral("message"), run.message},
                           {QStringLiteral("tables"), tables}})
              << '\n';
        m_out.flush();
        return;
    }
    clearBar();
    m_out << "\nRun " << run.runId << " (" << runModeName(run.mode)
          << (run.phase.isEmpty() ? QString() : QStringLiteral(", phase ") + run.phase)
          << "): " << runStatusName(run.status) << '\n';
    m_out << QStringLiteral("  %1 %2 %3 %4 %5 %6  %7\n")
                 .arg(QStringLiteral("table"), -16)
                 .arg(QStringLiteral("source"), 11)
                 .arg(QStringLiteral("loaded"), 11)
                 .arg(QStringLiteral("quarantined"), 11)
                 .arg(QStringLiteral("skipped"), 11)
                 .arg(QStringLiteral("seconds"), 8)
                 .arg(QStringLiteral("ledger"));
    for (const RunTableRecord &t : run.tables) {
        const double seconds = t.timings.value(QStringLiteral("total_ms")).toDouble() / 1000.0;
        const QString ledger = t.status != RunStatus::Succeeded ? runStatusName(t.status)
                               : t.balances()                   ? QStringLiteral("balances")
                                              : QStringLiteral("DOES NOT BALANCE");
        m_out << QStringLiteral("  %1 %2 %3 %4 %5 %6  %7\n")
                     .arg(t.tableName, -16)
                     .arg(count(t.sourceRows), 11)
                     .arg(count(t.loaded), 11)
                     .arg(count(t.quarantined), 11)
                     .arg(count(t.skipped), 11)
                     .arg(seconds, 8, 'f', 1)
                     .arg(ledger);
    }
    for (const RunTableRecord &t : run.tables)
        if (t.deleted > 0)
            m_out << "  " << t.tableName << ": " << count(t.deleted)
                  << " rows deleted, their source rows are gone\n";
    if (!run.message.isEmpty())
        m_out << run.message << '\n';
    m_out.flush();
}

} // namespace cutover::cli
