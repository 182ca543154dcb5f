#pragma once

#include "audit/AuditTrail.h"

#include <QString>

namespace cutover {

// Checks an audit trail's chain, line by line, and its head: an entry whose content no longer
// matches its hash was changed; a number out of turn means entries were removed or moved; an
// entry whose "prev" is not the hash of the one before means the one before was changed and
// re-hashed; a head past the last entry means entries were cut off the end.
class AuditVerifier
{
public:
    struct Verdict
    {
        bool intact = true;
        qint64 entries = 0;  // entries read
        qint64 firstBad = 0; // the number of the first entry found wrong; 0 when intact
        qint64 line = 0;     // the file line where it was found; 0 when intact or at the end
        QString reason;      // why, in words; empty when intact
        QString headHash;    // the newest entry's hash: quote it to pin the trail's state
        QString note;        // something worth knowing that is not a break
    };

    static Verdict verify(const AuditTrail &trail);
};

} // namespace cutover
