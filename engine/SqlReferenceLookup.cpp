#include "SqlReferenceLookup.h"

#include "SqlDialect.h"
#include "ValueText.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

namespace cutover {

namespace {

ConnectionSpec::Kind dialectOf(const QSqlDatabase &db)
{
    const QString driver = db.driverName();
    if (driver.startsWith(QLatin1String("QPSQL")))
        return ConnectionSpec::Kind::PostgreSql;
    if (driver.startsWith(QLatin1String("QMYSQL")) || driver.startsWith(QLatin1String("QMARIADB")))
        return ConnectionSpec::Kind::MySql;
    return ConnectionSpec::Kind::Sqlite;
}

} // namespace

SqlReferenceLookup::SqlReferenceLookup(QString connectionName, Missing missing)
    : m_connectionName(std::move(connectionName))
    , m_missingPolicy(missing)
{}

Result<QSqlQuery *> SqlReferenceLookup::queryFor(const QString &table, const QString &column)
{
    const QString key = table + QChar(0x1f) + column;
    if (const auto found = m_queries.find(key); found != m_queries.end())
        return found->second.get();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return Error(Error::Code::Connection, QStringLiteral("the target connection is not open"),
                     m_connectionName);
    const ConnectionSpec::Kind kind = dialectOf(db);
    auto query = std::make_unique<QSqlQuery>(db);
    query->setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? LIMIT 1")
                            .arg(SqlDialect::quoteIdentifier(table, kind),
                                 SqlDialect::quoteIdentifier(column, kind));
    if (!query->prepare(sql))
        return Error(Error::Code::Schema,
                     QStringLiteral("cannot look up references in %1.%2: %3")
                         .arg(table, column, query->lastError().text()),
                     m_connectionName, QStringLiteral("check that the table and column exist"));
    QSqlQuery *prepared = query.get();
    m_queries.emplace(key, std::move(query));
    return prepared;
}

Result<bool> SqlReferenceLookup::exists(const QString &table, const QString &column,
                                        const QVariant &value)
{
    if (value.isNull())
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
        CompactKeySet &missing = m_missing[key];
        if (missing.size() >= CacheLimit)
            missing = CompactKeySet();
        missing.insert(text);
    }
    return exists;
}

} // namespace cutover
