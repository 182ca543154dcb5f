#include "PdfReportWriter.h"
#include "ReportFixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::ReportFixture;

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
