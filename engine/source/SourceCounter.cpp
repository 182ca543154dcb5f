#include "source/SourceCounter.h"

#include "connect/SqlConnection.h"
#include "source/RowSourceFactory.h"
#include "source/SqlRowSource.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cutover {

Result<SourceCounter::Counts>
SourceCounter::count(const Project &project, const TableMapping &mapping, const RowQuery &query,
                     const PasswordProvider *passwords, const std::atomic<bool> *cancelled)
{
    auto spec = RowSourceFactory::sourceSpec(project);
    if (!spec)
        return spec.error();
    TableMapping unfiltered = mapping;
    unfiltered.filter.clear();
    RowQuery selected = query;
    selected.orderBy.clear();
    selected.limit = -1;
    const bool csv = spec->kind() == ConnectionSpec::Kind::Csv;
    Counts counts;
    auto all = csv ? countByReading(project, unfiltered, {}, passwords, cancelled)
                   : countSql(project, unfiltered, {}, passwords);
    if (!all)
        return all.error();
    counts.all = *all;
    const bool filtered = !mapping.filter.trimmed().isEmpty() || !query.filters.isEmpty() ||
                          !query.keyColumns.isEmpty();
    if (!filtered) {
        counts.selected = counts.all;
        return counts;
    }
    auto chosen = csv ? countByReading(project, mapping, selected, passwords, cancelled)
                      : countSql(project, mapping, selected, passwords);
    if (!chosen)
        return chosen.error();
    counts.selected = *chosen;
    return counts;
}

Result<qint64> SourceCounter::countSql(const Project &project, const TableMapping &mapping,
                                       const RowQuery &query, const PasswordProvider *passwords)
{
    auto spec = RowSourceFactory::sourceSpec(project);
    if (!spec)
        return spec.error();
    auto connection = SqlConnection::open(*spec, passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    RowQuery keysOnly = query;
    keysOnly.columns = {};
    const QString sql = QStringLiteral("SELECT count(*) FROM (%1) AS cutover_count")
                            .arg(SqlRowSource::selectStatement(spec->kind(), mapping, keysOnly));
    QSqlQuery q((*connection)->database());
    if (!q.prepare(sql))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot count the rows of %1: %2")
                         .arg(mapping.source.isEmpty() ? mapping.target : mapping.source,
                              q.lastError().text()),
                     spec->displayName());
    for (const QVariant &v : SqlRowSource::keyInValues(query))
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot count the rows of %1: %2")
                         .arg(mapping.source.isEmpty() ? mapping.target : mapping.source,
                              q.lastError().text()),
                     spec->displayName());
    return q.value(0).toLongLong();
}

Result<qint64> SourceCounter::countByReading(const Project &project, const TableMapping &mapping,
                                             const RowQuery &query,
                                             const PasswordProvider *passwords,
                                             const std::atomic<bool> *cancelled)
{
    auto source = RowSourceFactory::open(project, mapping, query, passwords);
    if (!source)
        return source.error();
    qint64 rows = 0;
    for (;;) {
        if (cancelled && cancelled->load())
            return Error(Error::Code::Cancelled, QStringLiteral("counting was cancelled"));
        auto batch = (*source)->next(10000);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return rows;
        rows += batch->size();
    }
}

} // namespace cutover
