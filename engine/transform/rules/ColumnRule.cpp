#include "transform/rules/ColumnRule.h"

#include "core/DecimalText.h"
#include "core/RegexMatcher.h"
#include "core/ValueText.h"
#include "transform/convert/TypeConverter.h"

namespace cutover {

namespace {

template <typename T>
int order(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

QString comparable(const QVariant &value, NormalizedType::Kind kind)
{
    QString text = ValueText::of(value);
    // "...:00Z" must sort before "...:00.500Z": compare without the Z (all are UTC).
    if (kind == NormalizedType::Kind::TimestampTz && text.endsWith(QLatin1Char('Z')))
        text.chop(1);
    // A timestamp for a SQLite target has a space where the rule's bound has a 'T'.
    const bool timestamp =
        kind == NormalizedType::Kind::Timestamp || kind == NormalizedType::Kind::TimestampTz;
    if (timestamp && text.size() > 10 && text.at(10) == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    return text;
}

} // namespace

Result<QVariant> ColumnRule::bound(const QString &text, const char *which) const
{
    if (text.isEmpty())
        return QVariant();
    const Conversion converted = TypeConverter::convert(text, m_column.type);
    if (!converted.ok())
        return Error(Error::Code::Validation,
                     QStringLiteral("the %1 %2 does not fit column %3 (%4): %5")
                         .arg(QLatin1String(which), text, m_column.name, m_column.type.toString(),
                              converted.reason),
                     QStringLiteral("rule %1").arg(m_rule.name));
    return converted.value;
}

Result<ColumnRule> ColumnRule::create(const Rule &rule, const ColumnInfo &column)
{
    ColumnRule checker;
    checker.m_rule = rule;
    checker.m_column = column;
    const QString where = QStringLiteral("rule %1").arg(rule.name);
    if (rule.kind == Rule::Kind::Pattern) {
        const QRegularExpression pattern(rule.pattern);
        if (!pattern.isValid())
            return Error(Error::Code::Validation,
                         QStringLiteral("the pattern %1 is not a valid regular expression: %2 at "
                                        "offset %3")
                             .arg(rule.pattern, pattern.errorString())
                             .arg(pattern.patternErrorOffset()),
                         where);
        checker.m_pattern.emplace(pattern);
    } else if (rule.kind == Rule::Kind::Range) {
        Result<QVariant> minimum = checker.bound(rule.minimum, "minimum");
        if (!minimum)
            return minimum.error();
        Result<QVariant> maximum = checker.bound(rule.maximum, "maximum");
        if (!maximum)
            return maximum.error();
        checker.m_minimum = *minimum;
        checker.m_maximum = *maximum;
    } else if (rule.kind == Rule::Kind::AllowedValues) {
        for (const QString &allowed : rule.allowed) {
            Result<QVariant> value = checker.bound(allowed, "allowed value");
            if (!value)
                return value.error();
            checker.m_allowed.insert(comparable(*value, column.type.kind()));
        }
    }
    return checker;
}

int ColumnRule::compare(const QVariant &a, const QVariant &b) const
{
    switch (m_column.type.kind()) {
    case NormalizedType::Kind::Integer:
        return order(a.toLongLong(), b.toLongLong());
    case NormalizedType::Kind::Real:
        return order(a.toDouble(), b.toDouble());
    case NormalizedType::Kind::Boolean:
        return order(a.toBool(), b.toBool());
    case NormalizedType::Kind::Decimal: {
        const auto x = DecimalText::parse(a.toString());
        const auto y = DecimalText::parse(b.toString());
        if (x && y)
            return DecimalText::compare(*x, *y);
        break;
    }
    default:
        break;
    }
    const NormalizedType::Kind kind = m_column.type.kind();
    return order(comparable(a, kind), comparable(b, kind));
}

QString ColumnRule::checkRange(const QVariant &value) const
{
    const bool below = !m_minimum.isNull() && compare(value, m_minimum) < 0;
    const bool above = !m_maximum.isNull() && compare(value, m_maximum) > 0;
    if (!below && !above)
        return {};
    if (!m_minimum.isNull() && !m_maximum.isNull())
        return QStringLiteral("%1 is outside the range %2 to %3")
            .arg(ValueText::display(value), ValueText::of(m_minimum), ValueText::of(m_maximum));
    if (below)
        return QStringLiteral("%1 is below the minimum %2")
            .arg(ValueText::display(value), ValueText::of(m_minimum));
    return QStringLiteral("%1 is above the maximum %2")
        .arg(ValueText::display(value), ValueText::of(m_maximum));
}

QString ColumnRule::checkPattern(const QVariant &value) const
{
    const std::optional<bool> matches = m_pattern->matches(ValueText::of(value));
    if (!matches)
        return QStringLiteral("%1 could not be checked against the pattern %2: %3")
            .arg(ValueText::display(value), m_rule.pattern, RegexMatcher::giveUpReason());
    if (*matches)
        return {};
    return QStringLiteral("%1 does not match the pattern %2")
        .arg(ValueText::display(value), m_rule.pattern);
}

QString ColumnRule::check(const QVariant &value) const
{
    if (m_rule.kind == Rule::Kind::NotNull)
        return value.isNull() ? QStringLiteral("%1 must not be NULL").arg(m_column.name)
                              : QString();
    if (value.isNull())
        return {};
    switch (m_rule.kind) {
    case Rule::Kind::Pattern:
        return checkPattern(value);
    case Rule::Kind::Range:
        return checkRange(value);
    case Rule::Kind::AllowedValues:
        if (m_allowed.contains(comparable(value, m_column.type.kind())))
            return {};
        return QStringLiteral("%1 is not one of the allowed values (%2)")
            .arg(ValueText::display(value), m_rule.allowed.join(QStringLiteral(", ")));
    default:
        return {};
    }
}

} // namespace cutover
