#pragma once

#include <QString>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

struct TransformEnvironment;

// Functions that hide personal data. NULL in gives NULL out.
//
// sha256_hex(value): SHA-256 of the value's UTF-8 text (of the bytes for a blob), lower-case hex.
// mask(text, keep_last): every character but the last keep_last replaced by '*' (characters,
//   not bytes: 'Zoë' keeps 'ë' whole); keep_last must be a whole number >= 0.
// pseudonym(key, salt): 'p_' and the first 16 hex digits of HMAC-SHA256 keyed with salt over the
//   key, canonicalised as uuid5 does (so 42 and '42' give the same token). Stable across runs
//   for the same salt; the salt must not be empty.
class PrivacyFunctions
{
public:
    static int registerOn(sqlite3 *db, TransformEnvironment *env);

    static QString mask(const QString &text, qint64 keepLast);
    static QString pseudonym(const QString &canonicalKey, const QString &salt);

private:
    static void sha256Hex(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void maskFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void pseudonymFn(sqlite3_context *context, int argc, sqlite3_value **argv);
};

} // namespace cutover
