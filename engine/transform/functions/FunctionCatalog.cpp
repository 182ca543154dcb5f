#include "transform/functions/FunctionCatalog.h"

namespace cutover {

namespace {

// The literals are UTF-8 (examples such as 'straße'), never Latin-1.
FunctionCatalog::Function fn(const char *name, int minArgs, int maxArgs, const char *signature,
                             const char *summary, const char *example)
{
    return {QString::fromUtf8(name),
            minArgs,
            maxArgs,
            QString::fromUtf8(signature),
            QString::fromUtf8(summary),
            QString::fromUtf8(example)};
}

QList<FunctionCatalog::Function> makeCatalog()
{
    return {
        fn("uuid4", 0, 0, "uuid4()", "A random UUID.", "uuid4()"),
        fn("uuid5", 2, -1, "uuid5(namespace, key, ...)",
           "A deterministic UUID from a namespace name and one or more key values: a re-run gives "
           "the same id, and a foreign key is remapped with the parent's namespace. Numbers are "
           "canonicalised (42, 42.0 and '42' give the same id); a NULL key gives NULL.",
           "uuid5('patients', PAT_ID)"),
        fn("to_utc", 2, 3, "to_utc(local, 'Area/City' [, 'earlier'|'later'|'error'])",
           "Converts a local ISO timestamp to UTC text (yyyy-MM-ddTHH:mm:ssZ); one with Z or an "
           "offset is converted honouring it. Local times a DST change skips or repeats follow "
           "the rule: 'error' (default) quarantines the row, 'earlier'/'later' take the first/"
           "second occurrence, or shift a skipped time back/forward by the gap.",
           "to_utc('2021-10-31 02:30', 'Europe/Berlin', 'later') = '2021-10-31T01:30:00Z'"),
        fn("from_utc", 2, 2, "from_utc(utc, 'Area/City')",
           "Converts a UTC timestamp (no offset means UTC) to local time without an offset.",
           "from_utc('2021-07-01T10:00:00Z', 'Europe/Berlin') = '2021-07-01T12:00:00'"),
        fn("parse_datetime", 2, -1, "parse_datetime(text, format, ...)",
           "Parses text with the first format that fits (Qt date formats, English month names) "
           "into yyyy-MM-dd, or yyyy-MM-ddTHH:mm:ss when the format has a time; none fits is a "
           "violation. yy years 00-68 are 20xx, 69-99 are 19xx.",
           "parse_datetime(dob, 'dd.MM.yyyy', 'yyyy-MM-dd', 'MM/dd/yyyy')"),
        fn("format_datetime", 2, 2, "format_datetime(value, format)",
           "Formats an ISO date or timestamp with a Qt date format.",
           "format_datetime('2021-03-05', 'dd.MM.yyyy') = '05.03.2021'"),
        fn("upper", 1, 1, "upper(text)", "Unicode upper case.", "upper('straße') = 'STRASSE'"),
        fn("lower", 1, 1, "lower(text)", "Unicode lower case (Greek final sigma too).",
           "lower('ÅSA') = 'åsa'"),
        fn("title_case", 1, 1, "title_case(text)",
           "Capitalises each word and lowers the rest (Unicode; hyphens and O'/D' prefixes).",
           "title_case('MÜLLER-LÜDENSCHEIDT') = 'Müller-Lüdenscheidt'"),
        fn("normalize_space", 1, 1, "normalize_space(text)",
           "Trims and collapses runs of white space (tabs, no-break spaces, line breaks) to one "
           "space.",
           "normalize_space('  a \t b ') = 'a b'"),
        fn("unaccent", 1, 1, "unaccent(text)",
           "Removes diacritics; spells out ß, æ, œ, ø, đ, ł, þ (ss, ae, oe, o, d, l, th).",
           "unaccent('Zoë Øre') = 'Zoe Ore'"),
        fn("regexp", 2, 2, "regexp(pattern, text)",
           "1 when text matches the Perl-style pattern, else 0 (also X REGEXP Y). A pattern "
           "written as a literal that does not compile is an error of the expression; a value on "
           "which the pattern backtracks past the match limit is a violation, never a 0.",
           "email REGEXP '^[^@]+@[^@]+$'"),
        fn("regexp_replace", 3, 3, "regexp_replace(text, pattern, replacement)",
           "Replaces every match; \\1 refers to a group.", "regexp_replace(phone, '[^0-9+]', '')"),
        fn("regexp_extract", 2, 3, "regexp_extract(text, pattern [, group])",
           "The first match, or the given group of it; NULL when nothing matches.",
           "regexp_extract('AB-12', '([A-Z]+)-', 1) = 'AB'"),
        fn("split_part", 3, 3, "split_part(text, delimiter, n)",
           "The n-th field (1-based; negative counts from the end); '' beyond the last field.",
           "split_part('a;b;c', ';', 2) = 'b'"),
        fn("null_if_blank", 1, 1, "null_if_blank(text)", "NULL for NULL, '' or only white space.",
           "null_if_blank(middle_name)"),
        fn("lookup", 2, 3, "lookup('map', value [, default])",
           "Maps a value (exact text match) through a lookup map of the project; an unmapped "
           "value takes the default argument, else the map's default, else is a violation.",
           "lookup('status_codes', status)"),
        fn("to_int", 1, 1, "to_int(value)",
           "Strict integer conversion ('42', 42.0, ' +42 '); fractions, junk, '' and values "
           "beyond 64 bits are violations.",
           "to_int(' 42 ') = 42"),
        fn("to_decimal", 2, 2, "to_decimal(text, scale)",
           "Strict decimal conversion to text with exactly scale decimals, never through a "
           "float: accepts grouping (1,234.50 or 1.234,50) and currency signs; digits the scale "
           "would cut are a violation, never rounded. A REAL is read at its 15 significant "
           "digits, so binary noise (12.300000000000001) is not a digit.",
           "to_decimal('1.234,50', 2) = '1234.50'"),
        fn("to_bool", 1, 1, "to_bool(value)",
           "1/0 from yes/no, true/false, y/n, t/f, 1/0, on/off, ja/nein (any case); others are "
           "violations.",
           "to_bool(active_flag)"),
        fn("sha256_hex", 1, 1, "sha256_hex(value)", "SHA-256 of the value's UTF-8 text, as hex.",
           "sha256_hex(ssn)"),
        fn("mask", 2, 2, "mask(text, keep_last)",
           "Replaces all but the last keep_last characters with '*'.",
           "mask('4111111111111111', 4) = '************1111'"),
        fn("pseudonym", 2, 2, "pseudonym(key, salt)",
           "A stable token for a key: 'p_' and 16 hex digits of HMAC-SHA256(salt, key).",
           "pseudonym(email, 'project-salt')"),
    };
}

} // namespace

QList<FunctionCatalog::Function> makeSqliteCatalog()
{
    return {
        fn("abs", 1, 1, "abs(X)", "The absolute value of X.", "abs(-4.5) = 4.5"),
        fn("coalesce", 2, -1, "coalesce(X, Y, ...)", "The first argument that is not NULL.",
           "coalesce(NULL, '', 'x') = ''"),
        fn("ifnull", 2, 2, "ifnull(X, Y)", "X unless it is NULL, then Y.",
           "ifnull(NULL, 'n/a') = 'n/a'"),
        fn("iif", 3, 3, "iif(condition, X, Y)", "X when the condition is true, otherwise Y.",
           "iif(3 > 2, 'yes', 'no') = 'yes'"),
        fn("instr", 2, 2, "instr(X, Y)", "The 1-based position of Y in X; 0 when Y is absent.",
           "instr('ab-cd', '-') = 3"),
        fn("length", 1, 1, "length(X)", "The number of characters in X (bytes for a blob).",
           "length('Zoë') = 3"),
        fn("ltrim", 1, 2, "ltrim(X [, Y])",
           "X without leading spaces, or without the leading characters that are in Y.",
           "ltrim('007', '0') = '7'"),
        fn("max", 2, -1, "max(X, Y, ...)", "The largest argument (NULL if any is NULL).",
           "max(3, 7, 5) = 7"),
        fn("min", 2, -1, "min(X, Y, ...)", "The smallest argument (NULL if any is NULL).",
           "min(3, 7, 5) = 3"),
        fn("nullif", 2, 2, "nullif(X, Y)", "NULL when X equals Y, otherwise X.",
           "nullif('N/A', 'N/A') IS NULL"),
        fn("printf", 1, -1, "printf(format, ...)",
           "A formatted string, like C's printf (%d, %s, %05.2f, ...).",
           "printf('%05d', 42) = '00042'"),
        fn("replace", 3, 3, "replace(X, Y, Z)", "X with every Y replaced by Z.",
           "replace('1 234 567', ' ', '') = '1234567'"),
        fn("round", 1, 2, "round(X [, digits])", "X rounded to digits decimals (0 by default).",
           "round(2.567, 2) = 2.57"),
        fn("rtrim", 1, 2, "rtrim(X [, Y])",
           "X without trailing spaces, or without the trailing characters that are in Y.",
           "rtrim('12.50', '0') = '12.5'"),
        fn("substr", 2, 3, "substr(X, start [, length])",
           "Part of X from the 1-based start, length characters or to the end.",
           "substr('2021-03-05', 6, 2) = '03'"),
        fn("trim", 1, 2, "trim(X [, Y])",
           "X without surrounding spaces, or without the surrounding characters that are in Y.",
           "trim('  a b  ') = 'a b'"),
        fn("typeof", 1, 1, "typeof(X)",
           "The storage class of X: null, integer, real, text or blob.", "typeof('42') = 'text'"),
        fn("date", 1, -1, "date(time, modifier, ...)", "The date as yyyy-MM-dd.",
           "date('2021-03-05 14:30:00', '+1 day') = '2021-03-06'"),
        fn("datetime", 1, -1, "datetime(time, modifier, ...)",
           "The date and time as yyyy-MM-dd HH:mm:ss.",
           "datetime('2021-03-05', '+90 minutes') = '2021-03-05 01:30:00'"),
        fn("strftime", 2, -1, "strftime(format, time, modifier, ...)",
           "The time formatted with %Y, %m, %d, %H, %M, %S, %j, %W, ...",
           "strftime('%Y/%m', '2021-03-05') = '2021/03'"),
        fn("cast", 1, 1, "cast(X AS type)",
           "X converted to INTEGER, REAL, TEXT, BLOB or NUMERIC, as SQLite converts: text "
           "that is not a number becomes 0 without a violation (to_int and to_decimal are "
           "strict).",
           "cast('42' AS INTEGER) = 42"),
    };
}

const QList<FunctionCatalog::Function> &FunctionCatalog::functions()
{
    static const QList<Function> catalog = makeCatalog();
    return catalog;
}

const FunctionCatalog::Function *FunctionCatalog::find(const QString &name)
{
    for (const Function &f : functions())
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

const QList<FunctionCatalog::Function> &FunctionCatalog::sqliteFunctions()
{
    static const QList<Function> catalog = makeSqliteCatalog();
    return catalog;
}

const FunctionCatalog::Function *FunctionCatalog::findAny(const QString &name)
{
    if (const Function *f = find(name))
        return f;
    for (const Function &f : sqliteFunctions())
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

} // namespace cutover
