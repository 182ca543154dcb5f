#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace cutover {

// How Cutover's own tables (the run ledger, the report store) keep a moment: ISO 8601 in UTC
// with milliseconds, as text, so that every database sorts and reads it alike.
class LedgerTimestamp
{
public:
    // Empty for an invalid moment.
    static QString of(const QDateTime &when);
    // An invalid QDateTime for NULL or empty text.
    static QDateTime parse(const QVariant &value);
};

} // namespace cutover
