#include "TableWordWrap.h"

#include "TextTableCopy.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QTextBlock>
#include <QTextBoundaryFinder>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <algorithm>
#include <functional>

namespace cutover {

namespace {

constexpr QChar kBreak(0x200b); // zero width space: a break opportunity that shows nothing
constexpr qreal kSlack = 2;     // device pixels a column keeps beyond its longest word
constexpr qreal kTightPadding = 2;
constexpr int kMaxPasses = 4;
constexpr qreal kFontScales[] = {0.94, 0.88, 0.82}; // 8pt down to 6.5pt at most

using Measure = std::function<qreal(const QString &)>;

// The runs of text between its line-break opportunities, each with what follows it.
QStringList runs(const QString &text)
{
    QStringList found;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Line, text);
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        found.append(text.mid(start, end - start));
        start = end;
    }
    if (start < text.size())
        found.append(text.mid(start));
    return found;
}

// run with a break opportunity after each of the characters accept() picks.
QString withBreaks(const QString &run, const std::function<bool(QChar)> &accept)
{
    QString out;
    for (qsizetype i = 0; i < run.size(); ++i) {
        out += run.at(i);
        const bool inside = i + 1 < run.size() && !run.at(i).isHighSurrogate();
        if (inside && run.at(i) != kBreak && run.at(i + 1) != kBreak && accept(run.at(i)))
            out += kBreak;
    }
    return out;
}

bool isSeparator(QChar c)
{
    return c.isPunct() || c.isSymbol();
}

// run made to fit width: broken after its punctuation, and where a piece is still too wide,
// after every character of that piece.
QString fitted(const QString &run, qreal width, const Measure &measure)
{
    if (measure(run.trimmed()) <= width)
        return run;
    QString out;
    for (const QString &piece : runs(withBreaks(run, isSeparator)))
        out += measure(piece.trimmed()) <= width ? piece
                                                 : withBreaks(piece, [](QChar) { return true; });
    return out;
}

} // namespace

struct TableWordWrap::Fragment
{
    int column = 0;
    int position = 0;
    QString text;
    QTextCharFormat format;
    qreal pointSize = 0;
    Measure measure;
};

struct TableWordWrap::Fit
{
    qreal scale = 1;     // of the text's size
    QList<qreal> caps;   // words longer than these opened, in turn
    QList<qreal> widths; // of the columns' content, when set
};

void TableWordWrap::apply(QTextDocument &document)
{
    QTextOption option = document.defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    document.setDefaultTextOption(option);
    QList<QTextTable *> wide;
    for (QTextTable *table : tables(document))
        if (overflow(document, table) > 0)
            wide.append(table);
    // Each table is fitted on a copy of it alone, and what fitted it done again to it in one
    // edit (one layout at its end): laying the whole document out again for every try would
    // take a second each.
    QList<Fit> fits;
    for (QTextTable *table : std::as_const(wide)) {
        auto alone = TextTableCopy::make(document, *table, TextTableCopy::Content::Text);
        fits.append(fit(*alone, TextTableCopy::table(*alone)));
    }
    QTextCursor edit(&document);
    edit.beginEditBlock();
    for (qsizetype i = 0; i < wide.size(); ++i)
        replay(document, wide.at(i), fits.at(i));
    openParagraphs(document);
    edit.endEditBlock();
}

// Outside tables, only a word longer than the whole width needs breaks (a long path or URL).
void TableWordWrap::openParagraphs(QTextDocument &document)
{
    QList<Fragment> found;
    for (QTextFrame::iterator it = document.rootFrame()->begin(); !it.atEnd(); ++it)
        for (QTextBlock::iterator f = it.currentBlock().begin(); !f.atEnd(); ++f)
            found.append(fragment(document, f.fragment(), 0));
    open(document, found, width(document));
}

TableWordWrap::Fit TableWordWrap::fit(QTextDocument &document, QTextTable *table)
{
    Fit fit;
    tighten(table);
    const QList<Fragment> original = fragments(document, table);
    for (const qreal scale : kFontScales)
        if (overflow(document, table) > 0) {
            scaleFont(table, original, scale);
            fit.scale = scale;
        }
    if (overflow(document, table) > 0)
        breakLongWords(document, table, fit);
    return fit;
}

void TableWordWrap::replay(QTextDocument &document, QTextTable *table, const Fit &fit)
{
    tighten(table);
    if (fit.scale != 1)
        scaleFont(table, fragments(document, table), fit.scale);
    for (const qreal cap : fit.caps)
        open(document, fragments(document, table), cap);
    if (!fit.widths.isEmpty())
        setColumnWidths(document, table, fit.widths);
}

void TableWordWrap::tighten(QTextTable *table)
{
    QTextTableFormat format = table->format();
    format.setCellPadding(qMin(format.cellPadding(), kTightPadding));
    table->setFormat(format);
}

// The table overflows at its columns' minimum widths, their longest runs: cut down to the cap,
// those take the room there is. Where the table still reaches past the page (Qt's sums of
// padding and borders are not quite ours), the room shrinks by as much and the cap with it.
void TableWordWrap::breakLongWords(QTextDocument &document, QTextTable *table, Fit &fit)
{
    const QList<qreal> longest = longestRuns(fragments(document, table), table->columns());
    qreal room = -kSlack * table->columns();
    for (const qreal w : longest)
        room += w;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        const qreal over = overflow(document, table);
        if (over <= 0)
            break;
        room -= over;
        const qreal c = cap(longest, room);
        open(document, fragments(document, table), c);
        fit.caps.append(c);
        fit.widths.clear();
        for (const qreal w : longest)
            fit.widths.append(qMin(w, c));
        setColumnWidths(document, table, fit.widths);
    }
}

QList<QTextTable *> TableWordWrap::tables(const QTextDocument &document)
{
    QList<QTextTable *> found;
    for (QTextFrame *frame : document.rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            found.append(table);
    return found;
}

qreal TableWordWrap::width(const QTextDocument &document)
{
    const qreal page =
        document.pageSize().width() > 0 ? document.pageSize().width() : document.textWidth();
    return page - 2 * document.documentMargin();
}

// A table of the full width reaches a few pixels past it by its margins and borders, however
// narrow its content: that much is no overflow. A copy without content shows how much.
qreal TableWordWrap::overflow(const QTextDocument &document, QTextTable *table)
{
    const auto empty = TextTableCopy::make(document, *table, TextTableCopy::Content::None);
    const qreal allowed = qMax(0.0, reach(*empty, TextTableCopy::table(*empty)));
    const qreal over = reach(document, table) - allowed;
    return over > 0.5 ? over : 0;
}

qreal TableWordWrap::reach(const QTextDocument &document, QTextTable *table)
{
    const qreal right = document.documentMargin() + width(document);
    return document.documentLayout()->frameBoundingRect(table).right() - right;
}

QList<TableWordWrap::Fragment> TableWordWrap::fragments(const QTextDocument &document,
                                                        QTextTable *table)
{
    QList<Fragment> found;
    for (int row = 0; row < table->rows(); ++row)
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(row, column);
            if (cell.row() != row || cell.column() != column || cell.columnSpan() > 1)
                continue; // a cell spanning columns sets no column's width alone
            // Every block of the cell, those of a table inside it too.
            for (QTextBlock block = table->document()->findBlock(cell.firstPosition());
                 block.isValid() && block.position() <= cell.lastPosition(); block = block.next())
                for (QTextBlock::iterator f = block.begin(); !f.atEnd(); ++f)
                    found.append(fragment(document, f.fragment(), column));
        }
    return found;
}

TableWordWrap::Fragment TableWordWrap::fragment(const QTextDocument &document,
                                                const QTextFragment &fragment, int column)
{
    const QFont font = fragment.charFormat().font().resolve(document.defaultFont());
    const QFontMetricsF metrics(font, document.documentLayout()->paintDevice());
    return {column,
            fragment.position(),
            fragment.text(),
            fragment.charFormat(),
            font.pointSizeF(),
            [metrics](const QString &text) {
                return metrics.horizontalAdvance(text);
            }};
}

QList<qreal> TableWordWrap::longestRuns(const QList<Fragment> &fragments, int columns)
{
    QList<qreal> longest(columns, 0);
    for (const Fragment &f : fragments)
        for (const QString &run : runs(f.text))
            longest[f.column] = qMax(longest.at(f.column), f.measure(run.trimmed()));
    return longest;
}

qreal TableWordWrap::cap(const QList<qreal> &widths, qreal room)
{
    const auto taken = [&widths](qreal c) {
        qreal sum = 0;
        for (const qreal w : widths)
            sum += qMin(w, c);
        return sum;
    };
    qreal low = 0;
    qreal high = *std::max_element(widths.cbegin(), widths.cend());
    for (int i = 0; i < 40; ++i) {
        const qreal middle = (low + high) / 2;
        (taken(middle) <= room ? low : high) = middle;
    }
    return low;
}

void TableWordWrap::scaleFont(QTextTable *table, const QList<Fragment> &original, qreal scale)
{
    QTextCursor cursor(table->document());
    cursor.beginEditBlock();
    for (const Fragment &f : original) {
        QTextCharFormat size;
        size.setFontPointSize(f.pointSize * scale);
        cursor.setPosition(f.position);
        cursor.setPosition(f.position + int(f.text.size()), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(size);
    }
    cursor.endEditBlock();
}

void TableWordWrap::setColumnWidths(const QTextDocument &document, QTextTable *table,
                                    const QList<qreal> &widths)
{
    if (widths.isEmpty())
        return;
    // Qt scales a cell's padding, given in CSS pixels, to the paint device.
    const QPaintDevice *device = document.documentLayout()->paintDevice();
    const qreal scale = device ? device->logicalDpiY() / 96.0 : 1.0;
    const qreal padding = 2 * table->format().cellPadding() * scale;
    qreal total = 0;
    for (const qreal w : widths)
        total += w + kSlack + padding;
    QList<QTextLength> constraints;
    for (const qreal w : widths)
        constraints.append(
            QTextLength(QTextLength::PercentageLength, 100 * (w + kSlack + padding) / total));
    QTextTableFormat format = table->format();
    format.setColumnWidthConstraints(constraints);
    table->setFormat(format);
}

void TableWordWrap::open(QTextDocument &document, const QList<Fragment> &fragments, qreal cap)
{
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (auto f = fragments.crbegin(); f != fragments.crend(); ++f) {
        QString text;
        for (const QString &run : runs(f->text))
            text += fitted(run, cap, f->measure);
        if (text == f->text)
            continue;
        cursor.setPosition(f->position);
        cursor.setPosition(f->position + int(f->text.size()), QTextCursor::KeepAnchor);
        cursor.insertText(text, f->format);
    }
    cursor.endEditBlock();
}

} // namespace cutover
