// The quarantine browser's reading and writing on real PostgreSQL and MariaDB targets (servers
// started on loopback for the test; skipped, naming what is missing, without their binaries).
// The demo runs into each server and quarantines its dirty rows, a retry of one table
// quarantines some again in a second run, and a few rows are marked loaded again; then the
// reader lists exactly
// the rows of the ledger with their reasons, a page at a time, filtered by table, reason kind,
// column and text, and sorted by every column on the server both ways; the model, under
// QAbstractItemModelTester, reads them a page at a time, sorted or not; and the window's export
// writes the bytes `cutover-cli quarantine --export` writes, as CSV and JSON, which are the
// ledger's rows formatted in memory. Last, rows written to tell collations apart sort in code
// point order on both servers, as on SQLite.
#include "CliRunner.h"
#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "QuarantineExporter.h"
#include "QuarantineModel.h"
#include "QuarantineSorting.h"
#include "VerifyOk.h"
#include "core/JsonWriter.h"
#include "demo/DemoGenerator.h"
#include "dialect/SqlDialect.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "run/RunController.h"
#include "run/ledger/RunHistory.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::CliRunner;
using test::FakePasswordProvider;
using test::MariaDbServer;
using test::PostgresServer;
using test::QuarantineSorting;

class TestQuarantineServers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    QString m_projectFile;
    QString m_password;
    Project m_project;
    QList<QuarantinedRow> m_ledgerRows; // RunLedger::quarantine's, in its key order
    QString m_retryRun;
    QElapsedTimer m_clock;

    void lap(const char *what) const { qInfo("%s: %lld ms", what, m_clock.elapsed()); }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    void run(const RunOptions &options, RunRecord &record)
    {
        RunController controller(&m_passwords);
        std::optional<RunRecord> finished;
        QString failure;
        connect(&controller, &RunController::finished, this,
                [&finished](const RunRecord &run) { finished = run; });
        connect(&controller, &RunController::failed, this,
                [&failure](const Error &error) { failure = error.toString(); });
        QVERIFY(controller.start(m_project, options));
        QVERIFY(controller.waitForFinished(120000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(finished);
        QVERIFY2(finished->status == RunStatus::Succeeded, qPrintable(finished->message));
        record = *finished;
    }

    // The demo, its target moved to the server, run with its tables made from the demo's
    // SQLite target, then one table's quarantined rows retried; the project saved for the CLI.
    void runDemo(const QString &name, const ConnectionSpec &spec, const QString &url,
                 const QString &password)
    {
        const QString dir = m_root.filePath(name);
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = 120;
        VERIFY_OK(DemoGenerator::generate(options));
        m_projectFile = dir + QLatin1Char('/') + DemoGenerator::projectFileName();
        auto project = ProjectReader::load(m_projectFile);
        VERIFY_OK(project);
        project->settings.maxErrorRate = 0.5;
        for (ConnectionDef &c : project->connections)
            if (c.name == project->targetConnection)
                c.url = url;
        VERIFY_OK(ProjectWriter::save(*project, m_projectFile));
        auto saved = ProjectReader::load(m_projectFile);
        VERIFY_OK(saved);
        m_project = *saved;
        m_password = password;
        m_passwords.set(spec, password);
        QCOMPARE(RunHistory::targetSpec(m_project).value().kind(), spec.kind());

        RunOptions first;
        first.batchSize = 50;
        first.schemaFrom =
            QStringLiteral("sqlite:") + dir + QLatin1Char('/') + DemoGenerator::targetFileName();
        RunRecord loaded;
        run(first, loaded);
        if (QTest::currentTestFailed())
            return;
        RunHistory history(m_project, &m_passwords);
        auto rows = history.quarantine();
        VERIFY_OK(rows);
        QVERIFY2(rows->size() > 20, "the demo's dirty rows are quarantined");
        const QString retried = rows->last().tableName;
        RunOptions retry;
        retry.retryQuarantined = true;
        retry.tables = {retried};
        retry.maxErrorRate = 1.0; // the rows are as dirty as they were: all quarantined again
        RunRecord again;
        run(retry, again);
        if (QTest::currentTestFailed())
            return;
        m_retryRun = again.runId;
        // as if a fix had loaded three rows of another table again
        QStringList marked;
        for (const QuarantinedRow &r : std::as_const(*rows))
            if (r.tableName != retried && marked.size() < 3 && !marked.contains(r.sourceKey)) {
                VERIFY_OK(
                    history.ledger().markRetried(r.runId, r.tableName, r.sourceKey, m_retryRun));
                marked.append(r.sourceKey);
            }

        rows = history.quarantine();
        VERIFY_OK(rows);
        m_ledgerRows = *rows;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            QVERIFY2(!r.violations.isEmpty(), qPrintable(QuarantineSorting::identity(r)));
        const auto ofRun = [this](const QString &runId) {
            return std::count_if(m_ledgerRows.begin(), m_ledgerRows.end(),
                                 [&runId](const QuarantinedRow &r) { return r.runId == runId; });
        };
        const auto retriedRows =
            std::count_if(m_ledgerRows.begin(), m_ledgerRows.end(),
                          [](const QuarantinedRow &r) { return !r.retriedInRun.isEmpty(); });
        QVERIFY(ofRun(m_retryRun) > 0);
        QVERIFY(retriedRows >= 3);
        qInfo("%lld rows quarantined: %lld by the run, %lld by the retry of %s, %lld loaded again",
              qint64(m_ledgerRows.size()), qint64(ofRun(loaded.runId)), qint64(ofRun(m_retryRun)),
              qPrintable(retried), qint64(retriedRows));
    }

    static QList<QuarantinedRow> allPages(QuarantineReader &reader, const QuarantineFilter &filter,
                                          int limit, const QuarantineSort &sort = {})
    {
        QList<QuarantinedRow> all;
        for (int guard = 0; guard < 100000; ++guard) {
            auto page = reader.page(filter, all.isEmpty() ? nullptr : &all.last(), limit, sort);
            if (!page) {
                qWarning("%s", qPrintable(page.error().toString()));
                return {};
            }
            if (page->isEmpty())
                break;
            if (page->size() > limit)
                return {};
            all += *page;
        }
        return all;
    }

    // Whether the filter selects the row, decided from the row itself.
    static bool selects(const QuarantineFilter &f, const QuarantinedRow &r)
    {
        if ((!f.table.isEmpty() && r.tableName != f.table) ||
            (!f.runId.isEmpty() && r.runId != f.runId))
            return false;
        if (!f.text.isEmpty() && !r.sourceKey.contains(f.text, Qt::CaseInsensitive) &&
            !r.rawValuesJson().contains(f.text, Qt::CaseInsensitive) &&
            !r.violationsJson().contains(f.text, Qt::CaseInsensitive))
            return false;
        if (!f.kind && f.column.isEmpty())
            return true;
        return std::any_of(r.violations.begin(), r.violations.end(), [&f](const Violation &v) {
            return (!f.kind || v.kind == *f.kind) && (f.column.isEmpty() || v.column == f.column);
        });
    }

    QList<QuarantineFilter> filters() const
    {
        const QuarantinedRow &last = m_ledgerRows.last();
        const Violation &reason = last.violations.first();
        QuarantineFilter byTable;
        byTable.table = last.tableName;
        QuarantineFilter byKind;
        byKind.kind = reason.kind;
        QuarantineFilter byColumn;
        byColumn.column = reason.column;
        QuarantineFilter byKindOnColumnInTable = byTable;
        byKindOnColumnInTable.kind = reason.kind;
        byKindOnColumnInTable.column = reason.column;
        QuarantineFilter byText;
        byText.text = m_ledgerRows.first().sourceKey;
        QuarantineFilter byReasonWords; // ILIKE on PostgreSQL, the collation on MariaDB
        byReasonWords.text = reason.source.toUpper();
        QuarantineFilter byRun;
        byRun.runId = m_retryRun;
        return {byTable, byKind, byColumn, byKindOnColumnInTable, byText, byReasonWords, byRun};
    }

    // Pages of 7 in the read order hold every row of the ledger once, whole, with its reasons;
    // filters and counts select what the rows say.
    void checkReader()
    {
        RunHistory history(m_project, &m_passwords);
        VERIFY_OK(history.open());
        QuarantineReader reader(history.session());
        QuarantineFilter mine;
        mine.project = m_project.name;
        auto counted = reader.count(mine);
        VERIFY_OK(counted);
        QCOMPARE(*counted, qint64(m_ledgerRows.size()));

        const QList<QuarantinedRow> paged = allPages(reader, mine, 7);
        QCOMPARE(QuarantineSorting::identities(paged),
                 QuarantineSorting::identities(QuarantineSorting::sorted(m_ledgerRows, {})));
        QHash<QString, QuarantinedRow> byIdentity;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            byIdentity.insert(QuarantineSorting::identity(r), r);
        for (const QuarantinedRow &r : paged) {
            const QuarantinedRow &ledger = byIdentity[QuarantineSorting::identity(r)];
            QCOMPARE(r.violations, ledger.violations);
            QCOMPARE(r.rawValues, ledger.rawValues);
            QCOMPARE(r.quarantinedAt, ledger.quarantinedAt);
        }

        for (QuarantineFilter filter : filters()) {
            filter.project = m_project.name;
            QStringList expected;
            for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
                if (selects(filter, r))
                    expected.append(QuarantineSorting::identity(r));
            QVERIFY2(!expected.isEmpty(), qPrintable(filter.text + filter.column + filter.table));
            const QStringList got = QuarantineSorting::identities(allPages(reader, filter, 5));
            QCOMPARE(sorted(got), sorted(expected));
            QCOMPARE(reader.count(filter).value(), qint64(expected.size()));
        }
    }

    // Every column both ways, on the server: pages of 7 add up to every row once, in the order
    // of the stored values (code point order, as on SQLite), with a filter too.
    void checkSortedPages()
    {
        RunHistory history(m_project, &m_passwords);
        VERIFY_OK(history.open());
        QuarantineReader reader(history.session());
        QuarantineFilter byKind;
        byKind.kind = m_ledgerRows.last().violations.first().kind;
        QList<QuarantinedRow> ofKind;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            if (selects(byKind, r))
                ofKind.append(r);
        for (const QuarantineSort &sort : QuarantineSorting::sorts()) {
            const QStringList all = QuarantineSorting::identities(allPages(reader, {}, 7, sort));
            const QStringList filtered =
                QuarantineSorting::identities(allPages(reader, byKind, 7, sort));
            const QStringList expected =
                QuarantineSorting::identities(QuarantineSorting::sorted(m_ledgerRows, sort));
            const QStringList expectedFiltered =
                QuarantineSorting::identities(QuarantineSorting::sorted(ofKind, sort));
            if (all != expected || filtered != expectedFiltered)
                qWarning("sorted by %s", qPrintable(QuarantineSorting::name(sort)));
            QCOMPARE(all, expected);
            QCOMPARE(filtered, expectedFiltered);
        }
    }

    // Waits for the page in flight, then asks for the next while there is one.
    static void fetchAll(QuarantineModel &model)
    {
        QSignalSpy pages(&model, &QuarantineModel::pageLoaded);
        for (int guard = 0; guard < 10000; ++guard) {
            if (model.isLoading())
                QVERIFY(pages.wait(30000));
            if (!model.canFetchMore({}))
                return;
            model.fetchMore({});
        }
        QFAIL("the model never reached its end");
    }

    static QStringList shown(const QuarantineModel &model)
    {
        QList<QuarantinedRow> rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows.append(model.quarantinedRow(row));
        return QuarantineSorting::identities(rows);
    }

    // A first page of 7 rows alone, nothing more until asked; then pages of at most 7 rows, one
    // at a time, add up to every row, the tester checking the model at each; sorted on the
    // server likewise (pages of 25); a filter's rows too.
    void checkModel()
    {
        QuarantineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPasswordProvider(&m_passwords);
        model.setPageSize(7);
        QSignalSpy pages(&model, &QuarantineModel::pageLoaded);
        model.setProject(m_project);
        QVERIFY(pages.wait(30000));
        QCOMPARE(pages.first().first().toInt(), 7); // the first page, alone
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(model.canFetchMore({}));
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 7); // nothing more until asked
        fetchAll(model);
        QVERIFY2(model.errorText().isEmpty(), qPrintable(model.errorText()));
        QCOMPARE(shown(model),
                 QuarantineSorting::identities(QuarantineSorting::sorted(m_ledgerRows, {})));
        QVERIFY(pages.size() >= (m_ledgerRows.size() + 6) / 7);
        for (const QList<QVariant> &page : std::as_const(pages))
            QVERIFY(page.first().toInt() <= 7);
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(m_ledgerRows.size()), 30000);
        // the reasons as the ledger has them
        const QuarantinedRow &first = model.quarantinedRow(0);
        QCOMPARE(model.index(0, QuarantineModel::ReasonColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .split(QLatin1Char('\n'))
                     .size(),
                 first.violations.size());

        model.setPageSize(25); // each page opens a connection: fewer of them from here on
        for (const auto &[column, order] :
             {std::pair{int(QuarantineModel::TableColumn), Qt::DescendingOrder},
              std::pair{int(QuarantineModel::WhenColumn), Qt::DescendingOrder},
              std::pair{int(QuarantineModel::KeyColumn), Qt::AscendingOrder},
              std::pair{int(QuarantineModel::RetriedColumn), Qt::AscendingOrder}}) {
            pages.clear();
            model.sort(column, order);
            fetchAll(model);
            QCOMPARE(shown(model), QuarantineSorting::identities(QuarantineSorting::sorted(
                                       m_ledgerRows, QuarantineModel::querySort(column, order))));
            QVERIFY(pages.size() >= (m_ledgerRows.size() + 24) / 25);
        }

        QuarantineFilter filter = filters().at(3); // a kind on a column in a table
        model.setFilter(filter);
        fetchAll(model);
        QList<QuarantinedRow> selected;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            if (selects(filter, r))
                selected.append(r);
        QCOMPARE(shown(model),
                 QuarantineSorting::identities(QuarantineSorting::sorted(
                     selected, QuarantineModel::querySort(QuarantineModel::RetriedColumn,
                                                          Qt::AscendingOrder))));
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), qint64(selected.size()), 30000);
    }

    QByteArray cliExport(const QString &name, const QStringList &options = {}) const
    {
        const QString file = m_root.filePath(name);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CUTOVER_PASSWORD"), m_password);
        const auto run = CliRunner::run(QStringList{QStringLiteral("quarantine"), m_projectFile,
                                                    QStringLiteral("--export"), file} +
                                            options,
                                        {}, environment);
        if (run.exitCode != 0) {
            qWarning("cutover-cli quarantine: %d %s", run.exitCode, qPrintable(run.err));
            return {};
        }
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray windowExport(const QString &name, const QuarantineFilter &filter = {})
    {
        const QString file = m_root.filePath(name);
        QuarantineExporter exporter;
        exporter.setPasswordProvider(&m_passwords);
        QSignalSpy done(&exporter, &QuarantineExporter::finished);
        QSignalSpy failed(&exporter, &QuarantineExporter::failed);
        if (!exporter.start(m_project, filter, file))
            return {};
        if (!done.wait(60000)) {
            if (!failed.isEmpty())
                qWarning("%s", qPrintable(failed.first().at(1).toString()));
            return {};
        }
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The window's export and the CLI's, every row and one table's: the same bytes, which are
    // the ledger's rows formatted in memory.
    void checkExport(const QString &prefix)
    {
        const QByteArray csv = windowExport(prefix + QStringLiteral("-window.csv"));
        QCOMPARE(csv, QuarantineExport::toCsv(m_ledgerRows));
        QCOMPARE(cliExport(prefix + QStringLiteral("-cli.csv")), csv);
        const QByteArray json = windowExport(prefix + QStringLiteral("-window.json"));
        QCOMPARE(json, JsonWriter().write(QuarantineExport::toJson(m_project.name, m_ledgerRows)));
        QCOMPARE(cliExport(prefix + QStringLiteral("-cli.json")), json);

        const QString table = m_ledgerRows.last().tableName;
        QuarantineFilter filter;
        filter.table = table;
        const QByteArray tableJson = windowExport(prefix + QStringLiteral("-table.json"), filter);
        QList<QuarantinedRow> ofTable;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            if (r.tableName == table)
                ofTable.append(r);
        QCOMPARE(tableJson, JsonWriter().write(QuarantineExport::toJson(m_project.name, ofTable)));
        QCOMPARE(cliExport(prefix + QStringLiteral("-cli-table.json"),
                           {QStringLiteral("--table"), table}),
                 tableJson);
    }

    // Rows that sort otherwise in a linguistic collation than in code point order: tables and
    // keys told apart by case, accents and punctuation only; reasons whose JSON is longer than
    // MariaDB's max_sort_length (1024 bytes) and differs only past it, in the opposite order of
    // their keys; retries by "r0" and "R1".
    static QList<QuarantinedRow> craftedRows(int first)
    {
        static const QStringList keys = {QStringLiteral("[\"DUP\"]"),   QStringLiteral("[1004]"),
                                         QStringLiteral("[102]"),       QStringLiteral("[\"a\"]"),
                                         QStringLiteral("[\"B\"]"),     QStringLiteral("[null]"),
                                         QStringLiteral("[\"\u00e9\"]")};
        const QDateTime base = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        QList<QuarantinedRow> rows;
        for (int j = 0; j < keys.size(); ++j) {
            const int n = first + j;
            QuarantinedRow r;
            r.rowNumber = n;
            r.sourceKey = keys.at(j);
            r.rawValues = QJsonObject{{QStringLiteral("n"), n}};
            r.quarantinedAt = base.addSecs(n % 3);
            r.retriedInRun = n % 4 == 0   ? QStringLiteral("r0")
                             : n % 4 == 1 ? QStringLiteral("R1")
                                          : QString();
            Violation v;
            v.kind = j % 2 ? Violation::Kind::Conversion : Violation::Kind::Rule;
            v.column = j % 2 ? QStringLiteral("born") : QStringLiteral("name");
            v.source = QStringLiteral("crafted");
            v.value = QStringLiteral("x");
            v.reason = j % 2 ? QStringLiteral("short %1").arg(n) : QString(200, QLatin1Char('r'));
            for (int i = 0; i < (j % 2 ? 1 : 5); ++i)
                r.violations.append(v);
            if (j % 2 == 0) {
                v.reason = QStringLiteral("tail %1").arg(99 - n);
                r.violations.append(v);
            }
            rows.append(r);
        }
        return rows;
    }

    void checkCodePointOrder()
    {
        RunHistory history(m_project, &m_passwords);
        VERIFY_OK(history.open());
        RunRecord record;
        record.project = QStringLiteral("crafted");
        auto runId = history.ledger().startRun(record);
        VERIFY_OK(runId);
        const QStringList tables = {QStringLiteral("Zeta"),   QStringLiteral("alpha"),
                                    QStringLiteral("beta_x"), QStringLiteral("betax"),
                                    QStringLiteral("eclair"), QStringLiteral("\u00c9clair")};
        qint64 written = 0;
        for (const QString &table : tables) {
            const QList<QuarantinedRow> rows = craftedRows(int(written));
            VERIFY_OK(history.session().begin());
            CheckpointRecord checkpoint;
            checkpoint.batchNo = 1;
            VERIFY_OK(history.ledger().recordBatch(*runId, table, checkpoint, rows, {}));
            VERIFY_OK(history.session().commit());
            written += rows.size();
        }
        auto rows = history.ledger().quarantineOf(record.project);
        VERIFY_OK(rows);
        QCOMPARE(rows->size(), written);
        QVERIFY(rows->last().violationsJson().toUtf8().size() > 1100);
        QuarantineReader reader(history.session());
        QuarantineFilter crafted;
        crafted.project = record.project;
        for (const QuarantineSort &sort : QuarantineSorting::sorts())
            for (const int limit : {1, 5}) {
                const QStringList paged =
                    QuarantineSorting::identities(allPages(reader, crafted, limit, sort));
                const QStringList expected =
                    QuarantineSorting::identities(QuarantineSorting::sorted(*rows, sort));
                if (paged != expected)
                    qWarning("sorted by %s in pages of %d",
                             qPrintable(QuarantineSorting::name(sort)), limit);
                QCOMPARE(paged, expected);
            }
    }

    // As a server whose databases sort linguistically has it: the ledger's text columns in
    // ICU's root collation (the test cluster's own is C).
    static void useLinguisticCollation(const PostgresServer &server)
    {
        const auto q = [](const QString &name) {
            return SqlDialect::quoteIdentifier(name, ConnectionSpec::Kind::PostgreSql);
        };
        QStringList statements;
        for (const char *column : {"table_name", "source_key", "run_id", "violations",
                                   "quarantined_at", "retried_in_run"})
            statements.append(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE text COLLATE %3")
                                  .arg(q(QStringLiteral("cutover_quarantine")),
                                       q(QLatin1String(column)), q(QStringLiteral("und-x-icu"))));
        if (auto altered = server.execAsAdmin(statements); !altered)
            qInfo("no ICU collation, the ledger keeps C: %s",
                  qPrintable(altered.error().toString()));
    }

    void checkTarget(const QString &name)
    {
        checkReader();
        if (QTest::currentTestFailed())
            return;
        lap("reader");
        checkSortedPages();
        if (QTest::currentTestFailed())
            return;
        lap("sorted pages");
        checkModel();
        if (QTest::currentTestFailed())
            return;
        lap("model");
        checkExport(name);
        if (QTest::currentTestFailed())
            return;
        lap("export");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void init() { m_clock.start(); }

    void postgresTarget()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        VERIFY_OK(server.start());
        lap("postgres up");
        runDemo(QStringLiteral("postgres"), server.spec(), server.url(), server.password());
        if (QTest::currentTestFailed())
            return;
        lap("demo run");
        checkTarget(QStringLiteral("postgres"));
        if (QTest::currentTestFailed())
            return;
        useLinguisticCollation(server);
        checkCodePointOrder();
        lap("code point order");
    }

    void mariadbTarget()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        VERIFY_OK(server.start());
        lap("mariadb up");
        runDemo(QStringLiteral("mariadb"), server.spec(), server.url(), server.password());
        if (QTest::currentTestFailed())
            return;
        lap("demo run");
        checkTarget(QStringLiteral("mariadb"));
        if (QTest::currentTestFailed())
            return;
        checkCodePointOrder();
        lap("code point order");
    }
};

QTEST_GUILESS_MAIN(TestQuarantineServers)
#include "tst_quarantineservers.moc"
