#pragma once

#include "editor/QsciIncludes.h"

namespace cutover {

class ExpressionLexer;

// The one wrapper of QsciScintilla: a transform expression's editor with the ExpressionLexer
// (columns, functions, lookups highlighted and offered in a list as you type a word, a
// function's signature and summary as a call tip after its "(") and an error underline at a
// character offset with its message as the tooltip.
class ExpressionEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit ExpressionEditor(QWidget *parent = nullptr);

    ExpressionLexer *expressionLexer() const { return m_lexer; }
    // Replaces the text without moving the cursor further than the text's end; an undo in the
    // editor does not go back past it.
    void setExpression(const QString &expression);
    QString expression() const { return text(); }
    // Underlines from offset (a character offset, as the engine reports it) to the end of the
    // word there; the message becomes the tooltip. A negative offset underlines everything.
    void showError(int offset, const QString &message);
    void clearError();
    bool hasError() const { return m_errorShown; }
    // Where the underline starts (characters), -1 without an error.
    int errorOffset() const { return m_errorOffset; }
    // Opens the list of the words that start with the word before the cursor (Ctrl+Space).
    void complete();
    // The word before the cursor (letters, digits, _).
    QString wordBeforeCursor() const;
    // Selects length characters from start (character offsets, as ExpressionSearch gives them).
    void selectCharacters(int start, int length);
    // Inserts "function()" at the cursor with the cursor between the parentheses and its call
    // tip shown, or wraps the selection: "function(selection)". One undo step.
    void insertCall(const QString &function);

private:
    int bytePosition(int characterOffset) const;
    void charAdded(int character);
    void insertCompletion(int id, const QString &word);
    QString listEntry(const QString &word) const;
    void showList(const QStringList &entries);
    bool afterLookupQuote() const;
    void showCallTip();
    bool cursorOnScreen() const;

    ExpressionLexer *m_lexer;
    int m_errorIndicator = -1;
    bool m_errorShown = false;
    int m_errorOffset = -1;
};

} // namespace cutover
