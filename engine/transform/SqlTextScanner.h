#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace cutover {

// Finds function calls and their arguments in the text of an SQL expression, as written. A plain
// scanner, not a parser: it skips string literals, quoted identifiers and comments, and finds
// nested calls too. Used where the engine needs to look at what a user wrote without running it
// (the lookup maps an expression names, the regular expressions it spells out as literals).
class SqlTextScanner
{
public:
    struct Argument
    {
        QString text;         // as written, trimmed
        qsizetype offset = 0; // of the trimmed text in the expression
    };
    struct Call
    {
        qsizetype offset = 0; // of the function's name
        QList<Argument> arguments;
    };

    // The calls of function (case-insensitive) in expression, in the order they start.
    static QList<Call> calls(const QString &expression, const QString &function);
    // The right operands of the binary operator keyword (e.g. REGEXP), in order.
    static QList<Argument> rightOperands(const QString &expression, const QString &keyword);
    // The value of a single-quoted string literal ('it''s' -> it's); nullopt for anything else.
    static std::optional<QString> stringLiteral(const QString &text);

    // Past the quoted text or comment starting at `at`; `at` itself when nothing starts there.
    static qsizetype skipQuoted(const QString &text, qsizetype at);
    // Past white space and comments.
    static qsizetype skipSpace(const QString &text, qsizetype at);
    // The position of the ',' or ')' that ends the argument starting at `at`; -1 when none.
    static qsizetype argumentEnd(const QString &text, qsizetype at);

private:
    static QList<qsizetype> wordsAt(const QString &text, const QString &word);
    static Argument argument(const QString &text, qsizetype from, qsizetype to);
};

} // namespace cutover
