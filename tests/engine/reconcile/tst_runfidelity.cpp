#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/target/TargetSessionFactory.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

namespace {

// Names a legacy schema has: a quote, a space, a non-ASCII letter, a keyword, an apostrophe, a
// backtick. Each is read, written and reconciled as it is, on every target.
const QStringList kNames = {QStringLiteral("quo\"te"), QStringLiteral("my col"),
                            QStringLiteral("naïve"),   QStringLiteral("select"),
                            QStringLiteral("it's"),    QStringLiteral("a`b")};
const QString kTable = QStringLiteral("client list");

QString sqliteQuoted(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString valueOf(int row, int column)
{
    return QStringLiteral("r%1 %2").arg(row).arg(kNames.at(column));
}

} // namespace

// A run changes nothing the user did not ask for: columns of awkward names arrive whole on
// SQLite, PostgreSQL and MariaDB targets; a SQLite target keeps timestamps in SQLite's own text
// form; expressions that read beyond their row or name no column are refused before a row moves.
class TestRunFidelity : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    QString m_source;
    int m_projects = 0;

    // The project as a user writes it: saved and loaded again, so the file format carries it.
    Project project(const QString &targetUrl, bool isoTimestamps = false,
                    const QString &firstExpression = {})
    {
        Project p;
        p.name = QStringLiteral("fidelity");
        p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:") + m_source, {}},
                         {QStringLiteral("modern"), targetUrl, {}}};
        p.sourceConnection = QStringLiteral("legacy");
        p.targetConnection = QStringLiteral("modern");
        TableMapping m;
        m.target = kTable;
        m.source = kTable;
        m.sourceKey = QStringLiteral("id");
        m.columns.append({QStringLiteral("id"), QStringLiteral("id"), {}, false, false, {}});
        for (const QString &name : kNames)
            m.columns.append({name, sqliteQuoted(name), {}, false, false, {}});
        ColumnMapping created{
            QStringLiteral("created"), QStringLiteral("created"), {}, false, false, {}};
        created.isoTimestamps = isoTimestamps;
        m.columns.append(created);
        if (!firstExpression.isEmpty())
            m.columns[1].expression = firstExpression;
        p.mappings = {m};
        const QString file = m_root.filePath(QStringLiteral("p%1.cutover").arg(++m_projects));
        if (auto saved = ProjectWriter::save(p, file); !saved)
            qFatal("save: %s", qPrintable(saved.error().toString()));
        auto loaded = ProjectReader::load(file);
        if (!loaded)
            qFatal("load: %s", qPrintable(loaded.error().toString()));
        return *loaded;
    }

    Result<RunRecord> run(const Project &project)
    {
        RunOptions options;
        options.retryBackoffMs = 50;
        RunEngine engine(project, options, &m_passwords);
        RunControl control;
        std::optional<Result<RunRecord>> record;
        std::unique_ptr<QThread> worker(QThread::create([&] { record = engine.run(control); }));
        worker->start();
        worker->wait();
        return *record;
    }

    // CREATE TABLE for the target: the same names, the timestamp as the database's own type.
    static QString createTable(TargetSession &session, const QString &textType,
                               const QString &timestampType)
    {
        QStringList columns{session.quote(QStringLiteral("id")) +
                            QStringLiteral(" INTEGER PRIMARY KEY")};
        for (const QString &name : kNames)
            columns.append(session.quote(name) + QLatin1Char(' ') + textType);
        columns.append(session.quote(QStringLiteral("created")) + QLatin1Char(' ') + timestampType);
        return QStringLiteral("CREATE TABLE %1 (%2)")
            .arg(session.quote(kTable), columns.join(QStringLiteral(", ")));
    }

    // Runs into the target, compares every value with the source and reconciles.
    void checkTarget(const QString &url, const ConnectionSpec &spec, const QString &textType,
                     const QString &timestampType)
    {
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        VERIFY_OK(session);
        VERIFY_OK((*session)->execute(createTable(**session, textType, timestampType)));
        const Project p = project(url);
        auto record = run(p);
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        QCOMPARE(record->tables.value(0).loaded, 3);

        QStringList selected;
        for (const QString &name : kNames)
            selected.append((*session)->quote(name));
        auto rows = (*session)->query(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                          .arg(selected.join(QStringLiteral(", ")),
                                               (*session)->quote(kTable),
                                               (*session)->quote(QStringLiteral("id"))));
        VERIFY_OK(rows);
        QCOMPARE(rows->size(), 3);
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < kNames.size(); ++c)
                QCOMPARE(rows->at(r).at(c).toString(), valueOf(r + 1, c));

        ReconcileOptions options;
        options.store = false;
        auto report = Reconciler(p, &m_passwords).run(options);
        VERIFY_OK(report);
        QCOMPARE(report->tables.size(), 1);
        QVERIFY2(report->tables.first().status == ReconcileStatus::Pass,
                 qPrintable(report->tables.first().reasons.join(QLatin1Char('\n'))));
    }

    QString sqliteTarget(const QString &name)
    {
        const QString path = m_root.filePath(name);
        QStringList columns{QStringLiteral("id INTEGER PRIMARY KEY")};
        for (const QString &column : kNames)
            columns.append(sqliteQuoted(column) + QStringLiteral(" TEXT"));
        columns.append(QStringLiteral("created TIMESTAMP"));
        const QString made = SqliteFile::create(
            path, {QStringLiteral("CREATE TABLE %1 (%2)")
                       .arg(sqliteQuoted(kTable), columns.join(QStringLiteral(", ")))});
        if (!made.isEmpty())
            qFatal("target: %s", qPrintable(made));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
        m_source = m_root.filePath(QStringLiteral("legacy.sqlite"));
        QStringList columns{QStringLiteral("id INTEGER PRIMARY KEY")};
        for (const QString &name : kNames)
            columns.append(sqliteQuoted(name) + QStringLiteral(" TEXT"));
        columns.append(QStringLiteral("created TEXT"));
        QStringList statements{QStringLiteral("CREATE TABLE %1 (%2)")
                                   .arg(sqliteQuoted(kTable), columns.join(QStringLiteral(", ")))};
        for (int r = 1; r <= 3; ++r) {
            QStringList values{QString::number(r)};
            for (int c = 0; c < kNames.size(); ++c)
                values.append(QLatin1Char('\'') +
                              valueOf(r, c).replace(QLatin1Char('\''), QStringLiteral("''")) +
                              QLatin1Char('\''));
            values.append(QStringLiteral("'2009-01-0%1 10:00:00'").arg(r));
            statements.append(QStringLiteral("INSERT INTO %1 VALUES (%2)")
                                  .arg(sqliteQuoted(kTable), values.join(QStringLiteral(", "))));
        }
        const QString made = SqliteFile::create(m_source, statements);
        QVERIFY2(made.isEmpty(), qPrintable(made));
    }

    void sqliteTargetKeepsNamesAndSqliteTimestamps()
    {
        const QString path = m_root.filePath(QStringLiteral("modern.sqlite"));
        checkTarget(QStringLiteral("sqlite:") + path,
                    *ConnectionSpec::parse(QStringLiteral("sqlite:") + path),
                    QStringLiteral("TEXT"), QStringLiteral("TIMESTAMP"));
        // SQLite's date functions write and compare "YYYY-MM-DD HH:MM:SS": the stored text must
        // be that form, or WHERE created > datetime(...) would change meaning after the move.
        QCOMPARE(SqliteFile::scalar(path, QStringLiteral("SELECT group_concat(created, '|') FROM "
                                                         "(SELECT created FROM \"client list\" "
                                                         "ORDER BY id)")),
                 QStringLiteral("2009-01-01 10:00:00|2009-01-02 10:00:00|2009-01-03 10:00:00"));
        QCOMPARE(SqliteFile::scalar(path, QStringLiteral("SELECT count(*) FROM \"client list\" "
                                                         "WHERE created > datetime('2009-01-02 "
                                                         "10:00:00')")),
                 QStringLiteral("1"));
    }

    void sqliteTargetTakesIsoTimestampsWhenAsked()
    {
        const QString path = sqliteTarget(QStringLiteral("iso.sqlite"));
        auto record = run(project(QStringLiteral("sqlite:") + path, true));
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        QCOMPARE(
            SqliteFile::scalar(path, QStringLiteral("SELECT min(created) FROM \"client list\"")),
            QStringLiteral("2009-01-01T10:00:00"));
    }

    // A mapping that cannot be trusted stops before a row moves, with the reason.
    void untrustworthyExpressionsStopTheRun_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("quoted name of no column") << "\"PHONEX\""
                                                  << "no such column: PHONEX";
        QTest::newRow("window function") << "row_number() OVER ()"
                                         << "one row at a time";
        QTest::newRow("batch subquery") << "(SELECT max(\"my col\") FROM batch)"
                                        << "one row at a time";
        QTest::newRow("literal pattern that does not compile")
            << "regexp_replace(\"quo\"\"te\", '[0-', '')"
            << "not a valid regular expression";
    }
    void untrustworthyExpressionsStopTheRun()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        const QString path = sqliteTarget(QStringLiteral("refused%1.sqlite").arg(m_projects));
        auto record = run(project(QStringLiteral("sqlite:") + path, false, expression));
        const QString said = record ? record->message : record.error().toString();
        QVERIFY2(!record || record->status == RunStatus::Failed, qPrintable(said));
        QVERIFY2(said.contains(message), qPrintable(said));
        QCOMPARE(SqliteFile::scalar(path, QStringLiteral("SELECT count(*) FROM \"client list\"")),
                 QStringLiteral("0"));
    }

    // The same misfeature on a SQLite source: a filter naming a column that is not there would
    // compare a constant string and quietly select no row (or every row).
    void aFilterNamingNoColumnIsAnError()
    {
        const QString path = sqliteTarget(QStringLiteral("filtered.sqlite"));
        Project p = project(QStringLiteral("sqlite:") + path);
        p.mappings[0].filter = QStringLiteral("\"my colx\" = 'r1 my col'");
        auto record = run(p);
        const QString said = record ? record->message : record.error().toString();
        QVERIFY2(!record || record->status == RunStatus::Failed, qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("no such column: my colx")), qPrintable(said));
        p.mappings[0].filter = QStringLiteral("\"my col\" = 'r1 my col'");
        record = run(p);
        VERIFY_OK(record);
        QCOMPARE(record->tables.value(0).loaded, 1);
    }

    void postgresTargetKeepsNames()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        PostgresServer server;
        VERIFY_OK(server.start());
        m_passwords.set(server.spec(), server.password());
        checkTarget(server.url(), server.spec(), QStringLiteral("varchar(40)"),
                    QStringLiteral("timestamp"));
    }

    void mariadbTargetKeepsNames()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        MariaDbServer server;
        VERIFY_OK(server.start());
        m_passwords.set(server.spec(), server.password());
        checkTarget(server.url(), server.spec(), QStringLiteral("varchar(40)"),
                    QStringLiteral("datetime"));
    }
};

QTEST_GUILESS_MAIN(TestRunFidelity)
#include "tst_runfidelity.moc"
