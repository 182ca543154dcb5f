#include "FakePasswordProvider.h"
#include "PostgresServer.h"
#include "ReconcileFindings.h"
#include "VerifyOk.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::PostgresServer;
using cutover::test::ReconcileFindings;

// Run digests with a source that is not SQLite: a real PostgreSQL table (dates, timestamps with
// time zone, decimals, booleans, doubles, text with NULLs and non-ASCII letters) loaded into a
// SQLite file. Reconciliation reads the source through the same RowSource the run read, proves
// the table by the digests, and reports what the exact merge of every row reports; a row
// changed in the source afterwards sends it back to the merge, which finds that row.
class TestReconcilePgSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;

    ReconcileReport reconcile(const Project &project, ReconcileOptions::Method method)
    {
        ReconcileOptions options;
        options.store = false;
        options.method = method;
        auto report = Reconciler(project, &m_passwords).run(options);
        if (!report)
            qFatal("reconcile: %s", qPrintable(report.error().toString()));
        return *report;
    }

    Project project()
    {
        const QString dir = m_root.path();
        sqlite3 *db = nullptr;
        const QByteArray path = (dir + QStringLiteral("/target.sqlite")).toUtf8();
        if (sqlite3_open(path.constData(), &db) != SQLITE_OK ||
            sqlite3_exec(db,
                         "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, born TEXT, "
                         "seen TEXT, amount TEXT, ok INTEGER, score REAL)",
                         nullptr, nullptr, nullptr) != SQLITE_OK)
            qFatal("target: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        QJsonArray columns;
        for (const char *name : {"id", "name", "born", "seen", "amount", "ok", "score"})
            columns.append(
                QJsonObject{{"target", QLatin1String(name)}, {"expression", QLatin1String(name)}});
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", "pg source"},
            {"source", "pg"},
            {"target", "file"},
            {"connections",
             QJsonArray{QJsonObject{{"name", "pg"}, {"url", m_postgres->url()}},
                        QJsonObject{{"name", "file"}, {"url", "sqlite:target.sqlite"}}}},
            {"mappings", QJsonArray{QJsonObject{{"source", "people"},
                                                {"target", "people"},
                                                {"mode", "insert"},
                                                {"columns", columns}}}}};
        QFile file(dir + QStringLiteral("/pg.cutover"));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the project");
        file.write(QJsonDocument(json).toJson());
        file.close();
        auto loaded = ProjectReader::load(file.fileName());
        if (!loaded)
            qFatal("project: %s", qPrintable(loaded.error().toString()));
        return *loaded;
    }

private Q_SLOTS:
    void postgresSourceIsProvenByRunDigests()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        m_passwords.set(m_postgres->spec(), m_postgres->password());
        VERIFY_OK(m_postgres->execAsAdmin(
            {QStringLiteral("CREATE TABLE people (id integer PRIMARY KEY, name text, born date, "
                            "seen timestamptz, amount numeric(10,2), ok boolean, "
                            "score double precision)"),
             QStringLiteral("INSERT INTO people SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE "
                            "'Łukasz Ñúñez ' || g END, date '2000-01-01' + g, "
                            "timestamptz '2024-03-01 10:00:00+02' + g * interval '1 hour', "
                            "g * 1.25, g % 2 = 0, g / 3.0 FROM generate_series(1, 500) g"),
             QStringLiteral("GRANT SELECT ON people TO cutover")}));
        const Project loaded = project();
        RunControl control;
        auto run = RunEngine(loaded, RunOptions(), &m_passwords).run(control);
        QVERIFY2(run && run->status == RunStatus::Succeeded,
                 run ? qPrintable(run->message) : qPrintable(run.error().toString()));

        const ReconcileReport proven = reconcile(loaded, ReconcileOptions::Method::Auto);
        const ReconcileReport merged = reconcile(loaded, ReconcileOptions::Method::Exact);
        const TableReconciliation &people = proven.tables.first();
        QVERIFY2(people.method == QStringLiteral("run digests"),
                 qPrintable(people.notes.join(QStringLiteral("; "))));
        QCOMPARE(people.status, ReconcileStatus::Pass);
        QCOMPARE(people.matched, 500);
        QCOMPARE(people.sample.size(), 20);
        QCOMPARE(merged.tables.first().method, QStringLiteral("exact merge"));
        QCOMPARE(ReconcileFindings::of(proven), ReconcileFindings::of(merged));

        VERIFY_OK(m_postgres->execAsAdmin(
            {QStringLiteral("UPDATE people SET amount = amount + 0.01 WHERE id = 3")}));
        const ReconcileReport changed = reconcile(loaded, ReconcileOptions::Method::Auto);
        const TableReconciliation &after = changed.tables.first();
        QCOMPARE(after.method, QStringLiteral("exact merge"));
        QVERIFY(after.notes.join(QLatin1Char(' ')).contains(QStringLiteral("the source is not")));
        QCOMPARE(after.modified, 1);
        QCOMPARE(after.modifiedSamples.first().columns, QStringList{QStringLiteral("amount")});
    }

    void cleanupTestCase() { m_postgres.reset(); }
};

QTEST_GUILESS_MAIN(TestReconcilePgSource)
#include "tst_reconcilepgsource.moc"
