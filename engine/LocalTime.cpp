#include "LocalTime.h"

#include <QDateTime>
#include <algorithm>

namespace cutover {

namespace {

constexpr qint64 kWindow = 3 * 24 * 3600; // wider than any offset or transition step

int offsetAt(const QTimeZone &zone, qint64 utcSeconds)
{
    return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC));
}

struct Transition
{
    qint64 at;
    int before;
    int after;
};

QList<Transition> transitionsNear(const QTimeZone &zone, qint64 wallSeconds)
{
    QList<Transition> found;
    const auto list =
        zone.transitions(QDateTime::fromSecsSinceEpoch(wallSeconds - kWindow, Qt::UTC),
                         QDateTime::fromSecsSinceEpoch(wallSeconds + kWindow, Qt::UTC));
    for (const QTimeZone::OffsetData &data : list) {
        const qint64 at = data.atUtc.toSecsSinceEpoch();
        found.append({at, offsetAt(zone, at - 1), data.offsetFromUtc});
    }
    return found;
}

} // namespace

LocalTime LocalTime::resolve(const QTimeZone &zone, qint64 wallSeconds)
{
    const QList<Transition> transitions = transitionsNear(zone, wallSeconds);
    QList<int> offsets{offsetAt(zone, wallSeconds - kWindow), offsetAt(zone, wallSeconds)};
    for (const Transition &t : transitions)
        offsets << t.before << t.after;
    QList<qint64> instants;
    for (int offset : offsets) {
        const qint64 utc = wallSeconds - offset;
        if (offsetAt(zone, utc) == offset && !instants.contains(utc))
            instants.append(utc);
    }
    std::sort(instants.begin(), instants.end());
    if (instants.size() == 1)
        return {Kind::Unique, instants.first(), instants.first()};
    if (instants.size() > 1)
        return {Kind::Overlap, instants.first(), instants.last()};
    for (const Transition &t : transitions)
        if (t.after > t.before && wallSeconds >= t.at + t.before && wallSeconds < t.at + t.after)
            return {Kind::Gap, wallSeconds - t.after, wallSeconds - t.before};
    const qint64 fallback = wallSeconds - offsetAt(zone, wallSeconds);
    return {Kind::Gap, fallback, fallback};
}

} // namespace cutover
