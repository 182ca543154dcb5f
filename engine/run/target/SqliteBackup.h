#pragma once

#include "core/Result.h"

#include <QString>
#include <functional>

struct sqlite3;

namespace cutover {

// Copies a SQLite database with SQLite's online backup API, a few pages at a time, so a target
// can be backed up before a run (while other connections may read it) and restored by
// `cutover-cli rollback`. A backup is written to "<file>.part" and renamed into place only when
// complete, so a half-written backup never looks like a good one. Errors name both files.
class SqliteBackup
{
public:
    // Called after each step with pages done and pages in all; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    static constexpr int kPagesPerStep = 256;
    static constexpr int kBusyTimeoutMs = 10000;

    // "<database>.cutover-backup-<runId>", next to the database.
    static QString backupPath(const QString &database, const QString &runId);

    // Copies database to backupFile (replacing it). database must exist.
    static Result<void> backup(const QString &database, const QString &backupFile,
                               const Progress &progress = {}, int pagesPerStep = kPagesPerStep);
    // Copies backupFile over database, through the backup API so connections that have the
    // database open see the restored contents.
    static Result<void> restore(const QString &backupFile, const QString &database,
                                const Progress &progress = {}, int pagesPerStep = kPagesPerStep);

private:
    static Result<sqlite3 *> open(const QString &path, bool readOnly, const QString &what);
    static Result<void> copy(sqlite3 *from, sqlite3 *to, const Progress &progress, int pagesPerStep,
                             const QString &what);
    static Result<void> copyFile(const QString &from, const QString &to, const Progress &progress,
                                 int pagesPerStep, const QString &what);
};

} // namespace cutover
