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

// cutover-cli over a SQLite source whose TEXT holds bytes that are not UTF-8: validate names an
// unknown encoding with its place, a run quarantines the rows with their bytes in hex and exits
// with a failed check, and after the mapping names the encoding a retry loads them and
// reconciliation passes.
class TestCliEncoding : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString projectPath() const { return m_dir.filePath(QStringLiteral("legacy.cutover")); }

    void writeProject(const QString &encoding)
    {
        QJsonObject name{{"target", "name"}, {"expression", "name"}};
        if (!encoding.isEmpty())
            name.insert(QStringLiteral("encoding"), encoding);
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", "legacy"},
            {"source", "legacy"},
            {"target", "modern"},
            {"connections", QJsonArray{QJsonObject{{"name", "legacy"}, {"url", "sqlite:old.db"}},
                                       QJsonObject{{"name", "modern"}, {"url", "sqlite:new.db"}}}},
            {"mappings",
             QJsonArray{QJsonObject{
                 {"source", "person"},
                 {"target", "person"},
                 {"mode", "insert"},
                 {"columns",
                  QJsonArray{QJsonObject{{"target", "id"}, {"expression", "id"}}, name}}}}}};
        QFile file(projectPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
    }

    CliRunner::Outcome cli(const QStringList &arguments)
    {
        return CliRunner::run(arguments, m_dir.path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(SqliteFile::create(
                     m_dir.filePath(QStringLiteral("old.db")),
                     {QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)"),
                      QStringLiteral("INSERT INTO person VALUES (1, CAST(x'426f6296' AS TEXT)), "
                                     "(2, CAST(x'52656ec32865' AS TEXT)), "
                                     "(3, CAST(x'618062' AS TEXT)), "
                                     "(4, CAST(x'efbbbf5a6f65' AS TEXT)), (5, 'Plain')")}),
                 QString());
        QCOMPARE(SqliteFile::create(
                     m_dir.filePath(QStringLiteral("new.db")),
                     {QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)")}),
                 QString());
    }

    void validateNamesAnUnknownEncodingWithItsPlace()
    {
        writeProject(QStringLiteral("cp9999"));
        const auto outcome = cli({QStringLiteral("validate"), projectPath()});
        QCOMPARE(outcome.exitCode, 1);
        // file:line:column of the encoding's value, as editors jump to it.
        QFile file(projectPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        qsizetype line = 0;
        while (line < lines.size() && !lines.at(line).contains("\"cp9999\""))
            ++line;
        const QString place = QStringLiteral("legacy.cutover:%1:%2: error: ")
                                  .arg(line + 1)
                                  .arg(lines.value(line).indexOf("\"cp9999\"") + 1);
        QVERIFY2(outcome.out.contains(place + QStringLiteral("mapping person, column name: "
                                                             "unknown encoding 'cp9999'")) &&
                     outcome.out.contains(QStringLiteral("[unknown-encoding]")),
                 qPrintable(place + QLatin1Char('\n') + outcome.out + outcome.err));
    }

    void invalidTextIsQuarantinedAndTheRunFails()
    {
        writeProject({});
        const auto run = cli({QStringLiteral("run"), projectPath(), QStringLiteral("--no-backup"),
                              QStringLiteral("--progress"), QStringLiteral("plain")});
        QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err)); // 3 of 5 rows: over 5%
        const auto quarantine = cli({QStringLiteral("quarantine"), projectPath()});
        QCOMPARE(quarantine.exitCode, 0);
        for (const char *reason : {"not valid UTF-8 at byte offset 3: 42 6f 62 96",
                                   "not valid UTF-8 at byte offset 3: 52 65 6e c3 28 65",
                                   "not valid UTF-8 at byte offset 1: 61 80 62"})
            QVERIFY2(quarantine.out.contains(QLatin1String(reason)), qPrintable(quarantine.out));
        // The bytes as a literal, once: not quoted again as if they were text.
        QVERIFY2(quarantine.out.contains(QLatin1String("; value x'426f6296'\n")),
                 qPrintable(quarantine.out));
        QVERIFY2(!quarantine.out.contains(QLatin1String("'x'")), qPrintable(quarantine.out));
        QCOMPARE(SqliteFile::scalar(m_dir.filePath(QStringLiteral("new.db")),
                                    QStringLiteral("SELECT group_concat(hex(name), ' ') FROM "
                                                   "(SELECT name FROM person ORDER BY id)")),
                 QStringLiteral("EFBBBF5A6F65 506C61696E"));
        const auto reconcile = cli({QStringLiteral("reconcile"), projectPath()});
        QVERIFY2(reconcile.exitCode == 1, qPrintable(reconcile.out + reconcile.err));
    }

    void aRetryAfterTheMappingNamesTheEncodingLoadsThem()
    {
        writeProject(QStringLiteral("cp1252"));
        const auto run = cli({QStringLiteral("run"), projectPath(), QStringLiteral("--no-backup"),
                              QStringLiteral("--retry-quarantined"), QStringLiteral("--progress"),
                              QStringLiteral("plain")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(SqliteFile::scalar(m_dir.filePath(QStringLiteral("new.db")),
                                    QStringLiteral("SELECT group_concat(hex(name), ' ') FROM "
                                                   "(SELECT name FROM person WHERE id <= 3 ORDER "
                                                   "BY id)")),
                 QStringLiteral("426F62E28093 52656EC3832865 61E282AC62"));
    }
};

QTEST_GUILESS_MAIN(TestCliEncoding)
#include "tst_cli_encoding.moc"
