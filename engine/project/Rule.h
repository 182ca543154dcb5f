#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// A data-quality check on target rows. A blocking rule quarantines the row; a warning counts it.
struct Rule
{
    enum class Kind
    {
        NotNull,
        Unique,
        Pattern,
        Range,
        AllowedValues,
        ReferenceExists,
        Expression
    };
    enum class Severity
    {
        Blocking,
        Warning
    };

    QString name;
    QString table;  // target table
    QString column; // target column; empty for row rules
    Kind kind = Kind::NotNull;
    Severity severity = Severity::Blocking;
    QString pattern; // Pattern: a regular expression
    QString minimum; // Range: inclusive bounds, either may be empty
    QString maximum;
    QStringList allowed; // AllowedValues
    QString reference;   // ReferenceExists: "table.column" in the target
    QString expression;  // Expression: a boolean SQLite expression over the target row
    QString message;

    // The column(s) it checks ("a, b": a unique rule may name several).
    QStringList columns() const
    {
        QStringList names;
        for (const QString &name : column.split(QLatin1Char(','), Qt::SkipEmptyParts))
            names.append(name.trimmed());
        return names;
    }
    // ReferenceExists: the table of "table.column", up to its last dot.
    QString referencedTable() const
    {
        return reference.left(reference.lastIndexOf(QLatin1Char('.')));
    }

    bool operator==(const Rule &) const = default;
};

} // namespace cutover
