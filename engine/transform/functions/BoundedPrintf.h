#pragma once

#include <QByteArrayView>
#include <vector>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_stmt;
struct sqlite3_value;

namespace cutover {

struct TransformEnvironment;

// SQLite's printf() and format(), with their size bounded and never a silent NULL. Within the
// length limit (SQLITE_LIMIT_LENGTH) SQLite's own printf gives NULL, with no error, for a result
// that would be too large, and printf('%.*c', 999999999, 'x') spends seconds filling nothing.
// These replace the two names on a transform connection: a width or precision that alone passes
// the limit is refused at once; anything else is formatted by SQLite's own printf on a private
// connection that has the same limit, and a NULL from a format that is not NULL is refused. Both
// refusals are violations of the row (FunctionCall::tooLongReason()).
class BoundedPrintf
{
public:
    BoundedPrintf() = default;
    ~BoundedPrintf();
    BoundedPrintf(const BoundedPrintf &) = delete;
    BoundedPrintf &operator=(const BoundedPrintf &) = delete;

    // Registers printf and format on db; the evaluator lives in env.
    static int registerOn(sqlite3 *db, TransformEnvironment *env);

private:
    static void call(sqlite3_context *context, int argc, sqlite3_value **argv);
    // Whether a width, or a precision that adds characters, asks for more than maxBytes.
    static bool asksTooMuch(QByteArrayView format, int argc, sqlite3_value **argv, qint64 maxBytes);
    // SQLite's printf with argc arguments on the private connection; null when it fails.
    sqlite3_stmt *statement(int argc);

    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_statements; // by argument count
};

} // namespace cutover
