#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// A secondary index or a unique constraint (unique constraints are reported as unique indexes
// with isConstraint set). SQL text (expressions, condition) is in the dialect of the database the
// table belongs to (for a project's targetTables: the target's).
struct IndexInfo
{
    QString name;
    QStringList columns; // per key part: a column's name; "<expression>" (PostgreSQL: the
                         // expression's text) for an expression part
    bool unique = false;
    bool isConstraint = false;
    bool partial = false;      // an index with a WHERE clause: unique only among its rows
    QString where{};           // the condition of a partial index, when known
    QStringList expressions{}; // parallel to columns when a part is an expression: its SQL text
                               // there, empty for a column; empty when every part is a column

    bool operator==(const IndexInfo &) const = default;

    bool hasExpressions() const
    {
        for (const QString &expression : expressions)
            if (!expression.isEmpty())
                return true;
        return columns.contains(QStringLiteral("<expression>"));
    }
    QString expression(qsizetype part) const { return expressions.value(part); }
    // On columns alone and not partial: a key the whole table obeys when unique.
    bool isPlain() const { return !partial && where.isEmpty() && !hasExpressions(); }
};

} // namespace cutover
