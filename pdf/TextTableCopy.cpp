#include "TextTableCopy.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace cutover {

std::unique_ptr<QTextDocument> TextTableCopy::make(const QTextDocument &document,
                                                   const QTextTable &table, Content content)
{
    auto copy = std::make_unique<QTextDocument>();
    copy->setDefaultFont(document.defaultFont());
    copy->setDefaultTextOption(document.defaultTextOption());
    copy->setDocumentMargin(document.documentMargin());
    copy->documentLayout()->setPaintDevice(document.documentLayout()->paintDevice());
    // One edit: a layout at its end, not after every change.
    QTextCursor edit(copy.get());
    edit.beginEditBlock();
    QTextTable *alone = edit.insertTable(table.rows(), table.columns(), table.format());
    for (int row = 0; row < table.rows(); ++row)
        for (int column = 0; column < table.columns(); ++column) {
            const QTextTableCell cell = table.cellAt(row, column);
            if (cell.row() != row || cell.column() != column)
                continue; // inside a spanning cell
            if (cell.rowSpan() > 1 || cell.columnSpan() > 1)
                alone->mergeCells(row, column, cell.rowSpan(), cell.columnSpan());
            QTextTableCell target = alone->cellAt(row, column);
            target.setFormat(cell.format());
            if (content == Content::Text)
                copyText(document, cell, target);
        }
    edit.endEditBlock();
    copy->setPageSize(document.pageSize());
    return copy;
}

QTextTable *TextTableCopy::table(const QTextDocument &copy)
{
    for (QTextFrame *frame : copy.rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            return table;
    return nullptr;
}

void TextTableCopy::copyText(const QTextDocument &document, const QTextTableCell &from,
                             const QTextTableCell &to)
{
    QTextCursor cursor = to.firstCursorPosition();
    bool first = true;
    for (QTextBlock block = document.findBlock(from.firstPosition());
         block.isValid() && block.position() <= from.lastPosition(); block = block.next()) {
        if (first)
            cursor.setBlockFormat(block.blockFormat());
        else
            cursor.insertBlock(block.blockFormat(), block.charFormat());
        first = false;
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it)
            cursor.insertText(it.fragment().text(), it.fragment().charFormat());
    }
}

} // namespace cutover
