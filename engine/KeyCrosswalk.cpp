#include "KeyCrosswalk.h"

#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cutover {

namespace {

ConnectionSpec::Kind kindOf(const QSqlDatabase &db)
{
    const QString driver = db.driverName();
    if (driver == QLatin1String("QPSQL"))
        return ConnectionSpec::Kind::PostgreSql;
    if (driver == QLatin1String("QMYSQL") || driver == QLatin1String("QMARIADB"))
        return ConnectionSpec::Kind::MySql;
    return ConnectionSpec::Kind::Sqlite;
}

} // namespace

QString KeyCrosswalk::tableName()
{
    return QStringLiteral("cutover_key_crosswalk");
}

KeyCrosswalk::KeyCrosswalk(const QSqlDatabase &db)
    : KeyCrosswalk(db, kindOf(db))
{}

KeyCrosswalk::KeyCrosswalk(const QSqlDatabase &db, ConnectionSpec::Kind kind)
    : m_db(db)
    , m_kind(kind)
{}

QString KeyCrosswalk::quoted(const QString &name) const
{
    return SqlDialect::quoteIdentifier(name, m_kind);
}

QString KeyCrosswalk::createSql() const
{
    const bool mysql = m_kind == ConnectionSpec::Kind::MySql;
    const QString ns = mysql ? QStringLiteral("VARBINARY(255)") : QStringLiteral("TEXT");
    const QString source = mysql ? QStringLiteral("VARBINARY(2048)") : QStringLiteral("TEXT");
    const QString target = mysql ? QStringLiteral("CHAR(36)") : QStringLiteral("TEXT");
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %3 NOT NULL, %4 %5 NOT NULL, "
                          "%6 %7 NOT NULL, PRIMARY KEY (%2, %4))")
        .arg(quoted(tableName()), quoted(QStringLiteral("namespace")), ns,
             quoted(QStringLiteral("source_key")), source, quoted(QStringLiteral("target_key")),
             target);
}

QString KeyCrosswalk::insertSql() const
{
    const QString columns = SqlDialect::quoteIdentifiers(
        {QStringLiteral("namespace"), QStringLiteral("source_key"), QStringLiteral("target_key")},
        m_kind);
    const QString insert = QStringLiteral("INSERT %1INTO %2 (%3) VALUES (?, ?, ?)");
    switch (m_kind) {
    case ConnectionSpec::Kind::MySql: {
        // Not INSERT IGNORE: that would also turn a too-long key into a silent truncation.
        const QString target = quoted(QStringLiteral("target_key"));
        return insert.arg(QString(), quoted(tableName()), columns) +
               QStringLiteral(" ON DUPLICATE KEY UPDATE %1 = %1").arg(target);
    }
    case ConnectionSpec::Kind::PostgreSql:
        return insert.arg(QString(), quoted(tableName()), columns) +
               QStringLiteral(" ON CONFLICT DO NOTHING");
    default:
        return insert.arg(QStringLiteral("OR IGNORE "), quoted(tableName()), columns);
    }
}

QVariant KeyCrosswalk::keyValue(const QString &text) const
{
    if (m_kind == ConnectionSpec::Kind::MySql)
        return text.toUtf8();
    return text;
}

Error KeyCrosswalk::sqlError(const QString &what, const QString &message) const
{
    return Error(Error::Code::Io, QStringLiteral("cannot %1: %2").arg(what, message), tableName());
}

Result<void> KeyCrosswalk::ensureTable()
{
    if (m_ready)
        return {};
    QSqlQuery query(m_db);
    if (!query.exec(createSql()))
        return sqlError(QStringLiteral("create the key crosswalk table"), query.lastError().text());
    m_ready = true;
    return {};
}

void KeyCrosswalk::record(const QString &keyNamespace, const QString &sourceKey,
                          const QString &targetKey)
{
    const QMutexLocker lock(&m_mutex);
    m_buffer.insert({keyNamespace, sourceKey}, targetKey);
}

qsizetype KeyCrosswalk::pending() const
{
    const QMutexLocker lock(&m_mutex);
    return m_buffer.size();
}

Result<void> KeyCrosswalk::flush()
{
    QMap<Key, QString> pairs;
    {
        const QMutexLocker lock(&m_mutex);
        pairs.swap(m_buffer);
    }
    if (pairs.isEmpty())
        return {};
    Result<void> written = ensureTable();
    if (written) {
        QVariantList namespaces, sources, targets;
        for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
            namespaces.append(keyValue(it.key().first));
            sources.append(keyValue(it.key().second));
            targets.append(it.value());
        }
        QSqlQuery query(m_db);
        if (!query.prepare(insertSql()))
            written =
                sqlError(QStringLiteral("prepare the crosswalk insert"), query.lastError().text());
        query.addBindValue(namespaces);
        query.addBindValue(sources);
        query.addBindValue(targets);
        if (written && !query.execBatch())
            written = sqlError(QStringLiteral("write the key crosswalk"), query.lastError().text());
    }
    if (!written) {
        const QMutexLocker lock(&m_mutex);
        pairs.insert(m_buffer); // keep what arrived meanwhile, and what failed
        m_buffer.swap(pairs);
    }
    return written;
}

Result<std::optional<QString>> KeyCrosswalk::targetKey(const QString &keyNamespace,
                                                       const QString &sourceKey)
{
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_buffer.constFind({keyNamespace, sourceKey});
        if (it != m_buffer.constEnd())
            return std::optional<QString>(*it);
    }
    if (Result<void> ready = ensureTable(); !ready)
        return ready.error();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4 = ?")
                      .arg(quoted(QStringLiteral("target_key")), quoted(tableName()),
                           quoted(QStringLiteral("namespace")),
                           quoted(QStringLiteral("source_key"))));
    query.addBindValue(keyValue(keyNamespace));
    query.addBindValue(keyValue(sourceKey));
    if (!query.exec())
        return sqlError(QStringLiteral("read the key crosswalk"), query.lastError().text());
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

} // namespace cutover
