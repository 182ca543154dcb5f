#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "run/FileLock.h"
#include "run/ledger/RunLockHolder.h"
#include "run/target/TargetSession.h"

#include <memory>

namespace cutover {

class PasswordProvider;
class RunLedger;

// One run at a time on a target: RunEngine holds this lock from before it reads the ledger until
// it is done, for the command line and the window alike. A second run is refused at once, with
// who holds the lock (RunLockHolder, kept in cutover_run_lock). The lock itself is one the
// system releases when its holder dies, so a killed run's lock is simply taken by the next:
//   SQLite      flock on "<database>.cutover-lock" (FileLock), released by the kernel
//   PostgreSQL  a session advisory lock of the database, held by a connection of its own
//   MySQL       GET_LOCK of a name made of the database's, held by a connection of its own
// The servers release theirs once they notice the connection closed: a holder that was on this
// host and whose process is gone is waited for, briefly, instead of refused.
class RunLock
{
public:
    static constexpr int kWaitForGoneHolderMs = 5000;

    // Takes the lock for holder, or fails at once with Error::Code::Busy naming who has it.
    static Result<std::unique_ptr<RunLock>> acquire(const ConnectionSpec &target,
                                                    const PasswordProvider *passwords,
                                                    const RunLockHolder &holder);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    const RunLockHolder &holder() const { return m_holder; }
    // Adds the run's id to the holder's record, through the run's ledger.
    Result<void> recordRun(RunLedger &ledger, const QString &runId);

    // The name GET_LOCK takes on MySQL, the key of the advisory lock on PostgreSQL.
    static QString mySqlLockName(const ConnectionSpec &target);
    static qint64 postgresLockKey();

private:
    RunLock(ConnectionSpec target, const PasswordProvider *passwords, RunLockHolder holder);
    Result<bool> tryTake();
    std::optional<RunLockHolder> readHolder();
    Result<void> recordHolder();
    Error refusal(const std::optional<RunLockHolder> &other) const;
    Result<std::unique_ptr<TargetSession>> openSession() const;
    void release();

    ConnectionSpec m_target;
    const PasswordProvider *m_passwords;
    RunLockHolder m_holder;
    std::unique_ptr<TargetSession> m_session; // servers: the connection that holds the lock
    std::unique_ptr<FileLock> m_file;         // SQLite
    bool m_held = false;
};

} // namespace cutover
