#pragma once

#include "core/Result.h"
#include "schema/DatabaseSchema.h"

namespace cutover {

// Reads the schema of one connection: tables and views, columns, keys, indexes, row estimates.
// Runs on whichever thread calls it and opens its own connection there.
class Introspector
{
public:
    virtual ~Introspector() = default;
    virtual Result<DatabaseSchema> introspect() = 0;
};

} // namespace cutover
