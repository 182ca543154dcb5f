#include "schema/TypeCompatibility.h"

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;
using Verdict = TypeCompatibility::Verdict;

TypeCompatibility::Outcome risky(const QString &reason)
{
    return {Verdict::Risky, reason};
}

TypeCompatibility::Outcome impossible(const NormalizedType &from, const NormalizedType &to)
{
    return {Verdict::Impossible,
            QStringLiteral("%1 cannot convert to %2").arg(from.toString(), to.toString())};
}

TypeCompatibility::Outcome sameKind(const NormalizedType &from, const NormalizedType &to)
{
    if (from.kind() == Kind::Text && to.length() > 0 &&
        (from.length() == 0 || from.length() > to.length()))
        return risky(
            QStringLiteral("values longer than %1 characters will be rejected").arg(to.length()));
    if (from.kind() == Kind::Decimal && to.precision() > 0 &&
        (from.precision() == 0 || from.precision() - from.scale() > to.precision() - to.scale() ||
         from.scale() > to.scale()))
        return risky(QStringLiteral("%1 may not fit %2 without losing digits")
                         .arg(from.toString(), to.toString()));
    return {};
}

TypeCompatibility::Outcome fromNumber(const NormalizedType &from, const NormalizedType &to)
{
    switch (to.kind()) {
    case Kind::Integer:
        return risky(
            QStringLiteral("%1 values with a fraction will be rejected").arg(from.toString()));
    case Kind::Decimal:
    case Kind::Real:
        return from.kind() == Kind::Integer ? TypeCompatibility::Outcome{}
                                            : risky(QStringLiteral("digits may be lost"));
    case Kind::Text:
        return sameKind(NormalizedType::text(), to);
    case Kind::Boolean:
        return risky(QStringLiteral("only 0 and 1 convert to boolean"));
    default:
        return impossible(from, to);
    }
}

TypeCompatibility::Outcome fromTemporal(const NormalizedType &from, const NormalizedType &to)
{
    if (to.kind() == Kind::Text)
        return sameKind(NormalizedType::text(), to);
    if (!to.isTemporal())
        return impossible(from, to);
    if (from.kind() == Kind::Timestamp && to.kind() == Kind::TimestampTz)
        return risky(QStringLiteral("local timestamps need a time zone: use to_utc()"));
    if ((from.kind() == Kind::Timestamp || from.kind() == Kind::TimestampTz) &&
        (to.kind() == Kind::Date || to.kind() == Kind::Time))
        return risky(QStringLiteral("part of the timestamp will be dropped"));
    if (from.kind() == Kind::Time && to.kind() != Kind::Time)
        return impossible(from, to);
    return {};
}

} // namespace

TypeCompatibility::Outcome TypeCompatibility::assess(const NormalizedType &from,
                                                     const NormalizedType &to)
{
    if (from.kind() == Kind::Unknown || to.kind() == Kind::Unknown)
        return {};
    if (from.kind() == to.kind())
        return sameKind(from, to);
    if (from.kind() == Kind::Text)
        return to.kind() == Kind::Blob
                   ? Outcome{}
                   : risky(QStringLiteral("text must parse as %1 on every row").arg(to.toString()));
    if (from.isNumeric())
        return fromNumber(from, to);
    if (from.isTemporal())
        return fromTemporal(from, to);
    if (to.kind() == Kind::Text)
        return from.kind() == Kind::Blob
                   ? risky(QStringLiteral("binary values must be valid UTF-8"))
                   : sameKind(NormalizedType::text(), to);
    if (from.kind() == Kind::Boolean && to.isNumeric())
        return {};
    if (from.kind() == Kind::Json && to.kind() == Kind::Text)
        return {};
    return impossible(from, to);
}

} // namespace cutover
