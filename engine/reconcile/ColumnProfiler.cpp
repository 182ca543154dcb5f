#include "reconcile/ColumnProfiler.h"

#include "core/IsoTimestamp.h"
#include "core/ValueText.h"

namespace cutover {

namespace {

// SQLite keeps dates and timestamps as text: a text column whose smallest and largest values are
// both ISO dates holds a date range too.
bool looksTemporal(const QVariant &min, const QVariant &max)
{
    if (min.typeId() != QMetaType::QString || max.typeId() != QMetaType::QString)
        return false;
    const auto iso = [](const QString &text) {
        return text.size() >= 10 && text.at(4) == QLatin1Char('-') &&
               IsoTimestamp::parse(text).ok();
    };
    return iso(min.toString()) && iso(max.toString());
}

} // namespace

ColumnProfiler::ColumnProfiler(const QList<ValueComparer> &comparers)
    : m_comparers(comparers)
    , m_nulls(comparers.size(), 0)
    , m_min(comparers.size())
    , m_max(comparers.size())
    , m_distinct(comparers.size(), 0)
{}

void ColumnProfiler::add(const QVariantList &values)
{
    for (qsizetype c = 0; c < m_comparers.size(); ++c) {
        const QVariant &value = values.at(c);
        if (value.isNull())
            ++m_nulls[c];
        else
            offer(c, value);
    }
}

void ColumnProfiler::offer(qsizetype c, const QVariant &value)
{
    if (value.isNull())
        return;
    if (m_min.at(c).isNull() || m_comparers.at(c).compare(value, m_min.at(c)) < 0)
        m_min[c] = value;
    if (m_max.at(c).isNull() || m_comparers.at(c).compare(value, m_max.at(c)) > 0)
        m_max[c] = value;
}

void ColumnProfiler::setDistinct(const QList<qint64> &distinct)
{
    for (qsizetype c = 0; c < distinct.size() && c < m_distinct.size(); ++c)
        m_distinct[c] = distinct.at(c);
}

QList<ColumnProfile> ColumnProfiler::profiles() const
{
    QList<ColumnProfile> result;
    for (qsizetype c = 0; c < m_comparers.size(); ++c) {
        ColumnProfile p;
        p.column = m_comparers.at(c).column();
        p.nulls = m_nulls.at(c);
        p.distinct = m_distinct.at(c);
        p.min = m_min.at(c).isNull() ? QString() : ValueText::display(m_min.at(c));
        p.max = m_max.at(c).isNull() ? QString() : ValueText::display(m_max.at(c));
        p.temporal = m_comparers.at(c).isTemporal() || looksTemporal(m_min.at(c), m_max.at(c));
        result.append(p);
    }
    return result;
}

qint64 ColumnProfiler::nulls() const
{
    qint64 sum = 0;
    for (qint64 n : m_nulls)
        sum += n;
    return sum;
}

} // namespace cutover
