#pragma once

#include "connect/PasswordProvider.h"

#include <QHash>
#include <QMutex>

namespace cutover {

// Passwords typed into the window during this session, held in memory only and never written
// anywhere, keyed like the keychain (the connection's display name, which holds no secret). The
// window asks it before the environment and the keychain, so a password the user did not want
// remembered still works until the window closes. Safe to read from worker threads while the GUI
// thread sets passwords.
class SessionPasswordProvider : public PasswordProvider
{
public:
    std::optional<QString> password(const ConnectionSpec &spec) const override;

    void set(const ConnectionSpec &spec, const QString &password);
    void forget(const ConnectionSpec &spec);
    bool contains(const ConnectionSpec &spec) const;

    static QString keyFor(const ConnectionSpec &spec);

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_passwords; // by keyFor()
};

} // namespace cutover
