#include "FunctionCatalog.h"

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
           "the same id, and a foreign key is remapped with the parent's namespace.",
           "uuid5('patients', PAT_ID)"),
        fn("to_utc", 2, 3, "to_utc(local, 'Area/City' [, 'earlier'|'later'|'error'])",
           "Converts a local timestamp to UTC. Ambiguous or skipped local times (DST changes) "
           "follow the rule; the default 'error' quarantines the row.",
           "to_utc(created, 'Europe/Berlin')"),
        fn("from_utc", 2, 2, "from_utc(utc, 'Area/City')",
           "Converts a UTC timestamp to local time.", "from_utc(created_at, 'Europe/Berlin')"),
        fn("parse_datetime", 2, -1, "parse_datetime(text, format, ...)",
           "Parses text with the first format that fits (Qt date format patterns).",
           "parse_datetime(dob, 'dd.MM.yyyy', 'yyyy-MM-dd', 'MM/dd/yyyy')"),
        fn("format_datetime", 2, 2, "format_datetime(value, format)",
           "Formats a date or timestamp.", "format_datetime(created_at, 'yyyy-MM-dd')"),
        fn("upper", 1, 1, "upper(text)", "Unicode upper case.", "upper('straße') = 'STRASSE'"),
        fn("lower", 1, 1, "lower(text)", "Unicode lower case.", "lower('ÅSA') = 'åsa'"),
        fn("title_case", 1, 1, "title_case(text)", "Capitalises each word (Unicode).",
           "title_case('mÜLLER-lüdenscheidt') = 'Müller-Lüdenscheidt'"),
        fn("normalize_space", 1, 1, "normalize_space(text)",
           "Trims and collapses runs of white space to one space.",
           "normalize_space('  a \t b ') = 'a b'"),
        fn("unaccent", 1, 1, "unaccent(text)", "Removes diacritics.", "unaccent('Zoë') = 'Zoe'"),
        fn("regexp", 2, 2, "regexp(pattern, text)",
           "1 when text matches the pattern (also X REGEXP Y).", "email REGEXP '^[^@]+@[^@]+$'"),
        fn("regexp_replace", 3, 3, "regexp_replace(text, pattern, replacement)",
           "Replaces every match; \\1 refers to a group.", "regexp_replace(phone, '[^0-9+]', '')"),
        fn("regexp_extract", 2, 3, "regexp_extract(text, pattern [, group])",
           "The first match, or the given group of it.", "regexp_extract(code, '([A-Z]+)-', 1)"),
        fn("split_part", 3, 3, "split_part(text, delimiter, n)", "The n-th field (1-based).",
           "split_part('a;b;c', ';', 2) = 'b'"),
        fn("null_if_blank", 1, 1, "null_if_blank(text)", "NULL for NULL, '' or only white space.",
           "null_if_blank(middle_name)"),
        fn("lookup", 2, 3, "lookup('map', value [, default])",
           "Maps a value through a lookup map of the project; an unmapped value without a default "
           "is a violation.",
           "lookup('status_codes', status)"),
        fn("to_int", 1, 1, "to_int(value)",
           "Strict integer conversion: anything else is a violation.", "to_int(' 42 ') = 42"),
        fn("to_decimal", 2, 2, "to_decimal(text, scale)",
           "Strict decimal conversion to text with the given scale; never through a float.",
           "to_decimal('1.234,50', 2)"),
        fn("to_bool", 1, 1, "to_bool(value)", "1/0 from yes/no, true/false, y/n, 1/0, on/off.",
           "to_bool(active_flag)"),
        fn("sha256_hex", 1, 1, "sha256_hex(value)", "SHA-256 of the value's UTF-8 text, as hex.",
           "sha256_hex(ssn)"),
        fn("mask", 2, 2, "mask(text, keep_last)", "Replaces all but the last characters with '*'.",
           "mask(card_number, 4)"),
        fn("pseudonym", 2, 2, "pseudonym(key, salt)", "A stable pseudonymous token for a key.",
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
