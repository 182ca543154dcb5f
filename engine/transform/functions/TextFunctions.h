#pragma once

#include "core/RegexMatcher.h"

#include <QRegularExpression>
#include <QString>
#include <optional>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

class FunctionCall;
struct TransformEnvironment;

// Unicode-correct text functions. NULL in gives NULL out; numbers are taken as their text.
//
// upper/lower replace SQLite's ASCII-only ones with full Unicode case mapping ('straße' ->
//   'STRASSE'); lower writes Greek final sigma at the end of a word ('ΟΔΟΣ' -> 'οδος').
// title_case: the first letter of each word upper (title) case, the rest lower. Words are split
//   at anything but letters, marks, digits and apostrophes; after an apostrophe that follows a
//   single letter the next letter is capitalised too ("o'brien" -> "O'Brien", but "don't" ->
//   "Don't").
// normalize_space: trims and collapses every run of Unicode white space (tabs, NBSP, line
//   breaks) to one space.
// unaccent: NFD, drops the combining marks, NFC again ('Zoë' -> 'Zoe'); letters that do not
//   decompose are spelt out: ß -> ss, æ -> ae, œ -> oe, ø -> o, đ/ð -> d, ł -> l, þ -> th, ı -> i
//   (and their capitals).
// regexp(pattern, text): 1 or 0 (also `text REGEXP pattern`); regexp_replace(text, pattern,
//   replacement): every match, \1 for a group; regexp_extract(text, pattern [, group]): the
//   first match or its group, NULL when nothing matches. Patterns are Perl-compatible
//   (QRegularExpression, Unicode properties on). A pattern written as a literal that does not
//   compile is a compile error of the expression; one computed per row, a violation. A value on
//   which the pattern backtracks past PCRE2's match limit is a violation of its row, never "no
//   match".
// split_part(text, delimiter, n): the n-th field counted from 1 (negative n counts from the
//   end, as in PostgreSQL 14); beyond the last field gives '' like PostgreSQL; n = 0 is a
//   violation.
// null_if_blank(text): NULL for NULL, '' or only white space; the value unchanged otherwise.
class TextFunctions
{
public:
    static int registerOn(sqlite3 *db, TransformEnvironment *env);

    static QString upper(const QString &text);
    static QString lower(const QString &text);
    static QString titleCase(const QString &text);
    static QString unaccent(const QString &text);

private:
    static void upperFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void lowerFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void titleCaseFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void normalizeSpaceFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void unaccentFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void regexpFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void regexpReplaceFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void regexpExtractFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void splitPartFn(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void nullIfBlankFn(sqlite3_context *context, int argc, sqlite3_value **argv);

    // The compiled pattern of argument i (cached per statement), or nullopt after reporting it.
    static std::optional<RegexMatcher> pattern(const FunctionCall &call, int i,
                                               const QString &function);
};

} // namespace cutover
