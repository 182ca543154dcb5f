#pragma once

#include "core/Result.h"
#include "demo/DemoTableCount.h"

#include <QList>
#include <QString>

namespace cutover {

// The modern schema of the demo target: singular snake_case tables with TEXT UUID keys, foreign
// keys, UTC timestamps (ISO 8601 with Z), enumerations and money as CHECK constraints, NOT NULL
// where the new application requires a value, and a unique e-mail per patient. No rows.
class DemoTargetSchema
{
public:
    static Result<QList<DemoTableCount>> write(const QString &path);
    // The target tables in foreign-key order.
    static QStringList tables();
};

} // namespace cutover
