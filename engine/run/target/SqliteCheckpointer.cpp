#include "run/target/SqliteCheckpointer.h"

#include <pthread.h>
#include <sqlite3.h>

namespace cutover {

Result<std::unique_ptr<SqliteCheckpointer>> SqliteCheckpointer::start(const QString &path)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return Error(Error::Code::Connection,
                     QStringLiteral("cannot open for checkpoints: %1").arg(message), path);
    }
    // NORMAL: the log is synced before its pages are copied and the file after, as SQLite's own
    // automatic checkpoint does in WAL mode.
    sqlite3_exec(db, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
    auto checkpointer = std::unique_ptr<SqliteCheckpointer>(new SqliteCheckpointer(db, path));
    checkpointer->m_thread = std::thread([c = checkpointer.get()] { c->loop(); });
    return checkpointer;
}

SqliteCheckpointer::SqliteCheckpointer(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{}

SqliteCheckpointer::~SqliteCheckpointer()
{
    stop();
}

void SqliteCheckpointer::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

QString SqliteCheckpointer::lastError() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

void SqliteCheckpointer::loop()
{
    pthread_setname_np(pthread_self(), "checkpointer");
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        checkpoint();
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(kIntervalMs),
                        [this] { return m_stopping; });
    }
}

void SqliteCheckpointer::checkpoint()
{
    int logFrames = 0;
    int backfilled = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames,
                                             &backfilled);
    if (rc == SQLITE_OK) {
        // A log started afresh since the last checkpoint counts from zero again.
        const int before = backfilled >= m_lastBackfilled ? m_lastBackfilled : 0;
        m_framesCopied += qMax(0, backfilled - before);
        m_lastBackfilled = backfilled;
        return;
    }
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return; // another checkpoint runs (a writer's own): try again next time
    const std::lock_guard lock(m_mutex);
    m_lastError =
        QStringLiteral("checkpoint of %1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

} // namespace cutover
