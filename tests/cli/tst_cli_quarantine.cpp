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

// cutover-cli quarantine shows each refused value as SQL writes it: text in quotes with '
// doubled, NULL and bytes as literals, long values cut with their size outside the quotes; and
// a ledger written before values had a form still reads that way.
class TestCliQuarantine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString projectPath() const { return m_dir.filePath(QStringLiteral("ages.cutover")); }
    QString targetPath() const { return m_dir.filePath(QStringLiteral("new.db")); }

    void writeProject()
    {
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", "ages"},
            {"source", "old"},
            {"target", "new"},
            {"connections", QJsonArray{QJsonObject{{"name", "old"}, {"url", "sqlite:old.db"}},
                                       QJsonObject{{"name", "new"}, {"url", "sqlite:new.db"}}}},
            {"mappings",
             QJsonArray{QJsonObject{
                 {"source", "person"},
                 {"target", "person"},
                 {"mode", "insert"},
                 {"columns",
                  QJsonArray{QJsonObject{{"target", "id"}, {"expression", "id"}},
                             QJsonObject{{"target", "age"}, {"expression", "to_int(age)"}}}}}}}};
        QFile file(projectPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
    }

    QString quarantineText()
    {
        const auto outcome =
            CliRunner::run({QStringLiteral("quarantine"), projectPath()}, m_dir.path());
        if (outcome.exitCode != 0)
            qWarning() << outcome.out << outcome.err;
        return outcome.out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(SqliteFile::create(
                     m_dir.filePath(QStringLiteral("old.db")),
                     {QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY KEY, age)"),
                      QStringLiteral("INSERT INTO person VALUES (1, 'O''Brien'), "
                                     "(2, printf('%.*c', 300, 'z')), "
                                     "(3, CAST(printf('%.*c', 300, 'f') AS BLOB)), (4, NULL), "
                                     "(5, 42)")}),
                 QString());
        QCOMPARE(SqliteFile::create(targetPath(),
                                    {QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY "
                                                    "KEY, age INTEGER NOT NULL)")}),
                 QString());
        writeProject();
        const auto run =
            CliRunner::run({QStringLiteral("run"), projectPath(), QStringLiteral("--no-backup"),
                            QStringLiteral("--progress"), QStringLiteral("plain")},
                           m_dir.path());
        QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err)); // 4 of 5 rows refused
    }

    void valuesReadAsSqlWritesThem()
    {
        const QString out = quarantineText();
        const QString z200 = QString(200, QLatin1Char('z'));
        const QString f100 = QString(200, QLatin1Char('6'));
        for (const QString &value : {QStringLiteral("; value 'O''Brien'\n"),
                                     QStringLiteral("; value '%1…' (300 characters)\n").arg(z200),
                                     QStringLiteral("; value x'%1…' (300 bytes)\n").arg(f100),
                                     QStringLiteral("; value NULL\n")})
            QVERIFY2(out.contains(value), qPrintable(value + QLatin1Char('\n') + out));
        QVERIFY2(!out.contains(QLatin1String("'x'")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("'NULL'")), qPrintable(out));

        const auto json = CliRunner::run(
            {QStringLiteral("quarantine"), projectPath(), QStringLiteral("--json")}, m_dir.path());
        QCOMPARE(json.exitCode, 0);
        QStringList forms;
        for (const QJsonValue &row :
             QJsonDocument::fromJson(json.out.toUtf8())[QStringLiteral("rows")].toArray())
            forms.append(
                row[QStringLiteral("violations")][0][QStringLiteral("valueForm")].toString());
        QCOMPARE(forms, (QStringList{QStringLiteral("text"), QStringLiteral("literal"),
                                     QStringLiteral("literal"), QStringLiteral("literal")}));
    }

    void aLedgerWithoutFormsStillReads()
    {
        // As a ledger written before violations had a valueForm holds them.
        const QString old =
            QStringLiteral(R"([{"kind":"function","column":"age","source":"to_int","value":"%1",)"
                           R"("reason":"old","blocking":true}])");
        const auto update = [&](int id, const char *value) {
            return QStringLiteral("UPDATE cutover_quarantine SET violations = '%1' WHERE "
                                  "source_key = '[%2]'")
                .arg(QString(old).arg(QLatin1String(value)))
                .arg(id);
        };
        QCOMPARE(SqliteFile::create(targetPath(), {update(1, "O''Brien"), update(3, "x''6666''"),
                                                   update(4, "NULL")}),
                 QString());
        QCOMPARE(SqliteFile::scalar(targetPath(),
                                    QStringLiteral("SELECT count(*) FROM cutover_quarantine "
                                                   "WHERE violations LIKE '%valueForm%'")),
                 QStringLiteral("1"));
        const QString out = quarantineText();
        for (const char *value :
             {"old; value 'O''Brien'\n", "old; value x'6666'\n", "old; value NULL\n"})
            QVERIFY2(out.contains(QLatin1String(value)), qPrintable(value + out));
    }
};

QTEST_GUILESS_MAIN(TestCliQuarantine)
#include "tst_cli_quarantine.moc"
