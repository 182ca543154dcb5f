#pragma once

#include "report/HtmlText.h"
#include "runbook/RunbookSchedule.h"
#include "runbook/RunbookState.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace cutover {

// The pieces the runbook's and the status update's HTML share, in both flavours: for browsers,
// and the subset QTextDocument renders for the PDF (richText). Every text that goes in is
// escaped here or by the caller through HtmlText::escape; the arguments named html are not.
class RunbookHtml
{
public:
    // A whole document: head with title and style sheet, body holding bodyHtml.
    static QString page(const QString &title, const QString &bodyHtml, bool richText);
    // A pill of white text on a colour (one of RunbookHtmlStyle's), e.g. "▲ AMBER".
    static QString badge(const QString &text, const QString &colourName, bool richText);
    static QString ragBadge(RunbookSchedule::Rag rag, bool richText);
    // "green", "amber", "red": the class and colour name of a RAG status.
    static QString ragColour(RunbookSchedule::Rag rag);
    // The hex colour of a colour name.
    static QString colour(const QString &colourName);
    // "✓ Done" in the status's colour.
    static QString status(StepStatus status);
    // Labels (text) and values (html).
    static QString keyValues(const QList<std::pair<QString, QString>> &rows);
    // A box of lines (text) under a heading (text), edged in the colour.
    static QString box(const QString &heading, const QStringList &lines, const QString &colourName,
                       bool richText);
    // A header and its share of the table's width in percent (0: what is left); a header ending
    // in '#' is right-aligned (numbers), as in HtmlText::table.
    struct Column
    {
        QString header;
        int percent = 0;
    };
    // A grid table across the page with these columns (QTextDocument sizes columns by their
    // content alone, which squeezes the one that says the most).
    // A caption goes in a header row above the columns' headers, which QTextDocument repeats on
    // every page the table runs over and never parts from the table, as it would a heading.
    static QString table(const QList<Column> &columns, const QList<QList<HtmlText::Cell>> &rows,
                         const QString &caption = {});
    // An item list of html.
    static QString list(const QStringList &itemsHtml, const QString &cssClass = {});
    static QString none(const QString &text);
};

} // namespace cutover
