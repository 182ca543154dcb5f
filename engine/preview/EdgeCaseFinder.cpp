#include "preview/EdgeCaseFinder.h"

#include "transform/TransformProgram.h"

#include <algorithm>

namespace cutover {

namespace {

QString shown(const QVariant &value)
{
    QString text = value.toString();
    if (text.size() > 40)
        text = text.left(37) + QStringLiteral("...");
    return text;
}

// Text that spells a number counts as the number (a CSV field, a number kept in a text column).
bool numberOf(const QVariant &v, double *number)
{
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Double:
        *number = v.toDouble();
        return true;
    case QMetaType::QString: {
        bool ok = false;
        *number = v.toString().toDouble(&ok);
        return ok;
    }
    default:
        return false;
    }
}

int typeRank(const QVariant &v)
{
    double number = 0;
    if (numberOf(v, &number))
        return 0;
    return v.typeId() == QMetaType::QByteArray ? 2 : 1;
}

} // namespace

EdgeCaseFinder::EdgeCaseFinder(const QStringList &columns, const QStringList &mappedColumns,
                               const QStringList &extremeColumns, int limit)
    : m_columns(columns)
    , m_limit(limit)
{
    for (const QString &name : mappedColumns)
        if (const int at = int(columns.indexOf(name)); at >= 0 && !m_mapped.contains(at))
            m_mapped.append(at);
    for (const QString &name : extremeColumns)
        if (const int at = int(columns.indexOf(name)); at >= 0)
            m_extremeColumns.insert(at);
}

EdgeCaseFinder::~EdgeCaseFinder() = default;

QStringList EdgeCaseFinder::setProbes(const QList<Probe> &probes)
{
    QStringList notes;
    QList<TransformProgram::Output> outputs;
    m_probes.clear();
    for (const Probe &probe : probes) {
        const TransformProgram::Output output{QStringLiteral("probe%1").arg(outputs.size()),
                                              probe.expression};
        QList<TransformProgram::CompileError> errors;
        if (!TransformProgram::compile(m_columns, {output}, {probe.map}, &errors)) {
            notes.append(QStringLiteral("values missing from lookup '%1' not searched: %2")
                             .arg(probe.map.name, errors.value(0).message));
            continue;
        }
        outputs.append(output);
        m_probes.append(probe);
    }
    m_misses = QList<QMap<QString, Pick>>(m_probes.size());
    QList<LookupMap> maps;
    for (const Probe &probe : m_probes)
        maps.append(probe.map);
    if (!outputs.isEmpty())
        m_program = TransformProgram::compile(m_columns, outputs, maps, nullptr);
    return notes;
}

void EdgeCaseFinder::interrupt()
{
    if (m_program)
        m_program->interrupt();
}

Result<void> EdgeCaseFinder::add(const RowBatch &batch)
{
    RowBatch values;
    if (m_program && !batch.isEmpty()) {
        auto evaluated = m_program->run(batch);
        if (!evaluated)
            return evaluated.error();
        values = std::move(evaluated->values);
    }
    const qint64 first = m_position;
    for (const QVariantList &row : batch.rows) {
        scanRow(row);
        ++m_position;
    }
    if (!values.isEmpty()) {
        m_position = first;
        scanProbes(batch, values);
    }
    return {};
}

void EdgeCaseFinder::scanRow(const QVariantList &row)
{
    for (const int column : std::as_const(m_mapped)) {
        const QVariant &value = row.at(column);
        const QString &name = m_columns.at(column);
        if (value.isNull()) {
            if (!m_nulls.contains(column))
                m_nulls.insert(column, {m_position, row, QStringLiteral("NULL in %1").arg(name)});
            continue;
        }
        if (value.typeId() == QMetaType::QString) {
            const qsizetype length = value.toString().size();
            if (!m_shortestLength.contains(column) || length < m_shortestLength.value(column))
                m_shortestLength.insert(column, length);
            if (length > m_longestLength.value(column, 0)) {
                m_longestLength.insert(column, length);
                m_longest.insert(
                    column, {m_position, row,
                             QStringLiteral("longest %1 (%2 characters)").arg(name).arg(length)});
            }
        }
        noteExtreme(column, value, row);
    }
}

void EdgeCaseFinder::noteExtreme(int column, const QVariant &value, const QVariantList &row)
{
    Extreme &e = m_extremes[column];
    if (typeRank(value) != 0)
        e.onlyNumbers = false;
    const QString name = m_columns.at(column);
    if (e.low.position < 0 || compare(value, e.lowValue) < 0) {
        e.lowValue = value;
        e.low = {m_position, row, QStringLiteral("smallest %1 (%2)").arg(name, shown(value))};
    }
    if (e.high.position < 0 || compare(value, e.highValue) > 0) {
        e.highValue = value;
        e.high = {m_position, row, QStringLiteral("largest %1 (%2)").arg(name, shown(value))};
    }
}

void EdgeCaseFinder::scanProbes(const RowBatch &batch, const RowBatch &values)
{
    for (qsizetype r = 0; r < batch.size(); ++r, ++m_position) {
        for (qsizetype p = 0; p < m_probes.size(); ++p) {
            const QVariant value = values.rows.at(r).value(p);
            if (value.isNull())
                continue;
            const QString key = value.toString();
            const LookupMap &map = m_probes.at(p).map;
            if (map.entries.contains(key) || m_misses[p].contains(key) ||
                m_misses[p].size() >= m_limit)
                continue;
            QString reason = QStringLiteral("'%1' (%2) is not in lookup '%3'")
                                 .arg(shown(value), m_probes.at(p).expression, map.name);
            if (map.hasDefault)
                reason += QStringLiteral(" (takes its default)");
            m_misses[p].insert(key, {m_position, batch.rows.at(r), reason});
        }
    }
}

int EdgeCaseFinder::compare(const QVariant &a, const QVariant &b)
{
    const int ra = typeRank(a);
    const int rb = typeRank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    if (ra == 0) {
        if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong) {
            const qint64 x = a.toLongLong(), y = b.toLongLong();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        double x = 0, y = 0;
        numberOf(a, &x);
        numberOf(b, &y);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (ra == 2) {
        const QByteArray x = a.toByteArray(), y = b.toByteArray();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    return a.toString().compare(b.toString());
}

QList<QList<EdgeCaseFinder::Pick>> EdgeCaseFinder::candidateLists() const
{
    QList<QList<Pick>> lists;
    for (const auto &misses : m_misses) {
        QList<Pick> list = misses.values();
        std::sort(list.begin(), list.end(),
                  [](const Pick &a, const Pick &b) { return a.position < b.position; });
        lists.append(list);
    }
    lists.append(m_nulls.values());
    QList<Pick> extremes;
    for (auto it = m_extremes.cbegin(); it != m_extremes.cend(); ++it) {
        if (!m_extremeColumns.contains(it.key()) && !it->onlyNumbers)
            continue;
        extremes.append(it->low);
        extremes.append(it->high);
    }
    lists.append(extremes);
    QList<Pick> longest; // only where lengths vary: a fixed-width code has no longest value
    for (auto it = m_longest.cbegin(); it != m_longest.cend(); ++it)
        if (m_longestLength.value(it.key()) > m_shortestLength.value(it.key()))
            longest.append(*it);
    lists.append(longest);
    return lists;
}

EdgeCaseFinder::Picked EdgeCaseFinder::take()
{
    const QList<QList<Pick>> lists = candidateLists();
    QMap<qint64, Pick> chosen; // by scan position, so rows come in scan order
    for (qsizetype round = 0;; ++round) {
        bool any = false;
        for (const QList<Pick> &list : lists) {
            if (round >= list.size())
                continue;
            any = true;
            const Pick &pick = list.at(round);
            if (chosen.contains(pick.position)) {
                chosen[pick.position].reason += QStringLiteral("; ") + pick.reason;
            } else if (chosen.size() < m_limit) {
                chosen.insert(pick.position, pick);
            }
        }
        if (!any)
            break;
    }
    Picked picked;
    picked.rows.columns = m_columns;
    for (const Pick &pick : std::as_const(chosen)) {
        picked.rows.rows.append(pick.row);
        picked.reasons.append(pick.reason);
    }
    return picked;
}

} // namespace cutover
