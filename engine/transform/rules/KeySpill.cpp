#include "transform/rules/KeySpill.h"

#include <sqlite3.h>

namespace cutover {

namespace {

void bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

} // namespace

Result<std::unique_ptr<KeySpill>> KeySpill::create()
{
    sqlite3 *db = nullptr;
    // An empty file name: a private temporary file, deleted when the connection closes.
    if (sqlite3_open_v2("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return Error(Error::Code::Io,
                     QStringLiteral("cannot create the reference key spill: %1").arg(message));
    }
    std::unique_ptr<KeySpill> spill(new KeySpill(db));
    const QByteArray cache = "PRAGMA cache_size = -" + QByteArray::number(kCacheKib);
    for (const char *sql :
         {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", cache.constData(),
          "CREATE TABLE k (scope TEXT, key TEXT, PRIMARY KEY (scope, key)) WITHOUT ROWID"})
        if (auto ok = spill->exec(sql); !ok)
            return ok.error();
    if (sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO k VALUES (?, ?)", -1, &spill->m_insert,
                           nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT 1 FROM k WHERE scope = ? AND key = ?", -1, &spill->m_find,
                           nullptr) != SQLITE_OK)
        return spill->failure(QStringLiteral("prepare"));
    return spill;
}

KeySpill::KeySpill(sqlite3 *db)
    : m_db(db)
{}

KeySpill::~KeySpill()
{
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_find);
    sqlite3_close(m_db);
}

Error KeySpill::failure(const QString &what) const
{
    return Error(Error::Code::Io, QStringLiteral("reference key spill: cannot %1: %2")
                                      .arg(what, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

Result<void> KeySpill::exec(const char *sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return failure(QString::fromUtf8(sql));
    return {};
}

Result<bool> KeySpill::insert(const QString &scope, const QString &text)
{
    if (!m_inTransaction) {
        if (auto ok = exec("BEGIN"); !ok)
            return ok.error();
        m_inTransaction = true;
    }
    bindText(m_insert, 1, scope);
    bindText(m_insert, 2, text);
    const int rc = sqlite3_step(m_insert);
    sqlite3_reset(m_insert);
    if (rc != SQLITE_DONE)
        return failure(QStringLiteral("add a key"));
    return sqlite3_changes(m_db) > 0;
}

Result<bool> KeySpill::contains(const QString &scope, const QString &text)
{
    if (auto ok = commit(); !ok)
        return ok.error();
    bindText(m_find, 1, scope);
    bindText(m_find, 2, text);
    const int rc = sqlite3_step(m_find);
    sqlite3_reset(m_find);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return failure(QStringLiteral("look up a key"));
    return rc == SQLITE_ROW;
}

Result<void> KeySpill::commit()
{
    if (!m_inTransaction)
        return {};
    m_inTransaction = false;
    return exec("COMMIT");
}

} // namespace cutover
