#include "dialect/DefaultLiteral.h"

#include "dialect/SqlDialect.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTime>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;

const QRegularExpression &numberPattern()
{
    static const QRegularExpression number(
        QStringLiteral(R"(^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$)"));
    return number;
}

QString stripParentheses(QString text)
{
    text = text.trimmed();
    while (text.startsWith(QLatin1Char('(')) && text.endsWith(QLatin1Char(')')))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

bool isTemporalConstant(Kind kind, const QString &text)
{
    switch (kind) {
    case Kind::Date:
        return QDate::fromString(text, Qt::ISODate).isValid();
    case Kind::Time:
        return QTime::fromString(text, Qt::ISODateWithMs).isValid() ||
               QTime::fromString(text, Qt::ISODate).isValid();
    case Kind::Timestamp:
    case Kind::TimestampTz: {
        QString iso = text;
        if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
            iso[10] = QLatin1Char('T');
        return QDateTime::fromString(iso, Qt::ISODateWithMs).isValid() ||
               QDate::fromString(text, Qt::ISODate).isValid();
    }
    default:
        return false;
    }
}

} // namespace

std::optional<QString> DefaultLiteral::of(const ColumnInfo &column, ConnectionSpec::Kind kind)
{
    if (!column.hasDefault && column.defaultValue.isEmpty())
        return std::nullopt;
    const QString text = unwrap(column.defaultValue);
    const QString lower = text.toLower();
    if (lower == QLatin1String("null"))
        return QStringLiteral("NULL");
    const Kind type = column.type.kind();
    if (type == Kind::Boolean)
        return boolean(lower, kind);
    const std::optional<QString> constant = constantText(text);
    if (column.type.isTemporal())
        return temporal(column, lower, constant, kind);
    if (!constant)
        return std::nullopt;
    if (column.type.isNumeric())
        return numberPattern().match(*constant).hasMatch() ? std::optional<QString>(*constant)
                                                           : std::nullopt;
    if (type == Kind::Blob)
        return std::nullopt;
    return SqlDialect::quoteString(*constant);
}

// PostgreSQL spells a default "'x'::character varying" or "(0)::numeric".
QString DefaultLiteral::unwrap(const QString &defaultText)
{
    static const QRegularExpression cast(QStringLiteral(R"(^(.*?)::[a-z ]+(\(\d+(,\d+)?\))?$)"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString text = stripParentheses(defaultText);
    if (const auto match = cast.match(text); match.hasMatch())
        text = stripParentheses(match.captured(1));
    return text;
}

// The constant a default spells: a number as it is, a quoted string without its quotes (SQLite
// takes "x" for a string where no column is named x); nothing for anything else.
std::optional<QString> DefaultLiteral::constantText(const QString &text)
{
    if (numberPattern().match(text).hasMatch())
        return text;
    static const QRegularExpression single(QStringLiteral(R"(^'((?:[^']|'')*)'$)"));
    static const QRegularExpression dbl(QStringLiteral(R"re(^"((?:[^"]|"")*)"$)re"));
    if (const auto m = single.match(text); m.hasMatch() && !text.contains(QLatin1Char('\\')))
        return m.captured(1).replace(QStringLiteral("''"), QStringLiteral("'"));
    if (const auto m = dbl.match(text); m.hasMatch())
        return m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return std::nullopt;
}

std::optional<QString> DefaultLiteral::boolean(const QString &lower, ConnectionSpec::Kind kind)
{
    static const QStringList truths = {QStringLiteral("true"), QStringLiteral("1"),
                                       QStringLiteral("'1'"), QStringLiteral("'t'"),
                                       QStringLiteral("'true'")};
    static const QStringList falsehoods = {QStringLiteral("false"), QStringLiteral("0"),
                                           QStringLiteral("'0'"), QStringLiteral("'f'"),
                                           QStringLiteral("'false'")};
    bool truth;
    if (truths.contains(lower))
        truth = true;
    else if (falsehoods.contains(lower))
        truth = false;
    else
        return std::nullopt;
    if (kind == ConnectionSpec::Kind::PostgreSql)
        return truth ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    return truth ? QStringLiteral("1") : QStringLiteral("0");
}

std::optional<QString> DefaultLiteral::temporal(const ColumnInfo &column, const QString &lower,
                                                const std::optional<QString> &constant,
                                                ConnectionSpec::Kind kind)
{
    const Kind type = column.type.kind();
    const bool stamp = type == Kind::Timestamp || type == Kind::TimestampTz;
    // MySQL writes CURRENT_TIMESTAMP(6) or current_timestamp(), PostgreSQL now() or
    // CURRENT_TIMESTAMP(3), SQLite CURRENT_TIMESTAMP: all the time of the insert.
    static const QRegularExpression now(
        QStringLiteral(R"(^(current_timestamp|localtimestamp|now)\s*(\(\s*\d*\s*\))?$)"));
    if (stamp && now.match(lower).hasMatch())
        return kind == ConnectionSpec::Kind::MySql ? QStringLiteral("CURRENT_TIMESTAMP(6)")
                                                   : QStringLiteral("CURRENT_TIMESTAMP");
    if (constant && isTemporalConstant(type, *constant))
        return SqlDialect::quoteString(*constant);
    return std::nullopt;
}

} // namespace cutover
