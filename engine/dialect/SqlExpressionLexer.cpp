#include "dialect/SqlExpressionLexer.h"

namespace cutover {

namespace {

using Kind = SqlExpressionLexer::Token::Kind;
using Dialect = ConnectionSpec::Kind;

bool isWordStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// Longest first, so that "<=" is not read as "<" and "=".
const QStringList &operators()
{
    static const QStringList list = {
        QStringLiteral("!~~*"), QStringLiteral("~~*"), QStringLiteral("!~~"), QStringLiteral("!~*"),
        QStringLiteral("<=>"),  QStringLiteral("~~"),  QStringLiteral("!~"),  QStringLiteral("~*"),
        QStringLiteral("::"),   QStringLiteral("<="),  QStringLiteral(">="),  QStringLiteral("<>"),
        QStringLiteral("!="),   QStringLiteral("=="),  QStringLiteral("||"),  QStringLiteral("<<"),
        QStringLiteral(">>"),   QStringLiteral("&&"),  QStringLiteral("->"),  QStringLiteral("="),
        QStringLiteral("<"),    QStringLiteral(">"),   QStringLiteral("+"),   QStringLiteral("-"),
        QStringLiteral("*"),    QStringLiteral("/"),   QStringLiteral("%"),   QStringLiteral("~"),
        QStringLiteral("&"),    QStringLiteral("|"),   QStringLiteral("!"),   QStringLiteral("^"),
        QStringLiteral("@"),    QStringLiteral("#"),   QStringLiteral("?"),   QStringLiteral(":"),
    };
    return list;
}

} // namespace

Result<QList<SqlExpressionLexer::Token>> SqlExpressionLexer::tokens(const QString &sql,
                                                                    ConnectionSpec::Kind dialect)
{
    return SqlExpressionLexer(sql, dialect).run();
}

Result<QList<SqlExpressionLexer::Token>> SqlExpressionLexer::run()
{
    QList<Token> found;
    QString error;
    while (skipSpaceAndComments()) {
        const qsizetype start = m_pos;
        const QChar c = at(m_pos);
        std::optional<Token> token;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
            (c == QLatin1Char('[') && m_dialect == Dialect::Sqlite))
            token = quoted(error);
        else if (c.isDigit() || (c == QLatin1Char('.') && at(m_pos + 1).isDigit()))
            token = number();
        else if (isWordStart(c))
            token = word();
        else
            token = symbol();
        if (!token) {
            if (error.isEmpty())
                error = QStringLiteral("'%1' at offset %2 is not SQL this reads").arg(c).arg(start);
            return Error(Error::Code::Parse, error);
        }
        token->offset = start;
        token->end = m_pos;
        const bool prefixed = token->kind == Kind::String && !found.isEmpty() &&
                              found.last().kind == Kind::Word && found.last().end == start;
        // MySQL's character set introducer (_utf8mb4'x') belongs to the string after it.
        if (prefixed && m_dialect == Dialect::MySql &&
            found.last().text.startsWith(QLatin1Char('_'))) {
            token->offset = found.last().offset;
            found.removeLast();
        } else if (prefixed) { // E'x', X'0A', B'01', N'x'
            return Error(Error::Code::Parse,
                         QStringLiteral("the %1'...' literal at offset %2 is not read")
                             .arg(found.last().text)
                             .arg(found.last().offset));
        }
        found.append(*token);
    }
    return found;
}

// False at the end of the text.
bool SqlExpressionLexer::skipSpaceAndComments()
{
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql.at(m_pos);
        if (c.isSpace()) {
            ++m_pos;
        } else if (c == QLatin1Char('-') && at(m_pos + 1) == QLatin1Char('-')) {
            const qsizetype end = m_sql.indexOf(QLatin1Char('\n'), m_pos);
            m_pos = end < 0 ? m_sql.size() : end + 1;
        } else if (c == QLatin1Char('#') && m_dialect == Dialect::MySql) {
            const qsizetype end = m_sql.indexOf(QLatin1Char('\n'), m_pos);
            m_pos = end < 0 ? m_sql.size() : end + 1;
        } else if (c == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('*')) {
            const qsizetype end = m_sql.indexOf(QLatin1String("*/"), m_pos + 2);
            m_pos = end < 0 ? m_sql.size() : end + 2;
        } else {
            return true;
        }
    }
    return false;
}

std::optional<SqlExpressionLexer::Token> SqlExpressionLexer::quoted(QString &error)
{
    const qsizetype start = m_pos;
    const QChar open = m_sql.at(m_pos);
    // MySQL (without ANSI_QUOTES) takes "x" for a string, as it takes 'x'.
    if (open == QLatin1Char('\'') || (open == QLatin1Char('"') && m_dialect == Dialect::MySql))
        return string(open, start, error);
    if (open == QLatin1Char('`') && m_dialect == Dialect::PostgreSql)
        return std::nullopt;
    const QChar close = open == QLatin1Char('[') ? QLatin1Char(']') : open;
    QString name;
    for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
        const QChar c = m_sql.at(m_pos);
        if (c != close) {
            name += c;
            continue;
        }
        if (close != QLatin1Char(']') && at(m_pos + 1) == close) {
            name += c;
            ++m_pos;
            continue;
        }
        ++m_pos;
        Token t;
        t.kind = Kind::QuotedName;
        t.text = name;
        t.quote = open;
        return t;
    }
    error = QStringLiteral("the name quoted at offset %1 does not end").arg(start);
    return std::nullopt;
}

std::optional<SqlExpressionLexer::Token> SqlExpressionLexer::string(QChar quote, qsizetype start,
                                                                    QString &error)
{
    const bool backslashes = m_dialect == Dialect::MySql;
    QString value;
    for (++m_pos; m_pos < m_sql.size(); ++m_pos) {
        const QChar c = m_sql.at(m_pos);
        if (backslashes && c == QLatin1Char('\\') && m_pos + 1 < m_sql.size()) {
            const QChar next = m_sql.at(++m_pos);
            static const QString from = QStringLiteral("0nrtZb");
            static const QString to = QStringLiteral("\0\n\r\t\x1a\b");
            const qsizetype i = from.indexOf(next);
            // \% and \_ keep their backslash (LIKE patterns); the rest stand for themselves.
            if (next == QLatin1Char('%') || next == QLatin1Char('_'))
                value += QLatin1Char('\\');
            value += i >= 0 ? to.at(i) : next;
            continue;
        }
        if (c != quote) {
            value += c;
            continue;
        }
        if (at(m_pos + 1) == quote) {
            value += c;
            ++m_pos;
            continue;
        }
        ++m_pos;
        Token t;
        t.kind = Kind::String;
        t.text = value;
        t.quote = quote;
        return t;
    }
    error = QStringLiteral("the string starting at offset %1 does not end").arg(start);
    return std::nullopt;
}

SqlExpressionLexer::Token SqlExpressionLexer::number()
{
    const qsizetype start = m_pos;
    while (at(m_pos).isDigit())
        ++m_pos;
    if (at(m_pos) == QLatin1Char('.')) {
        ++m_pos;
        while (at(m_pos).isDigit())
            ++m_pos;
    }
    if ((at(m_pos) == QLatin1Char('e') || at(m_pos) == QLatin1Char('E')) &&
        (at(m_pos + 1).isDigit() ||
         ((at(m_pos + 1) == QLatin1Char('+') || at(m_pos + 1) == QLatin1Char('-')) &&
          at(m_pos + 2).isDigit()))) {
        m_pos += 2;
        while (at(m_pos).isDigit())
            ++m_pos;
    }
    // 0x1F, 1abc: a word glued to the digits is part of the token (and no number).
    while (isWordChar(at(m_pos)))
        ++m_pos;
    Token t;
    t.kind = Kind::Number;
    t.text = m_sql.mid(start, m_pos - start);
    return t;
}

SqlExpressionLexer::Token SqlExpressionLexer::word()
{
    const qsizetype start = m_pos;
    while (isWordChar(at(m_pos)))
        ++m_pos;
    Token t;
    t.kind = Kind::Word;
    t.text = m_sql.mid(start, m_pos - start);
    return t;
}

std::optional<SqlExpressionLexer::Token> SqlExpressionLexer::symbol()
{
    const QChar c = at(m_pos);
    if (QStringLiteral("(),[].;").contains(c)) {
        ++m_pos;
        Token t;
        t.kind = Kind::Punctuation;
        t.text = c;
        return t;
    }
    for (const QString &op : operators()) {
        if (m_sql.mid(m_pos, op.size()) != op)
            continue;
        m_pos += op.size();
        Token t;
        t.kind = Kind::Operator;
        t.text = op;
        return t;
    }
    return std::nullopt;
}

} // namespace cutover
