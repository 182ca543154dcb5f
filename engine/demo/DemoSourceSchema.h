#pragma once

#include "core/Result.h"
#include "demo/DemoDatabase.h"

namespace cutover {

// The legacy clinic schema of the demo source: upper-case Access/MySQL-era names mixed with
// later additions in other conventions, weak declared types, no CHECK constraints and no
// foreign keys. Also fills the small STATUS_CODES table, retired codes included.
class DemoSourceSchema
{
public:
    static Result<void> create(DemoDatabase &db);
    // Returns the number of status codes written.
    static Result<int> writeStatusCodes(DemoDatabase &db);
};

} // namespace cutover
