#include "TargetSession.h"

#include "SqlDialect.h"

namespace cutover {

QString TargetSession::quote(const QString &identifier) const
{
    return SqlDialect::quoteIdentifier(identifier, kind());
}

} // namespace cutover
