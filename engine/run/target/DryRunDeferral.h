#pragma once

#include "core/Result.h"

#include <QStringList>
#include <functional>
#include <optional>

namespace cutover {

class TargetSession;

// Puts off a PostgreSQL table's foreign key checks to the end of a dry run's batch transaction,
// which never commits: a dry run rolls its parents back, so checked at once every child row
// would be refused. The keys Cutover creates are deferrable; a key of the user's own schema that
// is not is made deferrable inside the transaction (ALTER CONSTRAINT, rolled back with the
// batch, holding the table's lock only for the batch). A key the run's role does not own cannot
// be: the run says so once, and that key's children are quarantined as the target refuses them.
class DryRunDeferral
{
public:
    using Notice = std::function<void(const QString &)>;

    explicit DryRunDeferral(QString table);

    // Call right after BEGIN on the batch's session.
    Result<void> apply(TargetSession &session, const Notice &notice);

private:
    Result<void> findImmediateKeys(TargetSession &session, const Notice &notice);

    QString m_table;
    std::optional<QStringList> m_alterable; // immediate keys this role may alter, once known
};

} // namespace cutover
