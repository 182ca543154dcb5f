#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariant>

namespace cutover {

// Answers a reference-exists rule: is value among the keys of table.column in the target? Two
// implementations: RunReferenceIndex (rows this run loaded) and SqlReferenceLookup (rows already
// in the target database). A RuleChecker asks each of its lookups in turn.
class ReferenceLookup
{
public:
    virtual ~ReferenceLookup() = default;
    // An error when the answer cannot be known (the target database failed).
    virtual Result<bool> exists(const QString &table, const QString &column,
                                const QVariant &value) = 0;
    // The values a batch is about to ask for, so a lookup can ask for all of them at once.
    virtual Result<void> prefetch(const QString &table, const QString &column,
                                  const QVariantList &values)
    {
        Q_UNUSED(table);
        Q_UNUSED(column);
        Q_UNUSED(values);
        return {};
    }
};

} // namespace cutover
