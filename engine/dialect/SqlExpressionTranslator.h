#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "dialect/IdentifierRule.h"
#include "dialect/SqlExpressionLexer.h"
#include "schema/ColumnInfo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

// Translates an SQL condition or index expression over one table's columns (a CHECK, a partial
// index's WHERE, an index term) from one dialect to another, token by token:
//  - column names, quoted in any of the dialects' styles, are renamed by the IdentifierRule and
//    quoted for the target; a name that is no column of the table is refused (SQLite's "x" that
//    names no column is the string it is there);
//  - numbers, strings (escaped again for the target: MySQL's backslashes), parentheses, the
//    comparison and arithmetic operators, AND, OR, NOT, IN, BETWEEN, IS [NOT] NULL, IS [NOT]
//    TRUE/FALSE, LIKE ... ESCAPE, CASE ... END;
//  - the functions all three have with one meaning: lower, upper, trim, ltrim, rtrim, abs,
//    coalesce (ifnull), nullif, replace, substr (substring), the length of text in characters
//    (length in SQLite and PostgreSQL, char_length in MySQL, whose length counts bytes) and in
//    bytes (octet_length; none in SQLite);
//  - PostgreSQL's spellings: ::type casts are dropped ('5'::integer is 5), kept when PostgreSQL
//    is the target too; ~~ is LIKE, ~~* ILIKE; x = ANY (ARRAY[...]) is x IN (...) and
//    x <> ALL (ARRAY[...]) x NOT IN (...);
//  - LIKE ignores case in SQLite and MySQL and heeds it in PostgreSQL: their LIKE is ILIKE there,
//    and ILIKE is LIKE elsewhere;
//  - into PostgreSQL, whose types are strict: a boolean column compared with 0 or 1 is compared
//    with FALSE or TRUE, and a non-text column given to a text function is cast to text.
// Anything else (other functions, casts with CAST, ||, which MySQL reads as OR, / between MySQL
// and the others, which divide integers differently, subqueries, qualified names, COLLATE, ...)
// makes the expression untranslatable: the error says why, for a notice.
class SqlExpressionTranslator
{
public:
    struct Translation
    {
        QString sql;
        QStringList columns; // the target's names of the columns it reads, in order of use
    };

    // columns: the table's, as the source names them (their types guide the PostgreSQL rules).
    SqlExpressionTranslator(ConnectionSpec::Kind from, ConnectionSpec::Kind to, IdentifierRule rule,
                            QList<ColumnInfo> columns);

    Result<Translation> translate(const QString &expression) const;
    // The quoted names in an expression of the source's dialect that are no column of the table
    // (but type names after ::, and SQLite's "x" strings): what validate finds after a rename.
    QStringList unknownQuotedNames(const QString &expression) const;

private:
    using Token = SqlExpressionLexer::Token;
    struct Piece
    {
        enum class Kind
        {
            Operand,
            Open,
            Close,
            Comma,
            Keyword,
            Operator,
            Function,
            UnaryMinus,
            Cast
        };
        Kind kind;
        QString text;
        bool isString = false;
    };
    struct State
    {
        QString sql;
        QList<Token> tokens;
        QList<Piece> out;
        QStringList columns;
        QString error;
        int depth = 0;
        int booleanDepth = -1; // depth of the boolean column being compared, -1 for none
    };

    bool range(State &s, qsizetype from, qsizetype to) const;
    bool step(State &s, qsizetype &i, qsizetype to) const;
    bool word(State &s, qsizetype &i, qsizetype to) const;
    bool keyword(State &s, qsizetype &i, qsizetype to) const;
    bool op(State &s, qsizetype &i, qsizetype to) const;
    bool punctuation(State &s, qsizetype &i) const;
    bool number(State &s, const Token &t) const;
    bool name(State &s, const Token &t) const;
    bool call(State &s, qsizetype &i, qsizetype to) const;
    bool arguments(State &s, const QString &function, qsizetype from, qsizetype to,
                   bool textFunction) const;
    bool anyArray(State &s, qsizetype &i, qsizetype to, bool negated) const;
    bool cast(State &s, qsizetype &i, qsizetype to) const;
    qsizetype typeEnd(const State &s, qsizetype from, qsizetype to) const;
    static qsizetype closing(const State &s, qsizetype open, qsizetype to);
    static QList<std::pair<qsizetype, qsizetype>> split(const State &s, qsizetype from,
                                                        qsizetype to);
    static bool fail(State &s, const QString &why);
    static bool endsOperand(const State &s);
    const ColumnInfo *column(const QString &name) const;
    QString stringLiteral(const QString &value) const;
    QString like(bool ignoringCase) const;
    static QString joined(QList<Piece> pieces);
    static void dropNeedlessParentheses(QList<Piece> &pieces);

    ConnectionSpec::Kind m_from;
    ConnectionSpec::Kind m_to;
    IdentifierRule m_rule;
    QList<ColumnInfo> m_columns;
};

} // namespace cutover
