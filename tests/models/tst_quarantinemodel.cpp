// The quarantine browser's model under QAbstractItemModelTester: after a real run of the demo
// (whose dirty rows are quarantined) it lists exactly the rows the ledger holds, a page at a
// time as a view asks; filters select what the rows say; a newer filter drops an older read's
// page; a sort reads again from the first page in the column's order, still a page at a time;
// and on a ledger of 200,000 quarantined rows the first page comes at once, sorted or not,
// without the rest being read.
#include "QuarantineExporter.h"
#include "QuarantineModel.h"
#include "QuarantineSorting.h"
#include "VerifyOk.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "run/RunController.h"
#include "run/ledger/RunHistory.h"
#include "run/target/TargetSession.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::QuarantineSorting;

class TestQuarantineModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Project m_project;
    QList<QuarantinedRow> m_ledgerRows;

    static QString identity(const QuarantinedRow &r) { return QuarantineSorting::identity(r); }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    static QStringList identities(const QList<QuarantinedRow> &rows)
    {
        QStringList ids;
        for (const QuarantinedRow &r : rows)
            ids.append(identity(r));
        return ids;
    }

    static QStringList identities(const QuarantineModel &model)
    {
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(identity(model.quarantinedRow(row)));
        return ids;
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

    static void waitIdle(QuarantineModel &model)
    {
        QSignalSpy pages(&model, &QuarantineModel::pageLoaded);
        if (model.isLoading())
            QVERIFY(pages.wait(30000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 300;
        VERIFY_OK(DemoGenerator::generate(options));
        auto project = ProjectReader::load(m_dir.filePath(DemoGenerator::projectFileName()));
        VERIFY_OK(project);
        m_project = *project;
        m_project.settings.maxErrorRate = 0.5;
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        RunOptions run;
        run.batchSize = 50;
        QVERIFY(controller.start(m_project, run));
        QVERIFY(finished.wait(120000));

        RunHistory history(m_project);
        auto rows = history.quarantine();
        VERIFY_OK(rows);
        m_ledgerRows = *rows;
        QVERIFY2(m_ledgerRows.size() > 10, "the demo's dirty rows are quarantined");
    }

    // A tester asks for more at every page it sees (as a view scrolled to the end would): the
    // model ends up with every row, each once.
    void listsExactlyTheLedgersRows()
    {
        QuarantineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        QSignalSpy counted(&model, &QuarantineModel::totalCountChanged);
        model.setProject(m_project);
        fetchAll(model);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), int(m_ledgerRows.size()));
        QCOMPARE(sorted(identities(model)), sorted(identities(m_ledgerRows)));
        QTRY_COMPARE(model.totalCount(), qint64(m_ledgerRows.size()));
        QVERIFY(!counted.isEmpty());

        // a row's cells: key, table, every reason
        const QuarantinedRow &first = model.quarantinedRow(0);
        QCOMPARE(model.index(0, QuarantineModel::TableColumn).data().toString(), first.tableName);
        QCOMPARE(model.index(0, QuarantineModel::KeyColumn).data().toString(),
                 QuarantineModel::keyText(first.sourceKey));
        const QString reasons =
            model.index(0, QuarantineModel::ReasonColumn).data(Qt::ToolTipRole).toString();
        QCOMPARE(reasons.split(QLatin1Char('\n')).size(), first.violations.size());
        QCOMPARE(model.index(0, 0).data(QuarantineModel::KindsRole).toList().size(),
                 first.violations.size());
    }

    // Without a tester asking, a page comes by itself and the next only when asked. (The tester
    // would ask at every page; it is attached in the other tests.)
    void fetchesAPageWhenAsked()
    {
        QuarantineModel model;
        model.setPageSize(7);
        model.setProject(m_project);
        waitIdle(model);
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(model.canFetchMore({}));
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 7); // nothing more unasked
        model.fetchMore({});
        model.fetchMore({}); // asked twice while reading: one page
        waitIdle(model);
        QCOMPARE(model.rowCount(), 14);
        QStringList firstTwoPages = identities(model);
        QCOMPARE(QSet<QString>(firstTwoPages.begin(), firstTwoPages.end()).size(), 14);
    }

    void filtersSelectWhatTheRowsSay()
    {
        QuarantineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50);
        model.setProject(m_project);
        fetchAll(model);
        // a table, a kind, a column: each as the ledger's rows say
        const QString table = m_ledgerRows.first().tableName;
        const Violation reason = m_ledgerRows.first().violations.first();
        const QList<QuarantineFilter> filters = [&] {
            QuarantineFilter byTable;
            byTable.table = table;
            QuarantineFilter byKind;
            byKind.kind = reason.kind;
            QuarantineFilter byColumn;
            byColumn.column = reason.column;
            byColumn.kind = reason.kind;
            QuarantineFilter byText;
            byText.text = m_ledgerRows.first().sourceKey;
            return QList<QuarantineFilter>{byTable, byKind, byColumn, byText};
        }();
        for (const QuarantineFilter &filter : filters) {
            model.setFilter(filter);
            fetchAll(model);
            QStringList expected;
            for (const QuarantinedRow &r : std::as_const(m_ledgerRows)) {
                const bool kindAndColumn = std::any_of(
                    r.violations.begin(), r.violations.end(), [&filter](const Violation &v) {
                        return (!filter.kind || v.kind == *filter.kind) &&
                               (filter.column.isEmpty() || v.column == filter.column);
                    });
                const bool text = filter.text.isEmpty() || r.sourceKey.contains(filter.text) ||
                                  r.rawValuesJson().contains(filter.text, Qt::CaseInsensitive) ||
                                  r.violationsJson().contains(filter.text, Qt::CaseInsensitive);
                if ((filter.table.isEmpty() || r.tableName == filter.table) && kindAndColumn &&
                    text)
                    expected.append(identity(r));
            }
            QVERIFY(!expected.isEmpty());
            QCOMPARE(sorted(identities(model)), sorted(expected));
            QTRY_COMPARE(model.totalCount(), qint64(expected.size()));
        }
        QVERIFY(identities(model).size() < m_ledgerRows.size());
    }

    // The first filter's page, read while the second was chosen, is dropped.
    void aNewerFilterDropsAnOlderPage()
    {
        QuarantineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProject(m_project); // every row, in flight
        QuarantineFilter none;
        none.table = QStringLiteral("no such table");
        model.setFilter(none);
        QSignalSpy pages(&model, &QuarantineModel::pageLoaded);
        QVERIFY(pages.wait(30000));
        QTest::qWait(200); // the first read's page, had it not been dropped, came by now
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.totalCount(), 0);
    }

    // Every column, both ways, under a tester, each page asked for after the last: the rows
    // come in pages of at most 7, each continuing after the last row, and add up to every row
    // once in the order of the column's stored value; -1 goes back to the read order.
    void sortsEveryColumnOnTheDatabase()
    {
        QuarantineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.setProject(m_project);
        fetchAll(model);
        QCOMPARE(model.sortColumn(), -1);
        QCOMPARE(identities(model),
                 QuarantineSorting::identities(QuarantineSorting::sorted(m_ledgerRows, {})));
        for (int column = 0; column < QuarantineModel::ColumnCount; ++column)
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
                QSignalSpy pages(&model, &QuarantineModel::pageLoaded);
                model.sort(column, order);
                QCOMPARE(reset.size(), 1);
                QCOMPARE(model.sortColumn(), column);
                QCOMPARE(model.sortOrder(), order);
                fetchAll(model);
                const QuarantineSort sort = QuarantineModel::querySort(column, order);
                QCOMPARE(sort.descending, order == Qt::DescendingOrder);
                QCOMPARE(identities(model), QuarantineSorting::identities(
                                                QuarantineSorting::sorted(m_ledgerRows, sort)));
                QVERIFY(pages.size() >= (m_ledgerRows.size() + 6) / 7);
                for (const QList<QVariant> &page : std::as_const(pages))
                    QVERIFY(page.first().toInt() <= 7);
                model.sort(column, order); // the same again: nothing read again
                QCOMPARE(reset.size(), 1);
            }
        model.sort(-1, Qt::DescendingOrder);
        QCOMPARE(model.sortColumn(), -1);
        fetchAll(model);
        QCOMPARE(identities(model),
                 QuarantineSorting::identities(QuarantineSorting::sorted(m_ledgerRows, {})));
        // a header asks for ascending first, the time newest first
        QCOMPARE(
            model.headerData(QuarantineModel::TableColumn, Qt::Horizontal, Qt::InitialSortOrderRole)
                .toInt(),
            int(Qt::AscendingOrder));
        QCOMPARE(
            model.headerData(QuarantineModel::WhenColumn, Qt::Horizontal, Qt::InitialSortOrderRole)
                .toInt(),
            int(Qt::DescendingOrder));
    }

    // Sorted, the model still reads a page only when asked: the first page of the new order,
    // then the next one, continuing that order; a filter keeps the sort.
    void aSortedModelFetchesAPageWhenAsked()
    {
        QuarantineModel model;
        model.setPageSize(7);
        model.sort(QuarantineModel::TableColumn, Qt::DescendingOrder); // before a project: kept
        model.setProject(m_project);
        waitIdle(model);
        const QStringList expected = QuarantineSorting::identities(QuarantineSorting::sorted(
            m_ledgerRows,
            QuarantineModel::querySort(QuarantineModel::TableColumn, Qt::DescendingOrder)));
        QCOMPARE(identities(model), expected.mid(0, 7));
        QVERIFY(model.canFetchMore({}));
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), 7); // nothing more unasked
        model.fetchMore({});
        waitIdle(model);
        QCOMPARE(identities(model), expected.mid(0, 14));

        model.sort(QuarantineModel::WhenColumn, Qt::DescendingOrder);
        waitIdle(model);
        QCOMPARE(model.rowCount(), 7);
        QuarantineFilter filter;
        filter.table = m_ledgerRows.first().tableName;
        model.setFilter(filter);
        waitIdle(model);
        QCOMPARE(model.sortColumn(), int(QuarantineModel::WhenColumn));
        QList<QuarantinedRow> selected;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            if (r.tableName == filter.table)
                selected.append(r);
        const QuarantineSort newestFirst =
            QuarantineModel::querySort(QuarantineModel::WhenColumn, Qt::DescendingOrder);
        QCOMPARE(identities(model),
                 QuarantineSorting::identities(QuarantineSorting::sorted(selected, newestFirst))
                     .mid(0, 7));
    }

    void aTargetWithoutALedgerHasNoRows()
    {
        QTemporaryDir empty;
        Project project = m_project;
        for (ConnectionDef &c : project.connections)
            if (c.name == project.targetConnection)
                c.url = QStringLiteral("sqlite:") + empty.filePath(QStringLiteral("none.db"));
        QuarantineModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProject(project);
        waitIdle(model);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.errorText().isEmpty());
        QVERIFY(!QFile::exists(empty.filePath(QStringLiteral("none.db")))); // nothing created
    }

    // 200,000 rows written straight into a ledger in one statement; the model shows the first
    // page at once and holds only what was asked for.
    void aBigLedgerOpensAtOnce()
    {
        QTemporaryDir dir;
        Project project = m_project;
        const QString target = dir.filePath(QStringLiteral("big.db"));
        for (ConnectionDef &c : project.connections)
            if (c.name == project.targetConnection)
                c.url = QStringLiteral("sqlite:") + target;
        const qint64 rows = 200000;
        {
            RunHistory history(project);
            VERIFY_OK(history.open());
            RunRecord run;
            run.project = project.name;
            auto runId = history.ledger().startRun(run);
            VERIFY_OK(runId);
            QElapsedTimer writing;
            writing.start();
            VERIFY_OK(history.session().execute(
                QStringLiteral(
                    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                    "INSERT INTO cutover_quarantine (run_id, table_name, source_key, raw_values, "
                    "violations, quarantined_at, retried_in_run, row_no) SELECT ?, CASE WHEN i "
                    "% 3 = 0 THEN 'visit' ELSE 'patient' END, '[' || i || ']', '{\"id\":' || i "
                    "|| ',\"name\":\"Patient ' || i || '\"}', '[{\"blocking\":true,\"column\":\"' "
                    "|| CASE WHEN i % 2 = 0 THEN 'born' ELSE 'name' END || '\",\"kind\":\"' || "
                    "CASE "
                    "WHEN i % 5 = 0 THEN 'conversion' ELSE 'rule' END || '\",\"reason\":\"is "
                    "wrong\",\"source\":\"check\",\"value\":\"x\",\"valueForm\":\"text\"}]', "
                    "'2024-05-01T10:00:00.000Z', NULL, i FROM n"),
                {rows - 1, *runId}));
            qInfo("wrote %lld quarantined rows in %lld ms", rows, writing.elapsed());
        }
        QuarantineModel model; // no tester: it would ask for every page
        QSignalSpy pages(&model, &QuarantineModel::pageLoaded);
        QElapsedTimer opening;
        opening.start();
        model.setProject(project);
        QVERIFY(pages.wait(30000));
        const qint64 firstPage = opening.elapsed();
        qInfo("first page of %lld rows: %lld ms", rows, firstPage);
        QVERIFY2(firstPage < 3000, qPrintable(QString::number(firstPage)));
        QCOMPARE(model.rowCount(), 500);
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), rows, 30000);
        QCOMPARE(model.rowCount(), 500); // the count read none of the rest
        model.fetchMore({});
        QVERIFY(pages.wait(30000));
        QCOMPARE(model.rowCount(), 1000);
        for (int row = 1; row < model.rowCount(); ++row) { // in the read order, each once
            const QuarantinedRow &before = model.quarantinedRow(row - 1);
            const QuarantinedRow &after = model.quarantinedRow(row);
            QVERIFY(before.tableName < after.tableName ||
                    (before.tableName == after.tableName && before.rowNumber < after.rowNumber));
        }

        // a filter's first page too
        QuarantineFilter filter;
        filter.table = QStringLiteral("visit");
        filter.kind = Violation::Kind::Conversion;
        filter.column = QStringLiteral("born");
        opening.restart();
        model.setFilter(filter);
        QVERIFY(pages.wait(30000));
        const qint64 filtered = opening.elapsed();
        qInfo("first filtered page of %lld rows: %lld ms", rows, filtered);
        QVERIFY2(filtered < 3000, qPrintable(QString::number(filtered)));
        QCOMPARE(model.rowCount(), 500);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.quarantinedRow(row).rowNumber % 30, 0); // i % 3, % 2 and % 5 are 0
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), (rows + 29) / 30, 30000);

        // sorted by a column no index holds, the first page comes at once too, and the next
        // continues its order
        model.setFilter({});
        QVERIFY(pages.wait(30000));
        opening.restart();
        model.sort(QuarantineModel::TableColumn, Qt::DescendingOrder);
        QVERIFY(pages.wait(30000));
        const qint64 sorted = opening.elapsed();
        qInfo("first page of %lld rows sorted by table: %lld ms", rows, sorted);
        QVERIFY2(sorted < 3000, qPrintable(QString::number(sorted)));
        QCOMPARE(model.rowCount(), 500);
        model.fetchMore({});
        QVERIFY(pages.wait(30000));
        QCOMPARE(model.rowCount(), 1000);
        for (int row = 1; row < model.rowCount(); ++row) { // visit before patient; keys as text
            const QuarantinedRow &before = model.quarantinedRow(row - 1);
            const QuarantinedRow &after = model.quarantinedRow(row);
            QCOMPARE(after.tableName, QStringLiteral("visit"));
            QVERIFY(before.sourceKey.toUtf8() > after.sourceKey.toUtf8());
        }

        // and the export streams all of them off the GUI thread
        QuarantineExporter exporter;
        QSignalSpy done(&exporter, &QuarantineExporter::finished);
        QElapsedTimer exporting;
        exporting.start();
        QVERIFY(exporter.start(project, {}, dir.filePath(QStringLiteral("all.csv"))));
        QVERIFY(!exporter.start(project, {}, dir.filePath(QStringLiteral("twice.csv"))));
        QVERIFY(done.wait(300000));
        qInfo("exported %lld rows in %lld ms", rows, exporting.elapsed());
        QCOMPARE(done.first().at(1).toLongLong(), rows);
        QFile csv(dir.filePath(QStringLiteral("all.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        qint64 lines = 0;
        while (!csv.readLine().isEmpty())
            ++lines;
        QCOMPARE(lines, rows + 1);
    }
};

QTEST_GUILESS_MAIN(TestQuarantineModel)
#include "tst_quarantinemodel.moc"
