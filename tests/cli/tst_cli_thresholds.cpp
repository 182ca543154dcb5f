#include "CliRunner.h"
#include "SqliteFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;
using cutover::test::SqliteFile;

// The rollback triggers as `cutover-cli run` applies them to a table of items whose bad rows (no
// name) are quarantined: a share is judged on the evidence of the rows it rests on, so one bad
// row of three loads while a large table with a clearly high share stops; --max-error-rate and
// --max-quarantined set the limits for one run; and a run a threshold stopped is continued by
// the next run instead of loading its rows a second time.
class TestCliThresholds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    static QString why(const CliRunner::Outcome &run)
    {
        return QStringLiteral("exit %1\nout: %2\nerr: %3")
            .arg(run.exitCode)
            .arg(run.out.right(3000), run.err);
    }

    // A project loading `rows` items, every badEvery-th without a name, into an empty target.
    QString project(const QString &name, int rows, int badEvery, const QJsonObject &settings = {})
    {
        const QString dir = m_root.filePath(name);
        QDir().mkpath(dir);
        const QString fill =
            QStringLiteral("INSERT INTO item WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT "
                           "i + 1 FROM n WHERE i < %1) SELECT i, CASE WHEN i % %2 = 0 THEN NULL "
                           "ELSE 'item ' || i END FROM n")
                .arg(rows)
                .arg(badEvery);
        const QString table =
            QStringLiteral("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)");
        if (!SqliteFile::create(dir + QStringLiteral("/source.db"), {table, fill}).isEmpty() ||
            !SqliteFile::create(dir + QStringLiteral("/target.db"), {table}).isEmpty())
            qFatal("cannot create the databases in %s", qPrintable(dir));
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", name},
            {"source", "old"},
            {"target", "new"},
            {"connections", QJsonArray{QJsonObject{{"name", "old"}, {"url", "sqlite:source.db"}},
                                       QJsonObject{{"name", "new"}, {"url", "sqlite:target.db"}}}},
            {"mappings",
             QJsonArray{QJsonObject{
                 {"source", "item"},
                 {"target", "item"},
                 {"mode", "insert"},
                 {"columns",
                  QJsonArray{QJsonObject{{"target", "id"}, {"expression", "id"}},
                             QJsonObject{{"target", "name"}, {"expression", "name"}}}}}}},
            {"rules", QJsonArray{QJsonObject{{"name", "item-name-required"},
                                             {"table", "item"},
                                             {"column", "name"},
                                             {"kind", "not-null"},
                                             {"severity", "blocking"}}}},
            {"settings", settings}};
        const QString path = dir + QStringLiteral("/items.cutover");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QString target(const QString &project)
    {
        return QFileInfo(project).absolutePath() + QStringLiteral("/target.db");
    }

    static qint64 count(const QString &project, const QString &sql)
    {
        return SqliteFile::scalar(target(project), sql).toLongLong();
    }

    static CliRunner::Outcome run(const QString &project, const QStringList &options = {})
    {
        return CliRunner::run(QStringList{QStringLiteral("run"), project,
                                          QStringLiteral("--batch-size"), QStringLiteral("1000")} +
                              options);
    }

    static QJsonArray history(const QString &project)
    {
        const auto runs =
            CliRunner::run({QStringLiteral("runs"), project, QStringLiteral("--json")});
        return QJsonDocument::fromJson(runs.out.toUtf8())
            .object()[QStringLiteral("runs")]
            .toArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_root.isValid()); }

    // 33% of three rows is no evidence that more than 5% of such rows go bad.
    void oneBadRowOfThreeLoads()
    {
        const QString items = project(QStringLiteral("three"), 3, 3);
        const auto loaded = run(items);
        QVERIFY2(loaded.exitCode == 0, qPrintable(why(loaded)));
        QCOMPARE(count(items, QStringLiteral("SELECT count(*) FROM item")), 2);
        QCOMPARE(count(items, QStringLiteral("SELECT count(*) FROM cutover_quarantine")), 1);
        QCOMPARE(history(items).first()[QStringLiteral("status")].toString(),
                 QStringLiteral("succeeded"));
    }

    // 20% of 10,000 rows read is: the run stops there, in the middle of the table.
    void clearlyHighShareStops()
    {
        const QString items = project(QStringLiteral("large"), 30000, 5);
        const auto stopped = run(items);
        QVERIFY2(stopped.exitCode == 1, qPrintable(why(stopped)));
        QVERIFY2((stopped.out + stopped.err)
                     .contains(QStringLiteral("above the limit of 5.0% (settings.maxErrorRate)")),
                 qPrintable(why(stopped)));
        const qint64 loaded = count(items, QStringLiteral("SELECT count(*) FROM item"));
        QVERIFY(loaded > 0);
        QVERIFY2(loaded >= 8000 && loaded < 24000, qPrintable(QString::number(loaded)));
    }

    void optionsOverrideTheProjectForOneRun()
    {
        const QString strict = project(QStringLiteral("strict"), 3, 3);
        const auto refused =
            run(strict, {QStringLiteral("--max-quarantined"), QStringLiteral("0")});
        QVERIFY2(refused.exitCode == 1, qPrintable(why(refused)));
        QVERIFY2((refused.out + refused.err).contains(QStringLiteral("(--max-quarantined)")),
                 qPrintable(why(refused)));

        const QString counted = project(QStringLiteral("counted"), 3, 3,
                                        QJsonObject{{QStringLiteral("maxQuarantined"), 0}});
        const auto free =
            run(counted, {QStringLiteral("--max-quarantined"), QStringLiteral("none")});
        QVERIFY2(free.exitCode == 0, qPrintable(why(free)));

        const QString lenient = project(QStringLiteral("lenient"), 30000, 5);
        const auto loaded =
            run(lenient, {QStringLiteral("--max-error-rate"), QStringLiteral("25%")});
        QVERIFY2(loaded.exitCode == 0, qPrintable(why(loaded)));
        QCOMPARE(count(lenient, QStringLiteral("SELECT count(*) FROM item")), 24000);
        const QJsonObject options = history(lenient).first()[QStringLiteral("options")].toObject();
        QCOMPARE(options[QStringLiteral("maxErrorRate")].toDouble(), 0.25);

        for (const QStringList &bad :
             {QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("2")},
              QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("lots")},
              QStringList{QStringLiteral("--max-quarantined"), QStringLiteral("-3")}}) {
            const auto usage = run(strict, bad);
            QVERIFY2(usage.exitCode == 2, qPrintable(why(usage)));
            QVERIFY2(usage.err.contains(bad.first()), qPrintable(why(usage)));
        }
    }

    // The next run continues the stopped one (as after an interruption): the rows it loaded are
    // not loaded again, so none comes back quarantined as a duplicate key. A fresh start would
    // load them again, and is refused with what to do instead.
    void runAfterAThresholdStopContinuesIt()
    {
        const QString items = project(QStringLiteral("continued"), 30000, 5);
        QCOMPARE(run(items).exitCode, 1);
        const QString runId = history(items).first()[QStringLiteral("runId")].toString();
        const qint64 loaded = count(items, QStringLiteral("SELECT count(*) FROM item"));
        QVERIFY(loaded > 0);

        // Still over the limit: continued, and stopped again at its first batch.
        const auto again = run(items);
        QVERIFY2(again.exitCode == 1, qPrintable(why(again)));
        const QString duplicates =
            QStringLiteral("SELECT count(*) FROM cutover_quarantine WHERE violations NOT LIKE "
                           "'%item-name-required%'");
        QCOMPARE(count(items, duplicates), 0);
        QVERIFY2(again.out.contains(QStringLiteral("resuming run ") + runId),
                 qPrintable(why(again)));
        QVERIFY2(again.out.contains(QStringLiteral("the rows it loaded stay and are not loaded "
                                                   "again")),
                 qPrintable(why(again)));
        const qint64 continued = count(items, QStringLiteral("SELECT count(*) FROM item"));
        QCOMPARE(continued, loaded + 800);

        const auto fresh = run(items, {QStringLiteral("--fresh")});
        QVERIFY2(fresh.exitCode == 2, qPrintable(why(fresh)));
        QVERIFY2(fresh.err.contains(QStringLiteral("item (%1 rows)").arg(continued)) &&
                     fresh.err.contains(QStringLiteral("roll it back")),
                 qPrintable(why(fresh)));

        const auto finished =
            run(items, {QStringLiteral("--max-error-rate"), QStringLiteral("none")});
        QVERIFY2(finished.exitCode == 0, qPrintable(why(finished)));
        QVERIFY2(finished.out.contains(QStringLiteral("resuming run ") + runId),
                 qPrintable(why(finished)));
        QCOMPARE(count(items, QStringLiteral("SELECT count(*) FROM item")), 24000);
        QCOMPARE(count(items, QStringLiteral("SELECT count(*) FROM cutover_quarantine")), 6000);
        QCOMPARE(count(items, duplicates), 0);
        const QJsonArray runs = history(items);
        QCOMPARE(runs.size(), 1);
        const QJsonObject table =
            runs.first()[QStringLiteral("tables")].toArray().first().toObject();
        QCOMPARE(table[QStringLiteral("loaded")].toInteger(), 24000);
        QCOMPARE(table[QStringLiteral("quarantined")].toInteger(), 6000);
        QVERIFY(table[QStringLiteral("balances")].toBool());
    }
};

QTEST_GUILESS_MAIN(TestCliThresholds)
#include "tst_cli_thresholds.moc"
