#pragma once

#include "core/Result.h"

#include <QString>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace cutover {

// Copies a SQLite target's write-ahead log into the database file on a thread and connection of
// its own while the run's writers go on appending to the log. Left to the writers, each commit
// past SQLite's automatic checkpoint size (1,000 pages) waits while its pages are copied and
// both files synced: at 1,000,000 demo patients that was a quarter of the writer's CPU time,
// plus the waits for the syncs. Here the copy runs beside the writer in passive mode (never
// waiting for, nor blocking, readers and writers). The writers keep an automatic checkpoint at
// kWriterCheckpointPages: SQLite only starts the log afresh after a checkpoint that copied
// every frame, which one running beside a writer never quite does, so that one, with little
// left to copy, bounds the log's size.
class SqliteCheckpointer
{
public:
    static constexpr int kWriterCheckpointPages = 65536; // 256 MiB of 4 KiB pages
    static constexpr int kIntervalMs = 50;

    // Opens its own connection to the database at path (which must be in WAL mode) and starts.
    static Result<std::unique_ptr<SqliteCheckpointer>> start(const QString &path);
    ~SqliteCheckpointer(); // stops
    SqliteCheckpointer(const SqliteCheckpointer &) = delete;
    SqliteCheckpointer &operator=(const SqliteCheckpointer &) = delete;

    // Stops the thread after its current checkpoint and closes the connection.
    void stop();
    // Frames copied into the database file so far, over all checkpoints.
    qint64 framesCopied() const { return m_framesCopied; }
    // The last error other than the busy result of a checkpoint that had to yield; empty if none.
    QString lastError() const;

private:
    SqliteCheckpointer(sqlite3 *db, QString path);
    void loop();
    void checkpoint();

    sqlite3 *m_db;
    const QString m_path;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QString m_lastError;
    std::atomic<qint64> m_framesCopied = 0;
    int m_lastBackfilled = 0; // frames the previous checkpoint found copied, in the same log
};

} // namespace cutover
