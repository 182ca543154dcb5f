#include "automap/SqlSampleProvider.h"

#include "connect/SqlConnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cutover {

SqlSampleProvider::SqlSampleProvider(SqlConnection &connection)
    : m_connection(connection)
{}

Result<QStringList> SqlSampleProvider::values(const QString &table, const QString &column,
                                              int limit)
{
    const QString key = table + QChar(0) + column + QChar(0) + QString::number(limit);
    if (const auto it = m_cache.constFind(key); it != m_cache.cend())
        return *it;
    auto read = this->read(table, column, limit);
    if (read)
        m_cache.insert(key, *read);
    return read;
}

Result<QStringList> SqlSampleProvider::read(const QString &table, const QString &column,
                                            int limit) const
{
    const QString quoted = m_connection.quote(column);
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %1 IS NOT NULL LIMIT %3")
                            .arg(quoted, m_connection.quote(table))
                            .arg(std::max(0, limit));
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return Error(Error::Code::Connection,
                     QStringLiteral("cannot read sample values: %1").arg(query.lastError().text()),
                     QStringLiteral("%1.%2").arg(table, column));
    QStringList values;
    while (query.next())
        values << query.value(0).toString();
    return values;
}

} // namespace cutover
