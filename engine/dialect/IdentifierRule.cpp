#include "dialect/IdentifierRule.h"

#include <QCryptographicHash>

namespace cutover {

namespace {

constexpr int kPostgresBytes = 63; // NAMEDATALEN - 1
constexpr int kMySqlCharacters = 64;
constexpr int kHashDigits = 8;

qsizetype lengthIn(const QString &name, ConnectionSpec::Kind kind)
{
    return kind == ConnectionSpec::Kind::PostgreSql ? name.toUtf8().size() : name.size();
}

} // namespace

IdentifierRule::IdentifierRule(Case letterCase, ConnectionSpec::Kind target)
    : m_case(letterCase)
    , m_target(target)
{}

QString IdentifierRule::apply(const QString &sourceName) const
{
    return fit(m_case == Case::Lower ? sourceName.toLower() : sourceName, m_target);
}

int IdentifierRule::maxLength(ConnectionSpec::Kind kind)
{
    switch (kind) {
    case ConnectionSpec::Kind::PostgreSql:
        return kPostgresBytes;
    case ConnectionSpec::Kind::MySql:
        return kMySqlCharacters;
    default:
        return 0;
    }
}

bool IdentifierRule::fits(const QString &name, ConnectionSpec::Kind kind)
{
    const int limit = maxLength(kind);
    return limit == 0 || lengthIn(name, kind) <= limit;
}

QString IdentifierRule::limitText(ConnectionSpec::Kind kind)
{
    return kind == ConnectionSpec::Kind::PostgreSql
               ? QStringLiteral("%1 bytes").arg(kPostgresBytes)
               : QStringLiteral("%1 characters").arg(maxLength(kind));
}

QString IdentifierRule::fit(const QString &name, ConnectionSpec::Kind kind)
{
    if (fits(name, kind))
        return name;
    const QString suffix =
        QLatin1Char('_') +
        QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5)
                                .toHex()
                                .left(kHashDigits));
    // Whole characters (code points) only, so a cut never splits one.
    QString start;
    for (qsizetype i = 0; i < name.size();) {
        const qsizetype step = name.at(i).isHighSurrogate() && i + 1 < name.size() ? 2 : 1;
        const QString next = start + name.mid(i, step);
        if (lengthIn(next + suffix, kind) > maxLength(kind))
            break;
        start = next;
        i += step;
    }
    return start + suffix;
}

QString IdentifierRule::caseName(Case letterCase)
{
    return letterCase == Case::Lower ? QStringLiteral("lower") : QStringLiteral("keep");
}

std::optional<IdentifierRule::Case> IdentifierRule::parseCase(const QString &name)
{
    if (name == QLatin1String("lower"))
        return Case::Lower;
    if (name == QLatin1String("keep"))
        return Case::Keep;
    return std::nullopt;
}

} // namespace cutover
