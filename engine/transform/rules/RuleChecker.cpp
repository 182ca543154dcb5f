#include "transform/rules/RuleChecker.h"

#include "core/DecimalText.h"
#include "core/ValueText.h"
#include "transform/TransformProgram.h"
#include "transform/rules/RunReferenceIndex.h"

#include <optional>
#include <tuple>

namespace cutover {

struct RuleChecker::Checked
{
    Rule rule;
    std::optional<ColumnRule> value; // not null, pattern, range, allowed values
    QStringList columns;             // the rule's column(s); unique may have several
    QString referenceTable;
    QString referenceColumn;
    CompactKeySet seen;              // unique: canonical keys claimed in this run
    TargetUniqueValues::Owners held; // unique: the target's owners of the batch's keys
    bool databaseFills = false;      // the column has a database default or identity
    QSet<QString> missing; // reference: values no lookup found, in the batch being checked
};

namespace {

bool isBlocking(const QList<Violation> &violations)
{
    for (const Violation &v : violations)
        if (v.blocking)
            return true;
    return false;
}

// SQLite's truth value of an expression result: NULL is unknown (passes a CHECK).
std::optional<bool> truthOf(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.typeId() == QMetaType::QString)
        return value.toString().trimmed().toDouble() != 0; // non-numeric text is 0
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray()).trimmed().toDouble() != 0;
    return value.toDouble() != 0;
}

// A decimal reaches an expression rule as an SQLite number, as a NUMERIC column would hold it;
// as text, "-5.00" > 0 would be true.
QVariant asSqliteValue(const QVariant &value, const NormalizedType &type)
{
    if (type.kind() != NormalizedType::Kind::Decimal || value.typeId() != QMetaType::QString)
        return value;
    bool whole = false;
    const qint64 integer = value.toString().toLongLong(&whole);
    if (whole)
        return QVariant::fromValue<qint64>(integer);
    const auto number = DecimalText::parse(value.toString());
    if (number && number->fractionDigits().isEmpty())
        if (const auto exact = number->toInteger())
            return QVariant::fromValue<qint64>(*exact);
    return value.toString().toDouble();
}

// The distinct non-NULL values of a batch's column, in first-seen order, told apart by their
// canonical text: what a batch asks the target about, once each.
QVariantList distinctValues(const RowBatch &converted, qsizetype at)
{
    QSet<QString> seen;
    QVariantList values;
    for (const QVariantList &row : converted.rows) {
        const QVariant &value = row.at(at);
        if (value.isNull())
            continue;
        const QString text = ValueText::of(value);
        if (!seen.contains(text)) {
            seen.insert(text);
            values.append(value);
        }
    }
    return values;
}

} // namespace

RuleChecker::RuleChecker() = default;
RuleChecker::~RuleChecker() = default;

Result<std::unique_ptr<RuleChecker>> RuleChecker::create(const TableInfo &table,
                                                         const QList<Rule> &rules,
                                                         const QList<LookupMap> &lookups,
                                                         const QList<ReferenceLookup *> &references)
{
    std::unique_ptr<RuleChecker> checker(new RuleChecker);
    checker->m_table = table;
    checker->m_references = references;
    for (const Rule &rule : rules) {
        if (rule.table != table.name)
            continue;
        if (Result<void> added = checker->addRule(rule, references); !added)
            return added.error();
    }
    if (Result<void> compiled = checker->compileExpressions(lookups); !compiled)
        return compiled.error();
    return checker;
}

Result<void> RuleChecker::addRule(const Rule &rule, const QList<ReferenceLookup *> &references)
{
    const QString where = QStringLiteral("rule %1").arg(rule.name);
    auto checked = std::make_shared<Checked>();
    checked->rule = rule;
    checked->columns = rule.columns();
    if (checked->columns.isEmpty() && rule.kind != Rule::Kind::Expression)
        return Error(Error::Code::Validation, QStringLiteral("the rule names no column"), where);
    if (checked->columns.size() > 1 && rule.kind != Rule::Kind::Unique)
        return Error(Error::Code::Validation,
                     QStringLiteral("only a unique rule may name several columns"), where);
    for (const QString &name : checked->columns) {
        const ColumnInfo *column = m_table.column(name);
        if (!column)
            return Error(Error::Code::Validation,
                         QStringLiteral("%1 has no column %2").arg(m_table.name, name), where);
        checked->databaseFills = column->hasDefault || column->autoIncrement;
        if (rule.kind == Rule::Kind::NotNull || rule.kind == Rule::Kind::Pattern ||
            rule.kind == Rule::Kind::Range || rule.kind == Rule::Kind::AllowedValues) {
            Result<ColumnRule> value = ColumnRule::create(rule, *column);
            if (!value)
                return value.error();
            checked->value = *value;
        }
    }
    if (rule.kind == Rule::Kind::ReferenceExists) {
        const qsizetype dot = rule.reference.lastIndexOf(QLatin1Char('.'));
        if (dot <= 0 || dot == rule.reference.size() - 1)
            return Error(
                Error::Code::Validation,
                QStringLiteral("the reference %1 is not \"table.column\"").arg(rule.reference),
                where);
        if (references.isEmpty())
            return Error(Error::Code::Internal,
                         QStringLiteral("no reference lookup to check %1").arg(rule.reference),
                         where);
        checked->referenceTable = rule.referencedTable();
        checked->referenceColumn = rule.reference.mid(dot + 1);
    }
    m_rules.append(checked);
    return {};
}

Result<void> RuleChecker::compileExpressions(const QList<LookupMap> &lookups)
{
    QList<TransformProgram::Output> outputs;
    for (int i = 0; i < m_rules.size(); ++i) {
        if (m_rules.at(i)->rule.kind != Rule::Kind::Expression)
            continue;
        m_expressionRules.append(i);
        outputs.append({m_rules.at(i)->rule.name, m_rules.at(i)->rule.expression});
    }
    if (outputs.isEmpty())
        return {};
    QStringList inputs;
    for (const ColumnInfo &column : m_table.columns)
        inputs.append(column.name);
    QList<TransformProgram::CompileError> errors;
    m_program = TransformProgram::compile(inputs, outputs, lookups, &errors);
    if (m_program)
        return {};
    QStringList messages;
    for (const TransformProgram::CompileError &error : errors)
        messages.append(error.offset >= 0
                            ? QStringLiteral("rule %1: %2 (at offset %3)")
                                  .arg(error.output, error.message)
                                  .arg(error.offset)
                            : QStringLiteral("rule %1: %2").arg(error.output, error.message));
    return Error(Error::Code::Validation, messages.join(QStringLiteral("; ")), m_table.name,
                 QStringLiteral("a custom rule is a boolean SQLite expression over the target "
                                "row's columns"));
}

Violation RuleChecker::violation(const Checked &checked, const QVariant &value,
                                 const QString &reason) const
{
    Violation v = rowViolation(checked, reason);
    std::tie(v.value, v.valueForm) = ValueText::shown(value);
    return v;
}

Violation RuleChecker::rowViolation(const Checked &checked, const QString &reason) const
{
    return {Violation::Kind::Rule,
            checked.rule.column,
            checked.rule.name,
            QString(),
            checked.rule.message.isEmpty() ? reason : checked.rule.message,
            checked.rule.severity == Rule::Severity::Blocking,
            Violation::ValueForm::None};
}

Result<QList<QList<Violation>>> RuleChecker::checkExpressions(const RowBatch &converted)
{
    QList<QList<Violation>> found(converted.size());
    if (!m_program)
        return found;
    RowBatch input;
    input.columns = m_program->inputColumns();
    input.rows.reserve(converted.size());
    for (const QVariantList &row : converted.rows) {
        QVariantList values(input.columns.size());
        for (qsizetype c = 0; c < input.columns.size(); ++c)
            if (const qsizetype at = m_columnIndex.value(input.columns.at(c), -1); at >= 0)
                values[c] = asSqliteValue(row.at(at), m_table.columns.at(c).type);
        input.rows.append(values);
    }
    Result<TransformedBatch> result = m_program->run(input);
    if (!result)
        return result.error();
    for (qsizetype row = 0; row < converted.size(); ++row) {
        for (qsizetype i = 0; i < m_expressionRules.size(); ++i) {
            const Checked &checked = *m_rules.at(m_expressionRules.at(i));
            const auto truth = truthOf(result->values.rows.at(row).at(i));
            if (truth && !*truth)
                found[row].append(rowViolation(
                    checked, QStringLiteral("the row breaks %1").arg(checked.rule.expression)));
        }
        for (const Violation &refused : result->violations.value(row)) {
            const Checked &checked = *m_rules.at(m_expressionRules.at(
                qMax<qsizetype>(0, result->values.columns.indexOf(refused.column))));
            Violation v =
                rowViolation(checked, QStringLiteral("the rule could not be evaluated: %1: %2")
                                          .arg(refused.source, refused.reason));
            v.value = refused.value; // as the function showed it, cut already
            v.valueForm = refused.valueForm;
            found[row].append(v);
        }
    }
    return found;
}

Result<bool> RuleChecker::referenced(const Checked &checked, const QVariant &value)
{
    for (ReferenceLookup *lookup : m_references) {
        Result<bool> found = lookup->exists(checked.referenceTable, checked.referenceColumn, value);
        if (!found || *found)
            return found;
    }
    return false;
}

// Each lookup sees the batch's distinct values of every reference-exists rule first, so the
// target is asked once a batch rather than once a row.
Result<void> RuleChecker::prefetchReferences(const RowBatch &converted)
{
    for (const auto &checked : std::as_const(m_rules)) {
        if (checked->rule.kind != Rule::Kind::ReferenceExists)
            continue;
        const qsizetype at = m_columnIndex.value(checked->columns.first(), -1);
        if (at < 0)
            continue;
        if (Result<void> fetched = prefetch(*checked, distinctValues(converted, at)); !fetched)
            return fetched;
    }
    return {};
}

// Who in the target holds the batch's unique values, rule by rule, asked with the distinct
// values of each rule's first column.
Result<void> RuleChecker::fetchHeldValues(const RowBatch &converted)
{
    m_keyAt =
        m_table.primaryKey.size() == 1 ? m_columnIndex.value(m_table.primaryKey.first(), -1) : -1;
    for (const auto &checked : std::as_const(m_rules)) {
        checked->held.clear();
        if (checked->rule.kind != Rule::Kind::Unique || !m_targetValues || m_keyAt < 0)
            continue;
        const qsizetype at = m_columnIndex.value(checked->columns.first(), -1);
        if (at < 0)
            continue;
        const QVariantList values = distinctValues(converted, at);
        if (values.isEmpty())
            continue;
        auto owners = m_targetValues->owners(checked->columns, values);
        if (!owners)
            return owners.error();
        checked->held = std::move(*owners);
    }
    return {};
}

// Whether a target row other than this one (by primary key) holds key.
bool RuleChecker::heldByAnother(const Checked &checked, const QString &key,
                                const RowBatch &converted, qsizetype row) const
{
    const auto owners = checked.held.constFind(key);
    if (owners == checked.held.cend())
        return false;
    const QString own = ValueText::of(converted.rows.at(row).at(m_keyAt));
    return owners->size() > 1 || !owners->contains(own);
}

// Lookups are asked in turn (referenced()), so each prefetches only the values the ones before
// it do not know: a reconciliation's index answers for the expected parents, and the target is
// not asked for them a batch at a time.
Result<void> RuleChecker::prefetch(const Checked &checked, QVariantList values)
{
    for (qsizetype i = 0; i < m_references.size() && !values.isEmpty(); ++i) {
        ReferenceLookup *lookup = m_references.at(i);
        if (Result<void> fetched =
                lookup->prefetch(checked.referenceTable, checked.referenceColumn, values);
            !fetched)
            return fetched;
        if (i + 1 == m_references.size())
            break;
        QVariantList unknown;
        for (const QVariant &value : std::as_const(values)) {
            Result<bool> found =
                lookup->exists(checked.referenceTable, checked.referenceColumn, value);
            if (!found)
                return found.error();
            if (!*found)
                unknown.append(value);
        }
        values = std::move(unknown);
    }
    return {};
}

Result<void> RuleChecker::checkRow(const RowBatch &converted, qsizetype row,
                                   const QBitArray &defaults, QList<Violation> &out)
{
    for (const auto &checked : m_rules) {
        if (checked->rule.kind == Rule::Kind::Unique ||
            checked->rule.kind == Rule::Kind::Expression)
            continue;
        const qsizetype at = m_columnIndex.value(checked->columns.first(), -1);
        const QVariant value = at >= 0 ? converted.rows.at(row).at(at) : QVariant();
        if (checked->rule.kind == Rule::Kind::ReferenceExists) {
            if (value.isNull())
                continue;
            // A value no lookup found is not asked again within the batch: the rows of an
            // orphaned parent (all the observations of a missing visit) cost one lookup, not one
            // each, and the target is asked while the writers commit.
            const QString text = ValueText::of(value);
            Result<bool> found =
                checked->missing.contains(text) ? Result<bool>(false) : referenced(*checked, value);
            if (!found)
                return found.error();
            if (!*found)
                checked->missing.insert(text);
            if (!*found)
                out.append(violation(*checked, value,
                                     QStringLiteral("%1 is not in %2")
                                         .arg(ValueText::display(value), checked->rule.reference)));
            continue;
        }
        const bool databaseFills =
            at >= 0 ? (at < defaults.size() && defaults.testBit(at)) : checked->databaseFills;
        if (value.isNull() && databaseFills)
            continue;
        if (const QString reason = checked->value->check(value); !reason.isEmpty())
            out.append(violation(*checked, value, reason));
    }
    return {};
}

QString RuleChecker::uniqueKey(const Checked &checked, const RowBatch &converted,
                               qsizetype row) const
{
    if (checked.columns.size() == 1) { // what join() below makes of one part
        const qsizetype at = m_columnIndex.value(checked.columns.first(), -1);
        if (at < 0 || converted.rows.at(row).at(at).isNull())
            return {};
        const QString part = ValueText::of(converted.rows.at(row).at(at));
        return part.isEmpty() ? QString() : part;
    }
    QStringList parts;
    for (const QString &column : checked.columns) {
        const qsizetype at = m_columnIndex.value(column, -1);
        if (at < 0 || converted.rows.at(row).at(at).isNull())
            return {}; // NULLs never collide
        parts.append(ValueText::of(converted.rows.at(row).at(at)));
    }
    return parts.join(QChar(0x1f));
}

void RuleChecker::claimUnique(const RowBatch &converted, qsizetype row, bool takesValues,
                              QList<Violation> &out, Check &check)
{
    QList<Claim> claims;
    for (int i = 0; i < m_rules.size(); ++i) {
        Checked &checked = *m_rules[i];
        if (checked.rule.kind != Rule::Kind::Unique)
            continue;
        const QString key = uniqueKey(checked, converted, row);
        if (key.isNull())
            continue;
        const bool inRun = checked.seen.contains(key);
        if (!inRun && !heldByAnother(checked, key, converted, row)) {
            claims.append({i, row, key});
            continue;
        }
        const QString shown = QString(key).replace(QChar(0x1f), QStringLiteral(", "));
        out.append(violation(checked, shown,
                             inRun ? QStringLiteral("%1 is a duplicate: an earlier row of this "
                                                    "run has it")
                                         .arg(ValueText::display(shown))
                                   : QStringLiteral("%1 is a duplicate: a row already in the "
                                                    "target has it")
                                         .arg(ValueText::display(shown))));
        takesValues = takesValues && !out.last().blocking;
    }
    if (!takesValues)
        return;
    for (const Claim &claim : claims)
        m_rules[claim.rule]->seen.insert(claim.key);
    check.claims.append(claims);
}

Result<RuleChecker::Check> RuleChecker::checkBatch(const RowBatch &converted,
                                                   const QList<QBitArray> &databaseDefaults,
                                                   const QList<QList<Violation>> &earlier,
                                                   const QBitArray &unclaimed)
{
    m_columnIndex.clear();
    for (qsizetype c = 0; c < converted.columns.size(); ++c)
        m_columnIndex.insert(converted.columns.at(c), c);
    for (const auto &checked : std::as_const(m_rules))
        checked->missing.clear();
    if (Result<void> fetched = prefetchReferences(converted); !fetched)
        return fetched.error();
    if (Result<void> fetched = fetchHeldValues(converted); !fetched)
        return fetched.error();
    Result<QList<QList<Violation>>> expressions = checkExpressions(converted);
    if (!expressions)
        return expressions.error();
    Check check;
    check.violations = std::move(expressions).value();
    for (qsizetype row = 0; row < converted.size(); ++row) {
        QList<Violation> &out = check.violations[row];
        if (Result<void> checked = checkRow(converted, row, databaseDefaults.value(row), out);
            !checked)
            return checked.error();
        const bool loads = !isBlocking(out) && !isBlocking(earlier.value(row));
        const bool claims = loads && !(row < unclaimed.size() && unclaimed.testBit(row));
        claimUnique(converted, row, claims, out, check);
    }
    return check;
}

void RuleChecker::release(const Check &check, const QList<qsizetype> &rows)
{
    const QSet<qsizetype> failed(rows.cbegin(), rows.cend());
    for (const Claim &claim : check.claims)
        if (failed.contains(claim.row))
            m_rules[claim.rule]->seen.remove(claim.key);
}

} // namespace cutover
