#include "transform/rules/SqlReferenceLookup.h"

#include "core/ValueText.h"
#include "dialect/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

namespace cutover {

SqlReferenceLookup::SqlReferenceLookup(QString connectionName, Missing missing)
    : m_connectionName(std::move(connectionName))
    , m_missingPolicy(missing)
{}

Result<QSqlQuery *> SqlReferenceLookup::queryFor(const QString &table, const QString &column)
{
    return prepared(m_queries, table, column, [](const QString &t, const QString &c) {
        return QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? LIMIT 1").arg(t, c);
    });
}

Result<QSqlQuery *> SqlReferenceLookup::prefetchQueryFor(const QString &table,
                                                         const QString &column)
{
    return prepared(m_prefetchQueries, table, column, [](const QString &t, const QString &c) {
        QStringList marks(PrefetchChunk, QStringLiteral("?"));
        return QStringLiteral("SELECT %2 FROM %1 WHERE %2 IN (%3)")
            .arg(t, c, marks.join(QStringLiteral(", ")));
    });
}

Result<QSqlQuery *> SqlReferenceLookup::prepared(Queries &queries, const QString &table,
                                                 const QString &column, const SqlOf &sqlOf)
{
    const QString key = table + QChar(0x1f) + column;
    if (const auto found = queries.find(key); found != queries.end())
        return found->second.get();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return Error(Error::Code::Connection, QStringLiteral("the target connection is not open"),
                     m_connectionName);
    const ConnectionSpec::Kind kind = SqlDialect::kindOfDriver(db.driverName());
    auto query = std::make_unique<QSqlQuery>(db);
    query->setForwardOnly(true);
    const QString sql =
        sqlOf(SqlDialect::quoteIdentifier(table, kind), SqlDialect::quoteIdentifier(column, kind));
    if (!query->prepare(sql))
        return Error(Error::Code::Schema,
                     QStringLiteral("cannot look up references in %1.%2: %3")
                         .arg(table, column, query->lastError().text()),
                     m_connectionName, QStringLiteral("check that the table and column exist"));
    QSqlQuery *made = query.get();
    queries.emplace(key, std::move(query));
    return made;
}

Result<void> SqlReferenceLookup::prefetch(const QString &table, const QString &column,
                                          const QVariantList &values)
{
    const QString key = table + QChar(0x1f) + column;
    QSet<QString> &found = m_found[key];
    found.clear();
    if (values.isEmpty() || m_skipped.contains(table))
        return {};
    Result<QSqlQuery *> query = prefetchQueryFor(table, column);
    if (!query)
        return query.error();
    for (qsizetype first = 0; first < values.size(); first += PrefetchChunk)
        if (Result<void> fetched = fetchChunk(**query, values, first, table, column, found);
            !fetched)
            return fetched;
    // What the prefetch did not find is missing as much as what exists() does not find.
    if (m_missingPolicy == Missing::Remember)
        for (const QVariant &value : values)
            if (const QString text = ValueText::of(value); !found.contains(text))
                rememberMissing(key, text);
    return {};
}

void SqlReferenceLookup::rememberMissing(const QString &key, const QString &text)
{
    CompactKeySet &missing = m_missing[key];
    if (missing.size() >= CacheLimit)
        missing = CompactKeySet();
    missing.insert(text);
}

// A short last chunk repeats its last value, so one prepared query serves every chunk.
Result<void> SqlReferenceLookup::fetchChunk(QSqlQuery &query, const QVariantList &values,
                                            qsizetype first, const QString &table,
                                            const QString &column, QSet<QString> &found)
{
    for (int i = 0; i < PrefetchChunk; ++i)
        query.bindValue(i, values.at(qMin(first + i, values.size() - 1)));
    if (!query.exec())
        return Error(Error::Code::Connection,
                     QStringLiteral("looking up %1 values in %2.%3 failed: %4")
                         .arg(qMin<qsizetype>(PrefetchChunk, values.size() - first))
                         .arg(table, column, query.lastError().text()),
                     m_connectionName);
    while (query.next())
        found.insert(ValueText::ofStored(query.value(0)));
    query.finish();
    return {};
}

Result<bool> SqlReferenceLookup::exists(const QString &table, const QString &column,
                                        const QVariant &value)
{
    if (value.isNull() || m_skipped.contains(table))
        return false;
    const QString key = table + QChar(0x1f) + column;
    QSet<QString> &found = m_found[key];
    const QString text = ValueText::of(value);
    if (found.contains(text))
        return true;
    const bool remember = m_missingPolicy == Missing::Remember;
    if (remember && m_missing[key].contains(text))
        return false;
    Result<QSqlQuery *> query = queryFor(table, column);
    if (!query)
        return query.error();
    QSqlQuery &q = **query;
    q.bindValue(0, value);
    if (!q.exec())
        return Error(Error::Code::Connection,
                     QStringLiteral("looking up %1 in %2.%3 failed: %4")
                         .arg(ValueText::display(value), table, column, q.lastError().text()),
                     m_connectionName);
    const bool exists = q.next();
    q.finish();
    if (exists) {
        if (found.size() >= CacheLimit)
            found.clear();
        found.insert(text);
    } else if (remember) {
        rememberMissing(key, text);
    }
    return exists;
}

} // namespace cutover
