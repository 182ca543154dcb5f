#include "run/target/SqliteBackup.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace cutover {

namespace {

QString message(sqlite3 *db, int rc)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
}

struct Closer
{
    sqlite3 *db = nullptr;
    ~Closer() { sqlite3_close_v2(db); }
};

} // namespace

QString SqliteBackup::backupPath(const QString &database, const QString &runId)
{
    return database + QStringLiteral(".cutover-backup-") + runId;
}

Result<sqlite3 *> SqliteBackup::open(const QString &path, bool readOnly, const QString &what)
{
    sqlite3 *db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString text = message(db, rc);
        sqlite3_close_v2(db);
        return Error(Error::Code::Io,
                     QStringLiteral("%1: cannot open %2: %3").arg(what, path, text), path);
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return db;
}

Result<void> SqliteBackup::copy(sqlite3 *from, sqlite3 *to, const Progress &progress,
                                int pagesPerStep, const QString &what)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return Error(Error::Code::Io,
                     QStringLiteral("%1: %2").arg(what, message(to, SQLITE_ERROR)));
    QElapsedTimer busyFor;
    int rc = SQLITE_OK;
    bool cancelled = false;
    while (true) {
        rc = sqlite3_backup_step(backup, pagesPerStep > 0 ? pagesPerStep : -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (!busyFor.isValid())
                busyFor.start();
            if (busyFor.elapsed() > kBusyTimeoutMs)
                break;
            sqlite3_sleep(50);
            continue;
        }
        busyFor.invalidate();
        if (rc != SQLITE_OK && rc != SQLITE_DONE)
            break;
        const int total = sqlite3_backup_pagecount(backup);
        const int done = total - sqlite3_backup_remaining(backup);
        if (progress && !progress(done, total) && rc != SQLITE_DONE) {
            cancelled = true;
            break;
        }
        if (rc == SQLITE_DONE)
            break;
    }
    sqlite3_backup_finish(backup);
    if (cancelled)
        return Error(Error::Code::Cancelled, QStringLiteral("%1: cancelled").arg(what));
    if (rc != SQLITE_DONE)
        return Error(Error::Code::Io,
                     QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errstr(rc))),
                     QString(), QStringLiteral("check that no other program holds a lock on it"));
    return {};
}

Result<void> SqliteBackup::copyFile(const QString &from, const QString &to,
                                    const Progress &progress, int pagesPerStep, const QString &what)
{
    auto source = open(from, true, what);
    if (!source)
        return source.error();
    Closer sourceCloser{*source};
    auto target = open(to, false, what);
    if (!target)
        return target.error();
    Closer targetCloser{*target};
    return copy(*source, *target, progress, pagesPerStep, what);
}

Result<void> SqliteBackup::backup(const QString &database, const QString &backupFile,
                                  const Progress &progress, int pagesPerStep)
{
    const QString what = QStringLiteral("back up %1 to %2").arg(database, backupFile);
    if (!QFileInfo(database).isFile())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot %1: the database does not exist").arg(what), database);
    const QString part = backupFile + QStringLiteral(".part");
    QFile::remove(part);
    auto copied =
        copyFile(database, part, progress, pagesPerStep, QStringLiteral("cannot ") + what);
    if (!copied) {
        QFile::remove(part);
        return copied;
    }
    if (QFile::exists(backupFile) && !QFile::remove(backupFile)) {
        QFile::remove(part);
        return Error(Error::Code::Io,
                     QStringLiteral("cannot %1: cannot replace the old backup").arg(what),
                     backupFile, QStringLiteral("check the permissions of the folder"));
    }
    if (!QFile::rename(part, backupFile))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot %1: cannot rename %2 into place").arg(what, part),
                     backupFile);
    return {};
}

Result<void> SqliteBackup::restore(const QString &backupFile, const QString &database,
                                   const Progress &progress, int pagesPerStep)
{
    const QString what = QStringLiteral("restore %1 from %2").arg(database, backupFile);
    if (!QFileInfo(backupFile).isFile())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot %1: the backup does not exist").arg(what), backupFile,
                     QStringLiteral("backups are made before a run on a SQLite target"));
    return copyFile(backupFile, database, progress, pagesPerStep, QStringLiteral("cannot ") + what);
}

} // namespace cutover
