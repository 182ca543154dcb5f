#include "dialect/SqliteDdlText.h"

#include "dialect/SqlExpressionLexer.h"

#include <QSet>

namespace cutover {

namespace {

using Token = SqlExpressionLexer::Token;
using Tokens = QList<Token>;

// The ) or ] closing the bracket at `open`; -1 when there is none.
qsizetype closing(const Tokens &t, qsizetype open)
{
    int depth = 0;
    for (qsizetype j = open; j < t.size(); ++j) {
        if (t[j].isPunctuation(QLatin1Char('(')) || t[j].isPunctuation(QLatin1Char('[')))
            ++depth;
        else if ((t[j].isPunctuation(QLatin1Char(')')) || t[j].isPunctuation(QLatin1Char(']'))) &&
                 --depth == 0)
            return j;
    }
    return -1;
}

QList<std::pair<qsizetype, qsizetype>> items(const Tokens &t, qsizetype from, qsizetype to)
{
    QList<std::pair<qsizetype, qsizetype>> found;
    int depth = 0;
    qsizetype start = from;
    for (qsizetype j = from; j < to; ++j) {
        if (t[j].isPunctuation(QLatin1Char('(')))
            ++depth;
        else if (t[j].isPunctuation(QLatin1Char(')')))
            --depth;
        else if (t[j].isPunctuation(QLatin1Char(',')) && depth == 0) {
            found.append({start, j});
            start = j + 1;
        }
    }
    if (start < to)
        found.append({start, to});
    return found;
}

// The text between the parenthesis at `open` and its match.
QString inside(const QString &sql, const Tokens &t, qsizetype open, qsizetype close)
{
    return sql.mid(t[open].end, t[close].offset - t[open].end).trimmed();
}

// The first ( of the statement's list (of columns, of index terms), after `after` if given.
qsizetype listStart(const Tokens &t, const QString &after)
{
    qsizetype j = 0;
    if (!after.isEmpty()) {
        while (j < t.size() && !t[j].isWord(after))
            ++j;
    }
    while (j < t.size() && !t[j].isPunctuation(QLatin1Char('(')))
        ++j;
    return j < t.size() ? j : -1;
}

// The name PostgreSQL would give an unnamed check.
QString checkName(const QString &table, const QString &column, QSet<QString> &used)
{
    const QString base = column.isEmpty()
                             ? table + QStringLiteral("_check")
                             : table + QLatin1Char('_') + column + QStringLiteral("_check");
    QString name = base;
    for (int n = 1; used.contains(name); ++n)
        name = base + QString::number(n);
    used.insert(name);
    return name;
}

} // namespace

QList<CheckInfo> SqliteDdlText::checks(const QString &table, const QString &createTable)
{
    QList<CheckInfo> found;
    const auto tokens = SqlExpressionLexer::tokens(createTable, ConnectionSpec::Kind::Sqlite);
    if (!tokens)
        return found;
    const Tokens &t = *tokens;
    const qsizetype open = listStart(t, QString());
    const qsizetype close = open < 0 ? -1 : closing(t, open);
    if (close < 0)
        return found;
    QSet<QString> used;
    static const QSet<QString> tableConstraints = {
        QStringLiteral("constraint"), QStringLiteral("primary"), QStringLiteral("unique"),
        QStringLiteral("foreign"), QStringLiteral("check")};
    for (const auto &[a, b] : items(t, open + 1, close)) {
        const bool isTableConstraint =
            t[a].kind == Token::Kind::Word && tableConstraints.contains(t[a].text.toLower());
        const QString column = isTableConstraint ? QString() : t[a].text;
        int depth = 0;
        for (qsizetype j = isTableConstraint ? a : a + 1; j < b; ++j) {
            if (t[j].isPunctuation(QLatin1Char('(')))
                ++depth;
            else if (t[j].isPunctuation(QLatin1Char(')')))
                --depth;
            if (depth != 0 || !t[j].isWord(QStringLiteral("check")) || j + 1 >= b ||
                !t[j + 1].isPunctuation(QLatin1Char('(')))
                continue;
            const qsizetype end = closing(t, j + 1);
            if (end < 0 || end >= b)
                break;
            const QString given = j >= a + 2 && t[j - 2].isWord(QStringLiteral("constraint"))
                                      ? t[j - 1].text
                                      : QString();
            found.append({given.isEmpty() ? checkName(table, column, used) : given,
                          inside(createTable, t, j + 1, end)});
            j = end;
        }
    }
    return found;
}

SqliteDdlText::Index SqliteDdlText::index(const QString &createIndex)
{
    Index index;
    const auto tokens = SqlExpressionLexer::tokens(createIndex, ConnectionSpec::Kind::Sqlite);
    if (!tokens)
        return index;
    const Tokens &t = *tokens;
    const qsizetype open = listStart(t, QStringLiteral("on"));
    const qsizetype close = open < 0 ? -1 : closing(t, open);
    if (close < 0)
        return index;
    for (auto [a, b] : items(t, open + 1, close)) {
        while (b > a + 1 &&
               (t[b - 1].isWord(QStringLiteral("asc")) || t[b - 1].isWord(QStringLiteral("desc"))))
            --b;
        if (b > a + 2 && t[b - 2].isWord(QStringLiteral("collate")))
            b -= 2;
        index.terms.append(createIndex.mid(t[a].offset, t[b - 1].end - t[a].offset));
    }
    if (close + 2 < t.size() && t[close + 1].isWord(QStringLiteral("where")))
        index.where = createIndex.mid(t[close + 2].offset).trimmed();
    return index;
}

} // namespace cutover
