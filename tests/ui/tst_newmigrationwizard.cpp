#include "CliRunner.h"
#include "FakePasswordProvider.h"
#include "SqliteFile.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "wizard/BusyRow.h"
#include "wizard/ConnectionChooser.h"
#include "wizard/IntrospectionPage.h"
#include "wizard/NewMigrationWizard.h"
#include "wizard/PathField.h"
#include "wizard/SavePage.h"
#include "wizard/SchemaSummary.h"
#include "wizard/SuggestionTree.h"
#include "wizard/SuggestionsPage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::CliRunner;
using cutover::test::SqliteFile;

namespace {

constexpr int kTimeout = 60000;

// legacy.db: customers, their orders (a foreign key) and an audit log the target lacks.
QString makeSource(const QString &path)
{
    return SqliteFile::create(
        path,
        {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT "
                        "NULL, mail TEXT, city TEXT, created TEXT)"),
         QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL "
                        "REFERENCES customers(id), total REAL, placed TEXT)"),
         QStringLiteral("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, message TEXT NOT NULL, "
                        "logged TEXT)"),
         QStringLiteral("INSERT INTO customers VALUES (1, 'Ada Lovelace', 'ada@example.org', "
                        "'London', '2023-01-02 10:00:00'), (2, 'Alan Turing', "
                        "'alan@example.org', 'Wilmslow', '2023-02-03 11:00:00'), (3, 'Grace "
                        "Hopper', 'grace@example.org', 'New York', '2023-03-04 12:00:00')"),
         QStringLiteral("INSERT INTO orders VALUES (10, 1, 12.5, '2023-04-01'), (11, 1, 99.0, "
                        "'2023-04-02'), (12, 2, 5.25, '2023-04-03'), (13, 3, 42.0, '2023-04-04'), "
                        "(14, 3, 7.0, '2023-04-05')"),
         QStringLiteral("INSERT INTO audit_log VALUES (1, 'created', '2023-01-01'), (2, "
                        "'migrated', '2023-01-02')")});
}

// modern.db: the same customers and orders under other names, with other column names and types.
QString makeTarget(const QString &path)
{
    return SqliteFile::create(
        path, {QStringLiteral("CREATE TABLE customer (customer_id INTEGER PRIMARY KEY, full_name "
                              "VARCHAR(80) NOT NULL, email VARCHAR(120), town VARCHAR(60), "
                              "created_at TIMESTAMP)"),
               QStringLiteral("CREATE TABLE purchase (purchase_id INTEGER PRIMARY KEY, customer_id "
                              "INTEGER NOT NULL REFERENCES customer(customer_id), amount "
                              "NUMERIC(10,2), placed_on DATE)")});
}

int count(const QString &database, const QString &table)
{
    bool ok = false;
    const int n = SqliteFile::scalar(database, QStringLiteral("SELECT count(*) FROM %1").arg(table))
                      .toInt(&ok);
    return ok ? n : -1;
}

QLineEdit *fileEdit(NewMigrationWizard &wizard, const char *chooser)
{
    auto *c = wizard.findChild<ConnectionChooser *>(QLatin1String(chooser));
    return c ? c->findChild<PathField *>(QStringLiteral("file"))->lineEdit() : nullptr;
}

void clickNext(NewMigrationWizard &wizard)
{
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
}

QTreeWidgetItem *topItem(QTreeWidget *tree, const QString &startsWith)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(SuggestionTree::NameColumn).startsWith(startsWith))
            return tree->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestNewMigrationWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void mapsOntoExistingTablesThatTheCliValidatesAndRuns();
    void createsTheTargetTablesForALiftAndShift();
    void cancelDropsTheRunningReadAndRetryReadsAgain();
    void saysWhyAConnectionCannotBeRead();
    void asksForANewFileWhenTheTargetDoesNotExist();
    void buildsAServerUrlFromItsFields();

private:
    // Fills both SQLite paths and reaches the suggestions page with auto-map done.
    void reachSuggestions(NewMigrationWizard &wizard, const QString &source, const QString &target,
                          bool newTarget);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_legacy;
    QString m_modern;
    test::FakePasswordProvider m_passwords;
};

void TestNewMigrationWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_legacy = m_dir->filePath(QStringLiteral("legacy.db"));
    m_modern = m_dir->filePath(QStringLiteral("modern.db"));
    QCOMPARE(makeSource(m_legacy), QString());
    QCOMPARE(makeTarget(m_modern), QString());
}

void TestNewMigrationWizard::reachSuggestions(NewMigrationWizard &wizard, const QString &source,
                                              const QString &target, bool newTarget)
{
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(NewMigrationWizard::ConnectionsPageId));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(fileEdit(wizard, "sourceChooser"), source);
    if (newTarget) {
        auto *create = wizard.findChild<ConnectionChooser *>(QStringLiteral("targetChooser"))
                           ->findChild<QCheckBox *>(QStringLiteral("createFile"));
        QTest::mouseClick(create, Qt::LeftButton, {}, QPoint(5, create->height() / 2));
        QVERIFY(create->isChecked());
    }
    QTest::keyClicks(fileEdit(wizard, "targetChooser"), target);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    clickNext(wizard);

    QCOMPARE(wizard.currentId(), int(NewMigrationWizard::IntrospectionPageId));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), kTimeout);
    QCOMPARE(wizard.introspectionPage()->sourceSummary()->text(), QStringLiteral("3 tables."));
    clickNext(wizard);

    QCOMPARE(wizard.currentId(), int(NewMigrationWizard::SuggestionsPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.suggestionsPage()->busyRow()->isBusy(), kTimeout);
}

void TestNewMigrationWizard::mapsOntoExistingTablesThatTheCliValidatesAndRuns()
{
    NewMigrationWizard wizard(&m_passwords);
    reachSuggestions(wizard, m_legacy, m_modern, false);
    if (QTest::currentTestFailed())
        return;
    SuggestionsPage *page = wizard.suggestionsPage();
    SuggestionTree *tree = page->tree();
    QTreeWidgetItem *customer = topItem(tree, QStringLiteral("customer \u2190 customers"));
    QTreeWidgetItem *purchase = topItem(tree, QStringLiteral("purchase \u2190 orders"));
    QTreeWidgetItem *audit = topItem(tree, QStringLiteral("audit_log \u2190 audit_log"));
    QVERIFY(customer && purchase && audit);

    // Accept everything from 0.5: the customer pair is sure, the orders -> purchase pair is not.
    page->threshold()->setFocus();
    page->threshold()->selectAll();
    QTest::keyClicks(page->threshold(), QStringLiteral("0.50"));
    QCOMPARE(page->threshold()->value(), 0.5);
    QTest::mouseClick(page->acceptButton(), Qt::LeftButton);
    QCOMPARE(customer->checkState(0), Qt::Checked);
    QCOMPARE(purchase->checkState(0), Qt::Unchecked);
    QCOMPARE(audit->checkState(0), Qt::Unchecked);
    MigrationDraft::Choice choice = tree->choice();
    QCOMPARE(choice.mappings.size(), 1);
    QCOMPARE(choice.mappings.first().table.target, QStringLiteral("customer"));
    QCOMPARE(choice.mappings.first().columns.size(), 5);

    // ... and one by one: the purchase pair with all its columns, from the keyboard.
    tree->setFocus();
    tree->setCurrentItem(purchase);
    QTest::keyClick(tree, Qt::Key_Space);
    QCOMPARE(purchase->checkState(0), Qt::Checked);
    QCOMPARE(tree->choice().mappings.size(), 2);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    clickNext(wizard);

    QCOMPARE(wizard.currentId(), int(NewMigrationWizard::SavePageId));
    SavePage *save = wizard.savePage();
    save->nameEdit()->selectAll();
    QTest::keyClicks(save->nameEdit(), QStringLiteral("Shop migration"));
    QCOMPARE(save->fileNameEdit()->text(), QStringLiteral("shop-migration.cutover"));
    QCOMPARE(save->folderField()->path(), m_dir->path());
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    const QString file = m_dir->filePath(QStringLiteral("shop-migration.cutover"));
    QCOMPARE(wizard.projectFile(), file);
    auto project = ProjectReader::load(file);
    QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().toString()));
    QCOMPARE(project->name, QStringLiteral("Shop migration"));
    QCOMPARE(project->connection(QStringLiteral("source"))->url,
             QStringLiteral("sqlite:legacy.db"));
    QCOMPARE(project->mappings.size(), 2);
    QVERIFY(project->targetTables.isEmpty());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), ProjectWriter::toBytes(*project));

    const auto validate = CliRunner::run({QStringLiteral("validate"), file});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
    const auto run = CliRunner::run({QStringLiteral("run"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(count(m_modern, QStringLiteral("customer")),
             count(m_legacy, QStringLiteral("customers")));
    QCOMPARE(count(m_modern, QStringLiteral("purchase")),
             count(m_legacy, QStringLiteral("orders")));
    QCOMPARE(SqliteFile::scalar(m_modern, QStringLiteral("SELECT full_name FROM customer WHERE "
                                                         "customer_id = 2")),
             QStringLiteral("Alan Turing"));
    QCOMPARE(SqliteFile::scalar(m_modern,
                                QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = "
                                               "'audit_log'")),
             QStringLiteral("0"));
}

void TestNewMigrationWizard::createsTheTargetTablesForALiftAndShift()
{
    const QString fresh = m_dir->filePath(QStringLiteral("out/fresh.db"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("out"))));
    NewMigrationWizard wizard(&m_passwords);
    reachSuggestions(wizard, m_legacy, fresh, true);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!QFile::exists(fresh), "nothing is written before Finish");
    QCOMPARE(wizard.introspectionPage()->targetSummary()->text(),
             QStringLiteral("A new, empty database. Its tables can be created from the source's: "
                            "the next page offers them."));
    SuggestionsPage *page = wizard.suggestionsPage();
    QCOMPARE(page->tree()->createCount(), 3);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // nothing ticked yet
    QVERIFY(page->createBox()->isVisible());
    QTest::mouseClick(page->createBox(), Qt::LeftButton, {},
                      QPoint(5, page->createBox()->height() / 2));
    QCOMPARE(page->tree()->createTicked(), 3);
    clickNext(wizard);

    SavePage *save = wizard.savePage();
    save->folderField()->setPath(m_dir->filePath(QStringLiteral("out")));
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    const QString file = wizard.projectFile();
    QVERIFY(QFile::exists(file));
    QVERIFY(QFile::exists(fresh));
    auto project = ProjectReader::load(file);
    QVERIFY(project.ok());
    QCOMPARE(project->connection(QStringLiteral("target"))->url, QStringLiteral("sqlite:fresh.db"));
    QCOMPARE(project->targetTables.size(), 3);

    const auto validate = CliRunner::run({QStringLiteral("validate"), file});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
    const auto run = CliRunner::run({QStringLiteral("run"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    for (const QString &table :
         {QStringLiteral("customers"), QStringLiteral("orders"), QStringLiteral("audit_log")})
        QCOMPARE(count(fresh, table), count(m_legacy, table));
}

void TestNewMigrationWizard::cancelDropsTheRunningReadAndRetryReadsAgain()
{
    NewMigrationWizard wizard(&m_passwords);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::keyClicks(fileEdit(wizard, "sourceChooser"), m_legacy);
    QTest::keyClicks(fileEdit(wizard, "targetChooser"), m_modern);
    clickNext(wizard);
    // No event is handled between the click on Next and the one on Cancel, so the read's result
    // arrives after the cancel and must be dropped.
    BusyRow *busy = wizard.introspectionPage()->busyRow();
    QVERIFY(busy->isBusy());
    auto *button = busy->findChild<QPushButton *>(QStringLiteral("busyButton"));
    QCOMPARE(button->text(), QStringLiteral("Stop"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!busy->isBusy());
    QVERIFY(busy->text().startsWith(QStringLiteral("Stopped")));
    QTest::qWait(1000);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.introspectionPage()->sourceSummary()->text(), QStringLiteral("Not read."));

    QCOMPARE(button->text(), QStringLiteral("Retry"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), kTimeout);
    QCOMPARE(wizard.introspectionPage()->targetSummary()->text(), QStringLiteral("2 tables."));
}

void TestNewMigrationWizard::saysWhyAConnectionCannotBeRead()
{
    const QString notes = m_dir->filePath(QStringLiteral("notes.db"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("these are notes, not a database\n").repeated(200));
    file.close();
    NewMigrationWizard wizard(&m_passwords);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::keyClicks(fileEdit(wizard, "sourceChooser"), notes);
    QTest::keyClicks(fileEdit(wizard, "targetChooser"), m_modern);
    clickNext(wizard);
    BusyRow *busy = wizard.introspectionPage()->busyRow();
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isBusy(), kTimeout);
    const QString said = wizard.introspectionPage()->sourceSummary()->text();
    QVERIFY2(said.startsWith(QStringLiteral("Could not read it:")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("SQLite")), qPrintable(said));
    QCOMPARE(wizard.introspectionPage()->targetSummary()->text(), QStringLiteral("2 tables."));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
}

void TestNewMigrationWizard::asksForANewFileWhenTheTargetDoesNotExist()
{
    NewMigrationWizard wizard(&m_passwords);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *target = wizard.findChild<ConnectionChooser *>(QStringLiteral("targetChooser"));
    QTest::keyClicks(fileEdit(wizard, "sourceChooser"), m_legacy);
    QTest::keyClicks(fileEdit(wizard, "targetChooser"), m_dir->filePath(QStringLiteral("new.db")));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(target->problem().contains(QStringLiteral("Create a new empty file")),
             qPrintable(target->problem()));
    auto *problem = target->findChild<QLabel *>(QStringLiteral("problem"));
    QVERIFY(problem->isVisible());
    target->findChild<QCheckBox *>(QStringLiteral("createFile"))->setChecked(true);
    QVERIFY(target->problem().isEmpty());
    QVERIFY(!problem->isVisible());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

void TestNewMigrationWizard::buildsAServerUrlFromItsFields()
{
    ConnectionChooser chooser(ConnectionChooser::Role::Target);
    chooser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chooser));
    chooser.setKind(ConnectionChooser::Kind::PostgreSql);
    auto edit = [&](const char *name) {
        return chooser.findChild<QLineEdit *>(QLatin1String(name));
    };
    QVERIFY(chooser.problem().contains(QStringLiteral("database name")));
    QVERIFY(edit("schema")->isVisible());
    QTest::keyClicks(edit("database"), QStringLiteral("clinic"));
    QTest::keyClicks(edit("user"), QStringLiteral("migrator"));
    QTest::keyClicks(edit("schema"), QStringLiteral("modern"));
    QVERIFY(chooser.problem().isEmpty());
    auto spec = chooser.spec();
    QVERIFY(spec.ok());
    QCOMPARE(spec->kind(), ConnectionSpec::Kind::PostgreSql);
    QCOMPARE(spec->displayName(), QStringLiteral("postgresql://migrator@localhost:5432/clinic"));
    QCOMPARE(spec->option(QStringLiteral("schema")), QStringLiteral("modern"));

    chooser.setKind(ConnectionChooser::Kind::MySql);
    QVERIFY(!edit("schema")->isVisible());
    QCOMPARE(chooser.url(), QStringLiteral("mysql://migrator@localhost:3306/clinic"));
    // A target is never a CSV folder, not even as a URL.
    chooser.setKind(ConnectionChooser::Kind::Url);
    QTest::keyClicks(edit("url"), QStringLiteral("csv:exports"));
    QVERIFY(chooser.problem().contains(QStringLiteral("CSV")));
}

QTEST_MAIN(TestNewMigrationWizard)
#include "tst_newmigrationwizard.moc"
