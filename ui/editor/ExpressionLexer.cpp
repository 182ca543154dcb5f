#include "editor/ExpressionLexer.h"

#include "transform/functions/FunctionCatalog.h"

#include <QColor>
#include <QFont>

namespace cutover {

namespace {

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
    for (const FunctionCatalog::Function &f : FunctionCatalog::sqliteFunctions())
        if (!names.contains(f.name))
            names.append(f.name);
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
    if (const FunctionCatalog::Function *f = FunctionCatalog::findAny(function))
        return f->signature + QLatin1Char('\n') + firstSentence(f->summary);
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
