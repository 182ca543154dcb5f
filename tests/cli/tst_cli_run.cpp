#include "CliRunner.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <csignal>
#include <functional>

using cutover::test::CliRunner;

namespace {

const QStringList kTables = {QStringLiteral("practitioner"), QStringLiteral("patient"),
                             QStringLiteral("encounter"), QStringLiteral("observation"),
                             QStringLiteral("invoice")};

// Opens the SQLite database at path on a connection of its own and hands it to use; false when
// it cannot be opened.
bool withDatabase(const QString &path, const std::function<void(QSqlDatabase &)> &use)
{
    const QString name = QUuid::createUuid().toString();
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        opened = db.open();
        if (opened)
            use(db);
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}

// The first column of every row of a query on the SQLite database at path.
QStringList firstColumn(const QString &path, const QString &sql)
{
    QStringList values;
    withDatabase(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.exec(sql);
        while (q.next())
            values.append(q.value(0).toString());
    });
    return values;
}

// The names of the secondary indexes of the SQLite database's own tables at path (not the run
// ledger's), sorted.
QStringList indexNames(const QString &path)
{
    return firstColumn(path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' "
                                            "AND sql IS NOT NULL AND tbl_name NOT LIKE "
                                            "'cutover!_%' ESCAPE '!' ORDER BY name"));
}

// Every row of every demo table in key order, hashed: an exact comparison of two targets.
QString digest(const QString &path)
{
    QString result;
    const bool opened = withDatabase(path, [&result](QSqlDatabase &db) {
        for (const QString &table : kTables) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY id").arg(table));
            qint64 rows = 0;
            while (q.next()) {
                ++rows;
                for (int c = 0; c < q.record().count(); ++c)
                    hash.addData(q.value(c).toString().toUtf8() + '\x1f');
            }
            result += QStringLiteral("%1:%2:%3\n")
                          .arg(table)
                          .arg(rows)
                          .arg(QString::fromLatin1(hash.result().toHex().left(16)));
        }
    });
    return opened ? result : QStringLiteral("cannot open");
}

// The options the last run recorded in the SQLite target at path.
QJsonObject lastRunOptions(const QString &path)
{
    const QStringList options =
        firstColumn(path, QStringLiteral("SELECT options FROM cutover_runs ORDER BY started_at "
                                         "DESC, rowid DESC LIMIT 1"));
    return QJsonDocument::fromJson(options.value(0).toUtf8()).object();
}

QJsonObject lastEvent(const QString &out, const QString &event)
{
    QJsonObject found;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QStringLiteral("event")).toString() == event)
            found = o;
    }
    return found;
}

} // namespace

// cutover-cli run as a user runs it: progress output, exit codes, and the promise that a run
// killed in the middle of a large table and run again ends with exactly the target an
// uninterrupted run gives.
class TestCliRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    QString demo(const QString &name, int patients)
    {
        const QString dir = m_root.filePath(name);
        const auto made = CliRunner::run(
            {QStringLiteral("demo"), dir, QStringLiteral("--rows"), QString::number(patients)});
        if (made.exitCode != 0)
            qFatal("demo failed: %s", qPrintable(made.err));
        return dir;
    }

    // Starts `cutover-cli run` on dir's project and kills it (SIGKILL: no chance to clean up)
    // while the largest table is half loaded; options must include --progress json.
    static bool killMidObservation(const QString &dir, const QStringList &options)
    {
        QProcess process;
        return signalMidObservation(process, dir, options, SIGKILL) &&
               process.exitStatus() == QProcess::CrashExit;
    }

    // Sends signal to `cutover-cli run` once observation has more than 5,000 rows written, then
    // waits for the process to end; false when it ended before.
    static bool signalMidObservation(QProcess &process, const QString &dir,
                                     const QStringList &options, int signal)
    {
        process.setProgram(CliRunner::binary());
        process.setArguments(
            QStringList{QStringLiteral("run"), dir + QStringLiteral("/demo.cutover")} + options);
        process.start();
        if (!process.waitForStarted())
            return false;
        bool killed = false;
        QByteArray seen;
        while (!killed && process.waitForReadyRead(60000)) {
            seen += process.readAllStandardOutput();
            for (const QByteArray &line : seen.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                for (const QJsonValue &t : o.value(QStringLiteral("tables")).toArray()) {
                    const QJsonObject table = t.toObject();
                    if (table.value(QStringLiteral("table")) == QStringLiteral("observation") &&
                        table.value(QStringLiteral("written")).toInteger() > 5000) {
                        ::kill(pid_t(process.processId()), signal);
                        killed = true;
                        break;
                    }
                }
                if (killed)
                    break;
            }
        }
        process.waitForFinished(120000);
        return killed;
    }

private Q_SLOTS:
    void plainProgressAndSummary()
    {
        const QString dir = demo(QStringLiteral("plain"), 300);
        const auto outcome =
            CliRunner::run({QStringLiteral("run"), dir + QStringLiteral("/demo.cutover"),
                            QStringLiteral("--table"), QStringLiteral("practitioner"),
                            QStringLiteral("--table"), QStringLiteral("patient")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err + outcome.out));
        QVERIFY(outcome.out.contains(QStringLiteral("patient done read 300/300")));
        QVERIFY(outcome.out.contains(QStringLiteral("succeeded")));
        QVERIFY(outcome.out.contains(QStringLiteral("balances")));
        QVERIFY(!outcome.out.contains(QLatin1Char('\r'))); // no bar when not on a terminal
    }

    // The bar as a terminal of 60 columns shows it, tables loading two at a time: every line
    // fits, counts the planned tables from its first draw, and is full only at the end.
    void barFitsTheTerminal()
    {
        const QString dir = demo(QStringLiteral("bar"), 3000);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("COLUMNS"), QStringLiteral("60"));
        const auto outcome =
            CliRunner::run({QStringLiteral("run"), dir + QStringLiteral("/demo.cutover"),
                            QStringLiteral("--progress"), QStringLiteral("bar"),
                            QStringLiteral("--parallel"), QStringLiteral("2")},
                           {}, environment);
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err + outcome.out));
        static const QRegularExpression lineEnd(QStringLiteral("[\r\n]"));
        QStringList bars;
        for (const QString &line : outcome.out.split(lineEnd))
            if (line.startsWith(QLatin1Char('[')))
                bars.append(line.trimmed());
        QVERIFY2(bars.size() > 2, qPrintable(outcome.out));
        const QString total = QStringLiteral("/%1").arg(kTables.size());
        const QString allDone = QString::number(kTables.size()) + total;
        for (const QString &bar : std::as_const(bars)) {
            QVERIFY2(bar.size() < 60, qPrintable(bar));
            QVERIFY2(bar.contains(total) || bar.endsWith(QLatin1String("] preparing")),
                     qPrintable(bar));
            if (bar.startsWith(QLatin1String("[########]")))
                QVERIFY2(bar.contains(QLatin1String("] ") + allDone), qPrintable(bar));
        }
        QVERIFY2(bars.last().startsWith(QLatin1String("[########] ") + allDone),
                 qPrintable(bars.last()));
    }

    void jsonProgressIsOneEventPerLine()
    {
        const QString dir = demo(QStringLiteral("json"), 300);
        const auto outcome =
            CliRunner::run({QStringLiteral("run"), dir + QStringLiteral("/demo.cutover"),
                            QStringLiteral("--progress"), QStringLiteral("json")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        int progress = 0;
        for (const QString &line : outcome.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            if (o.value(QStringLiteral("event")) == QStringLiteral("progress"))
                ++progress;
        }
        QVERIFY(progress >= 1);
        const QJsonObject finished = lastEvent(outcome.out, QStringLiteral("finished"));
        QCOMPARE(finished.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(finished.value(QStringLiteral("tables")).toArray().size(), kTables.size());
        for (const QJsonValue &t : finished.value(QStringLiteral("tables")).toArray())
            QVERIFY(t.toObject().value(QStringLiteral("balances")).toBool());
    }

    void usageErrors()
    {
        const QString dir = demo(QStringLiteral("usage"), 50);
        const QString project = dir + QStringLiteral("/demo.cutover");
        auto bad = CliRunner::run({QStringLiteral("run"), project, QStringLiteral("--progress"),
                                   QStringLiteral("fancy")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("fancy")));
        bad = CliRunner::run(
            {QStringLiteral("run"), project, QStringLiteral("--phase"), QStringLiteral("wave-9")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("wave-9")));
        bad = CliRunner::run({QStringLiteral("run"), project, QStringLiteral("--dry-run"),
                              QStringLiteral("--incremental")});
        QCOMPARE(bad.exitCode, 2);
    }

    // Batches grouped into transactions of up to N source rows give the target that a
    // transaction per few rows gives; the option is checked and kept in the run record.
    void commitRowsGroupsBatchesWithoutChangingTheTarget()
    {
        auto bad = CliRunner::run(
            {QStringLiteral("run"),
             demo(QStringLiteral("commit-bad"), 20) + QStringLiteral("/demo.cutover"),
             QStringLiteral("--commit-rows"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--commit-rows")), qPrintable(bad.err));
        QMap<QString, QString> digests;
        for (const QString &rows : {QStringLiteral("1"), QStringLiteral("100000")}) {
            const QString dir = demo(QStringLiteral("commit-") + rows, 200);
            const auto outcome =
                CliRunner::run({QStringLiteral("run"), dir + QStringLiteral("/demo.cutover"),
                                QStringLiteral("--batch-size"), QStringLiteral("50"),
                                QStringLiteral("--commit-rows"), rows});
            QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err + outcome.out));
            const QString target = dir + QStringLiteral("/modern.sqlite");
            QCOMPARE(lastRunOptions(target).value(QStringLiteral("sqliteCommitRows")).toInteger(),
                     rows.toLongLong());
            digests.insert(rows, digest(target));
        }
        QVERIFY(digests.value(QStringLiteral("1")).contains(QStringLiteral("observation:")));
        QCOMPARE(digests.value(QStringLiteral("100000")), digests.value(QStringLiteral("1")));
    }

    static cutover::ReconcileReport reconcile(const QString &dir)
    {
        auto project = cutover::ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        if (!project)
            qFatal("%s", qPrintable(project.error().toString()));
        cutover::ReconcileOptions options;
        options.store = false;
        auto report = cutover::Reconciler(*project).run(options);
        if (!report)
            qFatal("%s", qPrintable(report.error().toString()));
        return *report;
    }

    void killedRunResumesToTheUninterruptedTarget()
    {
        const int patients = 3000;
        const QString reference = demo(QStringLiteral("reference"), patients);
        const QStringList options = {QStringLiteral("--batch-size"), QStringLiteral("500"),
                                     QStringLiteral("--progress"), QStringLiteral("json")};
        const auto whole = CliRunner::run(
            QStringList{QStringLiteral("run"), reference + QStringLiteral("/demo.cutover")} +
            options);
        QVERIFY2(whole.exitCode == 0 || whole.exitCode == 1, qPrintable(whole.err));
        const QString expected = digest(reference + QStringLiteral("/modern.sqlite"));

        const QString dir = demo(QStringLiteral("killed"), patients);
        const QString journalMode = QStringLiteral("PRAGMA journal_mode");
        const QStringList ownMode =
            firstColumn(dir + QStringLiteral("/modern.sqlite"), journalMode);
        QCOMPARE(ownMode, QStringList{QStringLiteral("delete")});
        QVERIFY(killMidObservation(dir, options));
        QVERIFY(digest(dir + QStringLiteral("/modern.sqlite")) != expected);
        QCOMPARE(firstColumn(dir + QStringLiteral("/modern.sqlite"), journalMode),
                 QStringList{QStringLiteral("wal")}); // the killed run could not put it back

        const auto resumed = CliRunner::run(
            QStringList{QStringLiteral("run"), dir + QStringLiteral("/demo.cutover")} + options);
        QCOMPARE(resumed.exitCode, whole.exitCode);
        QVERIFY2(resumed.out.contains(QStringLiteral("resuming run")), qPrintable(resumed.out));
        QCOMPARE(digest(dir + QStringLiteral("/modern.sqlite")), expected);
        QCOMPARE(firstColumn(dir + QStringLiteral("/modern.sqlite"), journalMode), ownMode);
        // Reconciliation proves it row by row through the mapping: nothing lost, nothing
        // duplicated, nothing changed, and the same counts as the run never interrupted.
        const auto reconciled = reconcile(dir);
        const auto uninterrupted = reconcile(reference);
        QCOMPARE(reconciled.tables.size(), uninterrupted.tables.size());
        for (qsizetype i = 0; i < reconciled.tables.size(); ++i) {
            const cutover::TableReconciliation &t = reconciled.tables.at(i);
            QCOMPARE(t.missing + t.extra + t.modified + t.duplicateRows() + t.orphanRows(), 0);
            QCOMPARE(t.matched, t.expectedRows);
            QVERIFY(t.ledger && t.ledger->balances());
            QCOMPARE(t.ledger->loaded, t.matched);
            QCOMPARE(t.matched, uninterrupted.tables.at(i).matched);
            QCOMPARE(t.quarantined, uninterrupted.tables.at(i).quarantined);
        }
        const QJsonObject finished = lastEvent(resumed.out, QStringLiteral("finished"));
        for (const QJsonValue &t : finished.value(QStringLiteral("tables")).toArray())
            QVERIFY(t.toObject().value(QStringLiteral("balances")).toBool());

        // A finished project run again changes nothing.
        const auto again = CliRunner::run(
            QStringList{QStringLiteral("run"), dir + QStringLiteral("/demo.cutover")} + options);
        QCOMPARE(again.exitCode, whole.exitCode);
        QVERIFY(!again.out.contains(QStringLiteral("resuming run")));
        QCOMPARE(digest(dir + QStringLiteral("/modern.sqlite")), expected);
    }

    // Right after a kill, the history shows what the table being loaded committed: its last
    // checkpoint's counts, which are the rows the target holds.
    void killedRunShowsWhatItCommitted()
    {
        const QString dir = demo(QStringLiteral("killed-history"), 3000);
        const QString target = dir + QStringLiteral("/modern.sqlite");
        const QString project = dir + QStringLiteral("/demo.cutover");
        QVERIFY(killMidObservation(dir, {QStringLiteral("--batch-size"), QStringLiteral("500"),
                                         QStringLiteral("--commit-rows"), QStringLiteral("500"),
                                         QStringLiteral("--progress"), QStringLiteral("json")}));
        const qint64 inTarget =
            firstColumn(target, QStringLiteral("SELECT count(*) FROM observation"))
                .value(0)
                .toLongLong();
        const QStringList checkpoint = firstColumn(
            target, QStringLiteral("SELECT rows_loaded || ' ' || rows_quarantined FROM "
                                   "cutover_checkpoints WHERE table_name = 'observation' ORDER BY "
                                   "batch_no DESC LIMIT 1"));
        QVERIFY(inTarget > 0);
        QCOMPARE(checkpoint.value(0).section(QLatin1Char(' '), 0, 0).toLongLong(), inTarget);
        const qint64 quarantined = checkpoint.value(0).section(QLatin1Char(' '), 1, 1).toLongLong();

        const auto runs =
            CliRunner::run({QStringLiteral("runs"), project, QStringLiteral("--json")});
        QVERIFY2(runs.exitCode == 0, qPrintable(runs.err));
        const QJsonObject run = QJsonDocument::fromJson(runs.out.toUtf8())
                                    .object()[QStringLiteral("runs")]
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(run[QStringLiteral("status")].toString(), QStringLiteral("running"));
        QJsonObject observation;
        for (const QJsonValue &t : run[QStringLiteral("tables")].toArray())
            if (t[QStringLiteral("table")] == QStringLiteral("observation"))
                observation = t.toObject();
        QCOMPARE(observation[QStringLiteral("status")].toString(), QStringLiteral("running"));
        QCOMPARE(observation[QStringLiteral("loaded")].toInteger(), inTarget);
        QCOMPARE(observation[QStringLiteral("quarantined")].toInteger(), quarantined);
        QCOMPARE(observation[QStringLiteral("read")].toInteger(), inTarget + quarantined);
        QVERIFY(observation[QStringLiteral("balances")].toBool());

        const auto text = CliRunner::run({QStringLiteral("runs"), project});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        const QStringList lines = text.out.split(QLatin1Char('\n'));
        const auto line = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
            return l.trimmed().startsWith(QStringLiteral("observation "));
        });
        QVERIFY(line != lines.cend());
        QCOMPARE(line->simplified().section(QLatin1Char(' '), 2, 2).remove(QLatin1Char(',')),
                 QString::number(inTarget));
    }

    // SIGTERM (a scheduler stopping the job, a plain `kill`) is a cancel, like Ctrl-C: the
    // batch being written commits, the run is recorded as cancelled, and the next run resumes
    // it to the target an uninterrupted run gives.
    void terminatedRunStopsAtABatchBoundaryAndResumes()
    {
        const int patients = 3000;
        const QStringList options = {QStringLiteral("--batch-size"), QStringLiteral("500"),
                                     QStringLiteral("--progress"), QStringLiteral("json")};
        const QString reference = demo(QStringLiteral("term-reference"), patients);
        const auto whole = CliRunner::run(
            QStringList{QStringLiteral("run"), reference + QStringLiteral("/demo.cutover")} +
            options);
        QVERIFY2(whole.exitCode == 0 || whole.exitCode == 1, qPrintable(whole.err));

        const QString dir = demo(QStringLiteral("terminated"), patients);
        QProcess process;
        QVERIFY(signalMidObservation(process, dir, options, SIGTERM));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("stopping at the next batch boundary")),
                 qPrintable(out.right(2000)));
        QCOMPARE(lastEvent(out, QStringLiteral("finished")).value(QStringLiteral("status")),
                 QStringLiteral("cancelled"));
        QVERIFY(digest(dir + QStringLiteral("/modern.sqlite")) !=
                digest(reference + QStringLiteral("/modern.sqlite")));

        const auto resumed = CliRunner::run(
            QStringList{QStringLiteral("run"), dir + QStringLiteral("/demo.cutover")} + options);
        QCOMPARE(resumed.exitCode, whole.exitCode);
        QVERIFY2(resumed.out.contains(QStringLiteral("resuming run")), qPrintable(resumed.out));
        QCOMPARE(digest(dir + QStringLiteral("/modern.sqlite")),
                 digest(reference + QStringLiteral("/modern.sqlite")));
    }

    // A run killed after --drop-indexes --defer-foreign-keys dropped the indexes leaves the
    // target without them and with unchecked foreign keys. The next run, resumed or fresh,
    // rebuilds and checks them though it is not given those options.
    void killedBulkRunIsRestoredByTheNextRun_data()
    {
        QTest::addColumn<bool>("fresh");
        QTest::newRow("resumed") << false;
        QTest::newRow("fresh") << true;
    }

    void killedBulkRunIsRestoredByTheNextRun()
    {
        QFETCH(bool, fresh);
        const QString dir =
            demo(fresh ? QStringLiteral("bulk-fresh") : QStringLiteral("bulk-resumed"), 3000);
        const QString target = dir + QStringLiteral("/modern.sqlite");
        const QStringList indexes = indexNames(target);
        QVERIFY(indexes.contains(QStringLiteral("observation_encounter")));
        const QStringList options = {QStringLiteral("--batch-size"), QStringLiteral("500"),
                                     QStringLiteral("--progress"), QStringLiteral("json")};
        QVERIFY(
            killMidObservation(dir, options + QStringList{QStringLiteral("--drop-indexes"),
                                                          QStringLiteral("--defer-foreign-keys")}));
        QVERIFY(!indexNames(target).contains(QStringLiteral("observation_encounter")));

        const QStringList again =
            fresh ? options + QStringList{QStringLiteral("--fresh")} : options;
        const auto next = CliRunner::run(
            QStringList{QStringLiteral("run"), dir + QStringLiteral("/demo.cutover")} + again);
        QVERIFY2(next.exitCode == 0 || next.exitCode == 1, qPrintable(next.err));
        QVERIFY2(next.out.contains(QStringLiteral("dropped the secondary indexes and did not "
                                                  "finish")),
                 qPrintable(next.out));
        QVERIFY2(next.out.contains(QStringLiteral("check foreign key")), qPrintable(next.out));
        QCOMPARE(next.out.contains(QStringLiteral("resuming run")), !fresh);
        QCOMPARE(indexNames(target), indexes);
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
