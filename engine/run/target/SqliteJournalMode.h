#pragma once

#include "core/Result.h"
#include "run/target/TargetSession.h"

#include <QString>

namespace cutover {

// A SQLite target loads in write-ahead-log mode: a commit appends only the pages it changed
// (a rollback journal first copies every page it is about to change, and syncs twice), and the
// run's readers (reference lookups on other connections) never wait for a writer's lock. With
// synchronous = NORMAL (TargetPreparer::loadSettings) a commit survives the process being
// killed; a power cut may lose the last commits, never corrupt the file, and the checkpoint
// committed with each batch says where to resume. The file's own journal mode is put back after
// the run, so the target stays one file as its applications expect.
class SqliteJournalMode
{
public:
    // Switches session's database to WAL; returns the mode it had ("delete", "wal", ...).
    static Result<QString> switchToWal(TargetSession &session);
    // Puts the mode back (checkpointing the log into the file); a no-op for "wal". Fails when
    // another connection still has the file open.
    static Result<void> restore(TargetSession &session, const QString &mode);
};

} // namespace cutover
