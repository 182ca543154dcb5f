#include "automap/ExpressionProposer.h"

#include "automap/NameMatcher.h"
#include "dialect/SqlDialect.h"

#include <QRegularExpression>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;
using Role = ExpressionProposer::Role;
using Shape = SampleProfile::Shape;

QStringList wordsOf(const QString &name)
{
    return NameMatcher::normalized(name).split(QLatin1Char('_'));
}

bool hasAny(const QStringList &words, std::initializer_list<const char *> candidates)
{
    for (const char *c : candidates)
        if (words.contains(QLatin1String(c)))
            return true;
    return false;
}

bool lastIs(const QStringList &words, std::initializer_list<const char *> candidates)
{
    for (const char *c : candidates)
        if (words.last() == QLatin1String(c))
            return true;
    return false;
}

QString quotedList(const QStringList &formats)
{
    QStringList quoted;
    for (const QString &f : formats)
        quoted << SqlDialect::quoteString(f);
    return quoted.join(QStringLiteral(", "));
}

bool isKeyRole(const QStringList &w)
{
    return hasAny(w, {"legacy", "old", "source", "external", "original", "previous", "orig"}) &&
           lastIs(w, {"id", "number", "no", "nr", "key", "num"});
}

Role roleFromType(Kind kind)
{
    switch (kind) {
    case Kind::Boolean:
        return Role::Boolean;
    case Kind::Date:
        return Role::Date;
    case Kind::Timestamp:
    case Kind::TimestampTz:
        return Role::Timestamp;
    default:
        return Role::Plain;
    }
}

Role roleFromName(const QStringList &w)
{
    const SynonymTable &synonyms = SynonymTable::standard();
    const QString phrase = w.join(QLatin1Char('_'));
    if (hasAny(w, {"email", "mail"}))
        return Role::Email;
    if (hasAny(w, {"phone", "tel", "telephone", "mobile", "fax"}))
        return Role::Phone;
    if (lastIs(w, {"at", "ts", "timestamp", "datetime"}) ||
        synonyms.areSynonyms(phrase, QStringLiteral("created")) ||
        synonyms.areSynonyms(phrase, QStringLiteral("updated")))
        return Role::Timestamp;
    if (lastIs(w, {"date", "dob", "birthday"}) || (w.size() > 1 && lastIs(w, {"on"})) ||
        synonyms.areSynonyms(phrase, QStringLiteral("dob")))
        return Role::Date;
    if (lastIs(w, {"cent"}))
        return Role::Cents;
    if (w.first() == QLatin1String("is") || w.first() == QLatin1String("has") ||
        lastIs(w, {"flag"}) || synonyms.areSynonyms(phrase, QStringLiteral("active")))
        return Role::Boolean;
    if (lastIs(w, {"name", "surname", "forename"}))
        return Role::Name;
    if (lastIs(w, {"code", "status", "state", "type", "kind", "category", "gender", "sex", "site",
                   "currency", "unit", "country", "specialty"}))
        return Role::Code;
    return Role::Plain;
}

ExpressionProposer::Proposal cleaning(const QString &expression, const QString &reason)
{
    ExpressionProposer::Proposal p;
    p.cleanExpression = expression;
    p.cleanReason = reason;
    return p;
}

} // namespace

ExpressionProposer::ExpressionProposer(QList<LookupMap> lookups, QString timeZone)
    : m_lookups(std::move(lookups))
    , m_timeZone(timeZone.isEmpty() ? QStringLiteral("UTC") : std::move(timeZone))
{}

ExpressionProposer::Role ExpressionProposer::roleOf(const TableInfo &table,
                                                    const ColumnInfo &column)
{
    if (table.primaryKey == QStringList{column.name})
        return Role::Key;
    if (!referencedTable(table, column).isEmpty())
        return Role::ForeignKey;
    const QStringList w = wordsOf(column.name);
    if (isKeyRole(w))
        return Role::LegacyKey;
    if (const Role byType = roleFromType(column.type.kind()); byType != Role::Plain)
        return byType;
    return roleFromName(w);
}

QString ExpressionProposer::roleName(Role role)
{
    static const char *names[] = {"plain", "key",  "foreign key", "legacy key", "name",  "e-mail",
                                  "phone", "date", "timestamp",   "flag",       "cents", "code"};
    return QLatin1String(names[int(role)]);
}

QString ExpressionProposer::referencedTable(const TableInfo &table, const ColumnInfo &column)
{
    for (const ForeignKeyInfo &fk : table.foreignKeys)
        if (fk.columns == QStringList{column.name})
            return fk.referencedTable;
    return {};
}

QString ExpressionProposer::reference(const QString &column)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    static const QStringList reserved = {
        "all",     "and",    "as",    "between", "by",     "case",       "check",      "collate",
        "column",  "create", "cross", "default", "delete", "desc",       "asc",        "distinct",
        "drop",    "else",   "end",   "escape",  "except", "exists",     "from",       "glob",
        "group",   "having", "in",    "index",   "insert", "intersect",  "into",       "is",
        "isnull",  "join",   "key",   "like",    "limit",  "match",      "natural",    "not",
        "notnull", "null",   "on",    "or",      "order",  "primary",    "references", "regexp",
        "select",  "set",    "table", "then",    "to",     "union",      "unique",     "update",
        "using",   "values", "when",  "where",   "with",   "transaction"};
    if (plain.match(column).hasMatch() && !reserved.contains(column.toLower()))
        return column;
    return SqlDialect::quoteIdentifier(column, ConnectionSpec::Kind::Sqlite);
}

QString ExpressionProposer::lookupFor(const TableInfo &table, const ColumnInfo &column) const
{
    const SynonymTable &synonyms = SynonymTable::standard();
    const QStringList columnWords = wordsOf(column.name);
    const QStringList tableWords = wordsOf(table.name);
    const auto isColumnWord = [&](const QString &w) {
        for (const QString &c : columnWords)
            if (w == c || synonyms.areSynonyms(w, c))
                return true;
        return false;
    };
    QString best;
    int bestSpecificity = -1;
    for (const LookupMap &lookup : m_lookups) {
        bool fits = true, named = false;
        int specificity = 0;
        for (const QString &w : wordsOf(lookup.name)) {
            if (isColumnWord(w))
                named = true;
            else if (tableWords.contains(w))
                ++specificity;
            else if (!QStringList{"code", "map", "lookup", "value", "mapping", "list"}.contains(w))
                fits = false;
        }
        if (fits && named && specificity > bestSpecificity)
            best = lookup.name, bestSpecificity = specificity;
    }
    return best;
}

ExpressionProposer::Proposal ExpressionProposer::propose(const TableInfo &targetTable,
                                                         const ColumnInfo &target,
                                                         const ColumnInfo &source,
                                                         const SampleProfile *samples) const
{
    Proposal proposal = proposeAny(targetTable, target, source, samples);
    if (proposal.cleanExpression.isEmpty())
        return proposal;
    proposal.expression = reference(source.name);
    proposal.reason = QStringLiteral("copied as it is");
    proposal.converts = false;
    return proposal;
}

// Cleanings come back in cleanExpression; propose() keeps them apart.
ExpressionProposer::Proposal ExpressionProposer::proposeAny(const TableInfo &targetTable,
                                                            const ColumnInfo &target,
                                                            const ColumnInfo &source,
                                                            const SampleProfile *samples) const
{
    const QString x = reference(source.name);
    const bool text = source.type.kind() == Kind::Text || source.type.kind() == Kind::Unknown;
    switch (roleOf(targetTable, target)) {
    case Role::Key:
        return key(targetTable.name, target, source, x, samples);
    case Role::ForeignKey:
        return key(referencedTable(targetTable, target), target, source, x, samples);
    case Role::LegacyKey:
        return {x, QStringLiteral("the source key, kept as it was")};
    case Role::Name:
        if (text)
            return cleaning(QStringLiteral("title_case(normalize_space(%1))").arg(x),
                            QStringLiteral("a name: spaces collapsed, each word capitalised"));
        break;
    case Role::Email:
        if (text)
            return cleaning(QStringLiteral("lower(trim(%1))").arg(x),
                            QStringLiteral("an e-mail address: trimmed, lower case"));
        break;
    case Role::Phone:
        if (text)
            return cleaning(QStringLiteral("normalize_space(%1)").arg(x),
                            QStringLiteral("a phone number: spaces collapsed"));
        break;
    case Role::Date:
        return date(source, x, samples);
    case Role::Timestamp:
        return timestamp(target, source, x, samples);
    case Role::Boolean:
        // A flag kept in the same type on both sides (an integer 0/1, a 'Y'/'N' text) is copied.
        if (source.type.kind() != Kind::Boolean && source.type.kind() != target.type.kind())
            return {QStringLiteral("to_bool(%1)").arg(x),
                    QStringLiteral("a flag: Y/N, yes/no, 1/0 become 1 or 0"), true};
        break;
    case Role::Cents:
        return cents(source, x, samples);
    case Role::Code:
        if (text)
            return code(targetTable, target, x, samples);
        break;
    case Role::Plain:
        break;
    }
    return plain(target, source, x, samples);
}

ExpressionProposer::Proposal ExpressionProposer::key(const QString &nameSpace,
                                                     const ColumnInfo &target,
                                                     const ColumnInfo &source, const QString &x,
                                                     const SampleProfile *samples) const
{
    const Kind to = target.type.kind();
    const bool integerSource =
        source.type.kind() == Kind::Integer || (samples && samples->looksLike(Shape::Integer));
    if (integerSource && (to == Kind::Uuid || to == Kind::Text || to == Kind::Unknown))
        return {QStringLiteral("uuid5(%1, %2)").arg(SqlDialect::quoteString(nameSpace), x),
                QStringLiteral("integer key to UUID key: uuid5 in namespace '%1' gives the same "
                               "id on every run")
                    .arg(nameSpace),
                true};
    return {x, QStringLiteral("the key, kept as it was")};
}

ExpressionProposer::Proposal ExpressionProposer::date(const ColumnInfo &source, const QString &x,
                                                      const SampleProfile *samples) const
{
    const Kind from = source.type.kind();
    if (from == Kind::Date)
        return {x, QStringLiteral("already a date")};
    if (from == Kind::Timestamp || from == Kind::TimestampTz)
        return {QStringLiteral("date(%1)").arg(x), QStringLiteral("the date part of the timestamp"),
                true};
    QStringList formats;
    QString seen;
    if (samples && !samples->dateFormats().isEmpty()) {
        formats = samples->dateFormats();
        seen = QStringLiteral("the %1 format(s) seen in the sample values").arg(formats.size());
        if (samples->ambiguousDayMonth())
            seen += QStringLiteral(" (dd/MM or MM/dd cannot be told apart: check)");
    } else if (samples && !samples->timestampFormats().isEmpty()) {
        formats = samples->timestampFormats();
        seen = QStringLiteral("the timestamp format(s) seen in the sample values");
    } else {
        formats = {QStringLiteral("yyyy-MM-dd")};
        seen = QStringLiteral("ISO dates (no sample values: check the format)");
    }
    return {QStringLiteral("date(parse_datetime(%1, %2))").arg(x, quotedList(formats)),
            QStringLiteral("text to date: parse_datetime with %1").arg(seen), true};
}

ExpressionProposer::Proposal ExpressionProposer::timestamp(const ColumnInfo &target,
                                                           const ColumnInfo &source,
                                                           const QString &x,
                                                           const SampleProfile *samples) const
{
    const Kind from = source.type.kind();
    const Kind to = target.type.kind();
    if (from == Kind::TimestampTz && to == Kind::Timestamp)
        return {QStringLiteral("from_utc(%1, %2)").arg(x, SqlDialect::quoteString(m_timeZone)),
                QStringLiteral("an instant as the local time in %1 (the column keeps no time "
                               "zone)")
                    .arg(m_timeZone),
                true};
    if (from == Kind::TimestampTz || (from == to && from != Kind::Text))
        return {x, QStringLiteral("already a timestamp")};
    QString value = x;
    QString how;
    const QStringList iso = {QStringLiteral("yyyy-MM-dd HH:mm:ss"),
                             QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")};
    if (samples && !samples->timestampFormats().isEmpty()) {
        bool allIso = true;
        for (const QString &f : samples->timestampFormats())
            allIso = allIso && iso.contains(f);
        if (!allIso) {
            value = QStringLiteral("parse_datetime(%1, %2)")
                        .arg(x, quotedList(samples->timestampFormats()));
            how = QStringLiteral("parsed with the %1 format(s) seen in the sample values, ")
                      .arg(samples->timestampFormats().size());
        }
    } else if (samples && !samples->dateFormats().isEmpty()) {
        value = QStringLiteral("parse_datetime(%1, %2)").arg(x, quotedList(samples->dateFormats()));
        how = QStringLiteral("dates parsed with the formats seen in the sample values, ");
    }
    if (to == Kind::Timestamp)
        return {value, how.isEmpty() ? QStringLiteral("a local timestamp") : how.chopped(2), true};
    const QString zone =
        m_timeZone == QLatin1String("UTC")
            ? QStringLiteral("read as UTC (if the source wrote local time, name its zone instead "
                             "of 'UTC')")
            : QStringLiteral("local time in %1 converted to UTC").arg(m_timeZone);
    return {QStringLiteral("to_utc(%1, %2)").arg(value, SqlDialect::quoteString(m_timeZone)),
            how + zone, true};
}

ExpressionProposer::Proposal ExpressionProposer::cents(const ColumnInfo &source, const QString &x,
                                                       const SampleProfile *samples) const
{
    if (source.type.kind() == Kind::Integer) {
        if (wordsOf(source.name).contains(QLatin1String("cent")))
            return {x, QStringLiteral("already cents")};
        return {QStringLiteral("%1 * 100").arg(x), QStringLiteral("whole units to cents")};
    }
    QString value = x;
    QString note;
    if (samples && samples->hasCurrencySigns()) {
        value = QStringLiteral("trim(replace(replace(%1, '€', ''), 'EUR', ''))").arg(x);
        note = QStringLiteral("; currency signs in the sample values removed");
    }
    if (samples && samples->hasDecimalComma())
        note += QStringLiteral("; the sample values have decimal commas, which to_decimal reads");
    return {QStringLiteral("to_int(replace(to_decimal(%1, 2), '.', ''))").arg(value),
            QStringLiteral("an amount to integer cents through exact decimal text, never a "
                           "float%1")
                .arg(note),
            true};
}

ExpressionProposer::Proposal ExpressionProposer::code(const TableInfo &table,
                                                      const ColumnInfo &target, const QString &x,
                                                      const SampleProfile *samples) const
{
    if (const QString map = lookupFor(table, target); !map.isEmpty())
        return {QStringLiteral("lookup(%1, upper(trim(%2)))").arg(SqlDialect::quoteString(map), x),
                QStringLiteral("codes translated through the project's lookup '%1'").arg(map)};
    if (samples && samples->looksLike(Shape::Code) && !samples->hasMixedCase())
        return cleaning(QStringLiteral("upper(trim(%1))").arg(x),
                        QStringLiteral("short codes, trimmed and upper-cased (add a lookup if the "
                                       "target spells them differently)"));
    return cleaning(QStringLiteral("trim(%1)").arg(x), QStringLiteral("a code, trimmed"));
}

ExpressionProposer::Proposal ExpressionProposer::plain(const ColumnInfo &target,
                                                       const ColumnInfo &source, const QString &x,
                                                       const SampleProfile *samples) const
{
    const Kind from = source.type.kind();
    const bool text = from == Kind::Text || from == Kind::Unknown;
    switch (target.type.kind()) {
    case Kind::Integer:
        if (text)
            return {QStringLiteral("to_int(%1)").arg(x),
                    QStringLiteral("text to integer, strictly"), true};
        break;
    case Kind::Decimal:
        if (text || from == Kind::Real)
            return {QStringLiteral("to_decimal(%1, %2)").arg(x).arg(target.type.scale()),
                    QStringLiteral("to a decimal with %1 places, exactly").arg(target.type.scale()),
                    true};
        break;
    case Kind::Boolean:
        return {QStringLiteral("to_bool(%1)").arg(x), QStringLiteral("a flag"), true};
    default:
        break;
    }
    if (text && samples && samples->hasPadding())
        return cleaning(QStringLiteral("null_if_blank(normalize_space(%1))").arg(x),
                        QStringLiteral("the stray spaces seen in the sample values removed"));
    return {x, QStringLiteral("copied as it is")};
}

} // namespace cutover
