#include "KeychainPasswordProvider.h"

#include "ConnectionSpec.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace cutover {

namespace {

const QString kService = QStringLiteral("cutover");

// qtkeychain jobs are asynchronous; wait with a bound so a hung keychain daemon never hangs us.
void runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace

QString KeychainPasswordProvider::keyFor(const ConnectionSpec &spec)
{
    return spec.displayName();
}

std::optional<QString> KeychainPasswordProvider::password(const ConnectionSpec &spec) const
{
    if (!spec.isServer() || qEnvironmentVariableIsSet("CUTOVER_NO_KEYCHAIN"))
        return std::nullopt;
    QKeychain::ReadPasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(keyFor(spec));
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return std::nullopt;
    return job.textData();
}

QString KeychainPasswordProvider::store(const ConnectionSpec &spec, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(keyFor(spec));
    job.setTextData(password);
    runJob(job);
    return job.error() == QKeychain::NoError ? QString() : job.errorString();
}

} // namespace cutover
