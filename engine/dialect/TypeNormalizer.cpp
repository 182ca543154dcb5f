#include "dialect/TypeNormalizer.h"

#include <QRegularExpression>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;

struct Parsed
{
    QString base; // lower case, without the parenthesised arguments or "unsigned"
    int first = 0;
    int second = 0;
    bool hasArgs = false;
    bool isUnsigned = false;
};

Parsed parseDeclared(const QString &declared)
{
    static const QRegularExpression args(QStringLiteral(R"(\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\))"));
    Parsed p;
    QString text = declared.trimmed().toLower();
    const auto match = args.match(text);
    if (match.hasMatch()) {
        p.hasArgs = true;
        p.first = match.captured(1).toInt();
        p.second = match.captured(2).toInt();
        text.remove(match.capturedStart(), match.capturedLength());
    }
    p.isUnsigned = text.contains(QLatin1String(" unsigned"));
    text.replace(QStringLiteral(" unsigned"), QString());
    text.replace(QStringLiteral(" zerofill"), QString());
    p.base = text.simplified();
    return p;
}

std::optional<NormalizedType> exactName(const Parsed &p, ConnectionSpec::Kind dialect)
{
    const QString &b = p.base;
    if (b == QLatin1String("boolean") || b == QLatin1String("bool"))
        return NormalizedType(Kind::Boolean);
    if (b == QLatin1String("tinyint") && p.first == 1 && dialect == ConnectionSpec::Kind::MySql)
        return NormalizedType(Kind::Boolean);
    if (b == QLatin1String("bit") && p.first <= 1)
        return NormalizedType(Kind::Boolean);
    if (b == QLatin1String("date"))
        return NormalizedType(Kind::Date);
    if (b == QLatin1String("time") || b == QLatin1String("time without time zone") ||
        b == QLatin1String("time with time zone") || b == QLatin1String("timetz"))
        return NormalizedType(Kind::Time);
    if (b == QLatin1String("timestamptz") || b == QLatin1String("timestamp with time zone"))
        return NormalizedType(Kind::TimestampTz);
    if (b == QLatin1String("timestamp"))
        // MySQL's TIMESTAMP is stored in UTC and converted to the session zone.
        return NormalizedType(dialect == ConnectionSpec::Kind::MySql ? Kind::TimestampTz
                                                                     : Kind::Timestamp);
    if (b == QLatin1String("datetime") || b == QLatin1String("timestamp without time zone") ||
        b == QLatin1String("datetime2") || b == QLatin1String("smalldatetime"))
        return NormalizedType(Kind::Timestamp);
    if (b == QLatin1String("uuid") || b == QLatin1String("uniqueidentifier"))
        return NormalizedType(Kind::Uuid);
    if (b == QLatin1String("json") || b == QLatin1String("jsonb"))
        return NormalizedType(Kind::Json);
    if (b == QLatin1String("money"))
        return NormalizedType::decimal(19, 2);
    if (b == QLatin1String("year"))
        return NormalizedType::integer();
    return std::nullopt;
}

bool containsAny(const QString &text, std::initializer_list<const char *> parts)
{
    for (const char *part : parts)
        if (text.contains(QLatin1String(part)))
            return true;
    return false;
}

// SQLite's affinity rules (section 3.1 of its datatype page), which also cover the other
// dialects' many spellings of integers, text, reals and blobs.
NormalizedType byAffinity(const Parsed &p)
{
    const QString &b = p.base;
    if (b.contains(QLatin1String("int")) && !b.contains(QLatin1String("interval")))
        return NormalizedType::integer();
    if (containsAny(b, {"char", "clob", "text", "enum", "set", "citext", "name", "xml", "inet"}))
        return NormalizedType::text(containsAny(b, {"char"}) && p.hasArgs ? p.first : 0);
    if (containsAny(b, {"blob", "binary", "bytea", "raw", "image"}) || b == QLatin1String("bit"))
        return NormalizedType(Kind::Blob);
    if (containsAny(b, {"real", "floa", "doub"}))
        return NormalizedType(Kind::Real);
    if (containsAny(b, {"dec", "numeric", "number"}))
        return p.hasArgs ? NormalizedType::decimal(p.first, p.second)
                         : NormalizedType::decimal(0, 0);
    return {};
}

// Spellings that the affinity rules would get wrong, mostly because the name contains "int".
std::optional<NormalizedType> special(const QString &declared, const Parsed &p)
{
    const QString lower = declared.trimmed().toLower();
    // PostgreSQL arrays ("integer[]", "character varying(40)[]") are read as their text form.
    if (lower.endsWith(QLatin1String("[]")))
        return NormalizedType::text();
    // MySQL enum('print','paint') and set(...): the value list may contain anything.
    if (lower.startsWith(QLatin1String("enum")) || lower.startsWith(QLatin1String("set(")) ||
        lower.startsWith(QLatin1String("set (")))
        return NormalizedType::text();
    const QString &b = p.base;
    // MySQL's BIGINT UNSIGNED reaches 18446744073709551615, past a signed 64-bit integer.
    if (b == QLatin1String("bigint") && p.isUnsigned)
        return NormalizedType::decimal(20, 0);
    // Cutover's own SQLite spelling of a decimal too long for a double, kept as text.
    if (b == QLatin1String("decimal_text"))
        return NormalizedType::decimal(p.first, p.second);
    if (b == QLatin1String("serial") || b == QLatin1String("bigserial") ||
        b == QLatin1String("smallserial") || b == QLatin1String("serial4") ||
        b == QLatin1String("serial8") || b == QLatin1String("serial2"))
        return NormalizedType::integer();
    // PostgreSQL ranges (int4range, tstzrange, ...) have a text form like "[1,10)".
    if (b.endsWith(QLatin1String("range")))
        return NormalizedType::text();
    if (b == QLatin1String("cidr") || b == QLatin1String("macaddr") ||
        b == QLatin1String("macaddr8") || b == QLatin1String("inet4") ||
        b == QLatin1String("inet6"))
        return NormalizedType::text();
    // Geometric and spatial types have no portable equivalent.
    static const QStringList geometric = {
        QStringLiteral("point"),      QStringLiteral("multipoint"),
        QStringLiteral("linestring"), QStringLiteral("multilinestring"),
        QStringLiteral("polygon"),    QStringLiteral("multipolygon"),
        QStringLiteral("geometry"),   QStringLiteral("geometrycollection"),
        QStringLiteral("line"),       QStringLiteral("lseg"),
        QStringLiteral("box"),        QStringLiteral("path"),
        QStringLiteral("circle"),     QStringLiteral("interval")};
    if (geometric.contains(b))
        return NormalizedType();
    return std::nullopt;
}

} // namespace

NormalizedType TypeNormalizer::normalize(const QString &declaredType, ConnectionSpec::Kind dialect)
{
    const Parsed parsed = parseDeclared(declaredType);
    if (parsed.base.isEmpty())
        return {};
    if (auto exception = special(declaredType, parsed))
        return *exception;
    if (auto exact = exactName(parsed, dialect))
        return *exact;
    return byAffinity(parsed);
}

} // namespace cutover
