#pragma once

#include "RunAlarms.h"
#include "run/RunProgress.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace cutover {

// The whole run at a glance: a progress bar of the rows read of all tables' counts, then run
// time, time left, speed, rows written, and the quarantined rows and their share, which turn
// amber and then red (with a sign, for readers who cannot tell the colours apart) as they near
// the limits that stop the run (RunAlarms).
class RunTotalsBar : public QWidget
{
    Q_OBJECT

public:
    explicit RunTotalsBar(QWidget *parent = nullptr);

    void setProgress(const RunProgress &progress, const RunAlarms &alarms);
    void clear();

    QProgressBar *bar() const { return m_bar; }
    QLabel *quarantinedLabel() const { return m_quarantined; }
    QLabel *errorRateLabel() const { return m_errorRate; }
    QLabel *timeLeftLabel() const { return m_timeLeft; }
    // The level each gauge shows (tests, screenshots).
    RunAlarms::Level quarantinedLevel() const { return m_quarantinedLevel; }
    RunAlarms::Level errorRateLevel() const { return m_errorRateLevel; }

    // Seconds until all rows are read at the run's speed so far; -1 when unknown.
    static qint64 secondsLeft(const RunProgress &progress);

private:
    static void showGauge(QLabel *label, const RunAlarms::Gauge &gauge);

    QProgressBar *m_bar = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_timeLeft = nullptr;
    QLabel *m_speed = nullptr;
    QLabel *m_written = nullptr;
    QLabel *m_quarantined = nullptr;
    QLabel *m_errorRate = nullptr;
    RunAlarms::Level m_quarantinedLevel = RunAlarms::Level::NoLimit;
    RunAlarms::Level m_errorRateLevel = RunAlarms::Level::NoLimit;
};

} // namespace cutover
