#pragma once

namespace cutover {

// Process-wide SQLite settings, applied once before the process's first SQLite call.
//
// SQLite's memory statistics are turned off: with them on, every sqlite3_malloc of every thread
// takes one global mutex, and Debian's build has no lookaside allocator, so that is every small
// allocation. A run's reader, transformer and writer threads each use SQLite, and they spent a
// good part of a run waiting on each other for that mutex (217,000 futex calls in a 10,000-patient
// demo run, 3,700 without it). Nothing in Cutover reads those statistics.
class SqliteRuntime
{
public:
    // Call first thing in main(). True when the settings are in force; false when SQLite was
    // already initialised before the first call (it then runs as it is; nothing breaks).
    static bool configure();
};

} // namespace cutover
