#include "PdfReportWriter.h"
#include "ReportFixture.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

using namespace cutover;
using cutover::test::ReportFixture;

namespace {

QList<QTextTable *> tablesOf(const QTextDocument &document)
{
    QList<QTextTable *> found;
    QList<QTextFrame *> frames = {document.rootFrame()};
    while (!frames.isEmpty()) {
        QTextFrame *frame = frames.takeFirst();
        if (auto *table = qobject_cast<QTextTable *>(frame))
            found.append(table);
        frames.append(frame->childFrames());
    }
    return found;
}

// The character of text next to i in direction step, past zero width spaces.
QChar near(const QString &text, qsizetype i, int step)
{
    while (i >= 0 && i < text.size() && text.at(i) == QChar(0x200b))
        i += step;
    return i >= 0 && i < text.size() ? text.at(i) : QChar(u' ');
}

// The lines of the tables' cells that end inside a word: "Expect|ed".
QStringList splitWords(const QTextDocument &document)
{
    QStringList split;
    for (const QTextTable *table : tablesOf(document))
        for (int row = 0; row < table->rows(); ++row)
            for (int column = 0; column < table->columns(); ++column)
                for (auto it = table->cellAt(row, column).begin(); !it.atEnd(); ++it) {
                    const QTextBlock block = it.currentBlock();
                    if (!block.isValid())
                        continue; // a table inside the cell: visited on its own
                    const QTextLayout *layout = block.layout();
                    const QString text = block.text();
                    for (int i = 0; i + 1 < layout->lineCount(); ++i) {
                        const QTextLine line = layout->lineAt(i);
                        const qsizetype end = line.textStart() + line.textLength();
                        if (near(text, end - 1, -1).isLetterOrNumber() &&
                            near(text, end, 1).isLetterOrNumber())
                            split.append(text.left(end) + QLatin1Char('|') + text.mid(end));
                    }
                }
    return split;
}

} // namespace

// The PDF export on the offscreen platform: a real PDF file, several A4 pages (a page per
// table), written atomically.
class TestPdfReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAPdf()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("report.pdf"));
        const ReconcileReport report = ReportFixture::report();
        auto written = PdfReportWriter::write(file, report, ReportComparison(report));
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 1024);
        QVERIFY(bytes.contains("/MediaBox [0 0 595")); // A4: 595 x 842 points
        // The summary, then a page per table.
        QRegularExpressionMatchIterator page =
            QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))
                .globalMatch(QString::fromLatin1(bytes));
        int count = 0;
        for (; page.hasNext(); page.next())
            ++count;
        QVERIFY2(count >= 3, qPrintable(QString::number(count)));
    }

    // The summary's table of 12 columns and the profiles' of 9 on A4: every cell breaks its
    // lines between words, and every table stays on the page.
    void cellsBreakBetweenWordsOnly()
    {
        const ReconcileReport report = ReportFixture::report();
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter pdf(&buffer);
        QTextDocument document;
        PdfReportWriter::layOut(document, pdf, report, ReportComparison(report));
        QVERIFY(tablesOf(document).size() > 5);
        const QStringList split = splitWords(document);
        QVERIFY2(split.isEmpty(), qPrintable(split.join(QStringLiteral("\n"))));
        // Collapsed borders may reach a little into the page's margin, never a millimetre.
        const qreal right = document.pageSize().width() + pdf.resolution() / 25.4;
        for (QTextTable *table : tablesOf(document)) {
            const QRectF box = document.documentLayout()->frameBoundingRect(table);
            QVERIFY2(
                box.right() <= right,
                qPrintable(QStringLiteral("%1 > %2: %3")
                               .arg(box.right())
                               .arg(right)
                               .arg(table->cellAt(0, 0).firstCursorPosition().block().text())));
        }
    }

    void unwritableFileIsAnError()
    {
        auto written = PdfReportWriter::write(QStringLiteral("/nonexistent/dir/report.pdf"),
                                              ReportFixture::report());
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code(), Error::Code::Io);
    }
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
