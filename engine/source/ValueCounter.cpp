#include "source/ValueCounter.h"

#include "connect/SqlConnection.h"
#include "core/ValueText.h"
#include "source/RowSourceFactory.h"
#include "source/SqlRowSource.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace cutover {

namespace {

QList<ValueCounter::Count> sorted(const QHash<QString, qint64> &counts)
{
    QList<ValueCounter::Count> list;
    list.reserve(counts.size());
    for (auto it = counts.begin(); it != counts.end(); ++it)
        list.append({it.key(), it.value()});
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return a.rows != b.rows ? a.rows > b.rows : a.value < b.value;
    });
    return list;
}

Error cannotRead(const TableMapping &mapping, const QString &column, const QString &why,
                 const QString &where)
{
    return Error(
        Error::Code::Io,
        QStringLiteral("cannot read the values of %1.%2: %3").arg(mapping.source, column, why),
        where, QStringLiteral("check the table and column names"));
}

} // namespace

Result<QList<ValueCounter::Count>> ValueCounter::count(const Project &project, const QString &table,
                                                       const QString &column,
                                                       const PasswordProvider *passwords,
                                                       const std::atomic<bool> *cancelled)
{
    if (table.trimmed().isEmpty() || column.trimmed().isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("pick a source table and column"));
    auto spec = RowSourceFactory::sourceSpec(project);
    if (!spec)
        return spec.error();
    const TableMapping mapping = readerOf(project, table);
    if (spec->kind() == ConnectionSpec::Kind::Csv)
        return countByReading(project, mapping, column, passwords, cancelled);
    return countSql(project, mapping, column, passwords);
}

TableMapping ValueCounter::readerOf(const Project &project, const QString &table)
{
    for (const TableMapping &m : project.mappings)
        if (m.query.trimmed().isEmpty() && m.source.compare(table, Qt::CaseInsensitive) == 0)
            return m;
    TableMapping bare;
    bare.source = table;
    bare.target = table;
    return bare;
}

Result<QList<ValueCounter::Count>> ValueCounter::countSql(const Project &project,
                                                          const TableMapping &mapping,
                                                          const QString &column,
                                                          const PasswordProvider *passwords)
{
    auto spec = RowSourceFactory::sourceSpec(project);
    if (!spec)
        return spec.error();
    auto connection = SqlConnection::open(*spec, passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    RowQuery query;
    query.columns = {column};
    const QString name = (*connection)->quote(column);
    const QString sql =
        QStringLiteral("SELECT %1, count(*) FROM (%2) AS cutover_values WHERE %1 IS NOT NULL "
                       "GROUP BY %1")
            .arg(name, SqlRowSource::selectStatement(spec->kind(), mapping, query));
    QSqlQuery q((*connection)->database());
    q.setForwardOnly(true);
    if (!q.prepare(sql) || !q.exec())
        return cannotRead(mapping, column, q.lastError().text(), spec->displayName());
    QHash<QString, qint64> counts;
    while (q.next())
        counts[ValueText::ofStored(q.value(0))] += q.value(1).toLongLong();
    return sorted(counts);
}

Result<QList<ValueCounter::Count>> ValueCounter::countByReading(const Project &project,
                                                                const TableMapping &mapping,
                                                                const QString &column,
                                                                const PasswordProvider *passwords,
                                                                const std::atomic<bool> *cancelled)
{
    RowQuery query;
    query.columns = {column};
    auto source = RowSourceFactory::open(project, mapping, query, passwords);
    if (!source)
        return source.error();
    QHash<QString, qint64> counts;
    for (;;) {
        if (cancelled && cancelled->load())
            return Error(Error::Code::Cancelled,
                         QStringLiteral("reading the values was cancelled"));
        auto batch = (*source)->next(10000);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return sorted(counts);
        for (const QVariantList &row : batch->rows)
            if (!row.isEmpty() && !row.first().isNull())
                counts[ValueText::ofStored(row.first())] += 1;
    }
}

} // namespace cutover
