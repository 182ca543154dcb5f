#include "core/SqliteRuntime.h"

#include <mutex>
#include <sqlite3.h>

namespace cutover {

bool SqliteRuntime::configure()
{
    static std::once_flag once;
    static bool configured = false;
    std::call_once(once,
                   [] { configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; });
    return configured;
}

} // namespace cutover
