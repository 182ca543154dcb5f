#pragma once

#include <QString>

namespace cutover {

// Who the audit trail names for what this process does: the CUTOVER_USER environment variable,
// else the name set in the window's settings ("audit/name"), else the operating-system user.
class AuditIdentity
{
public:
    static QString current();
    static QString settingsKey() { return QStringLiteral("audit/name"); }
    static QString osUser();
};

} // namespace cutover
