#include "dialect/SqlExpressionTranslator.h"

#include "dialect/SqlDialect.h"

#include <QRegularExpression>
#include <QSet>

namespace cutover {

namespace {

using Dialect = ConnectionSpec::Kind;
using TokenKind = SqlExpressionLexer::Token::Kind;

struct FunctionSpec
{
    QString canonical;
    int minArguments = 1;
    int maxArguments = 1;
    bool text = false; // takes text first: PostgreSQL wants a text argument
};

const QRegularExpression &numberPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$)"));
    return pattern;
}

// The functions all three dialects have with one meaning, by the name the source spells them.
std::optional<FunctionSpec> functionSpec(const QString &name, Dialect from)
{
    static const QHash<QString, FunctionSpec> common = {
        {QStringLiteral("lower"), {QStringLiteral("lower"), 1, 1, true}},
        {QStringLiteral("upper"), {QStringLiteral("upper"), 1, 1, true}},
        {QStringLiteral("trim"), {QStringLiteral("trim"), 1, 1, true}},
        {QStringLiteral("ltrim"), {QStringLiteral("ltrim"), 1, 1, true}},
        {QStringLiteral("rtrim"), {QStringLiteral("rtrim"), 1, 1, true}},
        {QStringLiteral("btrim"), {QStringLiteral("trim"), 1, 1, true}},
        {QStringLiteral("abs"), {QStringLiteral("abs"), 1, 1, false}},
        {QStringLiteral("coalesce"), {QStringLiteral("coalesce"), 2, 64, false}},
        {QStringLiteral("ifnull"), {QStringLiteral("coalesce"), 2, 2, false}},
        {QStringLiteral("nullif"), {QStringLiteral("nullif"), 2, 2, false}},
        {QStringLiteral("replace"), {QStringLiteral("replace"), 3, 3, true}},
        {QStringLiteral("substr"), {QStringLiteral("substr"), 2, 3, true}},
        {QStringLiteral("substring"), {QStringLiteral("substr"), 2, 3, true}},
        {QStringLiteral("char_length"), {QStringLiteral("charlen"), 1, 1, true}},
        {QStringLiteral("character_length"), {QStringLiteral("charlen"), 1, 1, true}},
        {QStringLiteral("octet_length"), {QStringLiteral("octetlen"), 1, 1, true}},
    };
    if (name == QLatin1String("length")) // MySQL's counts bytes
        return FunctionSpec{from == Dialect::MySql ? QStringLiteral("octetlen")
                                                   : QStringLiteral("charlen"),
                            1, 1, true};
    if (name == QLatin1String("ifnull") && from == Dialect::PostgreSql)
        return std::nullopt;
    const auto it = common.constFind(name);
    return it == common.constEnd() ? std::nullopt : std::optional<FunctionSpec>(*it);
}

// The target's name for a canonical function; empty when it has none.
QString functionName(const QString &canonical, Dialect to)
{
    if (canonical == QLatin1String("charlen"))
        return to == Dialect::MySql ? QStringLiteral("char_length") : QStringLiteral("length");
    if (canonical == QLatin1String("octetlen")) {
        if (to == Dialect::Sqlite)
            return QString();
        return to == Dialect::MySql ? QStringLiteral("length") : QStringLiteral("octet_length");
    }
    return canonical;
}

bool isNumericType(const QString &typeWord)
{
    static const QSet<QString> numeric = {
        QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint"),
        QStringLiteral("int"),      QStringLiteral("int2"),    QStringLiteral("int4"),
        QStringLiteral("int8"),     QStringLiteral("numeric"), QStringLiteral("decimal"),
        QStringLiteral("real"),     QStringLiteral("double"),  QStringLiteral("float4"),
        QStringLiteral("float8")};
    return numeric.contains(typeWord.toLower());
}

bool isTypeWord(const SqlExpressionLexer::Token &t)
{
    static const QSet<QString> words = {QStringLiteral("varying"), QStringLiteral("precision"),
                                        QStringLiteral("without"), QStringLiteral("with"),
                                        QStringLiteral("time"),    QStringLiteral("zone")};
    return t.kind == TokenKind::Word && words.contains(t.text.toLower());
}

bool isName(const SqlExpressionLexer::Token &t)
{
    return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedName;
}

} // namespace

SqlExpressionTranslator::SqlExpressionTranslator(ConnectionSpec::Kind from, ConnectionSpec::Kind to,
                                                 IdentifierRule rule, QList<ColumnInfo> columns)
    : m_from(from)
    , m_to(to)
    , m_rule(std::move(rule))
    , m_columns(std::move(columns))
{}

Result<SqlExpressionTranslator::Translation>
SqlExpressionTranslator::translate(const QString &expression) const
{
    auto tokens = SqlExpressionLexer::tokens(expression, m_from);
    if (!tokens)
        return Error(Error::Code::Parse, tokens.error().message());
    State s;
    s.sql = expression;
    s.tokens = std::move(tokens.value());
    if (s.tokens.isEmpty())
        return Error(Error::Code::Parse, QStringLiteral("it is empty"));
    if (!range(s, 0, s.tokens.size()))
        return Error(Error::Code::Parse, s.error);
    if (s.depth != 0)
        return Error(Error::Code::Parse, QStringLiteral("its parentheses do not match"));
    dropNeedlessParentheses(s.out);
    return Translation{joined(s.out), s.columns};
}

QStringList SqlExpressionTranslator::unknownQuotedNames(const QString &expression) const
{
    QStringList unknown;
    const auto tokens = SqlExpressionLexer::tokens(expression, m_from);
    if (!tokens)
        return unknown;
    for (qsizetype i = 0; i < tokens->size(); ++i) {
        const Token &t = tokens->at(i);
        if (t.kind != TokenKind::QuotedName || column(t.text) ||
            (m_from == Dialect::Sqlite && t.quote == QLatin1Char('"')))
            continue;
        const bool typeOrQualified =
            i > 0 && (tokens->at(i - 1).is(TokenKind::Operator, QStringLiteral("::")) ||
                      tokens->at(i - 1).isPunctuation(QLatin1Char('.')));
        const bool qualifier =
            i + 1 < tokens->size() && tokens->at(i + 1).isPunctuation(QLatin1Char('.'));
        if (!typeOrQualified && !qualifier && !unknown.contains(t.text))
            unknown.append(t.text);
    }
    return unknown;
}

bool SqlExpressionTranslator::fail(State &s, const QString &why)
{
    if (s.error.isEmpty())
        s.error = why;
    return false;
}

bool SqlExpressionTranslator::range(State &s, qsizetype from, qsizetype to) const
{
    for (qsizetype i = from; i < to;)
        if (!step(s, i, to))
            return false;
    return true;
}

bool SqlExpressionTranslator::step(State &s, qsizetype &i, qsizetype to) const
{
    const Token &t = s.tokens.at(i);
    switch (t.kind) {
    case TokenKind::Number:
        ++i;
        return number(s, t);
    case TokenKind::String:
        ++i;
        s.out.append({Piece::Kind::Operand, stringLiteral(t.text), true});
        return true;
    case TokenKind::QuotedName:
        ++i;
        return name(s, t);
    case TokenKind::Word:
        return word(s, i, to);
    case TokenKind::Operator:
        return op(s, i, to);
    case TokenKind::Punctuation:
        return punctuation(s, i);
    }
    return fail(s, QStringLiteral("it holds a token this does not read"));
}

bool SqlExpressionTranslator::word(State &s, qsizetype &i, qsizetype to) const
{
    static const QSet<QString> keywords = {
        QStringLiteral("and"),     QStringLiteral("or"),       QStringLiteral("not"),
        QStringLiteral("in"),      QStringLiteral("between"),  QStringLiteral("is"),
        QStringLiteral("null"),    QStringLiteral("true"),     QStringLiteral("false"),
        QStringLiteral("case"),    QStringLiteral("when"),     QStringLiteral("then"),
        QStringLiteral("else"),    QStringLiteral("end"),      QStringLiteral("like"),
        QStringLiteral("ilike"),   QStringLiteral("escape"),   QStringLiteral("isnull"),
        QStringLiteral("notnull"), QStringLiteral("any"),      QStringLiteral("all"),
        QStringLiteral("some"),    QStringLiteral("array"),    QStringLiteral("exists"),
        QStringLiteral("select"),  QStringLiteral("collate"),  QStringLiteral("glob"),
        QStringLiteral("regexp"),  QStringLiteral("rlike"),    QStringLiteral("match"),
        QStringLiteral("similar"), QStringLiteral("distinct"), QStringLiteral("from"),
        QStringLiteral("as"),      QStringLiteral("div"),      QStringLiteral("xor")};
    const Token &t = s.tokens.at(i);
    if (keywords.contains(t.text.toLower()))
        return keyword(s, i, to);
    if (i + 1 < to && s.tokens.at(i + 1).isPunctuation(QLatin1Char('(')))
        return call(s, i, to);
    if (i + 1 < to && s.tokens.at(i + 1).isPunctuation(QLatin1Char('.')))
        return fail(s, QStringLiteral("it names %1.%2, with a qualifier")
                           .arg(t.text, i + 2 < to ? s.tokens.at(i + 2).text : QString()));
    ++i;
    return name(s, t);
}

bool SqlExpressionTranslator::keyword(State &s, qsizetype &i, qsizetype to) const
{
    const QString w = s.tokens.at(i).text.toLower();
    const auto next = [&](qsizetype n) -> const Token * {
        return i + n < to ? &s.tokens.at(i + n) : nullptr;
    };
    const auto emit = [&](Piece::Kind kind, const QString &text) {
        s.out.append({kind, text});
    };
    static const QSet<QString> plain = {QStringLiteral("in"), QStringLiteral("between"),
                                        QStringLiteral("escape")};
    static const QSet<QString> clauses = {QStringLiteral("and"),  QStringLiteral("or"),
                                          QStringLiteral("case"), QStringLiteral("when"),
                                          QStringLiteral("then"), QStringLiteral("else"),
                                          QStringLiteral("end")};
    if (clauses.contains(w) || plain.contains(w)) {
        if (clauses.contains(w) && s.booleanDepth >= s.depth)
            s.booleanDepth = -1;
        emit(w == QLatin1String("end") ? Piece::Kind::Operand : Piece::Kind::Keyword, w.toUpper());
        ++i;
        return true;
    }
    if (w == QLatin1String("null") || w == QLatin1String("true") || w == QLatin1String("false")) {
        emit(Piece::Kind::Operand, w.toUpper());
        ++i;
        return true;
    }
    if (w == QLatin1String("not")) {
        // SQLite's "x NOT NULL" is x IS NOT NULL.
        if (next(1) && next(1)->isWord(QStringLiteral("null")) && endsOperand(s)) {
            emit(Piece::Kind::Keyword, QStringLiteral("IS NOT"));
            emit(Piece::Kind::Operand, QStringLiteral("NULL"));
            i += 2;
            return true;
        }
        emit(Piece::Kind::Keyword, QStringLiteral("NOT"));
        ++i;
        return true;
    }
    if (w == QLatin1String("isnull") || w == QLatin1String("notnull")) {
        emit(Piece::Kind::Keyword,
             w == QLatin1String("isnull") ? QStringLiteral("IS") : QStringLiteral("IS NOT"));
        emit(Piece::Kind::Operand, QStringLiteral("NULL"));
        ++i;
        return true;
    }
    if (w == QLatin1String("is")) {
        qsizetype n = 1;
        const bool negated = next(n) && next(n)->isWord(QStringLiteral("not"));
        if (negated)
            ++n;
        const Token *value = next(n);
        if (!value ||
            !(value->isWord(QStringLiteral("null")) || value->isWord(QStringLiteral("true")) ||
              value->isWord(QStringLiteral("false"))))
            return fail(s, QStringLiteral("IS is used between two values (not IS [NOT] NULL, "
                                          "TRUE or FALSE)"));
        emit(Piece::Kind::Keyword, negated ? QStringLiteral("IS NOT") : QStringLiteral("IS"));
        emit(Piece::Kind::Operand, value->text.toUpper());
        i += n + 1;
        return true;
    }
    if (w == QLatin1String("like") || w == QLatin1String("ilike")) {
        // LIKE ignores case in SQLite and MySQL.
        emit(Piece::Kind::Keyword,
             like(w == QLatin1String("ilike") || m_from != Dialect::PostgreSql));
        ++i;
        return true;
    }
    return fail(s, QStringLiteral("%1 is not among what is translated").arg(w.toUpper()));
}

bool SqlExpressionTranslator::op(State &s, qsizetype &i, qsizetype to) const
{
    const QString o = s.tokens.at(i).text;
    if (o == QLatin1String("::"))
        return cast(s, i, to);
    const bool equals = o == QLatin1String("=") || o == QLatin1String("==");
    const bool differs = o == QLatin1String("<>") || o == QLatin1String("!=");
    if ((equals || differs) && i + 1 < to &&
        (s.tokens.at(i + 1).isWord(QStringLiteral("any")) ||
         s.tokens.at(i + 1).isWord(QStringLiteral("some")) ||
         s.tokens.at(i + 1).isWord(QStringLiteral("all"))))
        return anyArray(s, i, to, differs);
    const bool mySqlInvolved =
        m_from != m_to && (m_from == Dialect::MySql || m_to == Dialect::MySql);
    QString text = o;
    Piece::Kind kind = Piece::Kind::Operator;
    if (equals) {
        text = QStringLiteral("=");
    } else if (differs) {
        text = QStringLiteral("<>");
    } else if (o == QLatin1String("-") || o == QLatin1String("+")) {
        if (!endsOperand(s))
            kind = Piece::Kind::UnaryMinus;
    } else if (o == QLatin1String("/")) {
        if (mySqlInvolved)
            return fail(s, QStringLiteral("/ divides integers in SQLite and PostgreSQL, not in "
                                          "MySQL"));
    } else if (o == QLatin1String("||")) {
        if (mySqlInvolved)
            return fail(s, QStringLiteral("|| joins text in SQLite and PostgreSQL and means OR "
                                          "in MySQL"));
    } else if (o == QLatin1String("~~") || o == QLatin1String("~~*") || o == QLatin1String("!~~") ||
               o == QLatin1String("!~~*")) {
        if (o.startsWith(QLatin1Char('!')))
            s.out.append({Piece::Kind::Keyword, QStringLiteral("NOT")});
        kind = Piece::Kind::Keyword;
        text = like(o.endsWith(QLatin1Char('*')));
    } else {
        static const QSet<QString> same = {QStringLiteral("<"), QStringLiteral("<="),
                                           QStringLiteral(">"), QStringLiteral(">="),
                                           QStringLiteral("*"), QStringLiteral("%")};
        if (!same.contains(o))
            return fail(s,
                        QStringLiteral("the operator %1 is not among what is translated").arg(o));
    }
    s.out.append({kind, text});
    ++i;
    return true;
}

bool SqlExpressionTranslator::punctuation(State &s, qsizetype &i) const
{
    const Token &t = s.tokens.at(i);
    ++i;
    if (t.isPunctuation(QLatin1Char('('))) {
        s.out.append({Piece::Kind::Open, QStringLiteral("(")});
        ++s.depth;
        return true;
    }
    if (t.isPunctuation(QLatin1Char(')'))) {
        if (--s.depth < 0)
            return fail(s, QStringLiteral("its parentheses do not match"));
        if (s.booleanDepth > s.depth)
            s.booleanDepth = -1;
        s.out.append({Piece::Kind::Close, QStringLiteral(")")});
        return true;
    }
    if (t.isPunctuation(QLatin1Char(','))) {
        s.out.append({Piece::Kind::Comma, QStringLiteral(",")});
        return true;
    }
    return fail(s, QStringLiteral("'%1' is not among what is translated").arg(t.text));
}

bool SqlExpressionTranslator::number(State &s, const Token &t) const
{
    if (!numberPattern().match(t.text).hasMatch())
        return fail(s, QStringLiteral("%1 is not a decimal number").arg(t.text));
    // PostgreSQL's boolean is no number.
    if (s.booleanDepth >= 0 && s.booleanDepth <= s.depth &&
        (t.text == QLatin1String("0") || t.text == QLatin1String("1"))) {
        s.out.append({Piece::Kind::Operand, t.text == QLatin1String("1")
                                                ? QStringLiteral("TRUE")
                                                : QStringLiteral("FALSE")});
        return true;
    }
    s.out.append({Piece::Kind::Operand, t.text});
    return true;
}

bool SqlExpressionTranslator::name(State &s, const Token &t) const
{
    const ColumnInfo *c = column(t.text);
    if (!c) {
        // SQLite takes a double-quoted name that names no column for a string.
        if (m_from == Dialect::Sqlite && t.kind == TokenKind::QuotedName &&
            t.quote == QLatin1Char('"')) {
            s.out.append({Piece::Kind::Operand, stringLiteral(t.text), true});
            return true;
        }
        return fail(s, QStringLiteral("'%1' is no column of the table").arg(t.text));
    }
    const QString target = m_rule.apply(c->name);
    if (!s.columns.contains(target))
        s.columns.append(target);
    s.out.append({Piece::Kind::Operand, SqlDialect::quoteIdentifier(target, m_to)});
    if (c->type.kind() == NormalizedType::Kind::Boolean && m_to == Dialect::PostgreSql &&
        m_from != Dialect::PostgreSql)
        s.booleanDepth = s.depth;
    return true;
}

bool SqlExpressionTranslator::call(State &s, qsizetype &i, qsizetype to) const
{
    const QString name = s.tokens.at(i).text.toLower();
    const qsizetype close = closing(s, i + 1, to);
    if (close < 0)
        return fail(s, QStringLiteral("its parentheses do not match"));
    const auto spec = functionSpec(name, m_from);
    if (!spec)
        return fail(s, QStringLiteral("%1() is not among the functions translated").arg(name));
    const QString targetName = functionName(spec->canonical, m_to);
    if (targetName.isEmpty())
        return fail(s, QStringLiteral("%1() has no counterpart in %2")
                           .arg(name, ConnectionSpec::productName(m_to)));
    s.out.append({Piece::Kind::Function, targetName});
    s.out.append({Piece::Kind::Open, QStringLiteral("(")});
    ++s.depth;
    if (!arguments(s, name, i + 2, close, spec->text))
        return false;
    const qsizetype count = split(s, i + 2, close).size();
    if (count < spec->minArguments || count > spec->maxArguments)
        return fail(s, QStringLiteral("%1() is given %2 argument(s)").arg(name).arg(count));
    --s.depth;
    if (s.booleanDepth > s.depth)
        s.booleanDepth = -1;
    s.out.append({Piece::Kind::Close, QStringLiteral(")")});
    i = close + 1;
    return true;
}

bool SqlExpressionTranslator::arguments(State &s, const QString &function, qsizetype from,
                                        qsizetype to, bool textFunction) const
{
    const auto parts = split(s, from, to);
    for (qsizetype k = 0; k < parts.size(); ++k) {
        const auto [a, b] = parts.at(k);
        if (a == b)
            return fail(s, QStringLiteral("%1() has an empty argument").arg(function));
        if (k > 0)
            s.out.append({Piece::Kind::Comma, QStringLiteral(",")});
        if (!range(s, a, b))
            return false;
        // PostgreSQL has no lower(bigint): the column is cast to text, as SQLite reads it.
        const ColumnInfo *c =
            b - a == 1 && isName(s.tokens.at(a)) ? column(s.tokens.at(a).text) : nullptr;
        if (k == 0 && textFunction && c && m_to == Dialect::PostgreSql &&
            m_from != Dialect::PostgreSql && c->type.kind() != NormalizedType::Kind::Text &&
            c->type.kind() != NormalizedType::Kind::Unknown)
            s.out.append({Piece::Kind::Cast, QStringLiteral("::text")});
    }
    return true;
}

// x = ANY (ARRAY[a, b]) is x IN (a, b); x <> ALL (ARRAY[a, b]) is x NOT IN (a, b). PostgreSQL
// spells IN lists so, the array often in more parentheses and cast: = ANY ((ARRAY[...])::text[]).
bool SqlExpressionTranslator::anyArray(State &s, qsizetype &i, qsizetype to, bool negated) const
{
    const bool any = !s.tokens.at(i + 1).isWord(QStringLiteral("all"));
    if (negated == any)
        return fail(s, QStringLiteral("%1 %2 does not translate")
                           .arg(s.tokens.at(i).text, s.tokens.at(i + 1).text.toUpper()));
    qsizetype j = i + 2;
    int opens = 0;
    while (j < to && s.tokens.at(j).isPunctuation(QLatin1Char('('))) {
        ++opens;
        ++j;
    }
    if (opens == 0 || j + 1 >= to || !s.tokens.at(j).isWord(QStringLiteral("array")) ||
        !s.tokens.at(j + 1).isPunctuation(QLatin1Char('[')))
        return fail(s, QStringLiteral("ANY and ALL translate over an ARRAY[...] list only"));
    const qsizetype close = closing(s, j + 1, to);
    if (close < 0)
        return fail(s, QStringLiteral("its brackets do not match"));
    qsizetype k = close + 1;
    for (int n = 0; n < opens; ++n) {
        if (k < to && s.tokens.at(k).is(TokenKind::Operator, QStringLiteral("::")))
            k = typeEnd(s, k + 1, to);
        if (k >= to || !s.tokens.at(k).isPunctuation(QLatin1Char(')')))
            return fail(s, QStringLiteral("its parentheses do not match"));
        ++k;
    }
    if (negated)
        s.out.append({Piece::Kind::Keyword, QStringLiteral("NOT")});
    s.out.append({Piece::Kind::Keyword, QStringLiteral("IN")});
    s.out.append({Piece::Kind::Open, QStringLiteral("(")});
    ++s.depth;
    const auto items = split(s, j + 2, close);
    if (items.isEmpty())
        return fail(s, QStringLiteral("its ARRAY[] is empty"));
    for (qsizetype n = 0; n < items.size(); ++n) {
        if (n > 0)
            s.out.append({Piece::Kind::Comma, QStringLiteral(",")});
        if (items.at(n).first == items.at(n).second ||
            !range(s, items.at(n).first, items.at(n).second))
            return fail(s, QStringLiteral("its ARRAY[] has an empty item"));
    }
    --s.depth;
    s.out.append({Piece::Kind::Close, QStringLiteral(")")});
    i = k;
    return true;
}

// PostgreSQL's ::type: kept into PostgreSQL, dropped elsewhere ('5'::integer becomes 5).
bool SqlExpressionTranslator::cast(State &s, qsizetype &i, qsizetype to) const
{
    const qsizetype end = typeEnd(s, i + 1, to);
    if (end == i + 1 || s.out.isEmpty())
        return fail(s, QStringLiteral("it has :: without a type"));
    if (m_from == Dialect::PostgreSql && m_to == Dialect::PostgreSql) {
        const qsizetype from = s.tokens.at(i + 1).offset;
        s.out.append({Piece::Kind::Cast,
                      QStringLiteral("::") + s.sql.mid(from, s.tokens.at(end - 1).end - from)});
    } else if (Piece &last = s.out.last();
               last.isString && isNumericType(s.tokens.at(i + 1).text)) {
        const QString value = last.text.mid(1, last.text.size() - 2);
        if (numberPattern().match(value).hasMatch())
            last = {Piece::Kind::Operand, value};
    }
    i = end;
    return true;
}

// Past the type name that starts at `from`: character varying(10), timestamp(3) without time
// zone, text[], "char", public.mood.
qsizetype SqlExpressionTranslator::typeEnd(const State &s, qsizetype from, qsizetype to) const
{
    qsizetype j = from;
    if (j >= to || !isName(s.tokens.at(j)))
        return from;
    ++j;
    while (j + 1 < to && s.tokens.at(j).isPunctuation(QLatin1Char('.')) &&
           isName(s.tokens.at(j + 1)))
        j += 2;
    while (j < to) {
        const Token &t = s.tokens.at(j);
        if (isTypeWord(t)) {
            ++j;
        } else if (t.isPunctuation(QLatin1Char('('))) {
            const qsizetype close = closing(s, j, to);
            if (close < 0)
                break;
            j = close + 1;
        } else if (t.isPunctuation(QLatin1Char('[')) && j + 1 < to &&
                   s.tokens.at(j + 1).isPunctuation(QLatin1Char(']'))) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

// The ) or ] that closes the bracket at `open`; -1 when none does before `to`.
qsizetype SqlExpressionTranslator::closing(const State &s, qsizetype open, qsizetype to)
{
    int depth = 0;
    for (qsizetype j = open; j < to; ++j) {
        const Token &t = s.tokens.at(j);
        if (t.isPunctuation(QLatin1Char('(')) || t.isPunctuation(QLatin1Char('[')))
            ++depth;
        else if ((t.isPunctuation(QLatin1Char(')')) || t.isPunctuation(QLatin1Char(']'))) &&
                 --depth == 0)
            return j;
    }
    return -1;
}

// The ranges between the commas outside brackets; none for an empty range.
QList<std::pair<qsizetype, qsizetype>> SqlExpressionTranslator::split(const State &s,
                                                                      qsizetype from, qsizetype to)
{
    QList<std::pair<qsizetype, qsizetype>> parts;
    if (from >= to)
        return parts;
    int depth = 0;
    qsizetype start = from;
    for (qsizetype j = from; j < to; ++j) {
        const Token &t = s.tokens.at(j);
        if (t.isPunctuation(QLatin1Char('(')) || t.isPunctuation(QLatin1Char('[')))
            ++depth;
        else if (t.isPunctuation(QLatin1Char(')')) || t.isPunctuation(QLatin1Char(']')))
            --depth;
        else if (t.isPunctuation(QLatin1Char(',')) && depth == 0) {
            parts.append({start, j});
            start = j + 1;
        }
    }
    parts.append({start, to});
    return parts;
}

bool SqlExpressionTranslator::endsOperand(const State &s)
{
    if (s.out.isEmpty())
        return false;
    const Piece::Kind k = s.out.last().kind;
    return k == Piece::Kind::Operand || k == Piece::Kind::Close || k == Piece::Kind::Cast;
}

const ColumnInfo *SqlExpressionTranslator::column(const QString &name) const
{
    for (const ColumnInfo &c : m_columns)
        if (c.name == name)
            return &c;
    const ColumnInfo *found = nullptr;
    for (const ColumnInfo &c : m_columns)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0) {
            if (found)
                return nullptr; // two columns differ by case alone: which is meant is unsure
            found = &c;
        }
    return found;
}

QString SqlExpressionTranslator::stringLiteral(const QString &value) const
{
    QString escaped = value;
    if (m_to == Dialect::MySql)
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString SqlExpressionTranslator::like(bool ignoringCase) const
{
    return ignoringCase && m_to == Dialect::PostgreSql ? QStringLiteral("ILIKE")
                                                       : QStringLiteral("LIKE");
}

QString SqlExpressionTranslator::joined(QList<Piece> pieces)
{
    QString sql;
    for (qsizetype k = 0; k < pieces.size(); ++k) {
        const Piece::Kind kind = pieces.at(k).kind;
        if (k > 0) {
            const Piece::Kind before = pieces.at(k - 1).kind;
            const bool glued = before == Piece::Kind::Open || before == Piece::Kind::Function ||
                               before == Piece::Kind::UnaryMinus || kind == Piece::Kind::Close ||
                               kind == Piece::Kind::Comma || kind == Piece::Kind::Cast;
            if (!glued)
                sql += QLatin1Char(' ');
        }
        sql += pieces.at(k).text;
    }
    return sql;
}

// PostgreSQL writes ((price > (0)::numeric)): ( x ) around one operand, and around it all.
void SqlExpressionTranslator::dropNeedlessParentheses(QList<Piece> &pieces)
{
    for (qsizetype k = 0; k + 2 < pieces.size();) {
        const bool single = pieces.at(k).kind == Piece::Kind::Open &&
                            pieces.at(k + 1).kind == Piece::Kind::Operand &&
                            pieces.at(k + 2).kind == Piece::Kind::Close;
        const bool listOrCall = k > 0 && (pieces.at(k - 1).kind == Piece::Kind::Function ||
                                          (pieces.at(k - 1).kind == Piece::Kind::Keyword &&
                                           pieces.at(k - 1).text == QLatin1String("IN")));
        if (single && !listOrCall) {
            pieces.removeAt(k + 2);
            pieces.removeAt(k);
            k = std::max<qsizetype>(0, k - 1);
            continue;
        }
        ++k;
    }
    while (pieces.size() >= 2 && pieces.first().kind == Piece::Kind::Open &&
           pieces.last().kind == Piece::Kind::Close) {
        int depth = 0;
        qsizetype k = 0;
        for (; k < pieces.size(); ++k) {
            if (pieces.at(k).kind == Piece::Kind::Open)
                ++depth;
            else if (pieces.at(k).kind == Piece::Kind::Close && --depth == 0)
                break;
        }
        if (k != pieces.size() - 1)
            return;
        pieces.removeLast();
        pieces.removeFirst();
    }
}

} // namespace cutover
