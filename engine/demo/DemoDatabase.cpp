#include "demo/DemoDatabase.h"

#include <sqlite3.h>

namespace cutover {

DemoDatabase::~DemoDatabase()
{
    sqlite3_close(m_db);
}

Error DemoDatabase::error(const QString &what) const
{
    const QString detail =
        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
    return Error(Error::Code::Io, what + QStringLiteral(": ") + detail, m_path,
                 QStringLiteral("check that the folder is writable and the disk is not full"));
}

Result<void> DemoDatabase::open(const QString &path)
{
    m_path = path;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK)
        return error(QStringLiteral("cannot create the database"));
    // The page size must be set before the first table; the rest keeps generation fast. Nothing
    // here depends on time or randomness, so equal statements give equal files.
    return exec("PRAGMA page_size = 4096;"
                "PRAGMA encoding = 'UTF-8';"
                "PRAGMA auto_vacuum = NONE;"
                "PRAGMA journal_mode = OFF;"
                "PRAGMA synchronous = OFF;"
                "PRAGMA locking_mode = EXCLUSIVE;"
                "PRAGMA temp_store = FILE;"
                "PRAGMA cache_size = -8192;");
}

Result<void> DemoDatabase::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return Error(Error::Code::Io, text, m_path,
                     QStringLiteral("check that the folder is writable and the disk is not full"));
    }
    return {};
}

Result<std::unique_ptr<DemoStatement>> DemoDatabase::prepare(const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
        SQLITE_OK)
        return error(QStringLiteral("cannot prepare '%1'").arg(QString::fromUtf8(sql)));
    return std::make_unique<DemoStatement>(m_db, statement);
}

Result<void> DemoDatabase::close()
{
    const int rc = sqlite3_close(m_db);
    if (rc != SQLITE_OK)
        return error(QStringLiteral("cannot close the database"));
    m_db = nullptr;
    return {};
}

} // namespace cutover
