#pragma once

#include "project/Project.h"
#include "run/RunOptions.h"
#include "run/RunProgress.h"
#include "run/RunThresholds.h"

#include <QString>

namespace cutover {

// How near a running run is to the triggers that stop and roll it back (RunThresholds: the
// project's limits or the run's own), for the run monitor's counters: a warning from half a
// limit, critical from 80% of it. A share is judged once it rests on enough rows (a first bad
// row of three is no trend), as the engine does.
class RunAlarms
{
public:
    enum class Level
    {
        NoLimit,
        Ok,
        Warning,
        Critical
    };
    struct Gauge
    {
        Level level = Level::NoLimit;
        double fraction = 0; // of the limit reached
        QString text;        // "12 quarantined (limit 500, settings.maxQuarantined)"
    };

    static constexpr double kWarning = 0.5;
    static constexpr double kCritical = 0.8;
    static constexpr qint64 kEnoughRows = 1000;

    RunAlarms(const Project &project, const RunOptions &options);

    // The run's quarantined rows against the most it may quarantine.
    Gauge quarantined(const RunProgress &progress) const;
    // The worst share of quarantined rows against its limit: of all rows read, or of a table's.
    Gauge errorRate(const RunProgress &progress) const;
    // A table's share against its limit.
    Level tableLevel(const TableProgress &table) const;

    static Level levelOf(double fraction);
    // "warning", "critical", ... for tooltips and accessible text.
    static QString levelName(Level level);

private:
    double tableLimit(const QString &table) const;
    static bool enoughToJudge(qint64 read, qint64 expected);

    Project m_project;
    RunThresholds m_thresholds;
};

} // namespace cutover
