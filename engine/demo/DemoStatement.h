#pragma once

#include "core/Result.h"

#include <cstdint>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cutover {

// A prepared INSERT of the demo generator, bound by position and executed row by row. Text is
// not copied (SQLITE_STATIC): a bound buffer must stay unchanged until run().
class DemoStatement
{
public:
    DemoStatement(sqlite3 *db, sqlite3_stmt *statement);
    ~DemoStatement();
    DemoStatement(const DemoStatement &) = delete;
    DemoStatement &operator=(const DemoStatement &) = delete;

    DemoStatement &text(std::string_view value);
    DemoStatement &integer(std::int64_t value);
    DemoStatement &real(double value);
    DemoStatement &null();
    // Binds NULL when present is false, the text otherwise.
    DemoStatement &optionalText(bool present, std::string_view value);
    // Steps and resets; the next bind starts again at the first parameter.
    Result<void> run();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_index = 0;
};

} // namespace cutover
