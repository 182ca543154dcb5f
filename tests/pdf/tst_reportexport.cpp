// ReportExport, the rendering cutover-cli and the window's report viewer share: the format of a
// name or a file, and each of the four formats written whole to a file, atomically.
#include "ReportExport.h"
#include "ReportFixture.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::ReportFixture;
using Format = ReportExport::Format;

class TestReportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsByNameAndFile()
    {
        QCOMPARE(ReportExport::parse(QStringLiteral(" MD ")), Format::Markdown);
        QCOMPARE(ReportExport::parse(QStringLiteral("htm")), Format::Html);
        QVERIFY(!ReportExport::parse(QStringLiteral("xml")));
        QCOMPARE(ReportExport::fromFileName(QStringLiteral("/tmp/r.PDF")), Format::Pdf);
        QVERIFY(!ReportExport::fromFileName(QStringLiteral("report")));
        QCOMPARE(ReportExport::formats().size(), 4);
        for (const Format format : ReportExport::formats())
            QCOMPARE(ReportExport::parse(ReportExport::suffix(format)), format);
    }

    void everyFormatWritten()
    {
        QTemporaryDir dir;
        const ReconcileReport report = ReportFixture::report();
        for (const Format format : ReportExport::formats()) {
            const QString file = dir.filePath(QStringLiteral("r.") + ReportExport::suffix(format));
            const auto written =
                ReportExport::write(file, format, report, ReportComparison(report));
            QVERIFY2(written.ok(),
                     qPrintable(written.ok() ? QString() : written.error().toString()));
            QFile in(file);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            switch (format) {
            case Format::Json:
                QCOMPARE(QJsonDocument::fromJson(bytes).object().value(QStringLiteral("reportId")),
                         report.reportId);
                break;
            case Format::Pdf:
                QVERIFY(bytes.startsWith("%PDF"));
                break;
            default:
                QVERIFY(bytes.contains("patient"));
                QVERIFY(bytes.contains("Since previous report"));
            }
        }
        const auto refused = ReportExport::write(dir.filePath(QStringLiteral("no/such/dir/r.md")),
                                                 Format::Markdown, report);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), Error::Code::Io);
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
