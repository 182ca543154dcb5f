#include "connect/keychain/KeychainPasswordStore.h"

#include "connect/keychain/KeychainPasswordProvider.h"

namespace cutover {

QString KeychainPasswordStore::store(const ConnectionSpec &spec, const QString &password)
{
    return KeychainPasswordProvider::store(spec, password);
}

} // namespace cutover
