#include "editor/ExpressionLexer.h"

#include "transform/functions/FunctionCatalog.h"

#include <QColor>
#include <QFont>

namespace cutover {

namespace {

// SQLite's own functions a transform may call (the sandbox allows them), with signatures.
const QList<std::pair<const char *, const char *>> &sqliteFunctions()
{
    static const QList<std::pair<const char *, const char *>> functions = {
        {"abs", "(X) the absolute value of X"},
        {"coalesce", "(X, Y, ...) the first argument that is not NULL"},
        {"ifnull", "(X, Y) X unless it is NULL, then Y"},
        {"iif", "(cond, X, Y) X when cond is true, otherwise Y"},
        {"instr", "(X, Y) the 1-based position of Y in X, 0 if absent"},
        {"length", "(X) the number of characters in X"},
        {"lower", "(X) X in lower case (ASCII)"},
        {"ltrim", "(X[, Y]) X without leading spaces (or characters of Y)"},
        {"max", "(X, Y, ...) the largest argument"},
        {"min", "(X, Y, ...) the smallest argument"},
        {"nullif", "(X, Y) NULL when X equals Y, otherwise X"},
        {"printf", "(format, ...) a formatted string"},
        {"replace", "(X, Y, Z) X with every Y replaced by Z"},
        {"round", "(X[, digits]) X rounded"},
        {"rtrim", "(X[, Y]) X without trailing spaces (or characters of Y)"},
        {"substr", "(X, start[, length]) part of X"},
        {"trim", "(X[, Y]) X without surrounding spaces (or characters of Y)"},
        {"typeof", "(X) the storage class of X"},
        {"upper", "(X) X in upper case (ASCII)"},
        {"date", "(time, modifier, ...) the date as YYYY-MM-DD"},
        {"datetime", "(time, modifier, ...) the date and time as YYYY-MM-DD HH:MM:SS"},
        {"strftime", "(format, time, modifier, ...) the time formatted"},
        {"cast", "(X AS type) X converted to type"},
    };
    return functions;
}

// The summary's first sentence: a call tip is one line.
QString firstSentence(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1String(". "));
    return end < 0 ? text : text.left(end + 1);
}

QByteArray wordList(const QStringList &words)
{
    return words.join(QLatin1Char(' ')).toLower().toUtf8();
}

} // namespace

ExpressionLexer::ExpressionLexer(QObject *parent)
    : QsciLexerSQL(parent)
{
    m_functionWords = wordList(functionNames());
    setColor(QColor(0x2b, 0x4c, 0x7e), KeywordSet6); // source columns: the canvas's blue
    setColor(QColor(0x6a, 0x3d, 0x9a), KeywordSet7); // functions
    setColor(QColor(0x1b, 0x6e, 0x3c), KeywordSet8); // lookup names
    setColor(QColor(0x9a, 0x4b, 0x00), SingleQuotedString);
    QFont bold = font(KeywordSet6);
    bold.setBold(true);
    setFont(bold, KeywordSet6);
}

QStringList ExpressionLexer::functionNames()
{
    QStringList names;
    for (const FunctionCatalog::Function &f : FunctionCatalog::functions())
        names.append(f.name);
    for (const auto &[name, doc] : sqliteFunctions())
        if (!names.contains(QLatin1String(name))) // Cutover's own upper() and lower() win
            names.append(QString::fromLatin1(name));
    return names;
}

void ExpressionLexer::setWords(const QStringList &sourceColumns, const QStringList &lookups)
{
    if (sourceColumns == m_columns && lookups == m_lookups)
        return;
    m_columns = sourceColumns;
    m_lookups = lookups;
    m_columnWords = wordList(sourceColumns);
    m_lookupWords = wordList(lookups);
}

QStringList ExpressionLexer::completions(const QString &prefix) const
{
    QStringList found;
    for (const QStringList &words : {m_columns, functionNames(), m_lookups})
        for (const QString &word : words)
            if (word.startsWith(prefix, Qt::CaseInsensitive) && !found.contains(word))
                found.append(word);
    return found;
}

QString ExpressionLexer::callTip(const QString &function)
{
    if (const FunctionCatalog::Function *f = FunctionCatalog::find(function.toLower()))
        return f->signature + QLatin1Char('\n') + firstSentence(f->summary);
    for (const auto &[name, doc] : sqliteFunctions())
        if (function.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(name) + QString::fromLatin1(doc);
    return {};
}

const char *ExpressionLexer::keywords(int set) const
{
    // QsciLexerSQL numbers the sets from 1; KeywordSet6..8 are sets 6..8
    switch (set) {
    case 6:
        return m_columnWords.constData();
    case 7:
        return m_functionWords.constData();
    case 8:
        return m_lookupWords.constData();
    default:
        return QsciLexerSQL::keywords(set);
    }
}

QString ExpressionLexer::description(int style) const
{
    switch (style) {
    case KeywordSet6:
        return tr("Source column");
    case KeywordSet7:
        return tr("Function");
    case KeywordSet8:
        return tr("Lookup map");
    default:
        return QsciLexerSQL::description(style);
    }
}

bool ExpressionLexer::caseSensitive() const
{
    return false;
}

QStringList ExpressionLexer::autoCompletionWordSeparators() const
{
    return {QStringLiteral(".")};
}

} // namespace cutover
