#pragma once

#include "core/RegexMatcher.h"

#include "core/Result.h"
#include "project/Rule.h"
#include "schema/ColumnInfo.h"

#include <QRegularExpression>
#include <QSet>
#include <QVariant>

namespace cutover {

// A rule that looks at one converted value on its own: not null, pattern, range or allowed
// values. Bounds and allowed values are converted to the column's type once, so that they
// compare with canonical values: 1 equals '1' in an integer column, '2024-01-01' is midnight in
// a timestamp column. NULL passes every rule but not null (as in SQL CHECK constraints).
//  - Pattern: QRegularExpression, unanchored like SQL REGEXP and PostgreSQL's ~ (write ^...$ to
//    match the whole value), on the value's text.
//  - Range: inclusive; numeric order for integer, decimal (exact) and real columns, time order
//    for temporal columns, false < true for booleans, otherwise text order (code units).
class ColumnRule
{
public:
    static Result<ColumnRule> create(const Rule &rule, const ColumnInfo &column);

    // Why value breaks the rule (a generated reason), or an empty string when it passes.
    QString check(const QVariant &value) const;

private:
    Result<QVariant> bound(const QString &text, const char *which) const;
    int compare(const QVariant &a, const QVariant &b) const;
    QString checkRange(const QVariant &value) const;
    QString checkPattern(const QVariant &value) const;

    Rule m_rule;
    ColumnInfo m_column;
    std::optional<RegexMatcher> m_pattern;
    QVariant m_minimum;
    QVariant m_maximum;
    QSet<QString> m_allowed; // canonical texts
};

} // namespace cutover
