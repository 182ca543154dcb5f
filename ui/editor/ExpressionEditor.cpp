#include "editor/ExpressionEditor.h"

#include "editor/ExpressionLexer.h"
#include "transform/functions/FunctionCatalog.h"

#include <QGuiApplication>
#include <QShortcut>

namespace cutover {

ExpressionEditor::ExpressionEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new ExpressionLexer(this))
{
    setObjectName(QStringLiteral("expressionEditor"));
    setUtf8(true);
    setLexer(m_lexer);
    setWrapMode(WrapWord);
    setMarginWidth(1, 0);
    setMarginLineNumbers(0, false);
    setMarginWidth(0, 0);
    setBraceMatching(SloppyBraceMatch);
    setAutoIndent(true);
    setTabWidth(2);
    setIndentationsUseTabs(false);
    setAutoCompletionSource(AcsNone); // the list is the lexer's words, shown by charAdded
    setCallTipsStyle(CallTipsNone);
    SendScintilla(SCI_AUTOCSETIGNORECASE, 1);
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, &ExpressionEditor::charAdded);
    connect(this, &QsciScintilla::userListActivated, this, &ExpressionEditor::insertCompletion);
    m_errorIndicator = indicatorDefine(SquiggleIndicator);
    setIndicatorForegroundColor(QColor(0xb0, 0x1e, 0x2e), m_errorIndicator);
    auto *completeKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), this);
    completeKey->setContext(Qt::WidgetShortcut);
    connect(completeKey, &QShortcut::activated, this, &ExpressionEditor::complete);
}

void ExpressionEditor::setExpression(const QString &expression)
{
    if (expression == text())
        return;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    setText(expression);
    SendScintilla(SCI_EMPTYUNDOBUFFER); // the document's undo stack has the history
    const int lastLine = qMax(0, lines() - 1);
    line = qMin(line, lastLine);
    setCursorPosition(line, qMin(index, lineLength(line)));
}

int ExpressionEditor::bytePosition(int characterOffset) const
{
    return int(text().left(characterOffset).toUtf8().size());
}

void ExpressionEditor::showError(int offset, const QString &message)
{
    clearError();
    const QString all = text();
    int from = offset < 0 || offset > all.size() ? 0 : offset;
    int to = offset < 0 ? int(all.size()) : from;
    while (to < all.size() && (all.at(to).isLetterOrNumber() || all.at(to) == QLatin1Char('_')))
        ++to;
    if (to == from) // at a symbol or the end: underline one character, the one before at the end
        from > 0 && from == all.size() ? --from : ++to;
    to = qMin(to, int(all.size()));
    const int start = bytePosition(from);
    SendScintilla(SCI_SETINDICATORCURRENT, m_errorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, start, qMax(1, bytePosition(to) - start));
    setToolTip(message);
    m_errorShown = true;
    m_errorOffset = from;
}

void ExpressionEditor::clearError()
{
    SendScintilla(SCI_SETINDICATORCURRENT, m_errorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    setToolTip(QString());
    m_errorShown = false;
    m_errorOffset = -1;
}

namespace {

constexpr int kWordList = 1; // the user list's id

bool isNamePart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QString ExpressionEditor::wordBeforeCursor() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const QString before = text(line).left(index);
    qsizetype start = before.size();
    while (start > 0 && isNamePart(before.at(start - 1)))
        --start;
    return before.mid(start);
}

// QScintilla places its popups on the screen at the cursor and crashes when there is none (an
// editor dragged partly off every screen).
bool ExpressionEditor::cursorOnScreen() const
{
    const long position = SendScintilla(SCI_GETCURRENTPOS);
    const QPoint at(int(SendScintilla(SCI_POINTXFROMPOSITION, 0UL, position)),
                    int(SendScintilla(SCI_POINTYFROMPOSITION, 0UL, position)));
    return QGuiApplication::screenAt(viewport()->mapToGlobal(at)) != nullptr;
}

// A function is listed with its arguments, as the catalog writes them: "to_utc(local, ...)".
QString ExpressionEditor::listEntry(const QString &word) const
{
    if (m_lexer->sourceColumns().contains(word) || m_lexer->lookups().contains(word))
        return word;
    const FunctionCatalog::Function *f = FunctionCatalog::findAny(word);
    return f && f->signature.startsWith(f->name + QLatin1Char('(')) ? f->signature : word;
}

void ExpressionEditor::complete()
{
    const QString prefix = wordBeforeCursor();
    const QStringList words = m_lexer->completions(prefix);
    if (words.isEmpty() || (words.size() == 1 && words.first() == prefix)) {
        cancelList();
        return;
    }
    QStringList entries;
    for (const QString &word : words)
        entries.append(listEntry(word));
    showList(entries);
}

void ExpressionEditor::showList(const QStringList &entries)
{
    SendScintilla(SCI_CALLTIPCANCEL); // one popup at a time
    if (cursorOnScreen())
        showUserList(kWordList, entries);
}

// Right after "lookup('": the project's lookup maps.
bool ExpressionEditor::afterLookupQuote() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    QString before = text(line).left(index);
    if (!before.endsWith(QLatin1Char('\'')))
        return false;
    before.chop(1);
    before = before.trimmed();
    if (!before.endsWith(QLatin1Char('(')))
        return false;
    before.chop(1);
    return before.trimmed().endsWith(QLatin1String("lookup"), Qt::CaseInsensitive);
}

void ExpressionEditor::charAdded(int character)
{
    const QChar c(character);
    if (isNamePart(c))
        complete();
    else if (c == QLatin1Char('\'') && afterLookupQuote() && !m_lexer->lookups().isEmpty())
        showList(m_lexer->lookups());
    else if (c == QLatin1Char('('))
        showCallTip();
    else if (c == QLatin1Char(')'))
        SendScintilla(SCI_CALLTIPCANCEL);
}

void ExpressionEditor::insertCompletion(int id, const QString &word)
{
    if (id != kWordList)
        return;
    const int typed = int(wordBeforeCursor().size());
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    setSelection(line, index - typed, line, index);
    const qsizetype open = word.indexOf(QLatin1Char('('));
    if (open < 0) {
        replaceSelectedText(word);
        return;
    }
    // a function: its name and "(", its call tip open; "()" when it takes no argument
    const bool noArguments = word.endsWith(QLatin1String("()"));
    replaceSelectedText(word.left(open + 1) + (noArguments ? QStringLiteral(")") : QString()));
    if (!noArguments)
        showCallTip();
}

void ExpressionEditor::selectCharacters(int start, int length)
{
    SendScintilla(SCI_SETSEL, bytePosition(start), bytePosition(start + length));
}

void ExpressionEditor::insertCall(const QString &function)
{
    const QString selected = selectedText();
    beginUndoAction();
    replaceSelectedText(function + QLatin1Char('(') + selected + QLatin1Char(')'));
    endUndoAction();
    setFocus(Qt::OtherFocusReason);
    if (!selected.isEmpty())
        return;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    setCursorPosition(line, index - 1);
    showCallTip();
}

// After "name(": the function's signature and what it does.
void ExpressionEditor::showCallTip()
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    QString before = text(line).left(index - 1).trimmed();
    qsizetype start = before.size();
    while (start > 0 && isNamePart(before.at(start - 1)))
        --start;
    const QString tip = ExpressionLexer::callTip(before.mid(start));
    if (tip.isEmpty())
        return;
    if (!cursorOnScreen())
        return;
    const QByteArray utf8 = tip.toUtf8();
    SendScintilla(SCI_CALLTIPSHOW, SendScintilla(SCI_GETCURRENTPOS), utf8.constData());
}

} // namespace cutover
