#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace cutover::test {

// The longest gap between two ticks of a 1 ms timer on the GUI thread: how long the event loop
// was blocked, by anything, since start(). The benchmarks of the window measure its stalls.
class StallProbe : public QObject
{
public:
    StallProbe();

    void start();
    // Counts a block the probe could not see (work done after the loop stopped).
    void add(double ms);
    double longestMs();
    // When the longest block ended, in ms since start().
    double longestAtMs() const { return double(m_longestAt - m_started) / 1e6; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_started = 0;
    qint64 m_longestAt = 0;
    double m_longest = 0;
};

} // namespace cutover::test
