#pragma once

#include <QList>

class QTextDocument;
class QTextFragment;
class QTextTable;

namespace cutover {

// Makes the tables of a QTextDocument break lines between words only, so that "Expected" or
// "practitioner" never come out as "Expect|ed" in a narrow column. The document wraps at word
// boundaries, and its table layout then gives each column at least its longest word and shares
// out the rest by content. (With the default wrap mode, a table whose longest words do not fit
// side by side is laid out again breaking anywhere, in every column alike.) A table still
// wider than the page gets a tighter cell padding, then smaller text (down to 82%), and only
// then, as a last resort, its longest words opened to more breaks: those longer than the widest
// cap that lets the table fit, at their punctuation first (2024-06-30T18:|00Z, license_|number)
// and after any character where that is not enough; each column is then as wide as its longest
// word, or the cap. Outside tables, a word longer than the whole width opens likewise.
class TableWordWrap
{
public:
    // document must have its page size (or text width) and paint device set.
    static void apply(QTextDocument &document);

private:
    struct Fragment;
    struct Fit; // what made a table fit, to do again to the table itself

    // The tables in the root frame (a table inside a cell gets its outer table's width).
    static QList<QTextTable *> tables(const QTextDocument &document);
    static Fit fit(QTextDocument &document, QTextTable *table);
    static void replay(QTextDocument &document, QTextTable *table, const Fit &fit);
    static void tighten(QTextTable *table);
    static void breakLongWords(QTextDocument &document, QTextTable *table, Fit &fit);
    // The width the root frame lays its tables out in.
    static qreal width(const QTextDocument &document);
    // How far table's content makes it reach past that width; 0 when it fits.
    static qreal overflow(const QTextDocument &document, QTextTable *table);
    // How far table reaches past that width, content or not.
    static qreal reach(const QTextDocument &document, QTextTable *table);
    static QList<Fragment> fragments(const QTextDocument &document, QTextTable *table);
    static Fragment fragment(const QTextDocument &document, const QTextFragment &fragment,
                             int column);
    // The widest run between two line-break opportunities in each column.
    static QList<qreal> longestRuns(const QList<Fragment> &fragments, int columns);
    // The largest width c such that the columns, each cut down to c, take at most room.
    static qreal cap(const QList<qreal> &widths, qreal room);
    // Sets the text of table to scale times its original size.
    static void scaleFont(QTextTable *table, const QList<Fragment> &original, qreal scale);
    // Opens the runs of fragments wider than cap to more breaks.
    static void open(QTextDocument &document, const QList<Fragment> &fragments, qreal cap);
    static void openParagraphs(QTextDocument &document);
    // Gives the columns these widths of content, as shares of the table.
    static void setColumnWidths(const QTextDocument &document, QTextTable *table,
                                const QList<qreal> &widths);
};

} // namespace cutover
