#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;

// cutover-cli preview on the demo (200 patients), as a user runs it.
class TstCliPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    CliRunner::Outcome preview(const QStringList &arguments)
    {
        return CliRunner::run(QStringList{QStringLiteral("preview"), m_project} + arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto made = CliRunner::run({QStringLiteral("demo"), m_dir.path(),
                                          QStringLiteral("--rows"), QStringLiteral("200")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("demo.cutover"));
    }

    void sideBySideWithViolations()
    {
        const auto r = preview({QStringLiteral("--table"), QStringLiteral("patient"),
                                QStringLiteral("--rows"), QStringLiteral("20")});
        QCOMPARE(r.exitCode, 1); // the demo's early rows include blocking dirt
        QVERIFY(r.out.contains(QStringLiteral("Preview of patient from PATIENTS")));
        QVERIFY(r.out.contains(QStringLiteral("PAT_NAME")));
        QVERIFY(r.out.contains(QStringLiteral(" | ")));
        QVERIFY(r.out.contains(QStringLiteral("full_name")));
        QVERIFY(r.out.contains(QStringLiteral("! full_name: patient-name-required")));
        QVERIFY(r.out.contains(QStringLiteral("! status: lookup")));
        QVERIFY(r.out.contains(QStringLiteral("20 row(s) previewed")));
    }

    void cleanRowsExitZero()
    {
        const auto r = preview({QStringLiteral("--table"), QStringLiteral("patient"),
                                QStringLiteral("--filter"), QStringLiteral("PAT_ID = 1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("1 row(s) previewed")));
        QVERIFY(r.out.contains(QStringLiteral("0 would be quarantined")));
    }

    void jsonParses()
    {
        const auto r =
            preview({QStringLiteral("--table"), QStringLiteral("patient"), QStringLiteral("--rows"),
                     QStringLiteral("10"), QStringLiteral("--sample"), QStringLiteral("random"),
                     QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY(r.exitCode == 0 || r.exitCode == 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("table")).toString(), QStringLiteral("patient"));
        QCOMPARE(root.value(QStringLiteral("sample"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("random"));
        const QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 10);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(QStringLiteral("target")).toArray().size(),
                 root.value(QStringLiteral("targetColumns")).toArray().size());
        QCOMPARE(row.value(QStringLiteral("status")).toArray().size(),
                 root.value(QStringLiteral("targetColumns")).toArray().size());
        QCOMPARE(r.exitCode == 1, root.value(QStringLiteral("blockedRows")).toInt() > 0);
    }

    void edgeSampleLabelsRows()
    {
        const auto r =
            preview({QStringLiteral("--table"), QStringLiteral("patient"), QStringLiteral("--rows"),
                     QStringLiteral("15"), QStringLiteral("--sample"), QStringLiteral("edge")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("not in lookup 'patient_status'")));
        QVERIFY(r.out.contains(QStringLiteral("NULL in PAT_NAME")));
    }

    void usageErrors()
    {
        QCOMPARE(preview({}).exitCode, 2); // no --table
        QCOMPARE(preview({QStringLiteral("--table"), QStringLiteral("patient"),
                          QStringLiteral("--sample"), QStringLiteral("bogus")})
                     .exitCode,
                 2);
        QCOMPARE(preview({QStringLiteral("--table"), QStringLiteral("patient"),
                          QStringLiteral("--rows"), QStringLiteral("0")})
                     .exitCode,
                 2);
        QCOMPARE(preview({QStringLiteral("--table"), QStringLiteral("nope")}).exitCode, 2);
    }

    void cannotRead()
    {
        const auto missing = CliRunner::run({QStringLiteral("preview"),
                                             m_dir.filePath(QStringLiteral("missing.cutover")),
                                             QStringLiteral("--table"), QStringLiteral("patient")});
        QCOMPARE(missing.exitCode, 3);
        const auto badFilter =
            preview({QStringLiteral("--table"), QStringLiteral("patient"),
                     QStringLiteral("--filter"), QStringLiteral("NO_SUCH_COLUMN = 1")});
        QCOMPARE(badFilter.exitCode, 3);
        QVERIFY(badFilter.err.contains(QStringLiteral("NO_SUCH_COLUMN")));
    }
};

QTEST_GUILESS_MAIN(TstCliPreview)
#include "tst_cli_preview.moc"
