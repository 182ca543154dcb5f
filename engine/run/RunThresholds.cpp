#include "run/RunThresholds.h"

#include "run/QuarantineShare.h"

namespace cutover {

namespace {

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QLatin1Char('%');
}

// Rejects cluster in key order (a deleted patient's visits): a share is judged once it rests on
// enough of the rows, and then only on what they show (QuarantineShare).
bool enoughToJudge(qint64 read, qint64 expected)
{
    const qint64 enough = expected >= 0 ? qMin<qint64>(expected, 10000) : 10000;
    return read > 0 && read >= enough;
}

QString rateExceeded(qint64 quarantined, qint64 read, const QString &what, double limit,
                     const QString &setting)
{
    return QStringLiteral("%1 of %2 were quarantined (%3 of %4), above the limit of %5 (%6)")
        .arg(percent(double(quarantined) / double(read)), what)
        .arg(quarantined)
        .arg(read)
        .arg(percent(limit), setting);
}

} // namespace

RunThresholds::RunThresholds(const ProjectSettings &settings, const RunOptions &options)
    : m_settings(settings)
    , m_maxErrorRate(options.maxErrorRate)
    , m_maxQuarantined(options.maxQuarantined)
{}

std::pair<double, QString> RunThresholds::tableRateLimit(const TableMapping &mapping) const
{
    if (m_maxErrorRate)
        return {*m_maxErrorRate, QStringLiteral("--max-error-rate")};
    if (mapping.maxErrorRate >= 0)
        return {mapping.maxErrorRate,
                QStringLiteral("maxErrorRate of the mapping to %1").arg(mapping.target)};
    return {m_settings.maxErrorRate, QStringLiteral("settings.maxErrorRate")};
}

QString RunThresholds::exceeded(const QList<Table> &tables) const
{
    qint64 read = 0;
    qint64 expected = 0;
    qint64 quarantined = 0;
    for (const Table &table : tables) {
        const TableProgress &p = table.progress;
        const TableMapping &mapping = *table.mapping;
        read += p.read;
        quarantined += p.quarantined;
        expected = expected < 0 || p.expectedRows < 0 ? -1 : expected + p.expectedRows;
        const auto [rate, setting] = tableRateLimit(mapping);
        if (enoughToJudge(p.read, p.expectedRows) &&
            QuarantineShare::isOverLimit(p.quarantined, p.read, rate))
            return rateExceeded(p.quarantined, p.read, QStringLiteral("the rows of ") + p.table,
                                rate, setting);
        if (!m_maxQuarantined && mapping.maxQuarantined >= 0 &&
            p.quarantined > mapping.maxQuarantined)
            return QStringLiteral("%1 rows of %2 were quarantined, more than its limit of %3 "
                                  "(maxQuarantined of the mapping to %2)")
                .arg(p.quarantined)
                .arg(p.table)
                .arg(mapping.maxQuarantined);
    }
    const auto [count, countSetting] = quarantinedLimit();
    if (count >= 0 && quarantined > count)
        return QStringLiteral("%1 rows were quarantined, more than the limit of %2 (%3)")
            .arg(quarantined)
            .arg(count)
            .arg(countSetting);
    const auto [runRate, rateSetting] = runRateLimit();
    if (enoughToJudge(read, expected) && QuarantineShare::isOverLimit(quarantined, read, runRate))
        return rateExceeded(quarantined, read, QStringLiteral("all rows read"), runRate,
                            rateSetting);
    return {};
}

std::pair<int, QString> RunThresholds::quarantinedLimit() const
{
    if (m_maxQuarantined)
        return {*m_maxQuarantined, QStringLiteral("--max-quarantined")};
    return {m_settings.maxQuarantined, QStringLiteral("settings.maxQuarantined")};
}

std::pair<double, QString> RunThresholds::runRateLimit() const
{
    if (m_maxErrorRate)
        return {*m_maxErrorRate, QStringLiteral("--max-error-rate")};
    return {m_settings.maxRunErrorRate, QStringLiteral("settings.maxRunErrorRate")};
}

} // namespace cutover
