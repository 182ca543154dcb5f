#include "run/ThresholdWatch.h"

#include "run/RunControl.h"

namespace cutover {

ThresholdWatch::ThresholdWatch(ProjectSettings settings, RunOptions options)
    : m_settings(std::move(settings))
    , m_options(std::move(options))
{}

void ThresholdWatch::check(const QList<RunThresholds::Table> &tables, RunControl &control)
{
    const QString message = RunThresholds(m_settings, m_options).exceeded(tables);
    if (message.isEmpty())
        return;
    if (m_options.mode == RunMode::DryRun) {
        QMutexLocker lock(&m_mutex);
        if (m_dryRunFinding.isEmpty())
            m_dryRunFinding = QStringLiteral("a real run would stop here: ") + message;
        return;
    }
    control.stop(RunStatus::Failed,
                 QStringLiteral("stopped at a batch boundary: %1. This is a rollback trigger: "
                                "review the rows with 'cutover-cli quarantine', then roll the run "
                                "back, or fix the source and run again to continue it "
                                "(--max-error-rate and --max-quarantined set the limits for one "
                                "run)")
                     .arg(message));
}

QString ThresholdWatch::dryRunFinding() const
{
    QMutexLocker lock(&m_mutex);
    return m_dryRunFinding;
}

} // namespace cutover
