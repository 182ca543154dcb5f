#pragma once

#include "project/ProjectSettings.h"
#include "run/RunOptions.h"
#include "run/RunThresholds.h"

#include <QMutex>
#include <QString>

namespace cutover {

class RunControl;

// Watches the project's automatic rollback triggers (or the run's own) after every batch of any
// table, on that table's thread: a run stops at that batch boundary when one is crossed; a dry
// run goes on and reports what a real run would have done.
class ThresholdWatch
{
public:
    ThresholdWatch(ProjectSettings settings, RunOptions options);

    void check(const QList<RunThresholds::Table> &tables, RunControl &control);
    // The dry run's finding, empty when no limit was crossed.
    QString dryRunFinding() const;

private:
    ProjectSettings m_settings;
    RunOptions m_options;
    mutable QMutex m_mutex;
    QString m_dryRunFinding;
};

} // namespace cutover
