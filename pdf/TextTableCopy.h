#pragma once

#include <memory>

class QTextDocument;
class QTextTable;
class QTextTableCell;

namespace cutover {

// One table of a QTextDocument copied alone into a document of its own, laid out as the
// original would lay it out (same font, text option, margin, paint device and page size), so
// that trying widths on it costs a layout of the table instead of the whole document. The copy
// keeps the table's format, its cells' spans and formats, and, unless asked for none, their
// blocks and text with their formats (the blocks of a table inside a cell come flat).
// QTextDocumentFragment would copy it too, but takes every format of the document with it.
class TextTableCopy
{
public:
    enum class Content
    {
        Text,
        None // to see how far the table alone reaches, however narrow its content
    };

    static std::unique_ptr<QTextDocument> make(const QTextDocument &document,
                                               const QTextTable &table, Content content);
    // The table of a copy.
    static QTextTable *table(const QTextDocument &copy);

private:
    static void copyText(const QTextDocument &document, const QTextTableCell &from,
                         const QTextTableCell &to);
};

} // namespace cutover
