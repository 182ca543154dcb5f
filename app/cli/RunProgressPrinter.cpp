#include "RunProgressPrinter.h"

#include "ProgressBarLine.h"
#include "core/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <sys/ioctl.h>
#include <unistd.h>

namespace cutover::cli {

namespace {

constexpr qint64 kPlainIntervalMs = 5000;

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

QString RunProgressPrinter::duration(qint64 seconds)
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

// The terminal's columns: $COLUMNS when set (as other tools read it), else what the terminal
// says, else 80.
int RunProgressPrinter::terminalWidth()
{
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    if (ok && columns > 0)
        return columns;
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
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

void RunProgressPrinter::barProgress(const RunProgress &progress)
{
    const QString line = ProgressBarLine::format(progress, terminalWidth());
    // Spaces over what is left of a longer line before.
    m_out << '\r' << line.leftJustified(m_barLength);
    m_out.flush();
    m_barLength = int(line.size());
}

void RunProgressPrinter::clearBar()
{
    if (m_barLength == 0)
        return;
    m_out << '\r' << QString(m_barLength, QLatin1Char(' ')) << '\r';
    m_barLength = 0;
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
