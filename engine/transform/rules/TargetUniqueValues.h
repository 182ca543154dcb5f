#pragma once

#include "core/Result.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace cutover {

// The unique values a target table's rows hold. A unique rule's claims cover the rows of its own
// run; this shows it the rows the table had before the run (an earlier phase, the part of an
// interrupted run loaded before its resume, an earlier run).
class TargetUniqueValues
{
public:
    // Per key (a row's texts of the columns, joined by U+001F, as RuleChecker makes them): the
    // primary keys (ValueText::ofStored) of the target rows that hold it.
    using Owners = QHash<QString, QSet<QString>>;

    virtual ~TargetUniqueValues() = default;
    // The keys of the target rows whose first column holds one of firstValues, with their owners.
    virtual Result<Owners> owners(const QStringList &columns, const QVariantList &firstValues) = 0;
};

} // namespace cutover
