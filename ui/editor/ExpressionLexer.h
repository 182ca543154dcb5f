#pragma once

#include "editor/QsciIncludes.h"

#include <QStringList>

namespace cutover {

// SQLite SQL plus the project's words, for the transform editor: the mapping's source columns,
// Cutover's functions (from the engine's FunctionCatalog) with SQLite's own, and the lookup map
// names, each in its own style and offered for completion, and each function's signature and
// one-line summary for the editor's call tip.
class ExpressionLexer : public QsciLexerSQL
{
    Q_OBJECT

public:
    explicit ExpressionLexer(QObject *parent = nullptr);

    // Sets the words of the mapping being edited and prepares the completion list again.
    void setWords(const QStringList &sourceColumns, const QStringList &lookups);
    const QStringList &sourceColumns() const { return m_columns; }
    const QStringList &lookups() const { return m_lookups; }
    // The words that start with prefix (any case): columns, then functions, then lookups.
    QStringList completions(const QString &prefix) const;
    // "name(arguments)" and the first sentence of the function's summary; empty when unknown.
    static QString callTip(const QString &function);
    // Every function the editor knows, Cutover's then SQLite's.
    static QStringList functionNames();

    const char *keywords(int set) const override;
    QString description(int style) const override;
    bool caseSensitive() const override;
    QStringList autoCompletionWordSeparators() const override;

private:
    QStringList m_columns;
    QStringList m_lookups;
    // keywords() hands out pointers: the lists live here, lower case, space separated
    QByteArray m_columnWords;
    QByteArray m_functionWords;
    QByteArray m_lookupWords;
};

} // namespace cutover
