#include "CliRunner.h"
#include "SqliteFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;
using cutover::test::SqliteFile;

namespace {

const QStringList kTables = {QStringLiteral("practitioner"), QStringLiteral("patient"),
                             QStringLiteral("encounter"), QStringLiteral("observation"),
                             QStringLiteral("invoice")};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject tableOf(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &t : report.value(QStringLiteral("tables")).toArray())
        if (t.toObject().value(QStringLiteral("table")).toString() == name)
            return t.toObject();
    return {};
}

} // namespace

// cutover-cli reconcile and reports as a user runs them on the demo: a clean run passes, rows
// deleted from the target are found, every export is written, reports are kept and listed.
class TestCliReconcile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_project;
    QString m_target;

    QString file(const QString &name) const { return m_root.filePath(name); }

    CliRunner::Outcome reconcile(const QStringList &extra)
    {
        return CliRunner::run(QStringList{QStringLiteral("reconcile"), m_project} + extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = m_root.filePath(QStringLiteral("demo"));
        const auto made = CliRunner::run(
            {QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("200")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        m_project = dir + QStringLiteral("/demo.cutover");
        m_target = dir + QStringLiteral("/modern.sqlite");
        const auto run = CliRunner::run({QStringLiteral("run"), m_project});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    }

    void cleanRunPasses()
    {
        const auto outcome = reconcile({QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err + outcome.out.left(2000)));
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(outcome.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        QVERIFY(!report.value(QStringLiteral("runId")).toString().isEmpty());
        QCOMPARE(report.value(QStringLiteral("tables")).toArray().size(), kTables.size());
        for (const QString &name : kTables) {
            const QJsonObject t = tableOf(report, name);
            QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
            for (const char *key : {"sourceRows", "expectedRows", "targetRows", "matched",
                                    "missing", "extra", "modified", "quarantined", "skipped"})
                QVERIFY2(t.value(QLatin1String(key)).isDouble(), key);
            QCOMPARE(t.value(QStringLiteral("missing")).toInt(), 0);
            QCOMPARE(t.value(QStringLiteral("extra")).toInt(), 0);
            QCOMPARE(t.value(QStringLiteral("modified")).toInt(), 0);
            QCOMPARE(t.value(QStringLiteral("matched")).toInt(),
                     t.value(QStringLiteral("targetRows")).toInt());
        }
        QVERIFY2(outcome.err.contains(QStringLiteral("patient")),
                 qPrintable(outcome.err)); // progress
    }

    void summaryAndHtmlFile()
    {
        const QString html = file(QStringLiteral("report.html"));
        const auto outcome = reconcile({QStringLiteral("-o"), html});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err + outcome.out));
        QVERIFY(outcome.out.contains(QStringLiteral("Overall: PASS")));
        QVERIFY(outcome.out.contains(QStringLiteral("patient")));
        const QByteArray bytes = readFile(html);
        QVERIFY(bytes.startsWith("<!DOCTYPE html>"));
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("Migration Reconciliation Report"));
    }

    void pdfFile()
    {
        const QString pdf = file(QStringLiteral("r.pdf"));
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // the CLI picks offscreen itself
        const auto outcome =
            CliRunner::run({QStringLiteral("reconcile"), m_project, QStringLiteral("--format"),
                            QStringLiteral("pdf"), QStringLiteral("-o"), pdf},
                           {}, environment);
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err + outcome.out));
        const QByteArray bytes = readFile(pdf);
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 1024);
    }

    void usageErrors()
    {
        QCOMPARE(reconcile({QStringLiteral("--format"), QStringLiteral("pdf")}).exitCode, 2);
        QCOMPARE(reconcile({QStringLiteral("--format"), QStringLiteral("xml")}).exitCode, 2);
        QCOMPARE(reconcile({QStringLiteral("--method"), QStringLiteral("fast")}).exitCode, 2);
        QCOMPARE(reconcile({QStringLiteral("--sample"), QStringLiteral("-1")}).exitCode, 2);
        QCOMPARE(reconcile({QStringLiteral("-o"), file(QStringLiteral("report.txt"))}).exitCode, 2);
        QCOMPARE(reconcile({QStringLiteral("--run"), QStringLiteral("no-such-run")}).exitCode, 2);
        const auto missing =
            CliRunner::run({QStringLiteral("reconcile"), file(QStringLiteral("missing.cutover"))});
        QCOMPARE(missing.exitCode, 3);
    }

    // A project loaded phase by phase: after the first wave the summary says which rows it
    // expected and passes; --whole expects every row and finds the other wave's missing.
    void phasedLoadIsReconciledSoFar()
    {
        const QString dir = m_root.filePath(QStringLiteral("phased"));
        QCOMPARE(CliRunner::run(
                     {QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("500")})
                     .exitCode,
                 0);
        const QString project = dir + QStringLiteral("/demo.cutover");
        for (const char *phase : {"reference-data", "wave-1"}) {
            const auto run = CliRunner::run(
                {QStringLiteral("run"), project, QStringLiteral("--phase"), QLatin1String(phase)});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        }
        const auto soFar = CliRunner::run({QStringLiteral("reconcile"), project});
        QVERIFY2(soFar.exitCode == 0, qPrintable(soFar.err + soFar.out));
        QVERIFY2(soFar.out.contains(QStringLiteral(
                     "Expected rows of phases reference-data, wave-1 (wave-2 not loaded yet)")),
                 qPrintable(soFar.out));
        const auto whole =
            CliRunner::run({QStringLiteral("reconcile"), project, QStringLiteral("--whole"),
                            QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(whole.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(whole.out.toUtf8()).object();
        QVERIFY(!report.contains(QStringLiteral("phases")));
        QVERIFY(
            tableOf(report, QStringLiteral("encounter")).value(QStringLiteral("missing")).toInt() >
            0);
    }

    void deletedRowsAreMissing()
    {
        const QString before =
            SqliteFile::scalar(m_target, QStringLiteral("SELECT COUNT(*) FROM observation"));
        QCOMPARE(SqliteFile::create(m_target, {QStringLiteral("DELETE FROM observation WHERE id IN "
                                                              "(SELECT id FROM observation ORDER "
                                                              "BY id LIMIT 3)")}),
                 QString());
        QCOMPARE(SqliteFile::scalar(m_target, QStringLiteral("SELECT COUNT(*) FROM observation"))
                     .toInt(),
                 before.toInt() - 3);
        const auto outcome = reconcile({QStringLiteral("--format"), QStringLiteral("json"),
                                        QStringLiteral("--table"), QStringLiteral("observation")});
        QCOMPARE(outcome.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(outcome.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        QCOMPARE(report.value(QStringLiteral("tables")).toArray().size(), 1);
        const QJsonObject t = tableOf(report, QStringLiteral("observation"));
        QCOMPARE(t.value(QStringLiteral("missing")).toInt(), 3);
        QCOMPARE(t.value(QStringLiteral("extra")).toInt(), 0);
        QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        QCOMPARE(t.value(QStringLiteral("samples"))
                     .toObject()
                     .value(QStringLiteral("missing"))
                     .toArray()
                     .size(),
                 3);
        const auto summary = reconcile({QStringLiteral("--no-store")});
        QCOMPARE(summary.exitCode, 1);
        QVERIFY(summary.out.contains(QStringLiteral("Overall: FAIL")));
        QVERIFY(summary.out.contains(QStringLiteral("3 missing")));
    }

    void reportsAreStoredAndListed()
    {
        const auto list =
            CliRunner::run({QStringLiteral("reports"), m_project, QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QJsonArray reports = QJsonDocument::fromJson(list.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("reports"))
                                       .toArray();
        // json, html, pdf and the failing one; not the --no-store one.
        QCOMPARE(reports.size(), 4);
        QCOMPARE(reports.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("fail"));
        const QString newest =
            reports.at(0).toObject().value(QStringLiteral("reportId")).toString();
        const auto text = CliRunner::run({QStringLiteral("reports"), m_project});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(newest));
        QCOMPARE(text.out.count(QStringLiteral("Pass")), 3);

        const auto shown =
            CliRunner::run({QStringLiteral("reports"), m_project, QStringLiteral("--show"),
                            newest.left(8), QStringLiteral("--format"), QStringLiteral("md")});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QVERIFY(shown.out.startsWith(QStringLiteral("# Migration Reconciliation Report")));
        QVERIFY(shown.out.contains(QStringLiteral("Since previous report")));
        QVERIFY(shown.out.contains(QStringLiteral("missing +3")));
        const QString pdf = file(QStringLiteral("again.pdf"));
        const auto again =
            CliRunner::run({QStringLiteral("reports"), m_project, QStringLiteral("--show"), newest,
                            QStringLiteral("-o"), pdf});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(readFile(pdf).startsWith("%PDF"));
        QCOMPARE(CliRunner::run({QStringLiteral("reports"), m_project, QStringLiteral("--show"),
                                 QStringLiteral("zzzz")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliReconcile)
#include "tst_cli_reconcile.moc"
