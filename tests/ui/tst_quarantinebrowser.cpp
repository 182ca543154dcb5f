// The quarantine browser after a real run of the demo (its dirty rows quarantined): it lists
// them with their reasons, filters by table, shows a chosen row's every reason and raw values,
// asks to jump to the mapping and column that rejected it with the row's key, asks to retry
// its table, sorts by a click on a column's header (on the database, a page at a time, the
// header showing the order), and exports the very bytes `cutover-cli quarantine --export`
// writes, as CSV and as JSON. With CUTOVER_QUARANTINE_SHOTS set it saves PNGs of itself there.
#include "CliRunner.h"
#include "QuarantineModel.h"
#include "QuarantineSorting.h"
#include "VerifyOk.h"
#include "core/ViolationText.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "quarantine/QuarantineBrowser.h"
#include "quarantine/QuarantineFilterBar.h"
#include "quarantine/QuarantineRowDetails.h"
#include "run/RunController.h"
#include "run/ledger/RunHistory.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::CliRunner;
using test::QuarantineSorting;

class TestQuarantineBrowser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;
    Project m_project;
    QList<QuarantinedRow> m_ledgerRows;

    static void loadAll(QuarantineBrowser &browser)
    {
        QuarantineModel *model = browser.model();
        for (int guard = 0; guard < 1000; ++guard) {
            QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 30000);
            if (!model->canFetchMore({}))
                break;
            browser.rowsView()->scrollToBottom(); // the view asks for the next page
            QCoreApplication::processEvents();
            if (!model->isLoading())
                model->fetchMore({});
        }
        QTRY_VERIFY_WITH_TIMEOUT(model->totalCount() >= 0, 30000);
    }

    // Moves a combo box to the item holding data, with the keyboard as a person would.
    static void choose(QComboBox *box, const QVariant &data)
    {
        const int wanted = data.isValid() ? box->findData(data) : 0;
        QVERIFY2(wanted >= 0, qPrintable(data.toString()));
        box->setFocus();
        for (int guard = 0; box->currentIndex() != wanted && guard < 200; ++guard)
            QTest::keyClick(box, box->currentIndex() < wanted ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(box->currentIndex(), wanted);
    }

    static void clickRow(QuarantineBrowser &browser, int row)
    {
        QTableView *view = browser.rowsView();
        const QModelIndex index = view->model()->index(row, QuarantineModel::ReasonColumn);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QCOMPARE(view->currentIndex().row(), row);
    }

    // A click in the middle of a column's header, as a person sorts.
    static void clickHeader(QuarantineBrowser &browser, int column)
    {
        QHeaderView *header = browser.rowsView()->horizontalHeader();
        const QPoint middle(header->sectionViewportPosition(column) +
                                header->sectionSize(column) / 2,
                            header->height() / 2);
        QCOMPARE(header->logicalIndexAt(middle), column);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
    }

    QStringList shownInOrder(QuarantineBrowser &browser) const
    {
        QList<QuarantinedRow> rows;
        for (int row = 0; row < browser.model()->rowCount(); ++row)
            rows.append(browser.model()->quarantinedRow(row));
        return QuarantineSorting::identities(rows);
    }

    QStringList expectedOrder(int column, Qt::SortOrder order) const
    {
        return QuarantineSorting::identities(
            QuarantineSorting::sorted(m_ledgerRows, QuarantineModel::querySort(column, order)));
    }

    std::unique_ptr<QuarantineBrowser> open()
    {
        auto browser = std::make_unique<QuarantineBrowser>();
        browser->resize(1280, 640);
        browser->show();
        browser->setProject(m_project);
        return browser;
    }

    QByteArray cliExport(const QString &name, const QStringList &options = {})
    {
        const QString file = m_dir.filePath(name);
        const auto run = CliRunner::run(QStringList{QStringLiteral("quarantine"), m_projectFile,
                                                    QStringLiteral("--export"), file} +
                                        options);
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QByteArray browserExport(QuarantineBrowser &browser, const QString &file)
    {
        QSignalSpy done(&browser, &QuarantineBrowser::exportFinished);
        if (!browser.exportTo(file) || !done.wait(60000))
            return {};
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 300;
        VERIFY_OK(DemoGenerator::generate(options));
        m_projectFile = m_dir.filePath(DemoGenerator::projectFileName());
        auto project = ProjectReader::load(m_projectFile);
        VERIFY_OK(project);
        m_project = *project;
        m_project.settings.maxErrorRate = 0.5;
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        RunOptions run;
        run.batchSize = 50;
        QVERIFY(controller.start(m_project, run));
        QVERIFY(finished.wait(120000));
        auto rows = RunHistory(m_project).quarantine();
        VERIFY_OK(rows);
        m_ledgerRows = *rows;
        QVERIFY(m_ledgerRows.size() > 10);
    }

    void listsTheDirtyRowsWithTheirReasons()
    {
        auto browser = open();
        loadAll(*browser);
        QuarantineModel *model = browser->model();
        QCOMPARE(model->rowCount(), int(m_ledgerRows.size()));
        QCOMPARE(model->totalCount(), qint64(m_ledgerRows.size()));
        QVERIFY2(browser->statusText().contains(QLocale().toString(m_ledgerRows.size())),
                 qPrintable(browser->statusText()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QuarantinedRow &r = model->quarantinedRow(row);
            QVERIFY(!r.violations.isEmpty());
            const QString reason =
                model->index(row, QuarantineModel::ReasonColumn).data().toString();
            QVERIFY2(reason.contains(ViolationText::describe(r.violations.first())),
                     qPrintable(reason));
        }
        // the runs came too: all runs and the demo's one
        QTRY_COMPARE(browser->filterBar()->runBox()->count(), 2);
    }

    void filtersByTable()
    {
        auto browser = open();
        loadAll(*browser);
        const QString table = m_ledgerRows.last().tableName;
        qsizetype expected = 0;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            expected += r.tableName == table;
        QVERIFY(expected < m_ledgerRows.size());
        choose(browser->filterBar()->tableBox(), table);
        loadAll(*browser);
        QCOMPARE(browser->model()->rowCount(), int(expected));
        for (int row = 0; row < browser->model()->rowCount(); ++row)
            QCOMPARE(browser->model()->quarantinedRow(row).tableName, table);
        choose(browser->filterBar()->tableBox(), QVariant()); // all tables again
        loadAll(*browser);
        QCOMPARE(browser->model()->rowCount(), int(m_ledgerRows.size()));
    }

    void aChosenRowShowsEveryReasonAndItsValues()
    {
        auto browser = open();
        loadAll(*browser);
        int many = 0; // a row with the most reasons
        for (int row = 0; row < browser->model()->rowCount(); ++row)
            if (browser->model()->quarantinedRow(row).violations.size() >
                browser->model()->quarantinedRow(many).violations.size())
                many = row;
        clickRow(*browser, many);
        const QuarantinedRow &r = browser->model()->quarantinedRow(many);
        QTableWidget *reasons = browser->details()->reasons();
        QCOMPARE(reasons->rowCount(), r.violations.size());
        for (int i = 0; i < reasons->rowCount(); ++i) {
            QCOMPARE(reasons->item(i, QuarantineRowDetails::ReasonTextColumn)->text(),
                     ViolationText::describe(r.violations.at(i)));
            QVERIFY(reasons->item(i, QuarantineRowDetails::KindColumn)
                        ->text()
                        .startsWith(QuarantineModel::kindSymbol(r.violations.at(i).kind)));
        }
        QCOMPARE(browser->details()->values()->rowCount(), r.rawValues.size());
        QVERIFY(browser->details()->headingText().contains(r.tableName));
    }

    void jumpsToTheMappingAndColumnWithTheKey()
    {
        auto browser = open();
        loadAll(*browser);
        QSignalSpy jumps(browser.get(), &QuarantineBrowser::mappingJumpRequested);
        clickRow(*browser, 0);
        const QuarantinedRow &r = browser->model()->quarantinedRow(0);
        QTest::mouseClick(browser->jumpButton(), Qt::LeftButton);
        QCOMPARE(jumps.size(), 1);
        const TableMapping *mapping = m_project.mapping(r.tableName);
        QVERIFY(mapping);
        QString column; // the first reason naming a column
        for (const Violation &v : r.violations)
            if (column.isEmpty())
                column = v.column;
        QCOMPARE(jumps.first().at(0).toString(), mapping->source);
        QCOMPARE(jumps.first().at(1).toString(), r.tableName);
        QCOMPARE(jumps.first().at(2).toString(), column);
        QCOMPARE(jumps.first().at(3).toString(), r.sourceKey);

        // a double-click on a reason jumps to its column
        QTableWidget *reasons = browser->details()->reasons();
        const QRect rect = reasons->visualItemRect(
            reasons->item(reasons->rowCount() - 1, QuarantineRowDetails::ReasonTextColumn));
        QTest::mouseClick(reasons->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(reasons->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(jumps.size() >= 2);
        QCOMPARE(jumps.last().at(2).toString(), r.violations.last().column);
        QCOMPARE(jumps.last().at(3).toString(), r.sourceKey);
    }

    void asksToRetryTheRowsTable()
    {
        auto browser = open();
        loadAll(*browser);
        QVERIFY(!browser->retryButton()->isEnabled()); // no row chosen
        const int row = browser->model()->rowCount() - 1;
        clickRow(*browser, row);
        QSignalSpy retries(browser.get(), &QuarantineBrowser::retryRequested);
        QTest::mouseClick(browser->retryButton(), Qt::LeftButton);
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().first().toString(),
                 browser->model()->quarantinedRow(row).tableName);
        QVERIFY(browser->retryButton()->text().contains(
            browser->model()->quarantinedRow(row).tableName));
    }

    // Clicks on the headers: ascending first (the time newest first), descending on a second
    // click, the ledger's order on a third; the header shows it; each order read a page at a
    // time on the database, the view asking for the next page as it scrolls.
    void sortsByAHeaderClick()
    {
        auto browser = open();
        loadAll(*browser);
        QHeaderView *header = browser->rowsView()->horizontalHeader();
        QVERIFY(browser->rowsView()->isSortingEnabled());
        QVERIFY(header->isSortIndicatorShown());
        QCOMPARE(header->sortIndicatorSection(), -1); // the read order to begin with
        QCOMPARE(browser->model()->sortColumn(), -1);
        const QStringList readOrder = shownInOrder(*browser);
        browser->model()->setPageSize(10); // pages smaller than the demo's rows

        const struct
        {
            int column;
            Qt::SortOrder order;
        } clicks[] = {{QuarantineModel::TableColumn, Qt::AscendingOrder},
                      {QuarantineModel::TableColumn, Qt::DescendingOrder},
                      {QuarantineModel::KeyColumn, Qt::AscendingOrder},
                      {QuarantineModel::WhenColumn, Qt::DescendingOrder},
                      {QuarantineModel::WhenColumn, Qt::AscendingOrder},
                      {QuarantineModel::RunColumn, Qt::AscendingOrder},
                      {QuarantineModel::ReasonColumn, Qt::AscendingOrder},
                      {QuarantineModel::RetriedColumn, Qt::AscendingOrder}};
        for (const auto &click : clicks) {
            clickHeader(*browser, click.column);
            QCOMPARE(header->sortIndicatorSection(), click.column);
            QCOMPARE(header->sortIndicatorOrder(), click.order);
            QCOMPARE(browser->model()->sortColumn(), click.column);
            QCOMPARE(browser->model()->sortOrder(), click.order);
            // the first page alone, in the new order
            QTRY_VERIFY_WITH_TIMEOUT(!browser->model()->isLoading(), 30000);
            const QStringList expected = expectedOrder(click.column, click.order);
            QCOMPARE(shownInOrder(*browser), expected.mid(0, browser->model()->rowCount()));
            QVERIFY(browser->model()->rowCount() <= 20); // a page, or two as the view filled up
            QVERIFY(browser->model()->canFetchMore({}));
            loadAll(*browser);
            QCOMPARE(shownInOrder(*browser), expected);
            QCOMPARE(header->sortIndicatorSection(), click.column); // a reset keeps it
        }
        // the third click on a column: the ledger's order, no indicator
        clickHeader(*browser, QuarantineModel::RetriedColumn);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        clickHeader(*browser, QuarantineModel::RetriedColumn);
        QCOMPARE(header->sortIndicatorSection(), -1);
        QCOMPARE(browser->model()->sortColumn(), -1);
        loadAll(*browser);
        QCOMPARE(shownInOrder(*browser), readOrder);

        // a sort holds through a filter and a chosen row still shows its own details
        clickHeader(*browser, QuarantineModel::KeyColumn);
        clickHeader(*browser, QuarantineModel::KeyColumn);
        const QString table = m_ledgerRows.last().tableName;
        choose(browser->filterBar()->tableBox(), table);
        loadAll(*browser);
        QCOMPARE(header->sortIndicatorSection(), int(QuarantineModel::KeyColumn));
        QList<QuarantinedRow> selected;
        for (const QuarantinedRow &r : std::as_const(m_ledgerRows))
            if (r.tableName == table)
                selected.append(r);
        QCOMPARE(shownInOrder(*browser),
                 QuarantineSorting::identities(QuarantineSorting::sorted(
                     selected,
                     QuarantineModel::querySort(QuarantineModel::KeyColumn, Qt::DescendingOrder))));
        clickRow(*browser, 0);
        QVERIFY(browser->details()->headingText().contains(table));
    }

    void exportsWhatTheCliExports()
    {
        auto browser = open();
        loadAll(*browser);
        const QByteArray cliCsv = cliExport(QStringLiteral("cli.csv"));
        const QByteArray cliJson = cliExport(QStringLiteral("cli.json"));
        QVERIFY(cliCsv.count('\n') > m_ledgerRows.size()); // a header and a line a row at least
        QVERIFY(cliJson.contains("\"count\": " + QByteArray::number(m_ledgerRows.size())));
        QCOMPARE(browserExport(*browser, m_dir.filePath(QStringLiteral("window.csv"))), cliCsv);
        QCOMPARE(browserExport(*browser, m_dir.filePath(QStringLiteral("window.json"))), cliJson);

        // the filtered rows, as the CLI's --table
        const QString table = m_ledgerRows.last().tableName;
        choose(browser->filterBar()->tableBox(), table);
        loadAll(*browser);
        QCOMPARE(browserExport(*browser, m_dir.filePath(QStringLiteral("table.json"))),
                 cliExport(QStringLiteral("cli-table.json"), {QStringLiteral("--table"), table}));
        QVERIFY(browser->statusText().contains(QStringLiteral("table.json")));
    }

    void savesScreenshots()
    {
        const QString dir = qEnvironmentVariable("CUTOVER_QUARANTINE_SHOTS");
        if (dir.isEmpty())
            QSKIP("set CUTOVER_QUARANTINE_SHOTS to a folder for PNGs of the browser");
        QDir().mkpath(dir);
        auto browser = open();
        loadAll(*browser);
        int many = 0;
        for (int row = 0; row < browser->model()->rowCount(); ++row)
            if (browser->model()->quarantinedRow(row).violations.size() >
                browser->model()->quarantinedRow(many).violations.size())
                many = row;
        clickRow(*browser, many);
        QCoreApplication::processEvents(); // the layout follows the retry button's new text
        QVERIFY(browser->grab().save(dir + QStringLiteral("/quarantine.png")));
        browser->resize(900, 520);
        QCoreApplication::processEvents();
        QVERIFY(browser->grab().save(dir + QStringLiteral("/quarantine-narrow.png")));
        choose(browser->filterBar()->kindBox(), int(Violation::Kind::Conversion));
        loadAll(*browser);
        browser->resize(1280, 640);
        if (browser->model()->rowCount() > 0)
            clickRow(*browser, 0);
        QCoreApplication::processEvents();
        QVERIFY(browser->grab().save(dir + QStringLiteral("/quarantine-filtered.png")));
        auto empty = std::make_unique<QuarantineBrowser>();
        empty->resize(1280, 640);
        empty->show();
        QVERIFY(empty->grab().save(dir + QStringLiteral("/quarantine-empty.png")));
    }
};

QTEST_MAIN(TestQuarantineBrowser)
#include "tst_quarantinebrowser.moc"
