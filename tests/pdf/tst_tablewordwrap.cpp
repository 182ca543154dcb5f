#include "TableWordWrap.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QTest>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using cutover::TableWordWrap;

namespace {

constexpr QChar kBreak(0x200b);

QTextTable *firstTable(const QTextDocument &document)
{
    for (QTextFrame *frame : document.rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            return table;
    return nullptr;
}

QString cellText(QTextTable *table, int row, int column)
{
    const QTextTableCell cell = table->cellAt(row, column);
    QTextCursor cursor = cell.firstCursorPosition();
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return cursor.selectedText();
}

// A table of the given cells, laid out on a page width wide.
void load(QTextDocument &document, const QStringList &cells, qreal width)
{
    QString html = QStringLiteral("<table border=\"1\" cellpadding=\"4\" width=\"100%\"><tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<td>%1</td>").arg(cell);
    document.setHtml(html + QStringLiteral("</tr></table>"));
    document.setPageSize(QSizeF(width, 2000));
}

qreal overflow(const QTextDocument &document)
{
    return document.documentLayout()->frameBoundingRect(firstTable(document)).right() -
           (document.pageSize().width() - document.documentMargin());
}

} // namespace

// Tables break lines between words; a word opens to breaks only when the table would not fit
// the page otherwise, and then only that word.
class TestTableWordWrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTableThatFitsIsLeftAsItIs()
    {
        QTextDocument document;
        load(document, {QStringLiteral("Expected"), QStringLiteral("practitioner")}, 600);
        TableWordWrap::apply(document);
        QCOMPARE(cellText(firstTable(document), 0, 0), QStringLiteral("Expected"));
        QCOMPARE(cellText(firstTable(document), 0, 1), QStringLiteral("practitioner"));
        QCOMPARE(document.defaultTextOption().wrapMode(), QTextOption::WordWrap);
    }

    void onlyAWordLongerThanThePageAllowsOpens()
    {
        QTextDocument document;
        const QString code = QString(120, QLatin1Char('x'));
        load(document,
             {QStringLiteral("Expected rows"), QStringLiteral("practitioner"),
              QStringLiteral("LANR-") + code},
             400);
        QVERIFY(QFontMetricsF(document.defaultFont()).horizontalAdvance(code) > 400);
        TableWordWrap::apply(document);
        // As far as the same table without text reaches (its margin and borders), no further.
        QTextDocument empty;
        load(empty, {QString(), QString(), QString()}, 400);
        QVERIFY2(
            overflow(document) <= overflow(empty) + 0.5,
            qPrintable(QStringLiteral("%1 > %2").arg(overflow(document)).arg(overflow(empty))));
        QTextTable *table = firstTable(document);
        QCOMPARE(cellText(table, 0, 0), QStringLiteral("Expected rows"));
        QCOMPARE(cellText(table, 0, 1), QStringLiteral("practitioner"));
        const QString opened = cellText(table, 0, 2);
        QVERIFY(opened.contains(kBreak));
        QCOMPARE(QString(opened).remove(kBreak), QStringLiteral("LANR-") + code);
        // "LANR-" may break after its hyphen as it is; only the run of x has to open.
        QVERIFY2(opened.startsWith(QStringLiteral("LANR-x") + kBreak + QLatin1Char('x')),
                 qPrintable(opened.left(12)));
    }

    void aParagraphOpensOnlyAWordWiderThanThePage()
    {
        QTextDocument document;
        const QString path = QStringLiteral("sqlite:/") + QString(150, QLatin1Char('d'));
        document.setHtml(QStringLiteral("<p>Target %1 and practitioner</p>").arg(path));
        document.setPageSize(QSizeF(400, 2000));
        TableWordWrap::apply(document);
        const QString text = document.begin().text();
        QVERIFY(text.startsWith(QStringLiteral("Target sqlite:/d") + kBreak));
        QVERIFY(text.endsWith(QStringLiteral(" and practitioner")));
        QCOMPARE(QString(text).remove(kBreak),
                 QStringLiteral("Target %1 and practitioner").arg(path));
    }
};

QTEST_MAIN(TestTableWordWrap)
#include "tst_tablewordwrap.moc"
