#include "KeyCrosswalk.h"

#include "SqlDialect.h"

namespace cutover {

QString KeyCrosswalk::tableName()
{
    return QStringLiteral("cutover_key_crosswalk");
}

KeyCrosswalk::KeyCrosswalk(TargetSession &session)
    : m_session(&session)
    , m_kind(session.kind())
{}

void KeyCrosswalk::rebind(TargetSession &session)
{
    m_session = &session;
    m_ready = false;
}

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
    // On SQLite one b-tree keyed by (namespace, source_key) instead of a rowid table plus its
    // key index: half the pages written for each pair.
    const QString rowid =
        m_kind == ConnectionSpec::Kind::Sqlite ? QStringLiteral(" WITHOUT ROWID") : QString();
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %3 NOT NULL, %4 %5 NOT NULL, "
                          "%6 %7 NOT NULL, PRIMARY KEY (%2, %4))%8")
        .arg(quoted(tableName()), quoted(QStringLiteral("namespace")), ns,
             quoted(QStringLiteral("source_key")), source, quoted(QStringLiteral("target_key")),
             target, rowid);
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
    if (auto created = m_session->execute(createSql()); !created)
        return sqlError(QStringLiteral("create the key crosswalk table"),
                        created.error().message());
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
        QList<QVariantList> rows;
        rows.reserve(pairs.size());
        for (auto it = pairs.cbegin(); it != pairs.cend(); ++it)
            rows.append({keyValue(it.key().first), keyValue(it.key().second), it.value()});
        const QStringList key = {QStringLiteral("namespace"), QStringLiteral("source_key")};
        // A pair already there is left as it is (not written again): a replayed batch, or the
        // parent keys a child table's batches record again and again, add nothing.
        auto done = m_session->mergeRows(
            tableName(), key + QStringList{QStringLiteral("target_key")}, key, rows);
        if (!done)
            written = sqlError(QStringLiteral("write the key crosswalk"), done.error().message());
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
    auto rows = m_session->query(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4 = ?")
                                     .arg(quoted(QStringLiteral("target_key")), quoted(tableName()),
                                          quoted(QStringLiteral("namespace")),
                                          quoted(QStringLiteral("source_key"))),
                                 {keyValue(keyNamespace), keyValue(sourceKey)});
    if (!rows)
        return sqlError(QStringLiteral("read the key crosswalk"), rows.error().message());
    if (rows->isEmpty())
        return std::optional<QString>();
    return std::optional<QString>(rows->first().value(0).toString());
}

} // namespace cutover
