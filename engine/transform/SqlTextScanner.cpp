#include "transform/SqlTextScanner.h"

namespace cutover {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// Whether what starts at `at` ends the operand before it: the end, a bracket or comma, or an
// operator that binds no tighter than REGEXP, LIKE and =.
bool endsOperand(const QString &text, qsizetype at)
{
    if (at >= text.size())
        return true;
    const QChar c = text.at(at);
    if (c == QLatin1Char(')') || c == QLatin1Char(',') || c == QLatin1Char('=') ||
        text.mid(at, 2) == QLatin1String("!=") || text.mid(at, 2) == QLatin1String("<>"))
        return true;
    qsizetype end = at;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    static const QStringList words = {
        QStringLiteral("and"),    QStringLiteral("or"),     QStringLiteral("then"),
        QStringLiteral("else"),   QStringLiteral("end"),    QStringLiteral("when"),
        QStringLiteral("is"),     QStringLiteral("not"),    QStringLiteral("in"),
        QStringLiteral("like"),   QStringLiteral("glob"),   QStringLiteral("match"),
        QStringLiteral("regexp"), QStringLiteral("collate")};
    return words.contains(text.mid(at, end - at).toLower());
}

} // namespace

qsizetype SqlTextScanner::skipQuoted(const QString &text, qsizetype at)
{
    const QChar c = text.at(at);
    if (c == QLatin1Char('-') && text.mid(at, 2) == QLatin1String("--")) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), at);
        return end < 0 ? text.size() : end + 1;
    }
    if (c == QLatin1Char('/') && text.mid(at, 2) == QLatin1String("/*")) {
        const qsizetype end = text.indexOf(QLatin1String("*/"), at + 2);
        return end < 0 ? text.size() : end + 2;
    }
    QChar close;
    if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`'))
        close = c;
    else if (c == QLatin1Char('['))
        close = QLatin1Char(']');
    else
        return at;
    qsizetype i = at + 1;
    while (i < text.size()) {
        if (text.at(i) == close) {
            if (close != QLatin1Char(']') && i + 1 < text.size() && text.at(i + 1) == close) {
                i += 2; // doubled quote
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return text.size();
}

qsizetype SqlTextScanner::skipSpace(const QString &text, qsizetype at)
{
    while (at < text.size()) {
        if (text.at(at).isSpace()) {
            ++at;
            continue;
        }
        const qsizetype past = skipQuoted(text, at);
        const bool comment =
            past != at && (text.at(at) == QLatin1Char('-') || text.at(at) == QLatin1Char('/'));
        if (!comment)
            break;
        at = past;
    }
    return at;
}

qsizetype SqlTextScanner::argumentEnd(const QString &text, qsizetype at)
{
    int depth = 0;
    while (at < text.size()) {
        const qsizetype past = skipQuoted(text, at);
        if (past != at) {
            at = past;
            continue;
        }
        const QChar c = text.at(at);
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && depth-- == 0)
            return at;
        else if (c == QLatin1Char(',') && depth == 0)
            return at;
        ++at;
    }
    return -1;
}

// Where word starts as a whole word outside quotes and comments.
QList<qsizetype> SqlTextScanner::wordsAt(const QString &text, const QString &word)
{
    QList<qsizetype> found;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype past = skipQuoted(text, at);
        if (past != at) {
            at = past;
            continue;
        }
        const bool starts =
            text.mid(at, word.size()).compare(word, Qt::CaseInsensitive) == 0 &&
            (at == 0 || !isWordChar(text.at(at - 1))) &&
            (at + word.size() >= text.size() || !isWordChar(text.at(at + word.size())));
        if (starts) {
            found.append(at);
            at += word.size();
            continue;
        }
        ++at;
    }
    return found;
}

SqlTextScanner::Argument SqlTextScanner::argument(const QString &text, qsizetype from, qsizetype to)
{
    while (from < to && text.at(from).isSpace())
        ++from;
    while (to > from && text.at(to - 1).isSpace())
        --to;
    return {text.mid(from, to - from), from};
}

QList<SqlTextScanner::Call> SqlTextScanner::calls(const QString &expression,
                                                  const QString &function)
{
    QList<Call> found;
    for (const qsizetype at : wordsAt(expression, function)) {
        const qsizetype open = skipSpace(expression, at + function.size());
        if (open >= expression.size() || expression.at(open) != QLatin1Char('('))
            continue;
        Call call{at, {}};
        qsizetype start = open + 1;
        for (;;) {
            const qsizetype end = argumentEnd(expression, start);
            if (end < 0)
                break;
            const Argument next = argument(expression, start, end);
            if (!next.text.isEmpty() || expression.at(end) == QLatin1Char(','))
                call.arguments.append(next);
            if (expression.at(end) == QLatin1Char(')'))
                break;
            start = end + 1;
        }
        found.append(call);
    }
    return found;
}

QList<SqlTextScanner::Argument> SqlTextScanner::rightOperands(const QString &expression,
                                                              const QString &keyword)
{
    QList<Argument> found;
    for (const qsizetype at : wordsAt(expression, keyword)) {
        const qsizetype start = skipSpace(expression, at + keyword.size());
        if (start >= expression.size())
            continue;
        const qsizetype end = skipQuoted(expression, start);
        // A quoted operand on its own ('a' || x is another operand); anything else is no literal.
        if (end != start && endsOperand(expression, skipSpace(expression, end)))
            found.append({expression.mid(start, end - start), start});
    }
    return found;
}

std::optional<QString> SqlTextScanner::stringLiteral(const QString &text)
{
    if (text.size() < 2 || !text.startsWith(QLatin1Char('\'')) ||
        skipQuoted(text, 0) != text.size() || !text.endsWith(QLatin1Char('\'')))
        return std::nullopt;
    return text.mid(1, text.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
}

} // namespace cutover
