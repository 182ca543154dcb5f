#include "schema/NormalizedType.h"

#include <QRegularExpression>

namespace cutover {

QString NormalizedType::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::Integer:
        return QStringLiteral("integer");
    case Kind::Decimal:
        return QStringLiteral("decimal");
    case Kind::Real:
        return QStringLiteral("real");
    case Kind::Text:
        return QStringLiteral("text");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::Date:
        return QStringLiteral("date");
    case Kind::Time:
        return QStringLiteral("time");
    case Kind::Timestamp:
        return QStringLiteral("timestamp");
    case Kind::TimestampTz:
        return QStringLiteral("timestamptz");
    case Kind::Uuid:
        return QStringLiteral("uuid");
    case Kind::Json:
        return QStringLiteral("json");
    case Kind::Blob:
        return QStringLiteral("blob");
    }
    return {};
}

QString NormalizedType::toString() const
{
    const QString name = kindName(m_kind);
    if (m_kind == Kind::Decimal && m_precision > 0)
        return QStringLiteral("%1(%2,%3)").arg(name).arg(m_precision).arg(m_scale);
    if (m_kind == Kind::Text && m_length > 0)
        return QStringLiteral("%1(%2)").arg(name).arg(m_length);
    return name;
}

NormalizedType NormalizedType::fromString(const QString &spelled)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*([a-z]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$)"));
    const auto match = pattern.match(spelled.toLower());
    if (!match.hasMatch())
        return {};
    const QString name = match.captured(1);
    for (int k = int(Kind::Integer); k <= int(Kind::Blob); ++k) {
        if (kindName(Kind(k)) != name)
            continue;
        const int first = match.captured(2).toInt();
        const int second = match.captured(3).toInt();
        if (Kind(k) == Kind::Decimal)
            return decimal(first, second);
        if (Kind(k) == Kind::Text)
            return text(first);
        return NormalizedType(Kind(k));
    }
    return {};
}

} // namespace cutover
