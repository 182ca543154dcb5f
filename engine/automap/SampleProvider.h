#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace cutover {

// Sample values of source columns for the auto-mapper: up to limit non-NULL values of a column,
// as text. Blocking; implementations read on the calling thread.
class SampleProvider
{
public:
    virtual ~SampleProvider() = default;
    virtual Result<QStringList> values(const QString &table, const QString &column, int limit) = 0;
};

} // namespace cutover
