#pragma once

#include <QString>

namespace cutover {

// Receives the old-key to new-key pairs uuid5() produces, so the run can keep the crosswalk as
// a real table (used again by reconciliation and rollback).
class KeyRecorder
{
public:
    virtual ~KeyRecorder() = default;
    // sourceKey: the key parts as uuid5 canonicalised them, joined; targetKey: the UUID text.
    virtual void record(const QString &keyNamespace, const QString &sourceKey,
                        const QString &targetKey) = 0;
    // False when record() would drop every pair of keyNamespace: uuid5 then builds no pair.
    virtual bool wants(const QString &keyNamespace) const
    {
        Q_UNUSED(keyNamespace);
        return true;
    }
};

} // namespace cutover
