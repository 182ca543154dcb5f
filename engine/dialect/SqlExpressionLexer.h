#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QList>
#include <QString>

namespace cutover {

// Splits the text of an SQL expression (a CHECK condition, an index term, a CREATE statement)
// into tokens, by the rules of one dialect: quoted names ("x" everywhere but MySQL, `x` in SQLite
// and MySQL, [x] in SQLite), string literals (MySQL's backslash escapes and "x" strings, its
// _charset introducers), numbers, operators and punctuation; comments are skipped. What the
// dialect cannot spell (an unterminated quote, PostgreSQL's E'' and $$ strings, a character of no
// token) is an error saying where.
class SqlExpressionLexer
{
public:
    struct Token
    {
        enum class Kind
        {
            Word,       // unquoted name or keyword, as written
            QuotedName, // text is the name, unescaped
            String,     // text is the value, unescaped
            Number,
            Operator,    // = <> != == < <= > >= + - * / % || :: ~~ ...
            Punctuation, // ( ) , [ ] .
        };
        Kind kind = Kind::Word;
        QString text;
        qsizetype offset = 0; // where the token starts in the text, and ends
        qsizetype end = 0;
        QChar quote; // the quote of a QuotedName or String

        bool is(Kind k, const QString &t) const
        {
            return kind == k && text.compare(t, Qt::CaseInsensitive) == 0;
        }
        bool isWord(const QString &word) const { return is(Kind::Word, word); }
        bool isPunctuation(QChar c) const
        {
            return kind == Kind::Punctuation && text.size() == 1 && text.at(0) == c;
        }
    };

    static Result<QList<Token>> tokens(const QString &sql, ConnectionSpec::Kind dialect);

private:
    SqlExpressionLexer(const QString &sql, ConnectionSpec::Kind dialect)
        : m_sql(sql)
        , m_dialect(dialect)
    {}
    Result<QList<Token>> run();
    bool skipSpaceAndComments();
    std::optional<Token> quoted(QString &error);
    std::optional<Token> string(QChar quote, qsizetype start, QString &error);
    Token number();
    Token word();
    std::optional<Token> symbol();
    QChar at(qsizetype i) const { return i < m_sql.size() ? m_sql.at(i) : QChar(); }

    const QString &m_sql;
    ConnectionSpec::Kind m_dialect;
    qsizetype m_pos = 0;
};

} // namespace cutover
