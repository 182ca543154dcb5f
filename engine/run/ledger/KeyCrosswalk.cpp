#include "run/ledger/KeyCrosswalk.h"

#include "dialect/SqlDialect.h"

#include <QSet>

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
    QByteArray source = sourceKey.toUtf8();
    QByteArray target = targetKey.toUtf8();
    QList<QByteArray> written; // freed here, after the lock, instead of on the writer's thread
    const QMutexLocker lock(&m_mutex);
    written.swap(m_written);
    if (keyNamespace != m_lastNamespace) {
        m_lastNamespace = keyNamespace;
        m_lastNamespaceUtf8 = keyNamespace.toUtf8();
    }
    m_cells.append(m_lastNamespaceUtf8);
    m_cells.append(std::move(source));
    m_cells.append(std::move(target));
}

qsizetype KeyCrosswalk::pending() const
{
    const QMutexLocker lock(&m_mutex);
    return m_cells.size() / kColumns;
}

QStringList KeyCrosswalk::columns() const
{
    return {QStringLiteral("namespace"), QStringLiteral("source_key"),
            QStringLiteral("target_key")};
}

Result<void> KeyCrosswalk::flush()
{
    QList<QByteArray> cells;
    {
        const QMutexLocker lock(&m_mutex);
        cells.swap(m_cells);
    }
    if (cells.isEmpty())
        return {};
    Result<void> written = ensureTable();
    if (written)
        written = write(cells);
    const QMutexLocker lock(&m_mutex);
    if (written) {
        m_written.swap(cells);
    } else {
        cells.append(m_cells); // keep what failed, and what arrived meanwhile
        m_cells.swap(cells);
    }
    return written;
}

// A pair already there is left as it is (not written again): a replayed batch, or a pair
// recorded twice, adds nothing.
Result<void> KeyCrosswalk::write(const QList<QByteArray> &cells)
{
    const QStringList key = columns().mid(0, 2);
    const Result<qint64> done =
        m_kind == ConnectionSpec::Kind::Sqlite
            ? m_session->mergeUtf8Rows(tableName(), columns(), key, cells)
            : m_session->mergeRows(tableName(), columns(), key, distinctRows(cells));
    if (!done)
        return sqlError(QStringLiteral("write the key crosswalk"), done.error().message());
    return {};
}

// Each pair once (PostgreSQL's COPY would refuse a key twice, and the table would be merged
// through a staging table from then on), with MySQL's VARBINARY keys as bytes.
QList<QVariantList> KeyCrosswalk::distinctRows(const QList<QByteArray> &cells) const
{
    QList<QVariantList> rows;
    rows.reserve(cells.size() / kColumns);
    QSet<QByteArray> seen;
    for (qsizetype c = 0; c + kColumns <= cells.size(); c += kColumns) {
        const QByteArray &ns = cells.at(c);
        const QByteArray &source = cells.at(c + 1);
        const qsizetype before = seen.size();
        seen.insert(ns + '\x1f' + source);
        if (seen.size() == before)
            continue;
        if (m_kind == ConnectionSpec::Kind::MySql)
            rows.append({ns, source, QString::fromUtf8(cells.at(c + 2))});
        else
            rows.append({QString::fromUtf8(ns), QString::fromUtf8(source),
                         QString::fromUtf8(cells.at(c + 2))});
    }
    return rows;
}

Result<std::optional<QString>> KeyCrosswalk::targetKey(const QString &keyNamespace,
                                                       const QString &sourceKey)
{
    {
        const QByteArray ns = keyNamespace.toUtf8();
        const QByteArray source = sourceKey.toUtf8();
        const QMutexLocker lock(&m_mutex);
        for (qsizetype c = m_cells.size() - kColumns; c >= 0; c -= kColumns)
            if (m_cells.at(c + 1) == source && m_cells.at(c) == ns)
                return std::optional<QString>(QString::fromUtf8(m_cells.at(c + 2)));
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
