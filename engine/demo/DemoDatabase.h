#pragma once

#include "core/Result.h"
#include "demo/DemoStatement.h"

#include <QString>
#include <memory>

struct sqlite3;

namespace cutover {

// A SQLite file written by the demo generator through the C API: no journal, no syncs and a fixed
// page size while generating, so writing is fast and the same statements give the same bytes.
class DemoDatabase
{
public:
    DemoDatabase() = default;
    ~DemoDatabase();
    DemoDatabase(const DemoDatabase &) = delete;
    DemoDatabase &operator=(const DemoDatabase &) = delete;

    // Opens (creating) an empty file and sets the generation pragmas.
    Result<void> open(const QString &path);
    Result<void> exec(const char *sql);
    Result<std::unique_ptr<DemoStatement>> prepare(const char *sql);
    Result<void> begin() { return exec("BEGIN"); }
    Result<void> commit() { return exec("COMMIT"); }
    Result<void> close();

private:
    Error error(const QString &what) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
};

} // namespace cutover
