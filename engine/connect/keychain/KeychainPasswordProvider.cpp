#include "connect/keychain/KeychainPasswordProvider.h"

#include "dialect/ConnectionSpec.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace cutover {

namespace {

const QString kService = QStringLiteral("cutover");

// qtkeychain jobs are asynchronous; wait with a bound so a hung keychain daemon never hangs us.
// Whether the job finished in time.
bool runJob(QKeychain::Job &job, int milliseconds)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

// The Secret Service and KWallet are reached over the session's D-Bus: without one, there is no
// keychain to wait for.
bool hasKeychain()
{
    return !qEnvironmentVariableIsSet("CUTOVER_NO_KEYCHAIN") &&
           !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace

QString KeychainPasswordProvider::keyFor(const ConnectionSpec &spec)
{
    return spec.displayName();
}

std::optional<QString> KeychainPasswordProvider::password(const ConnectionSpec &spec) const
{
    if (!spec.isServer() || !hasKeychain())
        return std::nullopt;
    const QString key = keyFor(spec);
    QMutexLocker lock(&m_mutex);
    if (const auto known = m_answers.constFind(key); known != m_answers.constEnd())
        return *known;
    QKeychain::ReadPasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    std::optional<QString> answer;
    if (runJob(job, kReadMilliseconds) && job.error() == QKeychain::NoError)
        answer = job.textData();
    m_answers.insert(key, answer); // no answer is remembered too: it is not asked again
    return answer;
}

QString KeychainPasswordProvider::store(const ConnectionSpec &spec, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(keyFor(spec));
    job.setTextData(password);
    if (!runJob(job, kWriteMilliseconds))
        return QStringLiteral("the keychain did not answer");
    return job.error() == QKeychain::NoError ? QString() : job.errorString();
}

} // namespace cutover
