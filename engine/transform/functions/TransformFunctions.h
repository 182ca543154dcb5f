#pragma once

#include "core/Result.h"

struct sqlite3;

namespace cutover {

struct TransformEnvironment;

// Registers the migration functions of the FunctionCatalog (uuid5, to_utc, lookup, ...) on a
// private SQLite connection. Functions that can refuse a value report a Violation to env->sink
// and return NULL, rather than failing the statement, so one bad row never stops a batch.
// Functions that can report are registered without SQLITE_DETERMINISTIC, so SQLite never hoists
// them out of the row loop (a violation must belong to its row).
class TransformFunctions
{
public:
    static Result<void> registerAll(sqlite3 *db, TransformEnvironment *env);
};

} // namespace cutover
