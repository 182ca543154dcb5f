#include "CliRunner.h"
#include "SqliteFile.h"
#include "connect/csv/CsvReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;
using cutover::test::SqliteFile;

// Every quarantined row is kept, listed, exported and retried, whatever its source key: here the
// key is a natural one (code) that three bad rows leave NULL and two bad rows share.
class TestCliQuarantineKeys : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    static QString why(const CliRunner::Outcome &run)
    {
        return QStringLiteral("exit %1\nout: %2\nerr: %3").arg(run.exitCode).arg(run.out, run.err);
    }

    QString source() const { return m_dir.filePath(QStringLiteral("source.db")); }
    QString target() const { return m_dir.filePath(QStringLiteral("target.db")); }

    CliRunner::Outcome cli(const QStringList &arguments) const
    {
        return CliRunner::run(arguments, m_dir.path());
    }

    QJsonArray quarantined() const
    {
        const auto listed =
            cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--json")});
        return QJsonDocument::fromJson(listed.out.toUtf8())
            .object()[QStringLiteral("rows")]
            .toArray();
    }

    // The source ids of rows, sorted.
    static QList<qint64> ids(const QJsonArray &rows)
    {
        QList<qint64> found;
        for (const QJsonValue &row : rows)
            found.append(row[QStringLiteral("rawValues")][QStringLiteral("id")].toInteger());
        std::sort(found.begin(), found.end());
        return found;
    }

    static const QList<qint64> &badIds()
    {
        static const QList<qint64> ids = {3, 5, 7, 8, 9};
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString table =
            QStringLiteral("CREATE TABLE item (id INTEGER PRIMARY KEY, code TEXT, name TEXT)");
        QCOMPARE(SqliteFile::create(
                     source(),
                     {table, QStringLiteral("INSERT INTO item VALUES (1, 'A1', 'one'), (2, 'A2', "
                                            "'two'), (3, NULL, NULL), (4, 'A4', 'four'), (5, "
                                            "NULL, NULL), (6, 'A6', 'six'), (7, NULL, NULL), (8, "
                                            "'DUP', NULL), (9, 'DUP', NULL), (10, 'A10', 'ten')")}),
                 QString());
        QCOMPARE(SqliteFile::create(target(), {table}), QString());
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", "items"},
            {"source", "old"},
            {"target", "new"},
            {"connections", QJsonArray{QJsonObject{{"name", "old"}, {"url", "sqlite:source.db"}},
                                       QJsonObject{{"name", "new"}, {"url", "sqlite:target.db"}}}},
            {"mappings",
             QJsonArray{QJsonObject{
                 {"source", "item"},
                 {"target", "item"},
                 {"sourceKey", "code"},
                 {"mode", "insert"},
                 {"columns",
                  QJsonArray{QJsonObject{{"target", "id"}, {"expression", "id"}},
                             QJsonObject{{"target", "code"}, {"expression", "code"}},
                             QJsonObject{{"target", "name"}, {"expression", "name"}}}}}}},
            {"rules", QJsonArray{QJsonObject{{"name", "item-name-required"},
                                             {"table", "item"},
                                             {"column", "name"},
                                             {"kind", "not-null"},
                                             {"severity", "blocking"}}}},
            {"settings", QJsonObject{{"maxErrorRate", 1}}}};
        m_project = m_dir.filePath(QStringLiteral("items.cutover"));
        QFile file(m_project);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
    }

    void everyRowIsKeptAndListed()
    {
        const auto run = cli({QStringLiteral("run"), m_project});
        QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
        QCOMPARE(SqliteFile::scalar(target(), QStringLiteral("SELECT count(*) FROM item")),
                 QStringLiteral("5"));
        QCOMPARE(
            SqliteFile::scalar(target(), QStringLiteral("SELECT count(*) FROM cutover_quarantine")),
            QStringLiteral("5"));

        const QJsonArray rows = quarantined();
        QCOMPARE(ids(rows), badIds());
        QStringList keys;
        for (const QJsonValue &row : rows)
            keys.append(row[QStringLiteral("sourceKey")].toString());
        QCOMPARE(keys.count(QStringLiteral("[null]")), 3);
        QCOMPARE(keys.count(QStringLiteral("[\"DUP\"]")), 2);

        const auto text = cli({QStringLiteral("quarantine"), m_project});
        QVERIFY2(text.out.contains(QStringLiteral("5 quarantined rows")), qPrintable(why(text)));
    }

    void everyRowIsExported()
    {
        const QString csv = m_dir.filePath(QStringLiteral("quarantine.csv"));
        const auto exported =
            cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--export"), csv});
        QVERIFY2(exported.exitCode == 0, qPrintable(why(exported)));
        cutover::CsvReader reader;
        QVERIFY(reader.open(csv).ok());
        const qsizetype id = reader.columnNames().indexOf(QStringLiteral("id"));
        QVERIFY(id >= 0);
        QList<qint64> found;
        cutover::CsvRecord record;
        while (reader.readRecord(record))
            found.append(record.fields.at(id).toLongLong());
        std::sort(found.begin(), found.end());
        QCOMPARE(found, badIds());
    }

    // Once the source is fixed, a retry loads all five, and marks every one of them.
    void everyRowIsRetried()
    {
        QCOMPARE(SqliteFile::create(source(), {QStringLiteral("UPDATE item SET name = 'fixed ' "
                                                              "|| id WHERE name IS NULL")}),
                 QString());
        const auto retry =
            cli({QStringLiteral("run"), m_project, QStringLiteral("--retry-quarantined"),
                 QStringLiteral("--progress"), QStringLiteral("json")});
        QVERIFY2(retry.exitCode == 0, qPrintable(why(retry)));
        QCOMPARE(SqliteFile::scalar(target(), QStringLiteral("SELECT group_concat(id) FROM (SELECT "
                                                             "id FROM item WHERE name LIKE "
                                                             "'fixed %' ORDER BY id)")),
                 QStringLiteral("3,5,7,8,9"));
        const QJsonArray rows = quarantined();
        QCOMPARE(rows.size(), 5);
        for (const QJsonValue &row : rows)
            QVERIFY2(!row[QStringLiteral("retriedInRun")].toString().isEmpty(),
                     qPrintable(QJsonDocument(row.toObject()).toJson()));
        const auto runs = cli({QStringLiteral("runs"), m_project, QStringLiteral("--json")});
        const QJsonObject table = QJsonDocument::fromJson(runs.out.toUtf8())
                                      .object()[QStringLiteral("runs")]
                                      .toArray()
                                      .first()[QStringLiteral("tables")]
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(table[QStringLiteral("loaded")].toInteger(), 5);
        QVERIFY(table[QStringLiteral("balances")].toBool());
    }
};

QTEST_GUILESS_MAIN(TestCliQuarantineKeys)
#include "tst_cli_quarantinekeys.moc"
