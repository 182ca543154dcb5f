#include "StallProbe.h"

#include <algorithm>

namespace cutover::test {

StallProbe::StallProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    m_timer.start();
    m_clock.start();
}

void StallProbe::start()
{
    m_last = m_started = m_longestAt = m_clock.nsecsElapsed();
    m_longest = 0;
}

void StallProbe::add(double ms)
{
    m_longest = std::max(m_longest, ms);
}

double StallProbe::longestMs()
{
    tick();
    return m_longest;
}

void StallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double gap = double(now - m_last) / 1e6;
    if (gap > m_longest) {
        m_longest = gap;
        m_longestAt = now;
    }
    m_last = now;
}

} // namespace cutover::test
