#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "ProjectDocument.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "connect/ConnectionProbe.h"
#include "connect/PasswordStore.h"
#include "connect/SessionPasswordProvider.h"
#include "connection/ConnectionDialog.h"
#include "connection/ConnectionTestPanel.h"
#include "connection/CsvConnectionPage.h"
#include "connection/CsvTablesView.h"
#include "connection/ServerConnectionPage.h"
#include "connection/SqliteConnectionPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>

using namespace cutover;

namespace {

constexpr int kTimeout = 20000;

// Stands in for the system keychain: records what it was asked to keep.
class FakeKeychain : public PasswordStore
{
public:
    QString store(const ConnectionSpec &spec, const QString &password) override
    {
        stored.append({spec.displayName(), password});
        return {};
    }
    QList<QPair<QString, QString>> stored;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Types text into a line edit the way a user does (replacing what is there).
void type(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void clickAdd(ConnectionDialog &dialog)
{
    QTest::mouseClick(dialog.buttonBox()->button(QDialogButtonBox::Save), Qt::LeftButton);
}

void chooseKind(ConnectionDialog &dialog, const QString &text)
{
    QComboBox *kind = dialog.kindBox();
    const int index = kind->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    kind->setCurrentIndex(index);
}

// The text of a test started in the dialog, once it has ended.
QString testResult(ConnectionDialog &dialog, bool expectOk)
{
    QSignalSpy finished(dialog.testPanel(), &ConnectionTestPanel::testFinished);
    QTest::mouseClick(dialog.testPanel()->testButton(), Qt::LeftButton);
    if (!finished.wait(kTimeout))
        return QStringLiteral("(no result)");
    if (finished.first().first().toBool() != expectOk)
        return QStringLiteral("(unexpected outcome) ") + dialog.testPanel()->resultText();
    return dialog.testPanel()->resultText();
}

// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (readAll(path).contains(needle))
            found.append(path);
    }
    return found;
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sqliteConnectionIsOneUndoStep();
    void sqlitePathOutsideProjectStaysAbsolute();
    void editRenamesAndMovesTheRole();
    void testConnectionCountsTables();
    void testConnectionExplainsMissingFile();
    void testConnectionExplainsRefusedServer();
    void supersededAndCancelledTestsAreDropped();
    void passwordIsNeverWritten_data();
    void passwordIsNeverWritten();
    void csvPageShowsInferredTables();
    void sessionPasswordOpensARealServer();
    void testConnectionOnARealMariaDb();

private:
    ProjectDocument *newDocument(const QString &projectFile);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<ProjectDocument> m_document;
    SessionPasswordProvider m_session;
    FakeKeychain m_keychain;
};

void TestConnectionDialog::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("cutover-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectiondialog"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestConnectionDialog::init()
{
    QSettings().clear();
    m_keychain.stored.clear();
}

ProjectDocument *TestConnectionDialog::newDocument(const QString &projectFile)
{
    m_document = std::make_unique<ProjectDocument>();
    Project project;
    project.name = QStringLiteral("Connections");
    m_document->reset(project);
    if (!projectFile.isEmpty() && !m_document->saveAs(projectFile))
        return nullptr;
    return m_document.get();
}

void TestConnectionDialog::sqliteConnectionIsOneUndoStep()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("legacy.db"));
    QCOMPARE(test::SqliteFile::create(db, {QStringLiteral("CREATE TABLE t (id INTEGER)")}),
             QString());
    ProjectDocument *doc = newDocument(dir.filePath(QStringLiteral("p.cutover")));
    QVERIFY(doc);
    const QByteArray before = doc->toBytes();

    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("SQLite file"));
    type(dialog.sqlitePage()->pathEdit(), db);
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("legacy")); // suggested from the file
    QCOMPARE(dialog.roleBox()->currentData().value<ConnectionDialog::Role>(),
             ConnectionDialog::Role::Source); // the project had no source yet
    clickAdd(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(doc->project().connections.size(), 1);
    const ConnectionDef &added = doc->project().connections.first();
    QCOMPARE(added.name, QStringLiteral("legacy"));
    QCOMPARE(added.url, QStringLiteral("sqlite:legacy.db")); // beside the project: relative
    QCOMPARE(doc->project().sourceConnection, QStringLiteral("legacy"));
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(doc->undoStack()->text(0).contains(QStringLiteral("legacy")));

    doc->undoStack()->undo();
    QVERIFY(doc->project().connections.isEmpty());
    QVERIFY(doc->project().sourceConnection.isEmpty());
    QCOMPARE(doc->toBytes(), before);
}

void TestConnectionDialog::sqlitePathOutsideProjectStaysAbsolute()
{
    QTemporaryDir projectDir;
    QTemporaryDir elsewhere;
    const QString db = elsewhere.filePath(QStringLiteral("modern.db"));
    ProjectDocument *doc = newDocument(projectDir.filePath(QStringLiteral("p.cutover")));
    QVERIFY(doc);

    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("SQLite file"));
    type(dialog.sqlitePage()->pathEdit(), db);
    clickAdd(dialog);
    // No such file and "create" not ticked: refused with a reason.
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("There is no file")),
             qPrintable(dialog.errorLabel()->text()));
    QVERIFY(doc->project().connections.isEmpty());

    QTest::mouseClick(dialog.sqlitePage()->createBox(), Qt::LeftButton, {},
                      QPoint(8, dialog.sqlitePage()->createBox()->height() / 2));
    QVERIFY(dialog.sqlitePage()->createBox()->isChecked());
    clickAdd(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(QFile::exists(db)); // created, empty
    QCOMPARE(doc->project().connections.first().url, QStringLiteral("sqlite:") + db);
}

void TestConnectionDialog::editRenamesAndMovesTheRole()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("a.db"));
    QCOMPARE(test::SqliteFile::create(db, {QStringLiteral("CREATE TABLE t (id INTEGER)")}),
             QString());
    ProjectDocument *doc = newDocument(dir.filePath(QStringLiteral("p.cutover")));
    QVERIFY(doc);
    Project project = doc->project();
    project.connections = {{QStringLiteral("one"), QStringLiteral("sqlite:a.db"), {}},
                           {QStringLiteral("two"), QStringLiteral("sqlite:a.db"), {}}};
    project.sourceConnection = QStringLiteral("one");
    project.targetConnection = QStringLiteral("two");
    doc->reset(project);
    const QByteArray before = doc->toBytes();

    ConnectionDialog dialog(*doc, m_session, m_keychain, 0);
    dialog.show();
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("one"));
    QCOMPARE(dialog.sqlitePage()->pathEdit()->text(), QDir::toNativeSeparators(db));
    type(dialog.nameEdit(), QStringLiteral("two"));
    clickAdd(dialog);
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("already has")));
    type(dialog.nameEdit(), QStringLiteral("legacy"));
    dialog.roleBox()->setCurrentIndex(
        dialog.roleBox()->findData(QVariant::fromValue(ConnectionDialog::Role::Target)));
    clickAdd(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(doc->project().connections.at(0).name, QStringLiteral("legacy"));
    QCOMPARE(doc->project().connections.at(0).url, QStringLiteral("sqlite:a.db"));
    QCOMPARE(doc->project().sourceConnection, QString());
    QCOMPARE(doc->project().targetConnection, QStringLiteral("legacy"));
    QCOMPARE(doc->undoStack()->count(), 1);
    doc->undoStack()->undo();
    QCOMPARE(doc->toBytes(), before);
}

void TestConnectionDialog::testConnectionCountsTables()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("shop.db"));
    QCOMPARE(test::SqliteFile::create(
                 db, {QStringLiteral("CREATE TABLE customer (id INTEGER PRIMARY KEY)"),
                      QStringLiteral("CREATE TABLE purchase (id INTEGER PRIMARY KEY)"),
                      QStringLiteral("CREATE TABLE product (id INTEGER PRIMARY KEY)"),
                      QStringLiteral("CREATE VIEW recent AS SELECT * FROM purchase")}),
             QString());
    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("SQLite file"));
    type(dialog.sqlitePage()->pathEdit(), db);

    const QString result = testResult(dialog, true);
    QVERIFY2(result.startsWith(QStringLiteral("Connected to SQLite 3.")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("4 tables")), qPrintable(result));
    QVERIFY2(result.contains(QRegularExpression(QStringLiteral(", in (\\d+ ms|[\\d.,]+ s)$"))),
             qPrintable(result));
    QVERIFY(!dialog.testPanel()->isRunning());
}

void TestConnectionDialog::testConnectionExplainsMissingFile()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nowhere/gone.db"));
    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("SQLite file"));
    type(dialog.sqlitePage()->pathEdit(), missing);
    QTest::mouseClick(dialog.testPanel()->testButton(), Qt::LeftButton);
    const QString result = dialog.testPanel()->resultText();
    QVERIFY2(result.contains(QStringLiteral("There is no file at ") + missing), qPrintable(result));

    // A file that is not a database is found by the test itself.
    const QString notDb = dir.filePath(QStringLiteral("notes.db"));
    writeFile(notDb, QByteArray("these are notes, not a database\n").repeated(64));
    type(dialog.sqlitePage()->pathEdit(), notDb);
    const QString wrong = testResult(dialog, false);
    QVERIFY2(wrong.contains(QStringLiteral("is not a SQLite database")), qPrintable(wrong));
}

void TestConnectionDialog::testConnectionExplainsRefusedServer()
{
    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("PostgreSQL"));
    ServerConnectionPage *page = dialog.postgresPage();
    type(page->hostEdit(), QStringLiteral("127.0.0.1"));
    page->portBox()->setValue(1); // nothing listens on port 1
    type(page->databaseEdit(), QStringLiteral("crm"));
    const QString result = testResult(dialog, false);
    QVERIFY2(result.contains(QStringLiteral("Could not connect to a server on 127.0.0.1:1")),
             qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("Is PostgreSQL running there")), qPrintable(result));
}

void TestConnectionDialog::supersededAndCancelledTestsAreDropped()
{
    QTemporaryDir dir;
    const QString one = dir.filePath(QStringLiteral("one.db"));
    const QString two = dir.filePath(QStringLiteral("two.db"));
    QCOMPARE(test::SqliteFile::create(one, {QStringLiteral("CREATE TABLE a (id INTEGER)")}),
             QString());
    QCOMPARE(test::SqliteFile::create(two, {QStringLiteral("CREATE TABLE a (id INTEGER)"),
                                            QStringLiteral("CREATE TABLE b (id INTEGER)")}),
             QString());
    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("SQLite file"));
    QSignalSpy finished(dialog.testPanel(), &ConnectionTestPanel::testFinished);

    type(dialog.sqlitePage()->pathEdit(), one);
    dialog.testConnection();
    type(dialog.sqlitePage()->pathEdit(), two); // the edit drops the first test
    dialog.testConnection();
    QVERIFY(finished.wait(kTimeout));
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QVERIFY2(dialog.testPanel()->resultText().contains(QStringLiteral("2 tables")),
             qPrintable(dialog.testPanel()->resultText()));

    dialog.testConnection();
    QVERIFY(dialog.testPanel()->isRunning());
    QVERIFY(dialog.testPanel()->cancelButton()->isVisibleTo(&dialog));
    QTest::mouseClick(dialog.testPanel()->cancelButton(), Qt::LeftButton);
    QVERIFY(!dialog.testPanel()->isRunning());
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.testPanel()->resultText(), QStringLiteral("Test cancelled."));
}

void TestConnectionDialog::passwordIsNeverWritten_data()
{
    QTest::addColumn<bool>("remember");
    QTest::newRow("session only") << false;
    QTest::newRow("remembered in the keychain") << true;
}

void TestConnectionDialog::passwordIsNeverWritten()
{
    QFETCH(bool, remember);
    const QString password = QStringLiteral("Tr0ub4dor-&-3");
    QTemporaryDir dir;
    const QString projectFile = dir.filePath(QStringLiteral("crm.cutover"));
    ProjectDocument *doc = newDocument(projectFile);
    QVERIFY(doc);

    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("PostgreSQL"));
    ServerConnectionPage *page = dialog.postgresPage();
    type(page->hostEdit(), QStringLiteral("db.example.org"));
    type(page->databaseEdit(), QStringLiteral("crm"));
    type(page->userEdit(), QStringLiteral("alice"));
    type(page->schemaEdit(), QStringLiteral("sales"));
    type(page->passwordEdit(), password);
    if (remember)
        QTest::mouseClick(page->rememberBox(), Qt::LeftButton, {},
                          QPoint(8, page->rememberBox()->height() / 2));
    QCOMPARE(page->rememberBox()->isChecked(), remember);
    clickAdd(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const ConnectionDef &added = doc->project().connections.first();
    QCOMPARE(added.name, QStringLiteral("crm"));
    QCOMPARE(added.url, QStringLiteral("postgresql://alice@db.example.org/crm?schema=sales"));
    QVERIFY(doc->saveAs(projectFile));
    QSettings settings;
    settings.sync();
    QVERIFY2(QFile::exists(settings.fileName()), qPrintable(settings.fileName()));
    QVERIFY(readAll(projectFile).contains("postgresql://alice@db.example.org/crm"));
    QCOMPARE(filesContaining(dir.path(), password.toUtf8()), QStringList());
    QCOMPARE(filesContaining(m_settingsDir.path(), password.toUtf8()), QStringList());

    auto spec = ConnectionSpec::parse(added.url);
    QVERIFY(spec);
    QCOMPARE(m_session.password(*spec).value_or(QString()), password);
    if (remember) {
        QCOMPARE(m_keychain.stored.size(), 1);
        QCOMPARE(m_keychain.stored.first().first, spec->displayName());
        QCOMPARE(m_keychain.stored.first().second, password);
    } else {
        QVERIFY(m_keychain.stored.isEmpty());
    }

    // Opened again, the dialog shows no password, only that one is known.
    ConnectionDialog again(*doc, m_session, m_keychain, 0);
    again.show();
    QVERIFY(again.postgresPage()->passwordEdit()->text().isEmpty());
    QVERIFY(
        again.postgresPage()->passwordEdit()->placeholderText().contains(QStringLiteral("Known")));
    m_session.forget(*spec);
}

void TestConnectionDialog::csvPageShowsInferredTables()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("patients.csv")),
              "id,name,born\n1,Ada,1815-12-10\n2,Alan,1912-06-23\n3,Grace,\n");
    writeFile(dir.filePath(QStringLiteral("readme.txt")), "not a table\n");
    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("CSV folder"));
    CsvConnectionPage *page = dialog.csvPage();
    QSignalSpy shown(page->tablesView(), &CsvTablesView::previewShown);
    type(page->folderEdit(), dir.path());
    QVERIFY(shown.wait(kTimeout));
    QCOMPARE(shown.last().first().toBool(), true);

    QTreeWidget *tree = page->tablesView()->tree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *patients = tree->topLevelItem(0);
    QCOMPARE(patients->text(0), QStringLiteral("patients"));
    QCOMPARE(patients->text(2), QStringLiteral("3"));
    QCOMPARE(patients->childCount(), 3);
    QCOMPARE(patients->child(0)->text(0), QStringLiteral("id"));
    QVERIFY2(patients->child(0)->text(1).startsWith(QStringLiteral("integer")),
             qPrintable(patients->child(0)->text(1)));
    QCOMPARE(patients->child(1)->text(0), QStringLiteral("name"));
    QVERIFY(patients->child(1)->text(1).startsWith(QStringLiteral("text")));
    QCOMPARE(patients->child(2)->text(1), QStringLiteral("date"));

    // A semicolon file reads as one column until the delimiter says otherwise.
    writeFile(dir.filePath(QStringLiteral("visits.csv")), "id;day\n1;2024-01-02\n");
    page->refreshPreview();
    QVERIFY(shown.wait(kTimeout));
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(1)->childCount(), 1);
    QComboBox *delimiter = page->delimiterBox();
    delimiter->setCurrentIndex(delimiter->findData(QStringLiteral("semicolon")));
    QVERIFY(shown.wait(kTimeout));
    QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("visits"));
    QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
    QCOMPARE(tree->topLevelItem(1)->child(1)->text(1), QStringLiteral("date, not null"));

    clickAdd(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(doc->project().connections.first().url,
             QStringLiteral("csv:") + dir.path() + QStringLiteral("?delimiter=semicolon"));
}

// Against a real PostgreSQL server that wants a password over TCP: a wrong one is refused in
// words, the right one typed into the dialog connects, and once accepted (not remembered) the
// session store alone answers for it, in a test from the dialog and in a probe as a run makes.
void TestConnectionDialog::sessionPasswordOpensARealServer()
{
    const QString missing = test::PostgresServer::whyUnavailable();
    if (!missing.isEmpty())
        QSKIP(qPrintable(missing));
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    test::PostgresServer server;
    VERIFY_OK(server.start());
    VERIFY_OK(server.execAsAdmin(
        {QStringLiteral("CREATE TABLE patient (id integer PRIMARY KEY)"),
         QStringLiteral("CREATE TABLE visit (id integer PRIMARY KEY)"),
         QStringLiteral("CREATE SCHEMA billing"),
         QStringLiteral("CREATE TABLE billing.invoice (id integer PRIMARY KEY)"),
         QStringLiteral("GRANT USAGE ON SCHEMA billing TO cutover"),
         QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public, billing TO cutover")}));

    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("PostgreSQL"));
    ServerConnectionPage *page = dialog.postgresPage();
    type(page->hostEdit(), QStringLiteral("127.0.0.1"));
    page->portBox()->setValue(server.port());
    type(page->databaseEdit(), server.database());
    type(page->userEdit(), server.user());

    const QString none = testResult(dialog, false);
    QVERIFY2(none.contains(QStringLiteral("wants a password for user cutover")), qPrintable(none));
    type(page->passwordEdit(), QStringLiteral("not-") + server.password());
    const QString wrong = testResult(dialog, false);
    QVERIFY2(wrong.contains(QStringLiteral("refused the password for user cutover")),
             qPrintable(wrong));
    type(page->passwordEdit(), server.password());
    const QString right = testResult(dialog, true);
    QVERIFY2(right.startsWith(QStringLiteral("Connected to PostgreSQL ")), qPrintable(right));
    QVERIFY2(right.contains(QStringLiteral("2 tables in schema public")), qPrintable(right));
    type(page->schemaEdit(), QStringLiteral("nothere"));
    const QString noSchema = testResult(dialog, false);
    QVERIFY2(noSchema.contains(QStringLiteral("no schema 'nothere'")), qPrintable(noSchema));
    type(page->schemaEdit(), QStringLiteral("billing"));
    clickAdd(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(m_keychain.stored.isEmpty());

    ConnectionDialog again(*doc, m_session, m_keychain, 0);
    again.show();
    QVERIFY(again.postgresPage()->passwordEdit()->text().isEmpty());
    const QString known = testResult(again, true);
    QVERIFY2(known.contains(QStringLiteral("1 table in schema billing")), qPrintable(known));

    auto spec = ConnectionSpec::parse(doc->project().connections.first().url);
    QVERIFY(spec);
    auto probed = ConnectionProbe::run(*spec, &m_session);
    QVERIFY2(probed.ok(), probed.ok() ? "" : qPrintable(probed.error().toString()));
    m_session.forget(*spec);
    QVERIFY(!ConnectionProbe::run(*spec, &m_session).ok());
}

void TestConnectionDialog::testConnectionOnARealMariaDb()
{
    const QString missing = test::MariaDbServer::whyUnavailable();
    if (!missing.isEmpty())
        QSKIP(qPrintable(missing));
    qunsetenv("MYSQL_PWD");
    test::MariaDbServer server;
    VERIFY_OK(server.start());
    VERIFY_OK(server.execAsAdmin({QStringLiteral("CREATE TABLE patient (id integer PRIMARY KEY)"),
                                  QStringLiteral("CREATE TABLE visit (id integer PRIMARY KEY)"),
                                  QStringLiteral("CREATE TABLE fee (id integer PRIMARY KEY)")}));

    ProjectDocument *doc = newDocument({});
    ConnectionDialog dialog(*doc, m_session, m_keychain);
    dialog.show();
    chooseKind(dialog, QStringLiteral("MySQL / MariaDB"));
    ServerConnectionPage *page = dialog.mysqlPage();
    QVERIFY(!page->schemaEdit()); // MySQL's schema is its database
    QVERIFY(!page->sslModeBox());
    type(page->hostEdit(), QStringLiteral("127.0.0.1"));
    page->portBox()->setValue(server.port());
    type(page->databaseEdit(), server.database());
    type(page->userEdit(), server.user());
    type(page->passwordEdit(), QStringLiteral("not-") + server.password());
    const QString wrong = testResult(dialog, false);
    QVERIFY2(wrong.contains(QStringLiteral("refused the password for user cutover")),
             qPrintable(wrong));
    type(page->passwordEdit(), server.password());
    const QString right = testResult(dialog, true);
    QVERIFY2(right.startsWith(QStringLiteral("Connected to MariaDB ")), qPrintable(right));
    QVERIFY2(right.contains(QStringLiteral("3 tables in database cutover_test")),
             qPrintable(right));
    type(page->databaseEdit(), QStringLiteral("nothere"));
    const QString noDatabase = testResult(dialog, false);
    QVERIFY2(noDatabase.contains(QStringLiteral("may not use database 'nothere' on 127.0.0.1:")),
             qPrintable(noDatabase));
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
