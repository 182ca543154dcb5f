#include "ProgressBarLine.h"

#include "RunProgressPrinter.h"

#include <QList>
#include <QStringList>
#include <cmath>

namespace cutover::cli {

namespace {

constexpr double kUnfinishedShare = 0.95; // at most, for a table not done yet

QString elided(const QString &name, int width)
{
    if (width < 0 || name.size() <= width)
        return name;
    return name.left(qMax(1, width - 1)) + QChar(0x2026);
}

} // namespace

QString ProgressBarLine::format(const RunProgress &progress, int width)
{
    const int room = qMax(20, width - 1);
    // The bar's width follows the terminal's alone, so that it stays put while the text changes.
    const int barWidth = width >= 100 ? 24 : width >= 70 ? 16 : 8;
    QList<Layout> layouts;
    for (const Detail detail : {Detail::Full, Detail::NoRate, Detail::Counts, Detail::Percent})
        layouts.append({detail, barWidth});
    for (const int nameWidth : {-1, 16, 12, 8, 4})
        layouts.append({Detail::Percent, barWidth, nameWidth, true});
    for (const Layout &layout : std::as_const(layouts))
        if (QString line = compose(progress, layout); line.size() <= room)
            return line;
    return compose(progress, layouts.last()).left(room - 1) + QChar(0x2026);
}

double ProgressBarLine::share(const RunProgress &progress)
{
    if (progress.tables.isEmpty())
        return 0;
    double done = 0;
    for (const TableProgress &t : progress.tables)
        done += tableShare(t);
    return done / double(progress.tables.size());
}

double ProgressBarLine::tableShare(const TableProgress &t)
{
    return t.stage == TableProgress::Stage::Done ? 1 : qMin(handled(t), kUnfinishedShare);
}

double ProgressBarLine::handled(const TableProgress &t)
{
    if (t.expectedRows <= 0)
        return 0;
    return qBound(0.0, double(t.written + t.quarantined) / double(t.expectedRows), 1.0);
}

QString ProgressBarLine::bar(double share, int width)
{
    const int filled = share >= 1 ? width : qBound(0, int(std::floor(share * width)), width - 1);
    return QLatin1Char('[') + QString(filled, QLatin1Char('#')) +
           QString(width - filled, QLatin1Char('-')) + QLatin1Char(']');
}

QString ProgressBarLine::compose(const RunProgress &progress, const Layout &layout)
{
    QString line = bar(share(progress), layout.barWidth) + QLatin1Char(' ');
    if (progress.tables.isEmpty())
        return line + QStringLiteral("preparing");
    int finished = 0;
    QStringList loading;
    for (const TableProgress &t : progress.tables) {
        finished += t.stage == TableProgress::Stage::Done ? 1 : 0;
        if (t.stage == TableProgress::Stage::Loading)
            loading.append(tablePart(t, layout.detail, layout.nameWidth));
    }
    line += QStringLiteral("%1/%2").arg(finished).arg(progress.tables.size());
    if (!layout.compact)
        line += QStringLiteral(" tables");
    if (!loading.isEmpty())
        line += QStringLiteral("  ") + loading.join(QStringLiteral("; "));
    line += QStringLiteral("  ") + RunProgressPrinter::count(progress.quarantined()) +
            (layout.compact ? QStringLiteral(" quar.") : QStringLiteral(" quarantined"));
    if (progress.paused)
        line += QStringLiteral("  (paused)");
    return line;
}

QString ProgressBarLine::tablePart(const TableProgress &t, Detail detail, int nameWidth)
{
    QString part = elided(t.table, nameWidth) + QLatin1Char(' ');
    if (detail == Detail::Percent && t.expectedRows > 0)
        return part + QStringLiteral("%1%").arg(qMin(99, int(handled(t) * 100)));
    part += RunProgressPrinter::count(t.read);
    if (t.expectedRows >= 0)
        part += QLatin1Char('/') + RunProgressPrinter::count(t.expectedRows);
    if (detail == Detail::Full && t.rowsPerSecond > 0)
        part +=
            QStringLiteral(", %1 rows/s").arg(RunProgressPrinter::count(qRound64(t.rowsPerSecond)));
    if ((detail == Detail::Full || detail == Detail::NoRate) && t.etaSeconds >= 0)
        part += QStringLiteral(", ETA %1").arg(RunProgressPrinter::duration(t.etaSeconds));
    return part;
}

} // namespace cutover::cli
