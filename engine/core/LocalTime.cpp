#include "core/LocalTime.h"

#include <QDateTime>
#include <QHash>
#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace cutover {

namespace {

constexpr qint64 kWindow = 3 * 24 * 3600;   // wider than any offset or transition step
constexpr qint64 kBucket = 366 * 24 * 3600; // transitions are fetched a year at a time
constexpr qint64 kDay = 24 * 3600;
constexpr int kNotQuiet = std::numeric_limits<int>::min();

struct Transition
{
    qint64 at;
    int before;
    int after;
};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - (a % b < 0 ? 1 : 0);
}

// A zone's offsets and transitions, fetched from QTimeZone once per year and kept per thread:
// asking QTimeZone for every row cost more than the rest of to_utc.
class ZoneOffsets
{
public:
    explicit ZoneOffsets(const QTimeZone &zone)
        : m_zone(zone)
    {}

    int offsetAt(qint64 utc)
    {
        const Year &year = yearOf(utc);
        int offset = year.startOffset;
        for (const Transition &t : year.transitions)
            if (t.at <= utc)
                offset = t.after;
        return offset;
    }

    // The offset of every reading of wall-clock day `day` when no transition is within kWindow
    // of the day: then resolve() finds each reading once, at that offset (the candidates are
    // all that offset). Cached per day: resolving row by row cost most of to_utc.
    std::optional<int> quietOffset(qint64 day)
    {
        auto it = m_quietDays.constFind(day);
        if (it == m_quietDays.constEnd()) {
            const qint64 from = day * kDay - kWindow;
            const qint64 to = day * kDay + kDay - 1 + kWindow;
            bool quiet = true;
            for (qint64 b = floorDiv(from, kBucket); b <= floorDiv(to, kBucket) && quiet; ++b)
                for (const Transition &t : bucket(b).transitions)
                    if (t.at >= from && t.at <= to)
                        quiet = false;
            it = m_quietDays.insert(day, quiet ? offsetAt(day * kDay) : kNotQuiet);
        }
        return *it == kNotQuiet ? std::nullopt : std::optional<int>(*it);
    }

    QList<Transition> transitionsNear(qint64 wallSeconds)
    {
        QList<Transition> found;
        const qint64 from = wallSeconds - kWindow;
        const qint64 to = wallSeconds + kWindow;
        for (qint64 b = floorDiv(from, kBucket); b <= floorDiv(to, kBucket); ++b)
            for (const Transition &t : bucket(b).transitions)
                if (t.at >= from && t.at <= to)
                    found.append(t);
        return found;
    }

private:
    struct Year
    {
        int startOffset = 0;
        QList<Transition> transitions; // in time order, inside the bucket
    };

    const Year &yearOf(qint64 utc) { return bucket(floorDiv(utc, kBucket)); }

    const Year &bucket(qint64 index)
    {
        auto it = m_years.find(index);
        if (it != m_years.end())
            return it.value();
        const qint64 start = index * kBucket;
        Year year;
        year.startOffset = m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(start, Qt::UTC));
        int before = year.startOffset;
        const auto list =
            m_zone.transitions(QDateTime::fromSecsSinceEpoch(start, Qt::UTC),
                               QDateTime::fromSecsSinceEpoch(start + kBucket - 1, Qt::UTC));
        for (const QTimeZone::OffsetData &data : list) {
            const qint64 at = data.atUtc.toSecsSinceEpoch();
            if (at < start || at >= start + kBucket)
                continue;
            year.transitions.append({at, before, data.offsetFromUtc});
            before = data.offsetFromUtc;
        }
        return m_years.insert(index, year).value();
    }

    QTimeZone m_zone;
    QHash<qint64, Year> m_years;
    QHash<qint64, int> m_quietDays; // wall-clock day -> its offset, or kNotQuiet
};

ZoneOffsets &offsetsOf(const QTimeZone &zone)
{
    thread_local QHash<QByteArray, std::shared_ptr<ZoneOffsets>> zones;
    std::shared_ptr<ZoneOffsets> &entry = zones[zone.id()];
    if (!entry)
        entry = std::make_shared<ZoneOffsets>(zone);
    return *entry;
}

} // namespace

LocalTime LocalTime::resolve(const QTimeZone &zone, qint64 wallSeconds)
{
    ZoneOffsets &offsets = offsetsOf(zone);
    if (const std::optional<int> offset = offsets.quietOffset(floorDiv(wallSeconds, kDay))) {
        const qint64 utc = wallSeconds - *offset;
        return {Kind::Unique, utc, utc};
    }
    const QList<Transition> transitions = offsets.transitionsNear(wallSeconds);
    QList<int> candidates{offsets.offsetAt(wallSeconds - kWindow), offsets.offsetAt(wallSeconds)};
    for (const Transition &t : transitions)
        candidates << t.before << t.after;
    QList<qint64> instants;
    for (int offset : candidates) {
        const qint64 utc = wallSeconds - offset;
        if (offsets.offsetAt(utc) == offset && !instants.contains(utc))
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
    const qint64 fallback = wallSeconds - offsets.offsetAt(wallSeconds);
    return {Kind::Gap, fallback, fallback};
}

} // namespace cutover
