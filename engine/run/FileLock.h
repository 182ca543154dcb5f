#pragma once

#include "core/Result.h"

#include <QString>
#include <memory>

namespace cutover {

// An exclusive advisory lock (flock) on a file of its own, such as "<database>.cutover-lock"
// next to a SQLite target. The kernel releases it when the process ends, however it ends, so a
// killed holder never leaves it taken. The file is removed on release; a process that opened
// it before then finds it replaced and locks the new one.
class FileLock
{
public:
    // The lock, or nullptr when another open file holds it (this process's included).
    static Result<std::unique_ptr<FileLock>> tryLock(const QString &path);
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    const QString &path() const { return m_path; }

private:
    FileLock(QString path, int fd);

    QString m_path;
    int m_fd = -1;
};

} // namespace cutover
