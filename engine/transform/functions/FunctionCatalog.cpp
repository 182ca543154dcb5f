#include "transform/functions/FunctionCatalog.h"

namespace cutover {

namespace {

FunctionCatalog::Function fn(const char *name, int minArgs, int maxArgs, const char *signature,
                             const char *summary, const char *example)
{
    return {
        QLatin1String(name),   minArgs, maxArgs, QLatin1String(signature), QLatin1String(summary),
        QLatin1String(example)};
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

} // namespace cutover
