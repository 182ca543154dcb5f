#include "RunAlarms.h"

#include <QCoreApplication>
#include <QLocale>

namespace cutover {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cutover::RunAlarms", text);
}

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

RunAlarms::RunAlarms(const Project &project, const RunOptions &options)
    : m_project(project)
    , m_thresholds(project.settings, options)
{}

RunAlarms::Level RunAlarms::levelOf(double fraction)
{
    if (fraction >= kCritical)
        return Level::Critical;
    if (fraction >= kWarning)
        return Level::Warning;
    return Level::Ok;
}

QString RunAlarms::levelName(Level level)
{
    switch (level) {
    case Level::NoLimit:
        return tr("no limit");
    case Level::Ok:
        return tr("well within its limit");
    case Level::Warning:
        return tr("past half its limit");
    case Level::Critical:
        return tr("near its limit");
    }
    return {};
}

bool RunAlarms::enoughToJudge(qint64 read, qint64 expected)
{
    const qint64 enough = expected >= 0 ? qMin(expected, kEnoughRows) : kEnoughRows;
    return read > 0 && read >= enough;
}

RunAlarms::Gauge RunAlarms::quarantined(const RunProgress &progress) const
{
    const QLocale locale;
    const qint64 count = progress.quarantined();
    const auto [limit, setting] = m_thresholds.quarantinedLimit();
    Gauge gauge;
    if (limit < 0) {
        gauge.text = tr("%1 quarantined").arg(locale.toString(count));
        return gauge;
    }
    gauge.fraction = limit == 0 ? (count > 0 ? 1.0 : 0.0) : double(count) / double(limit);
    gauge.level = levelOf(gauge.fraction);
    gauge.text = tr("%1 quarantined (limit %2, %3)")
                     .arg(locale.toString(count), locale.toString(limit), setting);
    return gauge;
}

double RunAlarms::tableLimit(const QString &table) const
{
    if (const TableMapping *mapping = m_project.mapping(table))
        return m_thresholds.tableRateLimit(*mapping).first;
    TableMapping none;
    return m_thresholds.tableRateLimit(none).first;
}

RunAlarms::Level RunAlarms::tableLevel(const TableProgress &table) const
{
    const double limit = tableLimit(table.table);
    if (limit <= 0 || limit >= 1.0)
        return limit == 0 && table.quarantined > 0 ? Level::Critical : Level::NoLimit;
    if (!enoughToJudge(table.read, table.expectedRows))
        return Level::Ok;
    return levelOf(double(table.quarantined) / double(table.read) / limit);
}

RunAlarms::Gauge RunAlarms::errorRate(const RunProgress &progress) const
{
    Gauge gauge;
    const qint64 read = progress.read();
    const double share = read > 0 ? double(progress.quarantined()) / double(read) : 0.0;
    gauge.text = tr("%1 of rows read").arg(percent(share));
    auto consider = [&gauge](double fraction, const QString &text) {
        if (gauge.level == Level::NoLimit || fraction > gauge.fraction) {
            gauge.fraction = fraction;
            gauge.level = levelOf(fraction);
            gauge.text = text;
        }
    };
    const auto [runLimit, runSetting] = m_thresholds.runRateLimit();
    if (runLimit > 0 && enoughToJudge(read, progress.expected()))
        consider(share / runLimit, tr("%1 of rows read (limit %2, %3)")
                                       .arg(percent(share), percent(runLimit), runSetting));
    for (const TableProgress &table : progress.tables) {
        const double limit = tableLimit(table.table);
        if (limit <= 0 || !enoughToJudge(table.read, table.expectedRows))
            continue;
        const double tableShare = double(table.quarantined) / double(table.read);
        consider(
            tableShare / limit,
            tr("%1 of %2's rows (limit %3)").arg(percent(tableShare), table.table, percent(limit)));
    }
    return gauge;
}

} // namespace cutover
