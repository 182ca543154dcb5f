#include "run/RunLock.h"

#include "run/ledger/RunLedger.h"
#include "run/target/TargetSessionFactory.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <cstring>

namespace cutover {

namespace {

constexpr int kMySqlLockNameLength = 64; // GET_LOCK's limit

QString lockFilePath(const ConnectionSpec &target)
{
    const QString canonical = QFileInfo(target.path()).canonicalFilePath();
    return (canonical.isEmpty() ? target.path() : canonical) + QStringLiteral(".cutover-lock");
}

} // namespace

RunLock::RunLock(ConnectionSpec target, const PasswordProvider *passwords, RunLockHolder holder)
    : m_target(std::move(target))
    , m_passwords(passwords)
    , m_holder(std::move(holder))
{}

RunLock::~RunLock()
{
    release();
}

QString RunLock::mySqlLockName(const ConnectionSpec &target)
{
    const QString prefix = QStringLiteral("cutover run lock ");
    const QString name = prefix + target.database();
    if (name.size() <= kMySqlLockNameLength)
        return name;
    const QByteArray hash =
        QCryptographicHash::hash(target.database().toUtf8(), QCryptographicHash::Sha1).toHex();
    return prefix + QString::fromLatin1(hash);
}

// Advisory locks belong to a database already; the key says whose lock it is.
qint64 RunLock::postgresLockKey()
{
    const QByteArray hash = QCryptographicHash::hash("cutover run lock", QCryptographicHash::Sha1);
    qint64 key = 0;
    std::memcpy(&key, hash.constData(), sizeof key);
    return key;
}

Result<std::unique_ptr<RunLock>> RunLock::acquire(const ConnectionSpec &target,
                                                  const PasswordProvider *passwords,
                                                  const RunLockHolder &holder)
{
    std::unique_ptr<RunLock> lock(new RunLock(target, passwords, holder));
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        auto taken = lock->tryTake();
        if (!taken)
            return taken.error();
        if (*taken) {
            lock->m_held = true;
            if (auto recorded = lock->recordHolder(); !recorded)
                return recorded.error();
            return lock;
        }
        // A holder that has not recorded itself yet took the lock a moment ago; one whose
        // process is gone leaves a server lock until the server notices.
        const std::optional<RunLockHolder> other = lock->readHolder();
        const bool passing = !other || other->isGoneFromThisHost();
        if (!passing || waited.elapsed() >= kWaitForGoneHolderMs)
            return lock->refusal(other);
        QThread::msleep(100);
    }
}

Error RunLock::refusal(const std::optional<RunLockHolder> &other) const
{
    const QString who =
        other ? other->describe() : QStringLiteral("a run that has not said who it is yet");
    return Error(Error::Code::Busy, QStringLiteral("another run is using this target: %1").arg(who),
                 m_target.displayName(),
                 QStringLiteral("one run at a time: wait for it to end, or stop it (Ctrl-C, or "
                                "SIGTERM to its process); a run that was killed leaves no lock "
                                "behind, the next run takes it over and resumes"));
}

Result<std::unique_ptr<TargetSession>> RunLock::openSession() const
{
    return TargetSessionFactory::open(m_target, m_passwords);
}

Result<bool> RunLock::tryTake()
{
    if (m_target.kind() == ConnectionSpec::Kind::Sqlite) {
        auto file = FileLock::tryLock(lockFilePath(m_target));
        if (!file)
            return file.error();
        m_file = std::move(file.value());
        return m_file != nullptr;
    }
    if (!m_session) {
        auto session = openSession();
        if (!session)
            return session.error();
        m_session = std::move(session.value());
    }
    const bool postgres = m_target.kind() == ConnectionSpec::Kind::PostgreSql;
    auto taken =
        postgres
            ? m_session->query(QStringLiteral("SELECT CASE WHEN pg_try_advisory_lock(%1) "
                                              "THEN 1 ELSE 0 END")
                                   .arg(postgresLockKey()))
            : m_session->query(QStringLiteral("SELECT GET_LOCK(?, 0)"), {mySqlLockName(m_target)});
    if (!taken)
        return Error(taken.error().code(),
                     QStringLiteral("cannot take the run lock: %1").arg(taken.error().message()),
                     m_target.displayName());
    return !taken->isEmpty() && taken->first().value(0).toLongLong() == 1;
}

// What the holder recorded; nothing when it has not yet, or it cannot be read.
std::optional<RunLockHolder> RunLock::readHolder()
{
    std::unique_ptr<TargetSession> own;
    TargetSession *session = m_session.get();
    if (!session) {
        auto opened = openSession();
        if (!opened)
            return std::nullopt;
        own = std::move(opened.value());
        session = own.get();
    }
    auto holder = RunLedger(*session).lockHolder();
    return holder ? *holder : std::nullopt;
}

Result<void> RunLock::recordHolder()
{
    std::unique_ptr<TargetSession> own;
    TargetSession *session = m_session.get();
    if (!session) { // SQLite: not kept open, it would keep the file from leaving WAL mode
        auto opened = openSession();
        if (!opened)
            return opened.error();
        own = std::move(opened.value());
        session = own.get();
    }
    return RunLedger(*session).recordLockHolder(m_holder);
}

Result<void> RunLock::recordRun(RunLedger &ledger, const QString &runId)
{
    m_holder.runId = runId;
    return ledger.recordLockHolder(m_holder);
}

void RunLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (m_file) {
        if (auto session = openSession())
            (void)RunLedger(**session).clearLockHolder(m_holder);
        m_file.reset();
        return;
    }
    if (!m_session)
        return;
    (void)RunLedger(*m_session).clearLockHolder(m_holder);
    if (m_target.kind() == ConnectionSpec::Kind::PostgreSql)
        (void)m_session->query(
            QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(postgresLockKey()));
    else
        (void)m_session->query(QStringLiteral("SELECT RELEASE_LOCK(?)"), {mySqlLockName(m_target)});
    m_session.reset(); // closing the connection would release it anyway
}

} // namespace cutover
