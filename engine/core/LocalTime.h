#pragma once

#include <QTimeZone>

namespace cutover {

// Where a wall-clock reading in a time zone falls: once, never (a gap: the clocks jumped over
// it) or twice (an overlap: the clocks went back over it).
struct LocalTime
{
    enum class Kind
    {
        Unique,
        Gap,
        Overlap
    };

    Kind kind = Kind::Unique;
    // UTC seconds since the epoch. Unique: both the same. Overlap: the first and the second
    // occurrence. Gap: the reading moved back by the gap length (read with the offset after
    // the jump, so it lands before it) and forward by the gap length (read with the offset
    // before the jump, so it lands after it); e.g. Europe/Berlin 2021-03-28 02:30 gives
    // 01:30 CET (00:30Z) and 03:30 CEST (01:30Z).
    qint64 earlier = 0;
    qint64 later = 0;

    // wallSeconds: the reading as seconds since the epoch as if it were UTC.
    static LocalTime resolve(const QTimeZone &zone, qint64 wallSeconds);
};

} // namespace cutover
