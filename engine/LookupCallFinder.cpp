#include "LookupCallFinder.h"

namespace cutover {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

} // namespace

// Past the quoted text or comment starting at `at`; `at` itself when nothing starts there.
qsizetype LookupCallFinder::skipQuoted(const QString &text, qsizetype at)
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

qsizetype LookupCallFinder::skipSpace(const QString &text, qsizetype at)
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

// The position of the ',' or ')' that ends the argument starting at `at`.
qsizetype LookupCallFinder::argumentEnd(const QString &text, qsizetype at)
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

bool LookupCallFinder::readCall(const QString &text, qsizetype open, Call &call)
{
    qsizetype at = skipSpace(text, open + 1);
    if (at >= text.size() || text.at(at) != QLatin1Char('\''))
        return false;
    const qsizetype nameEnd = skipQuoted(text, at);
    call.map =
        text.mid(at + 1, nameEnd - at - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    at = skipSpace(text, nameEnd);
    if (at >= text.size() || text.at(at) != QLatin1Char(','))
        return false;
    const qsizetype valueEnd = argumentEnd(text, at + 1);
    if (valueEnd < 0)
        return false;
    call.expression = text.mid(at + 1, valueEnd - at - 1).trimmed();
    call.hasDefault = text.at(valueEnd) == QLatin1Char(',');
    return !call.expression.isEmpty();
}

QList<LookupCallFinder::Call> LookupCallFinder::find(const QString &expression)
{
    QList<Call> calls;
    const QString word = QStringLiteral("lookup");
    qsizetype at = 0;
    while (at < expression.size()) {
        const qsizetype past = skipQuoted(expression, at);
        if (past != at) {
            at = past;
            continue;
        }
        const bool starts =
            expression.mid(at, word.size()).compare(word, Qt::CaseInsensitive) == 0 &&
            (at == 0 || !isWordChar(expression.at(at - 1))) &&
            (at + word.size() >= expression.size() || !isWordChar(expression.at(at + word.size())));
        if (starts) {
            const qsizetype open = skipSpace(expression, at + word.size());
            Call call;
            if (open < expression.size() && expression.at(open) == QLatin1Char('(') &&
                readCall(expression, open, call) && !calls.contains(call))
                calls.append(call);
            at += word.size();
            continue;
        }
        ++at;
    }
    return calls;
}

} // namespace cutover
