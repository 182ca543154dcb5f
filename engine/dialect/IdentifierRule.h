#pragma once

#include "dialect/ConnectionSpec.h"

#include <QString>
#include <optional>

namespace cutover {

// How cutover-cli init names the target's tables, columns, indexes and keys after the source's:
//  - in the case the source spells them (Keep), or in lower case (Lower: PostgreSQL folds
//    unquoted names to lower case, so lower-case names need no quotes there);
//  - cut to what the target holds (PostgreSQL 63 bytes of UTF-8, MySQL 64 characters; SQLite has
//    no limit): a longer name keeps its start and ends in '_' and 8 hex digits of the MD5 of the
//    whole name, so that two long names sharing a start stay apart and a re-run names alike.
class IdentifierRule
{
public:
    enum class Case
    {
        Keep,
        Lower
    };

    IdentifierRule(Case letterCase, ConnectionSpec::Kind target);

    // The target's name for a source name.
    QString apply(const QString &sourceName) const;

    // The longest name the target holds, in its unit (bytes for PostgreSQL, characters for
    // MySQL); 0 for no limit.
    static int maxLength(ConnectionSpec::Kind kind);
    static bool fits(const QString &name, ConnectionSpec::Kind kind);
    // "63 bytes" or "64 characters".
    static QString limitText(ConnectionSpec::Kind kind);
    static QString fit(const QString &name, ConnectionSpec::Kind kind);

    static QString caseName(Case letterCase);
    static std::optional<Case> parseCase(const QString &name);

private:
    Case m_case;
    ConnectionSpec::Kind m_target;
};

} // namespace cutover
