#include "CliRunner.h"
#include "connect/csv/CsvReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using cutover::test::CliRunner;

// Drives the real cutover-cli binary through 'runs', 'quarantine' and 'rollback' on a SQLite
// demo that 'run' migrated, as a user would.
class TestCliHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_project;
    QString m_runId;
    QJsonObject m_history; // 'runs --json' after the first run

    static CliRunner::Outcome cli(const QStringList &arguments)
    {
        return CliRunner::run(arguments);
    }

    static QString why(const CliRunner::Outcome &run)
    {
        return QStringLiteral("exit %1\nout: %2\nerr: %3").arg(run.exitCode).arg(run.out, run.err);
    }

    static QJsonObject json(const QString &text)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << error.errorString() << text.left(500);
        return document.object();
    }

    QJsonObject historyJson()
    {
        const auto runs = cli({QStringLiteral("runs"), m_project, QStringLiteral("--json")});
        if (runs.exitCode != 0)
            qWarning() << why(runs);
        return json(runs.out);
    }

    qint64 totalQuarantined() const
    {
        qint64 total = 0;
        const QJsonArray tables =
            m_history[QStringLiteral("runs")].toArray().first()[QStringLiteral("tables")].toArray();
        for (const QJsonValue &t : tables)
            total += t[QStringLiteral("quarantined")].toInteger();
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(CliRunner::binary()).isExecutable(),
                 "CUTOVER_CLI must name the built cutover-cli");
        QVERIFY(m_root.isValid());
        const QString dir = m_root.filePath(QStringLiteral("demo"));
        const auto demo =
            cli({QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("500")});
        QVERIFY2(demo.exitCode == 0, qPrintable(why(demo)));
        m_project = dir + QStringLiteral("/demo.cutover");
        const auto run = cli({QStringLiteral("run"), m_project, QStringLiteral("--progress"),
                              QStringLiteral("plain")});
        QVERIFY2(run.exitCode == 0, qPrintable(why(run)));
        m_history = historyJson();
        const QJsonArray runs = m_history[QStringLiteral("runs")].toArray();
        QCOMPARE(runs.size(), 1);
        m_runId = runs.first()[QStringLiteral("runId")].toString();
        QVERIFY(!m_runId.isEmpty());
    }

    void helpNamesTheCommands()
    {
        const auto top = cli({QStringLiteral("--help")});
        for (const char *command : {"runs", "quarantine", "rollback"})
            QVERIFY2(top.out.contains(QLatin1String(command)), command);
        const auto help = cli({QStringLiteral("rollback"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--force")));
    }

    void runsAsJson()
    {
        const QJsonObject run = m_history[QStringLiteral("runs")].toArray().first().toObject();
        QCOMPARE(run[QStringLiteral("status")].toString(), QStringLiteral("succeeded"));
        QCOMPARE(run[QStringLiteral("mode")].toString(), QStringLiteral("run"));
        QVERIFY(!run[QStringLiteral("mappingVersion")].toString().isEmpty());
        QVERIFY(run[QStringLiteral("seconds")].toDouble() >= 0);
        QVERIFY(run[QStringLiteral("balances")].toBool());
        const QJsonArray tables = run[QStringLiteral("tables")].toArray();
        QCOMPARE(tables.size(), 5);
        for (const QJsonValue &t : tables) {
            const qint64 source = t[QStringLiteral("sourceRows")].toInteger();
            QVERIFY(source > 0);
            QCOMPARE(source, t[QStringLiteral("loaded")].toInteger() +
                                 t[QStringLiteral("quarantined")].toInteger() +
                                 t[QStringLiteral("skipped")].toInteger());
            QVERIFY(t[QStringLiteral("balances")].toBool());
        }
    }

    void runsAsText()
    {
        const auto runs = cli({QStringLiteral("runs"), m_project});
        QVERIFY2(runs.exitCode == 0, qPrintable(why(runs)));
        QVERIFY(runs.out.contains(m_runId));
        QVERIFY(runs.out.contains(QLatin1String("succeeded")));
        QVERIFY(runs.out.contains(QLatin1String("balances")));
        const QJsonArray tables =
            m_history[QStringLiteral("runs")].toArray().first()[QStringLiteral("tables")].toArray();
        for (const QJsonValue &t : tables) {
            const QString name = t[QStringLiteral("table")].toString();
            const QStringList lines = runs.out.split(QLatin1Char('\n'));
            const auto line = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &l) {
                return l.trimmed().startsWith(name + QLatin1Char(' '));
            });
            QVERIFY2(line != lines.cend(), qPrintable(name));
            const QStringList cells = line->simplified().split(QLatin1Char(' '));
            QCOMPARE(QString(cells.at(1)).remove(QLatin1Char(',')).toLongLong(),
                     t[QStringLiteral("sourceRows")].toInteger());
            QCOMPARE(QString(cells.at(2)).remove(QLatin1Char(',')).toLongLong(),
                     t[QStringLiteral("loaded")].toInteger());
            QCOMPARE(QString(cells.at(3)).remove(QLatin1Char(',')).toLongLong(),
                     t[QStringLiteral("quarantined")].toInteger());
        }
    }

    void quarantineListsEveryRow()
    {
        const qint64 expected = totalQuarantined();
        QVERIFY2(expected > 0, "the demo's dirty data quarantines rows");
        const auto text = cli({QStringLiteral("quarantine"), m_project});
        QVERIFY2(text.exitCode == 0, qPrintable(why(text)));
        QVERIFY2(text.out.contains(QStringLiteral("%1 quarantined rows").arg(expected)),
                 qPrintable(text.out.right(300)));
        QVERIFY(text.out.contains(QLatin1String("source key")));
        QVERIFY(text.out.contains(m_runId.left(8)));
        // The demo's integer keys in numeric order, table by table ([11] before [102]).
        static const QRegularExpression line(
            QStringLiteral("^run \\S+  table (\\S+)  source key \\[(\\d+)\\]"),
            QRegularExpression::MultilineOption);
        QHash<QString, qint64> last;
        int keys = 0;
        for (auto it = line.globalMatch(text.out); it.hasNext(); ++keys) {
            const QRegularExpressionMatch m = it.next();
            const qint64 key = m.captured(2).toLongLong();
            QVERIFY2(key > last.value(m.captured(1), -1),
                     qPrintable(QStringLiteral("%1 [%2] after [%3]")
                                    .arg(m.captured(1))
                                    .arg(key)
                                    .arg(last.value(m.captured(1)))));
            last[m.captured(1)] = key;
        }
        QCOMPARE(keys, expected);
        // Text values in quotes, NULL as it is, a row rule without a value.
        QVERIFY(text.out.contains(QLatin1String("is not in lookup 'patient_status'; value 'M'\n")));
        QVERIFY(text.out.contains(QLatin1String("the expression gave NULL; value NULL\n")));
        QVERIFY(!text.out.contains(QLatin1String("'NULL'")));
        static const QRegularExpression rowRule(QStringLiteral("\\(row\\) \\(rule [^)]*\\): .*"));
        const QRegularExpressionMatch rowLine = rowRule.match(text.out);
        QVERIFY(rowLine.hasMatch());
        QVERIFY2(!rowLine.captured().contains(QLatin1String("; value")),
                 qPrintable(rowLine.captured()));

        const auto all = cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--json"),
                              QStringLiteral("--run"), m_runId.left(8)});
        QVERIFY2(all.exitCode == 0, qPrintable(why(all)));
        const QJsonObject document = json(all.out);
        QCOMPARE(document[QStringLiteral("count")].toInteger(), expected);
        const QJsonArray rows = document[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), expected);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row[QStringLiteral("runId")].toString(), m_runId);
        QVERIFY(!row[QStringLiteral("rawValues")].toObject().isEmpty());
        const QJsonObject violation =
            row[QStringLiteral("violations")].toArray().first().toObject();
        QVERIFY(!violation[QStringLiteral("reason")].toString().isEmpty());

        const QString table = row[QStringLiteral("table")].toString();
        const auto one = cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--table"),
                              table, QStringLiteral("--json")});
        QCOMPARE(one.exitCode, 0);
        const QJsonArray only = json(one.out)[QStringLiteral("rows")].toArray();
        QVERIFY(!only.isEmpty());
        for (const QJsonValue &r : only)
            QCOMPARE(r[QStringLiteral("table")].toString(), table);

        const auto unknown = cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--run"),
                                  QStringLiteral("zzzz")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("no run 'zzzz'")));
    }

    void quarantineExportsCsvAndJson()
    {
        const qint64 expected = totalQuarantined();
        const QString csv = m_root.filePath(QStringLiteral("quarantine.csv"));
        const auto exported =
            cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--export"), csv});
        QVERIFY2(exported.exitCode == 0, qPrintable(why(exported)));
        QVERIFY(exported.out.contains(QStringLiteral("exported %1").arg(expected)));

        cutover::CsvReader reader;
        QVERIFY(reader.open(csv).ok());
        const QStringList header = reader.columnNames();
        QCOMPARE(header.mid(0, 3),
                 (QStringList{QStringLiteral("source_key"), QStringLiteral("run_id"),
                              QStringLiteral("table")}));
        QVERIFY(header.contains(QStringLiteral("violations")));
        QVERIFY(header.size() > 6); // the raw values' columns
        qint64 records = 0;
        cutover::CsvRecord record;
        while (reader.readRecord(record)) {
            QVERIFY2(record.ok(), qPrintable(record.problem));
            QCOMPARE(record.fields.at(1), m_runId);
            QVERIFY(!record.fields.at(header.indexOf(QStringLiteral("violations"))).isEmpty());
            ++records;
        }
        QVERIFY(!reader.hasError());
        QCOMPARE(records, expected);

        const QString jsonFile = m_root.filePath(QStringLiteral("quarantine.json"));
        QCOMPARE(
            cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--export"), jsonFile})
                .exitCode,
            0);
        QFile file(jsonFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject document = json(QString::fromUtf8(file.readAll()));
        QCOMPARE(document[QStringLiteral("rows")].toArray().size(), expected);

        const auto unwritable =
            cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--export"),
                 m_root.filePath(QStringLiteral("no/such/dir/q.csv"))});
        QCOMPARE(unwritable.exitCode, 3);
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("rollback"), m_project}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("runs")}).exitCode, 2);
        QCOMPARE(
            cli({QStringLiteral("quarantine"), m_project, QStringLiteral("--colour")}).exitCode, 2);
        const auto unknown = cli({QStringLiteral("rollback"), m_project, QStringLiteral("zzzz")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("cutover-cli runs")));
        const auto missing = cli({QStringLiteral("runs"), m_root.filePath("none.cutover")});
        QCOMPARE(missing.exitCode, 3);
    }

    void cannotConnect()
    {
        QFile original(m_project);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray text = original.readAll();
        QVERIFY(text.contains("\"sqlite:modern.sqlite\""));
        text.replace("\"sqlite:modern.sqlite\"", "\"postgresql://nobody@127.0.0.1:1/none\"");
        const QString project = m_root.filePath(QStringLiteral("demo/unreachable.cutover"));
        QFile copy(project);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(text);
        copy.close();
        QCOMPARE(cli({QStringLiteral("runs"), project}).exitCode, 3);
        QCOMPARE(cli({QStringLiteral("rollback"), project, m_runId}).exitCode, 3);
    }

    // Last: rolls the migration back.
    void rollbackRestoresAndRefusesTwice()
    {
        const auto dry = cli({QStringLiteral("run"), m_project, QStringLiteral("--dry-run"),
                              QStringLiteral("--progress"), QStringLiteral("plain")});
        QVERIFY2(dry.exitCode == 0, qPrintable(why(dry)));
        const QJsonArray runs = historyJson()[QStringLiteral("runs")].toArray();
        QCOMPARE(runs.size(), 2);
        const QString dryId = runs.first()[QStringLiteral("runId")].toString();
        QCOMPARE(runs.first()[QStringLiteral("mode")].toString(), QStringLiteral("dry-run"));
        const auto refusedDry = cli({QStringLiteral("rollback"), m_project, dryId});
        QCOMPARE(refusedDry.exitCode, 1);
        QVERIFY2(refusedDry.err.contains(QLatin1String("dry run")), qPrintable(why(refusedDry)));

        const auto rolled = cli({QStringLiteral("rollback"), m_project, m_runId.left(8)});
        QVERIFY2(rolled.exitCode == 0, qPrintable(why(rolled)));
        QVERIFY(rolled.out.contains(QStringLiteral("Rolled back run ") + m_runId));
        QVERIFY(rolled.out.contains(QLatin1String(".cutover-backup-") + m_runId));

        const QJsonObject after = historyJson();
        const QJsonArray afterRuns = after[QStringLiteral("runs")].toArray();
        QCOMPARE(afterRuns.size(), 1); // the dry run came after the backup
        QCOMPARE(afterRuns.first()[QStringLiteral("status")].toString(),
                 QStringLiteral("rolled-back"));
        QCOMPARE(afterRuns.first()[QStringLiteral("tables")].toArray().size(), 5);
        const auto text = cli({QStringLiteral("runs"), m_project});
        QVERIFY(text.out.contains(QLatin1String("rolled-back")));
        const auto quarantine = cli({QStringLiteral("quarantine"), m_project});
        QCOMPARE(quarantine.exitCode, 0);
        QVERIFY(quarantine.out.contains(QLatin1String("0 quarantined rows")));

        const auto twice = cli({QStringLiteral("rollback"), m_project, m_runId});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(QLatin1String("already rolled back")), qPrintable(why(twice)));
    }
};

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
