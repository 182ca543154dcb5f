#include "CliRunner.h"
#include "CopyComparer.h"
#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "run/target/TargetSessionFactory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using cutover::Project;
using cutover::ProjectReader;
using cutover::test::CliRunner;
using cutover::test::CopyComparer;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

namespace {

const QString kLongTable =
    QStringLiteral("a_very_long_table_name_that_goes_on_and_on_past_the_postgres_limit_of_63");
const QString kLongColumn =
    QStringLiteral("a_very_long_column_name_that_goes_on_and_on_past_the_postgres_limit");

// A legacy SQLite database as found in the wild: mixed-case and reserved names, a name longer
// than PostgreSQL holds, composite and missing keys, a self-reference, an empty table, defaults
// that PostgreSQL refuses as they are, doubles that only survive exactly, NULLs.
const QStringList kSourceSchema = {
    QStringLiteral("CREATE TABLE \"Artist\" (ArtistId INTEGER PRIMARY KEY AUTOINCREMENT, "
                   "\"Name\" NVARCHAR(120) NOT NULL DEFAULT 'unknown')"),
    QStringLiteral("CREATE TABLE Album (AlbumId INTEGER PRIMARY KEY, Title NVARCHAR(160) NOT "
                   "NULL, ArtistId INTEGER NOT NULL REFERENCES Artist(ArtistId), Released DATE, "
                   "Price NUMERIC(10,2) DEFAULT 0, Created TIMESTAMP DEFAULT '0', "
                   "Flag INTEGER DEFAULT \"0\", Ratio REAL)"),
    QStringLiteral("CREATE INDEX IFK_AlbumArtistId ON Album (ArtistId)"),
    QStringLiteral("CREATE TABLE \"order lines\" (order_id INTEGER, line INTEGER, qty REAL, "
                   "note TEXT, PRIMARY KEY (order_id, line))"),
    QStringLiteral("CREATE TABLE keyless (a TEXT, b INTEGER)"),
    QStringLiteral("CREATE TABLE empty_one (id INTEGER PRIMARY KEY, x TEXT UNIQUE)"),
    QStringLiteral("CREATE TABLE \"%1\" (id INTEGER PRIMARY KEY, \"%2\" TEXT)")
        .arg(kLongTable, kLongColumn),
    QStringLiteral("CREATE TABLE \"select\" (\"from\" TEXT, id INTEGER PRIMARY KEY, "
                   "parent INTEGER REFERENCES \"select\"(id))"),
    QStringLiteral("INSERT INTO Artist VALUES (1, 'AC/DC'), (2, 'Björk'), (3, 'O''Brien')"),
    QStringLiteral("INSERT INTO Album VALUES (10, 'Back in Black', 1, '1980-07-25', 9.99, "
                   "'2024-01-02 03:04:05', 1, 0.1), (11, 'Debut', 2, NULL, NULL, NULL, 0, "
                   "1e-300), (12, 'Trailing  ', 3, '2001-02-03', 12.5, '2020-12-31 23:59:59', "
                   "NULL, 0.30000000000000004)"),
    QStringLiteral("INSERT INTO \"order lines\" VALUES (1, 1, 2.5, 'a'), (1, 2, 0.1, NULL), "
                   "(2, 1, 1e10, 'z')"),
    QStringLiteral("INSERT INTO keyless VALUES ('x', 1), ('x', 1), (NULL, NULL)"),
    QStringLiteral("INSERT INTO \"%1\" VALUES (1, 'long')").arg(kLongTable),
    QStringLiteral("INSERT INTO \"select\" VALUES ('root', 1, NULL), ('child', 2, 1)"),
};

} // namespace

// The pgloader job with cutover-cli init: a new project from two connections, validated, run and
// reconciled, into SQLite, PostgreSQL and MariaDB, with nothing written by hand.
class TestCliInit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    CliRunner::Outcome cli(const QStringList &arguments)
    {
        return CliRunner::run(arguments, m_dir.path(), m_env);
    }

    static QString said(const CliRunner::Outcome &o) { return o.out + o.err; }

    // init, validate, run and reconcile with the README's commands; returns the project.
    Project liftAndShift(const QString &name, const QString &targetUrl)
    {
        const QString file = name + QStringLiteral(".cutover");
        const auto init =
            cli({QStringLiteral("init"), file, QStringLiteral("--source"),
                 QStringLiteral("sqlite:legacy.db"), QStringLiteral("--target"), targetUrl});
        [&] {
            QVERIFY2(init.exitCode == 0, qPrintable(said(init)));
        }();
        const auto validate = cli({QStringLiteral("validate"), file});
        [&] {
            QVERIFY2(validate.exitCode == 0, qPrintable(said(validate)));
        }();
        const auto run = cli({QStringLiteral("run"), file});
        [&] {
            QVERIFY2(run.exitCode == 0, qPrintable(said(run)));
        }();
        const auto reconcile = cli({QStringLiteral("reconcile"), file, QStringLiteral("--method"),
                                    QStringLiteral("exact")});
        [&] {
            QVERIFY2(reconcile.exitCode == 0, qPrintable(said(reconcile)));
        }();
        auto project = ProjectReader::load(m_dir.filePath(file));
        return project ? *project : Project();
    }

    // Two tables to create, the second of which the target refuses: a second index named
    // 'same_idx' (SQLite and PostgreSQL keep index names per schema), or on MariaDB a foreign key
    // to a column without an index.
    void writeFailingProject(const QString &file, const QString &targetUrl, bool foreignKey)
    {
        const auto table = [&](const char *name, const char *indexed) {
            QJsonObject t{{"name", name},
                          {"columns", QJsonArray{QJsonObject{{"name", "a"}, {"type", "text(10)"}},
                                                 QJsonObject{{"name", "b"}, {"type", "integer"}}}}};
            if (!foreignKey)
                t.insert("indexes", QJsonArray{QJsonObject{{"name", "same_idx"},
                                                           {"columns", QJsonArray{indexed}}}});
            return t;
        };
        QJsonObject second = table("t2", "b");
        if (foreignKey)
            second.insert("foreignKeys",
                          QJsonArray{QJsonObject{{"name", "t2_b_fkey"},
                                                 {"columns", QJsonArray{"b"}},
                                                 {"references", "t1"},
                                                 {"referencedColumns", QJsonArray{"b"}}}});
        const auto mapping = [](const char *target) {
            return QJsonObject{
                {"source", "keyless"},
                {"target", target},
                {"columns", QJsonArray{QJsonObject{{"target", "a"}, {"expression", "a"}},
                                       QJsonObject{{"target", "b"}, {"expression", "b"}}}}};
        };
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", file},
            {"source", "s"},
            {"target", "t"},
            {"connections", QJsonArray{QJsonObject{{"name", "s"}, {"url", "sqlite:legacy.db"}},
                                       QJsonObject{{"name", "t"}, {"url", targetUrl}}}},
            {"mappings", QJsonArray{mapping("t1"), mapping("t2")}},
            {"targetTables", QJsonArray{table("t1", "a"), second}}};
        QFile out(m_dir.filePath(file));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
    }

    QStringList targetTables(const QString &url)
    {
        const auto inspect = cli({QStringLiteral("inspect"), url, QStringLiteral("--json")});
        QStringList names;
        for (const QJsonValue &t :
             QJsonDocument::fromJson(inspect.out.toUtf8()).object().value("tables").toArray())
            if (!t.toObject().value("name").toString().startsWith(QLatin1String("cutover_")))
                names.append(t.toObject().value("name").toString());
        return names;
    }

    void failedCreateLeavesNothing(const QString &targetUrl, bool foreignKey)
    {
        const QString file = QStringLiteral("half%1.cutover").arg(m_halves++);
        writeFailingProject(file, targetUrl, foreignKey);
        const auto run = cli({QStringLiteral("run"), file});
        QVERIFY2(run.exitCode != 0, qPrintable(said(run)));
        QCOMPARE(targetTables(targetUrl), QStringList());
    }

    int m_halves = 0;

    // Every copied value as it was in legacy.db (compared apart from the engine).
    static void expectSameValues(const Project &project, const cutover::ConnectionSpec &target,
                                 const QString &password)
    {
        cutover::test::FakePasswordProvider passwords;
        passwords.set(target, password);
        const QStringList differences = CopyComparer::differences(project, &passwords);
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join('\n')));
    }

    // Runs insert (and then query, if given) on the target; the first value of the last row.
    static int nextKey(const cutover::ConnectionSpec &spec, const QString &password,
                       const QString &insert, const QString &query = {})
    {
        cutover::test::FakePasswordProvider passwords;
        passwords.set(spec, password);
        auto session = cutover::TargetSessionFactory::open(spec, &passwords);
        if (!session)
            return -1;
        auto rows = (*session)->query(insert);
        if (rows && !query.isEmpty())
            rows = (*session)->query(query);
        return rows && !rows->isEmpty() ? rows->last().value(0).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(SqliteFile::create(m_dir.filePath(QStringLiteral("legacy.db")), kSourceSchema),
                 QString());
    }

    void writesAProjectThatCopiesEveryTable()
    {
        const auto init = cli({QStringLiteral("init"), QStringLiteral("look.cutover"),
                               QStringLiteral("--source"), QStringLiteral("sqlite:legacy.db"),
                               QStringLiteral("--target"), QStringLiteral("sqlite:out/look.db")});
        QVERIFY2(init.exitCode == 0, qPrintable(said(init)));
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("look.cutover")));
        QVERIFY2(project.ok(), qPrintable(project ? QString() : project.error().toString()));
        QCOMPARE(project->mappings.size(), 7);
        QCOMPARE(project->targetTables.size(), 7);
        // parents first
        const auto position = [&](const QString &table) {
            for (qsizetype i = 0; i < project->mappings.size(); ++i)
                if (project->mappings[i].target == table)
                    return i;
            return qsizetype(-1);
        };
        QVERIFY(position(QStringLiteral("Artist")) < position(QStringLiteral("Album")));
        // identity: each column copied as it is, nothing cleaned
        for (const auto &mapping : std::as_const(project->mappings))
            for (const auto &column : mapping.columns)
                QVERIFY2(!column.expression.contains(QLatin1Char('(')),
                         qPrintable(column.expression));
        const auto *album = project->targetTable(QStringLiteral("Album"));
        QVERIFY(album);
        QCOMPARE(album->column(QStringLiteral("Price"))->type.toString(),
                 QStringLiteral("decimal(10,2)"));
        QCOMPARE(album->column(QStringLiteral("Flag"))->defaultValue, QStringLiteral("0"));
        QVERIFY(!album->column(QStringLiteral("Created"))->hasDefault);
        QCOMPARE(album->foreignKeys.size(), 1);
        QVERIFY2(said(init).contains(QStringLiteral("Column Album.Created is created without its "
                                                    "default '0'")),
                 qPrintable(said(init)));
        // the connections are relative to the project file, as a user would commit it
        QCOMPARE(project->connection(QStringLiteral("target"))->url,
                 QStringLiteral("sqlite:out/look.db"));
    }

    void refusesAnExistingFileAndBadPatterns()
    {
        const QStringList args = {QStringLiteral("init"),     QStringLiteral("look.cutover"),
                                  QStringLiteral("--source"), QStringLiteral("sqlite:legacy.db"),
                                  QStringLiteral("--target"), QStringLiteral("sqlite:x.db")};
        const auto again = cli(args);
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(said(again).contains(QStringLiteral("--force")), qPrintable(said(again)));
        const auto none = cli({QStringLiteral("init"), QStringLiteral("none.cutover"),
                               QStringLiteral("--source"), QStringLiteral("sqlite:legacy.db"),
                               QStringLiteral("--target"), QStringLiteral("sqlite:x.db"),
                               QStringLiteral("--tables"), QStringLiteral("Nothing*")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(said(none).contains(QStringLiteral("no source table matches")),
                 qPrintable(said(none)));
        const auto some =
            cli({QStringLiteral("init"), QStringLiteral("some.cutover"), QStringLiteral("--source"),
                 QStringLiteral("sqlite:legacy.db"), QStringLiteral("--target"),
                 QStringLiteral("sqlite:x.db"), QStringLiteral("--tables"), QStringLiteral("a*"),
                 QStringLiteral("--exclude"), QStringLiteral("a_very*")});
        QCOMPARE(some.exitCode, 0);
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("some.cutover")));
        QVERIFY(project.ok());
        QStringList targets;
        for (const auto &m : std::as_const(project->mappings))
            targets.append(m.target);
        targets.sort();
        QCOMPARE(targets, (QStringList{QStringLiteral("Album"), QStringLiteral("Artist")}));
        // Album's key to Artist stays: both are copied
        QCOMPARE(project->targetTable(QStringLiteral("Album"))->foreignKeys.size(), 1);
    }

    void runWithoutMappingsIsRefused()
    {
        const auto init = cli({QStringLiteral("init"), QStringLiteral("empty.cutover"),
                               QStringLiteral("--source"), QStringLiteral("sqlite:legacy.db"),
                               QStringLiteral("--target"), QStringLiteral("sqlite:e.db"),
                               QStringLiteral("--tables"), QStringLiteral("keyless")});
        QCOMPARE(init.exitCode, 0);
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("empty.cutover")));
        QVERIFY(project.ok());
        project->mappings.clear();
        QVERIFY(cutover::ProjectWriter::save(*project, m_dir.filePath("empty.cutover")).ok());
        const auto run = cli({QStringLiteral("run"), QStringLiteral("empty.cutover")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(said(run).contains(QStringLiteral("maps no tables")), qPrintable(said(run)));
    }

    void intoSqlite()
    {
        const Project project =
            liftAndShift(QStringLiteral("tosqlite"), QStringLiteral("sqlite:tosqlite.db"));
        QVERIFY(!project.mappings.isEmpty());
        // value by value: the target holds exactly the source's rows
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "compare");
        db.setDatabaseName(m_dir.filePath(QStringLiteral("tosqlite.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("ATTACH '%1' AS src").arg(m_dir.filePath("legacy.db"))));
        for (const QString &table :
             {QStringLiteral("Artist"), QStringLiteral("Album"), QStringLiteral("\"order lines\""),
              QStringLiteral("keyless"), QStringLiteral("\"select\"")}) {
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM (SELECT * FROM main.%1 EXCEPT "
                                          "SELECT * FROM src.%1) ")
                               .arg(table)));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM main.%1) - "
                                          "(SELECT count(*) FROM src.%1)")
                               .arg(table)));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        QVERIFY(q.exec(QStringLiteral("SELECT Ratio FROM main.Album WHERE AlbumId = 12")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), 0.30000000000000004);
        // a changed value afterwards: reconciliation fails
        QVERIFY(q.exec(QStringLiteral("UPDATE main.Artist SET Name = 'AC-DC' WHERE ArtistId = 1")));
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("compare"));
        const auto reconcile = cli({QStringLiteral("reconcile"), QStringLiteral("tosqlite.cutover"),
                                    QStringLiteral("--method"), QStringLiteral("exact")});
        QCOMPARE(reconcile.exitCode, 1);
    }

    // Between two identical schemas, auto-map proposes copies: nothing that changes a value.
    void automapBetweenIdenticalSchemasChangesNothing()
    {
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("tosqlite.cutover")));
        QVERIFY(project.ok());
        project->mappings.clear();
        project->targetTables.clear(); // the target has them all now
        QVERIFY(cutover::ProjectWriter::save(*project, m_dir.filePath("same.cutover")).ok());
        const auto automap = cli(
            {QStringLiteral("automap"), QStringLiteral("same.cutover"), QStringLiteral("--json")});
        QVERIFY2(automap.exitCode == 0, qPrintable(said(automap)));
        const QJsonArray tables =
            QJsonDocument::fromJson(automap.out.toUtf8()).object().value("tables").toArray();
        QCOMPARE(tables.size(), 7);
        int columns = 0;
        for (const QJsonValue &table : tables)
            for (const QJsonValue &column : table.toObject().value("columns").toArray()) {
                const QJsonObject c = column.toObject();
                const QString source = c.value("source").toString();
                const QString expression = c.value("expression").toString();
                QVERIFY2(expression == source || expression == '"' + source + '"',
                         qPrintable(c.value("target").toString() + ": " + expression));
                ++columns;
            }
        QVERIFY(columns >= 20);
    }

    // copy: init, run and reconcile in one command, a summary per table, the project left.
    void copyDoesTheWholeJob()
    {
        const auto copy = cli({QStringLiteral("copy"), QStringLiteral("sqlite:legacy.db"),
                               QStringLiteral("sqlite:copied.db"), QStringLiteral("--exclude"),
                               QStringLiteral("a_very*")});
        QVERIFY2(copy.exitCode == 0, qPrintable(said(copy)));
        QVERIFY2(copy.out.contains(
                     QRegularExpression(QStringLiteral("\\n  Album +3 +0 +[0-9.]+ PASS\\n"))),
                 qPrintable(copy.out));
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("legacy.cutover")));
        QVERIFY(project.ok());
        QCOMPARE(project->mappings.size(), 6);
        // again: refused, the project is there to be run again
        const auto again = cli({QStringLiteral("copy"), QStringLiteral("sqlite:legacy.db"),
                                QStringLiteral("sqlite:copied.db")});
        QCOMPARE(again.exitCode, 2);

        const auto schema =
            cli({QStringLiteral("copy"), QStringLiteral("sqlite:legacy.db"),
                 QStringLiteral("sqlite:schema.db"), QStringLiteral("--project"),
                 QStringLiteral("schema.cutover"), QStringLiteral("--schema-only")});
        QVERIFY2(schema.exitCode == 0, qPrintable(said(schema)));
        QVERIFY2(schema.out.contains(QStringLiteral("Created 7 table(s) in the target")),
                 qPrintable(schema.out));
        const auto data = cli({QStringLiteral("copy"), QStringLiteral("sqlite:legacy.db"),
                               QStringLiteral("sqlite:schema.db"), QStringLiteral("--project"),
                               QStringLiteral("data.cutover"), QStringLiteral("--data-only")});
        QVERIFY2(data.exitCode == 0, qPrintable(said(data)));
        const auto missing =
            cli({QStringLiteral("copy"), QStringLiteral("sqlite:legacy.db"),
                 QStringLiteral("sqlite:nothing.db"), QStringLiteral("--project"),
                 QStringLiteral("nothing.cutover"), QStringLiteral("--data-only")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(said(missing).contains(QStringLiteral("--data-only creates none")),
                 qPrintable(said(missing)));
    }

    void aFailedCreateLeavesNothingHalfMade()
    {
        QVERIFY(QFile(m_dir.filePath("half.db")).open(QIODevice::WriteOnly));
        failedCreateLeavesNothing(QStringLiteral("sqlite:half.db"), false);
    }

    // Against a partial target, auto-map offers the source tables nothing reads, to create.
    void automapOffersTablesToCreate()
    {
        const auto init = cli({QStringLiteral("init"), QStringLiteral("partial.cutover"),
                               QStringLiteral("--source"), QStringLiteral("sqlite:legacy.db"),
                               QStringLiteral("--target"), QStringLiteral("sqlite:partial.db"),
                               QStringLiteral("--tables"), QStringLiteral("Artist")});
        QCOMPARE(init.exitCode, 0);
        const auto offer = cli({QStringLiteral("automap"), QStringLiteral("partial.cutover"),
                                QStringLiteral("--json")});
        QVERIFY2(offer.exitCode == 0, qPrintable(said(offer)));
        const QJsonArray create =
            QJsonDocument::fromJson(offer.out.toUtf8()).object().value("create").toArray();
        QCOMPARE(create.size(), 6);
        const auto write = cli({QStringLiteral("automap"), QStringLiteral("partial.cutover"),
                                QStringLiteral("--write"), QStringLiteral("--create-tables")});
        QVERIFY2(write.exitCode == 0, qPrintable(said(write)));
        auto project = ProjectReader::load(m_dir.filePath(QStringLiteral("partial.cutover")));
        QVERIFY(project.ok());
        QCOMPARE(project->mappings.size(), 7);
        QCOMPARE(project->targetTables.size(), 7);
        const auto validate = cli({QStringLiteral("validate"), QStringLiteral("partial.cutover")});
        QVERIFY2(validate.exitCode == 0, qPrintable(said(validate)));
    }

    void intoPostgres()
    {
        if (const QString missing = PostgresServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_env.insert(QStringLiteral("CUTOVER_PASSWORD"), server.password());
        failedCreateLeavesNothing(server.url(), false);
        const Project project = liftAndShift(QStringLiteral("topg"), server.url());
        m_env.remove(QStringLiteral("CUTOVER_PASSWORD"));
        expectSameValues(project, server.spec(), server.password());
        // a new artist without a key gets the next one after the loaded keys
        QCOMPARE(nextKey(server.spec(), server.password(),
                         QStringLiteral("INSERT INTO artist (name) VALUES ('new') "
                                        "RETURNING artistid")),
                 4);
        // lower case, and cut to 63 bytes with a hash of the whole name
        QVERIFY(project.targetTable(QStringLiteral("album")));
        bool cut = false;
        for (const auto &t : project.targetTables)
            cut = cut || (t.name.startsWith(kLongTable.left(40)) && t.name.toUtf8().size() == 63);
        QVERIFY(cut);
    }

    void intoMariaDb()
    {
        if (const QString missing = MariaDbServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_env.insert(QStringLiteral("CUTOVER_PASSWORD"), server.password());
        failedCreateLeavesNothing(server.url(), true);
        const Project project = liftAndShift(QStringLiteral("tomaria"), server.url());
        m_env.remove(QStringLiteral("CUTOVER_PASSWORD"));
        expectSameValues(project, server.spec(), server.password());
        QVERIFY(project.targetTable(QStringLiteral("Album")));
        QCOMPARE(nextKey(server.spec(), server.password(),
                         QStringLiteral("INSERT INTO Artist (Name) VALUES ('new')"),
                         QStringLiteral("SELECT max(ArtistId) FROM Artist")),
                 4);
    }
};

QTEST_GUILESS_MAIN(TestCliInit)
#include "tst_cli_init.moc"
