#include "FakePasswordProvider.h"
#include "MainWindow.h"
#include "MappingsPane.h"
#include "ProblemListModel.h"
#include "ProblemsPane.h"
#include "SchemaPane.h"
#include "SchemaTreeModel.h"
#include "project/Project.h"
#include "project/ProjectWriter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMessageBox>
#include <QScreen>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace cutover;

namespace {

constexpr int kLoadTimeout = 30000;

bool makeDatabase(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &sql : statements) {
            if (!ok)
                break;
            ok = query.exec(sql);
            if (!ok)
                qWarning() << sql << query.lastError().text();
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return ok;
}

ColumnMapping columnMapping(const QString &target, const QString &expression)
{
    ColumnMapping c;
    c.target = target;
    c.expression = expression;
    return c;
}

// legacy.db (customers, orders) mapped onto modern.db (customer, purchase). The customer
// mapping names a target column that does not exist ("emial") on purpose.
QString writeProject(const QTemporaryDir &dir, const QString &name, bool withMistake)
{
    const QString legacy = dir.filePath(QStringLiteral("legacy.db"));
    const QString modern = dir.filePath(QStringLiteral("modern.db"));
    if (!QFile::exists(legacy) &&
        !makeDatabase(legacy,
                      {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, "
                                      "name VARCHAR(80) NOT NULL, mail TEXT, city TEXT)"),
                       QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id "
                                      "INTEGER REFERENCES customers(id), total REAL, placed TEXT)"),
                       QStringLiteral("INSERT INTO customers (name, mail) VALUES ('Ada', "
                                      "'ada@example.org')")}))
        return {};
    if (!QFile::exists(modern) &&
        !makeDatabase(
            modern, {QStringLiteral("CREATE TABLE customer (id INTEGER PRIMARY KEY, full_name "
                                    "TEXT NOT NULL, email TEXT, town TEXT)"),
                     QStringLiteral("CREATE TABLE purchase (id INTEGER PRIMARY KEY, customer_id "
                                    "INTEGER NOT NULL REFERENCES customer(id), amount "
                                    "NUMERIC(12,2), placed_at TIMESTAMP)"),
                     QStringLiteral("CREATE INDEX purchase_by_customer ON purchase(customer_id)")}))
        return {};

    Project project;
    project.name = name;
    project.connections
        << ConnectionDef{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.db"), {}}
        << ConnectionDef{QStringLiteral("modern"), QStringLiteral("sqlite:modern.db"), {}};
    project.sourceConnection = QStringLiteral("legacy");
    project.targetConnection = QStringLiteral("modern");
    TableMapping customer;
    customer.source = QStringLiteral("customers");
    customer.target = QStringLiteral("customer");
    customer.columns << columnMapping(QStringLiteral("id"), QStringLiteral("id"))
                     << columnMapping(QStringLiteral("full_name"), QStringLiteral("trim(name)"))
                     << columnMapping(withMistake ? QStringLiteral("emial")
                                                  : QStringLiteral("email"),
                                      QStringLiteral("lower(mail)"))
                     << columnMapping(QStringLiteral("town"), QStringLiteral("city"));
    TableMapping purchase;
    purchase.source = QStringLiteral("orders");
    purchase.target = QStringLiteral("purchase");
    purchase.columns << columnMapping(QStringLiteral("id"), QStringLiteral("id"))
                     << columnMapping(QStringLiteral("customer_id"), QStringLiteral("customer_id"))
                     << columnMapping(QStringLiteral("amount"), QStringLiteral("total"))
                     << columnMapping(QStringLiteral("placed_at"), QStringLiteral("placed"));
    project.mappings << customer << purchase;

    const QString file = dir.filePath(name.toLower() + QStringLiteral(".cutover"));
    if (auto saved = ProjectWriter::save(project, file); !saved) {
        qWarning() << saved.error().toString();
        return {};
    }
    return file;
}

QStringList topLevelNames(const QAbstractItemModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data().toString();
    return names;
}

QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names << model->index(row, 0, parent).data().toString();
    return names;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_project = writeProject(m_dir, QStringLiteral("Shop"), true);
        QVERIFY(!m_project.isEmpty());
    }

    void opensProjectAndShowsBothTrees()
    {
        MainWindow window(&m_passwords);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Cutover"));
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(m_project);
        QVERIFY(window.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!window.isLoading());

        QCOMPARE(window.windowTitle(), QStringLiteral("Shop[*] \u2014 Cutover"));
        QCOMPARE(topLevelNames(window.sourcePane()->tree()->model()),
                 (QStringList{QStringLiteral("customers"), QStringLiteral("orders")}));
        QCOMPARE(topLevelNames(window.targetPane()->tree()->model()),
                 (QStringList{QStringLiteral("customer"), QStringLiteral("purchase")}));
        QCOMPARE(window.sourcePane()->connectionName(), QStringLiteral("legacy"));
        QCOMPARE(window.targetPane()->connectionName(), QStringLiteral("modern"));

        const SchemaTreeModel *target = window.targetPane()->model();
        const QModelIndex purchase = target->tableIndex(QStringLiteral("purchase"));
        QCOMPARE(childNames(target, purchase).mid(0, 4),
                 (QStringList{QStringLiteral("id"), QStringLiteral("customer_id"),
                              QStringLiteral("amount"), QStringLiteral("placed_at")}));
        QVERIFY(target
                    ->data(target->columnIndex(QStringLiteral("purchase"),
                                               QStringLiteral("customer_id")),
                           SchemaTreeModel::IsForeignKeyRole)
                    .toBool());

        // the middle lists the table mappings, source -> target
        QTreeWidget *mappings = window.mappingsPane()->tree();
        QCOMPARE(mappings->topLevelItemCount(), 2);
        QCOMPARE(mappings->topLevelItem(0)->text(0), QStringLiteral("customers \u2192 customer"));
        QCOMPARE(mappings->topLevelItem(1)->text(0), QStringLiteral("orders \u2192 purchase"));
        QCOMPARE(mappings->topLevelItem(0)->childCount(), 4);
    }

    void filterNarrowsTree()
    {
        MainWindow window(&m_passwords);
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(m_project);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);

        SchemaPane *source = window.sourcePane();
        const QAbstractItemModel *view = source->tree()->model();
        QCOMPARE(view->rowCount(), 2);

        // a column name keeps its table, with only the matching column, and opens the table
        QTest::keyClicks(source->filterEdit(), QStringLiteral("MAIL"));
        QCOMPARE(source->filterText(), QStringLiteral("MAIL"));
        QCOMPARE(topLevelNames(view), QStringList{QStringLiteral("customers")});
        QCOMPARE(childNames(view, view->index(0, 0)), QStringList{QStringLiteral("mail")});
        QVERIFY(source->tree()->isExpanded(view->index(0, 0)));

        // a table name keeps the table with all of its columns
        source->setFilterText(QStringLiteral("orders"));
        QCOMPARE(topLevelNames(view), QStringList{QStringLiteral("orders")});
        QVERIFY(childNames(view, view->index(0, 0)).contains(QStringLiteral("total")));

        // a column both tables have keeps both
        source->setFilterText(QStringLiteral("id"));
        QCOMPARE(view->rowCount(), 2);

        source->setFilterText(QStringLiteral("no such thing"));
        QCOMPARE(view->rowCount(), 0);
        source->filterEdit()->clear();
        QCOMPARE(view->rowCount(), 2);
        // the other side is not affected
        source->setFilterText(QStringLiteral("mail"));
        QCOMPARE(window.targetPane()->tree()->model()->rowCount(), 2);

        // reloading keeps the filter
        window.reload();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kLoadTimeout);
        QCOMPARE(topLevelNames(view), QStringList{QStringLiteral("customers")});
    }

    void problemsForWrongMapping()
    {
        MainWindow window(&m_passwords);
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(m_project);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);

        ProblemListModel *problems = window.problemsPane()->model();
        QVERIFY(problems->rowCount() >= 1);
        int wrong = -1;
        for (int row = 0; row < problems->rowCount(); ++row)
            if (problems->problem(row).column == QLatin1String("emial"))
                wrong = row;
        QVERIFY2(wrong >= 0, "no problem names the unknown target column");
        const Problem &problem = problems->problem(wrong);
        QCOMPARE(problem.severity, Problem::Severity::Error);
        QCOMPARE(problem.table, QStringLiteral("customer"));
        QVERIFY(problems->count(Problem::Severity::Error) >= 1);
        QVERIFY2(window.problemsPane()->summaryText().contains(QStringLiteral("error")),
                 qPrintable(window.problemsPane()->summaryText()));
        QCOMPARE(problems->data(problems->index(wrong, ProblemListModel::CodeColumn)).toString(),
                 problem.code);

        // double-clicking the problem selects its table in the target tree (the column does not
        // exist there) and the mapping in the middle
        window.targetPane()->setFilterText(QStringLiteral("purchase"));
        QTreeView *view = window.problemsPane()->view();
        const QRect rect =
            view->visualRect(problems->index(wrong, ProblemListModel::MessageColumn));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        const QModelIndex current = window.targetPane()->tree()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(SchemaTreeModel::TableNameRole).toString(),
                 QStringLiteral("customer"));
        QCOMPARE(window.targetPane()->filterText(), QString()); // the filter hid it
        QCOMPARE(window.mappingsPane()->tree()->currentItem(),
                 window.mappingsPane()->tree()->topLevelItem(0));

        // a problem that names a column that exists selects the column
        Problem onColumn = problem;
        onColumn.column = QStringLiteral("email");
        Q_EMIT window.problemsPane()->problemActivated(onColumn);
        const QModelIndex column = window.targetPane()->tree()->currentIndex();
        QCOMPARE(column.data(SchemaTreeModel::ColumnNameRole).toString(), QStringLiteral("email"));
        QCOMPARE(column.data(SchemaTreeModel::TableNameRole).toString(),
                 QStringLiteral("customer"));
    }

    void correctProjectHasNoErrors()
    {
        QTemporaryDir dir;
        const QString file = writeProject(dir, QStringLiteral("Clean"), false);
        QVERIFY(!file.isEmpty());
        MainWindow window(&m_passwords);
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(file);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
        QCOMPARE(window.problemsPane()->model()->count(Problem::Severity::Error), 0);
    }

    void corruptProjectShowsErrorWithLine()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.cutover"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\n  \"formatVersion\": 1,\n  \"name\": \"Broken\",\n  \"connections\": [\n"
                  "    { \"name\": \"a\", \"url\": \"sqlite:a.db\" \n");
        out.close();

        MainWindow window(&m_passwords);
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(file);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
        QCOMPARE(finished.first().first().toBool(), false);

        ProblemListModel *problems = window.problemsPane()->model();
        QCOMPARE(problems->rowCount(), 1);
        const Problem &problem = problems->problem(0);
        QCOMPARE(problem.severity, Problem::Severity::Error);
        QVERIFY2(problem.location.contains(QStringLiteral("broken.cutover:")),
                 qPrintable(problem.location));
        // the place names a line: "broken.cutover:LINE:COLUMN"
        static const QRegularExpression line(QStringLiteral("broken\\.cutover:(\\d+)"));
        const auto match = line.match(problem.location);
        QVERIFY2(match.hasMatch() && match.captured(1).toInt() >= 5, qPrintable(problem.location));
        QVERIFY(!problem.message.isEmpty());
        QCOMPARE(window.sourcePane()->model()->rowCount(), 0);
        QCOMPARE(window.targetPane()->model()->rowCount(), 0);

        auto *box = window.findChild<QMessageBox *>(QStringLiteral("loadErrorBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->informativeText().contains(QStringLiteral("broken.cutover:")));
        box->close();

        // a project file that does not exist is an error too, not a crash
        window.openProject(dir.filePath(QStringLiteral("missing.cutover")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kLoadTimeout);
        QCOMPARE(finished.last().first().toBool(), false);
        QCOMPARE(problems->rowCount(), 1);
    }

    void unreadableConnectionShowsOnItsSide()
    {
        QTemporaryDir dir;
        const QString file = writeProject(dir, QStringLiteral("Gone"), false);
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("modern.db"))));
        MainWindow window(&m_passwords);
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(file);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(window.sourcePane()->model()->rowCount(), 2);
        QCOMPARE(window.sourcePane()->unavailableReason(), QString());
        QCOMPARE(window.targetPane()->model()->rowCount(), 0);
        QVERIFY2(window.targetPane()->unavailableReason().contains(QStringLiteral("modern.db")),
                 qPrintable(window.targetPane()->unavailableReason()));
        bool reported = false;
        for (const Problem &p : window.problemsPane()->model()->problems())
            reported = reported || p.code == QLatin1String("cannot-connect");
        QVERIFY(reported);
        // the pane title never shows more than the connection's display name
        QCOMPARE(window.targetPane()->connectionName(), QStringLiteral("modern"));
    }

    void staleLoadsAreDropped()
    {
        QTemporaryDir dir;
        const QString other = writeProject(dir, QStringLiteral("Other"), false);
        MainWindow window(&m_passwords);
        QSignalSpy started(&window, &MainWindow::loadStarted);
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(m_project);
        window.openProject(other);
        QCOMPARE(started.count(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
        QTest::qWait(300); // the first load's result arrives too, and must be dropped
        QCOMPARE(finished.count(), 1);
        QCOMPARE(window.windowTitle(), QStringLiteral("Other[*] \u2014 Cutover"));
        QCOMPARE(window.projectFile(), other);
    }

    // A laptop's 1366x768 must show the whole window: it opens no larger than the screen.
    void opensWithinTheScreen()
    {
        MainWindow window(&m_passwords);
        const QRect available = window.screen()->availableGeometry();
        QVERIFY2(available.width() < MainWindow::kPreferredSize.width(),
                 "the offscreen screen is smaller than the preferred size");
        QVERIFY(window.width() <= available.width());
        QVERIFY(window.height() <= available.height());
        QVERIFY(available.contains(window.geometry()));
        QVERIFY(window.minimumSizeHint().width() <= 1366);
        QVERIFY(window.minimumSizeHint().height() <= 768 - 48);
    }

    void screenshotIsNotBlank()
    {
        MainWindow window(&m_passwords);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openProject(m_project);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);

        // open a table on each side and show a problem, so the picture has something in it;
        // a reload keeps what was open and selected
        QTreeView *source = window.sourcePane()->tree();
        source->expand(source->model()->index(0, 0));
        window.mappingsPane()->tree()->expandAll();
        ProblemListModel *problems = window.problemsPane()->model();
        QVERIFY(problems->rowCount() > 0);
        window.problemsPane()->view()->setCurrentIndex(problems->index(0, 0));
        Q_EMIT window.problemsPane()->problemActivated(problems->problem(0));
        const QString selected = window.targetPane()->tree()->currentIndex().data().toString();
        QVERIFY(!selected.isEmpty());
        window.reload();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kLoadTimeout);
        QVERIFY(source->isExpanded(source->model()->index(0, 0)));
        QCOMPARE(window.targetPane()->tree()->currentIndex().data().toString(), selected);

        const QImage image = window.grab().toImage();
        // CUTOVER_TEST_SCREENSHOTS=DIR keeps a copy, e.g. to look at or for the README
        const QString keep = qEnvironmentVariable("CUTOVER_TEST_SCREENSHOTS");
        if (!keep.isEmpty())
            QVERIFY(image.save(QDir(keep).filePath(QStringLiteral("mainwindow.png"))));
        const QString png = m_dir.filePath(QStringLiteral("window.png"));
        QVERIFY(image.save(png));
        QVERIFY(QFile(png).size() > 1000);
        QCOMPARE(image.width(), window.width() * image.devicePixelRatio());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        // the icons from the resources render
        QVERIFY(!QIcon(QStringLiteral(":/icons/table.svg")).pixmap(16, 16).isNull());
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    test::FakePasswordProvider m_passwords;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
