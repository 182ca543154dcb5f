#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QString>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace cutover {

// A set of (scope, text) keys on disk: a private temporary SQLite file, deleted when the spill
// goes, read through a page cache of kCacheKib. Holds the keys a RunReferenceIndex cannot keep
// in memory, so a dry run or a reconciliation of any size checks references in bounded memory.
// Not thread-safe.
class KeySpill
{
public:
    static constexpr int kCacheKib = 4 * 1024;

    static Result<std::unique_ptr<KeySpill>> create();
    ~KeySpill();
    KeySpill(const KeySpill &) = delete;
    KeySpill &operator=(const KeySpill &) = delete;

    // True when the key was not there yet. Adds go into one transaction until the next
    // contains() or commit().
    Result<bool> insert(const QString &scope, const QString &text);
    Result<bool> contains(const QString &scope, const QString &text);
    Result<void> commit();

private:
    explicit KeySpill(sqlite3 *db);
    Result<void> exec(const char *sql);
    Error failure(const QString &what) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_find = nullptr;
    bool m_inTransaction = false;
};

} // namespace cutover
