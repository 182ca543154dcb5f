#include "dialect/QueryTables.h"

#include "dialect/SqlExpressionLexer.h"

namespace cutover {

namespace {

using Token = SqlExpressionLexer::Token;

bool isName(const Token &token)
{
    return token.kind == Token::Kind::Word || token.kind == Token::Kind::QuotedName;
}

// A word that ends a table reference's alias position rather than being the alias.
bool isClauseWord(const Token &token)
{
    static const QStringList words = {
        "where", "group",   "order", "having", "limit",  "union", "except", "intersect",
        "on",    "using",   "join",  "inner",  "left",   "right", "full",   "cross",
        "outer", "natural", "as",    "window", "offset", "fetch", "for",    "lateral"};
    return token.kind == Token::Kind::Word && words.contains(token.text.toLower());
}

// The table named at tokens[at] (the last part of a dotted name); moves at past it.
QString tableAt(const QList<Token> &tokens, qsizetype &at)
{
    QString name;
    while (at < tokens.size() && isName(tokens.at(at))) {
        name = tokens.at(at).text;
        if (at + 2 < tokens.size() && tokens.at(at + 1).isPunctuation(QLatin1Char('.')))
            at += 2;
        else {
            ++at;
            break;
        }
    }
    return name;
}

// Past an alias ("AS x" or "x") after a table reference.
void skipAlias(const QList<Token> &tokens, qsizetype &at)
{
    if (at < tokens.size() && tokens.at(at).isWord(QStringLiteral("as")))
        ++at;
    if (at < tokens.size() && isName(tokens.at(at)) && !isClauseWord(tokens.at(at)))
        ++at;
}

} // namespace

QStringList QueryTables::read(const QString &query, ConnectionSpec::Kind dialect,
                              const QStringList &knownTables)
{
    const auto tokens = SqlExpressionLexer::tokens(query, dialect);
    if (!tokens)
        return {};
    QStringList read;
    auto note = [&](const QString &name) {
        for (const QString &known : knownTables)
            if (known.compare(name, Qt::CaseInsensitive) == 0 && !read.contains(known))
                read.append(known);
    };
    for (qsizetype i = 0; i < tokens->size(); ++i) {
        const Token &token = tokens->at(i);
        const bool from = token.isWord(QStringLiteral("from"));
        if (!from && !token.isWord(QStringLiteral("join")))
            continue;
        qsizetype at = i + 1;
        for (;;) {
            note(tableAt(*tokens, at));
            skipAlias(*tokens, at);
            if (!from || at >= tokens->size() || !tokens->at(at).isPunctuation(QLatin1Char(',')))
                break;
            ++at; // the next table of a FROM list
        }
        i = at - 1;
    }
    return read;
}

} // namespace cutover
