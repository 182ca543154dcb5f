#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;

// cutover-cli runbook PROJECT --export and status-update as a stakeholder's engineer runs them
// on the demo, a rehearsal under way: the first steps done (two of them automated, so the
// target has a run), the wave-1 run started.
class TestCliRunbookExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_project;

    QString file(const QString &name) const { return m_root.filePath(name); }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    CliRunner::Outcome runbook(const QStringList &arguments) const
    {
        return CliRunner::run(QStringList{QStringLiteral("runbook"), m_project} + arguments);
    }

    void step(const QStringList &arguments) const
    {
        const auto outcome = runbook(arguments);
        QVERIFY2(outcome.exitCode == 0,
                 qPrintable(arguments.join(QLatin1Char(' ')) + QLatin1Char('\n') + outcome.err));
    }

    static void verifyPdf(const QByteArray &pdf, int minimumPages)
    {
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY2(pdf.trimmed().endsWith("%%EOF"), "the PDF is cut short");
        QVERIFY2(pdf.size() > 10000, QByteArray::number(pdf.size()).constData());
        QVERIFY2(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") +
                         pdf.count("/Type /Page/") >=
                     minimumPages,
                 "too few pages");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString dir = m_root.filePath(QStringLiteral("demo"));
        const auto made = CliRunner::run(
            {QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("200")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        m_project = dir + QStringLiteral("/demo.cutover");
        step({QStringLiteral("start"), QStringLiteral("--rehearsal")});
        step({QStringLiteral("step"), QStringLiteral("freeze"), QStringLiteral("start")});
        step({QStringLiteral("step"), QStringLiteral("freeze"), QStringLiteral("done"),
              QStringLiteral("--note"), QStringLiteral("<b>read-only</b> & | go")});
        step({QStringLiteral("step"), QStringLiteral("notify-stakeholders"),
              QStringLiteral("done")});
        step({QStringLiteral("run"), QStringLiteral("backup-target")});
        step({QStringLiteral("run"), QStringLiteral("dry-run")});
        step({QStringLiteral("step"), QStringLiteral("review-quarantine"), QStringLiteral("done")});
        step({QStringLiteral("run"), QStringLiteral("load-reference-data")});
        step({QStringLiteral("step"), QStringLiteral("run-wave-1"), QStringLiteral("start")});
    }

    void exportsMarkdown()
    {
        const auto outcome = runbook({QStringLiteral("--export"), QStringLiteral("md"),
                                      QStringLiteral("-o"), file(QStringLiteral("runbook.md"))});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY(outcome.out.contains(QLatin1String("Wrote the runbook to")));
        const QString md = QString::fromUtf8(readAll(file(QStringLiteral("runbook.md"))));
        QVERIFY2(md.startsWith(QStringLiteral("# Runbook \u2014 Clinic demo\n")), qPrintable(md));
        QVERIFY(md.contains(QLatin1String("Phased strategy")));
        QVERIFY(
            md.contains(QStringLiteral("| \u2713 Done | **Freeze changes to the legacy system**")));
        QVERIFY(md.contains(QStringLiteral("| \u25b6 In progress | **Run wave 1 (Berlin)**")));
        QVERIFY(md.contains(QLatin1String("&lt;b&gt;read-only&lt;/b&gt; &amp; \\| go")));
        QVERIFY(md.contains(QLatin1String("Evidence: run ")));
        QVERIFY(md.contains(QLatin1String("## Rehearsals compared")));
    }

    void exportsMarkdownToStdout()
    {
        const auto outcome = runbook({QStringLiteral("--export"), QStringLiteral("md")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QVERIFY(outcome.out.startsWith(QLatin1String("# Runbook")));
    }

    void exportsHtml()
    {
        const QString path = file(QStringLiteral("runbook.html"));
        const auto outcome = runbook({QStringLiteral("--export=html"), QStringLiteral("-o"), path});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        const QString html = QString::fromUtf8(readAll(path));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(html.contains(QLatin1String("<style>")));
        QVERIFY(!html.contains(QLatin1String("<script")));
        QVERIFY(!html.contains(QLatin1String("src=")));
        QVERIFY(html.contains(QLatin1String("&lt;b&gt;read-only&lt;/b&gt; &amp; | go")));
        QVERIFY(!html.contains(QLatin1String("<b>read-only")));
        QVERIFY(html.contains(QLatin1String("<h2>Pre-migration</h2>")));
        QVERIFY(html.contains(QLatin1String("GREEN")) || html.contains(QLatin1String("AMBER")) ||
                html.contains(QLatin1String("RED")));
        QVERIFY(html.contains(QLatin1String("No sign-off from Clinical director yet")));
    }

    void exportsPdf()
    {
        const QString path = file(QStringLiteral("runbook.pdf"));
        const auto outcome = runbook(
            {QStringLiteral("--export"), QStringLiteral("pdf"), QStringLiteral("-o"), path});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        verifyPdf(readAll(path), 2);
    }

    void theFileNameSaysTheFormat()
    {
        const QString path = file(QStringLiteral("by-name.pdf"));
        const auto outcome = runbook({QStringLiteral("-o"), path});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        verifyPdf(readAll(path), 2);
    }

    void statusUpdateIsPlainTextByDefault()
    {
        const auto outcome = runbook({QStringLiteral("status-update")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        const QString text = outcome.out;
        QVERIFY2(
            text.startsWith(QLatin1String("Subject: [MIGRATION-Clinic demo] Rehearsal Status - ")),
            qPrintable(text));
        for (const char *part :
             {"\nStatus: In Progress", "\nPhase: Migration\n", "% complete (6 of 13 steps",
              "\nCompleted:\n- ",
              "\nCurrently In Progress:\n- Run wave 1 (Berlin) (Migration engineer) - ETA: ",
              "\nNext Steps:\n", "\nMetrics:\n- Records migrated: ", "(phase reference-data)",
              "- Error rate: ", "- Reconciliation: no report yet", "\nIssues/Risks:\n",
              "\nDowntime:\n- Planned: 480 minutes (the 8 h cutover window)\n- Actual: ",
              "\nNext Update: "})
            QVERIFY2(text.contains(QString::fromUtf8(part)),
                     qPrintable(QString::fromUtf8(part) + QLatin1String(" not in:\n") + text));
    }

    void statusUpdateInEachFormat()
    {
        const auto md = runbook({QStringLiteral("status-update"), QStringLiteral("--format"),
                                 QStringLiteral("md"), QStringLiteral("-o"),
                                 file(QStringLiteral("status.md"))});
        QVERIFY2(md.exitCode == 0, qPrintable(md.err));
        QVERIFY(
            readAll(file(QStringLiteral("status.md"))).startsWith("# \\[MIGRATION-Clinic demo\\]"));

        const auto html = runbook({QStringLiteral("status-update"), QStringLiteral("--format"),
                                   QStringLiteral("html"), QStringLiteral("-o"),
                                   file(QStringLiteral("status.html"))});
        QVERIFY2(html.exitCode == 0, qPrintable(html.err));
        const QByteArray page = readAll(file(QStringLiteral("status.html")));
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains("IN PROGRESS"));

        const auto pdf = runbook({QStringLiteral("status-update"), QStringLiteral("--format=pdf"),
                                  QStringLiteral("-o"), file(QStringLiteral("status.pdf"))});
        QVERIFY2(pdf.exitCode == 0, qPrintable(pdf.err));
        verifyPdf(readAll(file(QStringLiteral("status.pdf"))), 1);

        const auto text = runbook({QStringLiteral("status-update"), QStringLiteral("-o"),
                                   file(QStringLiteral("status.txt"))});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY(readAll(file(QStringLiteral("status.txt"))).startsWith("Subject: "));
    }

    void refusesWhatItCannotWrite_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("pdf to stdout")
            << QStringList{QStringLiteral("--export"), QStringLiteral("pdf")}
            << QStringLiteral("a PDF needs a file");
        QTest::newRow("unknown export")
            << QStringList{QStringLiteral("--export"), QStringLiteral("docx")}
            << QStringLiteral("--export is md, html or pdf");
        QTest::newRow("no format in the name")
            << QStringList{QStringLiteral("-o"), QStringLiteral("runbook.docx")}
            << QStringLiteral("--export is md, html or pdf");
        QTest::newRow("status update pdf to stdout")
            << QStringList{QStringLiteral("status-update"), QStringLiteral("--format"),
                           QStringLiteral("pdf")}
            << QStringLiteral("a PDF needs a file");
        QTest::newRow("unknown status update format")
            << QStringList{QStringLiteral("status-update"), QStringLiteral("--format"),
                           QStringLiteral("docx")}
            << QStringLiteral("--format is text, md, html or pdf, not 'docx'");
    }

    void refusesWhatItCannotWrite()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto outcome = runbook(arguments);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    }

    void helpSaysTheFormats()
    {
        const auto outcome = runbook({QStringLiteral("status-update"), QStringLiteral("--help")});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.out.contains(QLatin1String("--format")));
        QVERIFY(outcome.out.contains(QLatin1String("cutover-cli runbook status-update")));
    }
};

QTEST_GUILESS_MAIN(TestCliRunbookExport)
#include "tst_cli_runbookexport.moc"
