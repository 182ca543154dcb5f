#include "run/FileLock.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cutover {

namespace {

Error failure(const QString &path, const QString &what, int error)
{
    return Error(Error::Code::Io,
                 QStringLiteral("cannot %1 the lock file: %2")
                     .arg(what, QString::fromLocal8Bit(std::strerror(error))),
                 path, QStringLiteral("the folder must be writable"));
}

// Whether fd is still the file at path: its last holder removes it on release.
bool isNamedBy(int fd, const QByteArray &path)
{
    struct stat opened = {};
    struct stat named = {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 &&
           opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

} // namespace

FileLock::FileLock(QString path, int fd)
    : m_path(std::move(path))
    , m_fd(fd)
{}

FileLock::~FileLock()
{
    ::unlink(QFile::encodeName(m_path).constData()); // while still held: see isNamedBy
    ::close(m_fd);
}

Result<std::unique_ptr<FileLock>> FileLock::tryLock(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return failure(path, QStringLiteral("open"), errno);
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            ::close(fd);
            if (error == EWOULDBLOCK)
                return std::unique_ptr<FileLock>();
            return failure(path, QStringLiteral("lock"), error);
        }
        if (isNamedBy(fd, name))
            return std::unique_ptr<FileLock>(new FileLock(path, fd));
        ::close(fd); // released and removed meanwhile: lock the file there now
    }
    return Error(Error::Code::Io, QStringLiteral("the lock file keeps being replaced"), path);
}

} // namespace cutover
