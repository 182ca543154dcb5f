#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/ledger/RunLedger.h"
#include "run/target/TargetSessionFactory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

namespace {

// A SQLite source's TEXT as a legacy application wrote it: a Windows-1252 en dash, an invalid
// sequence, a lone continuation byte, a leading byte order mark (valid UTF-8), ASCII and UTF-8.
const QList<QByteArray> kBytes = {QByteArray("Bob\x96"),
                                  QByteArray("Ren\xc3(e"),
                                  QByteArray("a\x80"
                                             "b"),
                                  QByteArray("\xef\xbb\xbfZoe"),
                                  QByteArray("Plain"),
                                  QByteArray("J\xc3\xbcrgen")};

// The UTF-8 of the same bytes decoded as Windows-1252.
const QStringList kCp1252Hex = {
    QStringLiteral("426f62e28093"), QStringLiteral("52656ec3832865"),
    QStringLiteral("61e282ac62"),   QStringLiteral("c3afc2bbc2bf5a6f65"),
    QStringLiteral("506c61696e"),   QStringLiteral("4ac383c2bc7267656e")};

QString hexOf(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

// A SQLite source with text that is not UTF-8, run into SQLite, PostgreSQL and MariaDB targets:
// nothing arrives changed. Invalid text is quarantined with its bytes in hex, a leading U+FEFF
// arrives, a column or connection encoding decodes, a binary column gets the exact bytes, a
// retry after the mapping is fixed loads the original bytes decoded, and reconciliation never
// says Pass over a changed value.
class TestEncodingRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;
    int m_projects = 0;

    struct Target
    {
        QString url;
        QString textType;
        QString blobType;
        QString hexOfText; // an SQL expression for the hex of column %1's text as UTF-8
        QString hexOfBlob;
    };

    Target target(const QString &kind, const QString &dir)
    {
        if (kind == QLatin1String("postgresql"))
            return {m_postgres->url(), QStringLiteral("text"), QStringLiteral("bytea"),
                    QStringLiteral("encode(convert_to(%1, 'UTF8'), 'hex')"),
                    QStringLiteral("encode(%1, 'hex')")};
        if (kind == QLatin1String("mariadb"))
            return {m_mariadb->url(), QStringLiteral("varchar(40)"), QStringLiteral("longblob"),
                    QStringLiteral("LOWER(HEX(%1))"), QStringLiteral("LOWER(HEX(%1))")};
        return {QStringLiteral("sqlite:") + dir + QStringLiteral("/modern.sqlite"),
                QStringLiteral("TEXT"), QStringLiteral("BLOB"), QStringLiteral("lower(hex(%1))"),
                QStringLiteral("lower(hex(%1))")};
    }

    // A fresh source, target tables and project; columnEncoding goes on person.name.
    Project project(const Target &to, const QString &dir, const QString &sourceOptions = {},
                    const QString &columnEncoding = {})
    {
        QStringList statements = {
            QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)")};
        for (int i = 0; i < kBytes.size(); ++i)
            statements.append(QStringLiteral("INSERT INTO person VALUES (%1, CAST(x'%2' AS TEXT))")
                                  .arg(i + 1)
                                  .arg(hexOf(kBytes[i])));
        const QString failed =
            SqliteFile::create(dir + QStringLiteral("/legacy.sqlite"), statements);
        if (!failed.isEmpty())
            qFatal("%s", qPrintable(failed));

        QJsonObject name{{"target", "name"}, {"expression", "name"}};
        if (!columnEncoding.isEmpty())
            name.insert(QStringLiteral("encoding"), columnEncoding);
        const QJsonObject json{
            {"formatVersion", 1},
            {"name", QStringLiteral("encoding%1").arg(m_projects)},
            {"source", "legacy"},
            {"target", "modern"},
            {"connections", QJsonArray{QJsonObject{{"name", "legacy"},
                                                   {"url", QStringLiteral("sqlite:legacy.sqlite") +
                                                               sourceOptions}},
                                       QJsonObject{{"name", "modern"}, {"url", to.url}}}},
            {"mappings",
             QJsonArray{QJsonObject{{"source", "person"},
                                    {"target", "person"},
                                    {"mode", "insert"},
                                    {"columns",
                                     QJsonArray{QJsonObject{{"target", "id"}, {"expression", "id"}},
                                                name}}},
                        QJsonObject{
                            {"source", "person"},
                            {"target", "person_raw"},
                            {"mode", "insert"},
                            {"columns",
                             QJsonArray{QJsonObject{{"target", "id"}, {"expression", "id"}},
                                        QJsonObject{{"target", "raw"}, {"expression", "name"}}}}}}},
            {"settings", QJsonObject{{"maxErrorRate", 1.0}}}};
        QFile file(dir + QStringLiteral("/encoding.cutover"));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the project");
        file.write(QJsonDocument(json).toJson());
        file.close();
        auto loaded = ProjectReader::load(file.fileName());
        if (!loaded)
            qFatal("project: %s", qPrintable(loaded.error().toString()));
        return *loaded;
    }

    void createTargetTables(const Project &p, const Target &to)
    {
        auto session = open(p);
        VERIFY_OK(session);
        for (const QString &table : {QStringLiteral("person"), QStringLiteral("person_raw")})
            VERIFY_OK((*session)->execute(QStringLiteral("DROP TABLE IF EXISTS ") + table));
        VERIFY_OK((*session)->execute(
            QStringLiteral("CREATE TABLE person (id integer PRIMARY KEY, name %1)")
                .arg(to.textType)));
        VERIFY_OK((*session)->execute(
            QStringLiteral("CREATE TABLE person_raw (id integer PRIMARY KEY, raw %1)")
                .arg(to.blobType)));
    }

    Result<std::unique_ptr<TargetSession>> open(const Project &p)
    {
        auto spec = p.targetSpec();
        if (!spec)
            return spec.error();
        return TargetSessionFactory::open(*spec, &m_passwords);
    }

    RunRecord run(const Project &p, RunOptions options = {})
    {
        options.batchSize = 4;
        RunEngine engine(p, options, &m_passwords);
        RunControl control;
        std::optional<Result<RunRecord>> record;
        std::unique_ptr<QThread> worker(QThread::create([&] { record = engine.run(control); }));
        worker->start();
        worker->wait();
        if (!*record)
            qFatal("run: %s", qPrintable(record->error().toString()));
        return **record;
    }

    ReconcileReport reconcile(const Project &p, ReconcileOptions::Method method)
    {
        ReconcileOptions options;
        options.store = false;
        options.method = method;
        auto report = Reconciler(p, &m_passwords).run(options);
        if (!report)
            qFatal("reconcile: %s", qPrintable(report.error().toString()));
        return *report;
    }

    static const TableReconciliation &table(const ReconcileReport &report, const QString &name)
    {
        for (const TableReconciliation &t : report.tables)
            if (t.table == name)
                return t;
        qFatal("no table %s in the report", qPrintable(name));
    }

    static const RunTableRecord &table(const RunRecord &record, const QString &name)
    {
        for (const RunTableRecord &t : record.tables)
            if (t.tableName == name)
                return t;
        qFatal("no table %s in the run", qPrintable(name));
    }

    // Column `column` of `table` in id order, as the hex of its bytes.
    QStringList hexColumn(const Project &p, const QString &sqlHex, const QString &table)
    {
        auto session = open(p);
        if (!session)
            qFatal("%s", qPrintable(session.error().toString()));
        auto rows = (*session)->query(
            QStringLiteral("SELECT id, %1 FROM %2 ORDER BY id").arg(sqlHex, table));
        if (!rows)
            qFatal("%s", qPrintable(rows.error().toString()));
        QStringList result;
        for (const QVariantList &row : *rows)
            result.append(row.value(0).toString() + QLatin1Char('=') + row.value(1).toString());
        return result;
    }

    static QStringList numbered(const QStringList &hex, const QList<int> &ids)
    {
        QStringList result;
        for (int id : ids)
            result.append(QString::number(id) + QLatin1Char('=') + hex.value(id - 1));
        return result;
    }

    bool startServer(const QString &kind)
    {
        if (kind == QLatin1String("postgresql") && !m_postgres) {
            if (!PostgresServer::whyUnavailable().isEmpty())
                return false;
            m_postgres = std::make_unique<PostgresServer>();
            if (auto started = m_postgres->start(); !started)
                qFatal("postgres: %s", qPrintable(started.error().toString()));
            m_passwords.set(m_postgres->spec(), m_postgres->password());
        }
        if (kind == QLatin1String("mariadb") && !m_mariadb) {
            if (!MariaDbServer::whyUnavailable().isEmpty())
                return false;
            m_mariadb = std::make_unique<MariaDbServer>();
            if (auto started = m_mariadb->start(); !started)
                qFatal("mariadb: %s", qPrintable(started.error().toString()));
            m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        }
        return true;
    }

    QString freshDir()
    {
        const QString dir = m_root.filePath(QStringLiteral("p%1").arg(++m_projects));
        QDir().mkpath(dir);
        return dir;
    }

    static void targets()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }

private Q_SLOTS:
    void invalidTextIsQuarantinedWithItsBytes_data() { targets(); }
    void invalidTextIsQuarantinedWithItsBytes()
    {
        QFETCH(QString, kind);
        if (!startServer(kind))
            QSKIP("server not installed");
        const QString dir = freshDir();
        const Target to = target(kind, dir);
        Project p = project(to, dir);
        createTargetTables(p, to);

        const RunRecord first = run(p);
        QCOMPARE(first.status, RunStatus::Succeeded);
        QCOMPARE(table(first, QStringLiteral("person")).loaded, 3);
        QCOMPARE(table(first, QStringLiteral("person")).quarantined, 3);
        QCOMPARE(table(first, QStringLiteral("person_raw")).loaded, 6);

        // The valid ones arrive exactly, the byte order mark too; a binary column gets the bytes.
        QStringList utf8;
        for (const QByteArray &bytes : kBytes)
            utf8.append(hexOf(bytes));
        QCOMPARE(hexColumn(p, to.hexOfText.arg(QStringLiteral("name")), QStringLiteral("person")),
                 numbered(utf8, {4, 5, 6}));
        QCOMPARE(
            hexColumn(p, to.hexOfBlob.arg(QStringLiteral("raw")), QStringLiteral("person_raw")),
            numbered(utf8, {1, 2, 3, 4, 5, 6}));

        // The invalid ones are quarantined with their bytes in hex and where they go wrong.
        auto session = open(p);
        VERIFY_OK(session);
        RunLedger ledger(**session);
        auto quarantined = ledger.quarantine(first.runId);
        VERIFY_OK(quarantined);
        QStringList reasons;
        for (const QuarantinedRow &row : *quarantined)
            for (const Violation &v : row.violations)
                reasons.append(row.sourceKey + QLatin1Char(' ') + v.column + QStringLiteral(": ") +
                               v.reason);
        reasons.sort();
        QCOMPARE(reasons, (QStringList{QStringLiteral("[1] name: not valid UTF-8 at byte offset 3: "
                                                      "42 6f 62 96"),
                                       QStringLiteral("[2] name: not valid UTF-8 at byte offset 3: "
                                                      "52 65 6e c3 28 65"),
                                       QStringLiteral("[3] name: not valid UTF-8 at byte offset 1: "
                                                      "61 80 62")}));
        session->reset();

        // Reconciliation does not call a table with more quarantined rows than the project
        // accepts a Pass (the run was allowed all of them); nothing differs.
        p.settings.maxErrorRate = 0.05;
        for (const auto method :
             {ReconcileOptions::Method::Auto, ReconcileOptions::Method::Exact}) {
            const ReconcileReport report = reconcile(p, method);
            const TableReconciliation &person = table(report, QStringLiteral("person"));
            QVERIFY(person.status != ReconcileStatus::Pass);
            QCOMPARE(person.quarantined, 3);
            QCOMPARE(person.matched, 3);
            QCOMPARE(person.modified, 0);
            const TableReconciliation &raw = table(report, QStringLiteral("person_raw"));
            QCOMPARE(raw.status, ReconcileStatus::Pass);
            QCOMPARE(raw.matched, 6);
        }

        // The mapping fixed, a retry reads the original bytes again and loads them decoded.
        p.mappings[0].columns[1].encoding = QStringLiteral("cp1252");
        RunOptions retry;
        retry.retryQuarantined = true;
        const RunRecord second = run(p, retry);
        QCOMPARE(second.status, RunStatus::Succeeded);
        QCOMPARE(table(second, QStringLiteral("person")).loaded, 3);
        QCOMPARE(table(second, QStringLiteral("person")).quarantined, 0);
        QCOMPARE(hexColumn(p, to.hexOfText.arg(QStringLiteral("name")), QStringLiteral("person")),
                 numbered(kCp1252Hex, {1, 2, 3}) + numbered(utf8, {4, 5, 6}));
    }

    void encodingsLoadDecodedText_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("perColumn");
        for (const char *kind : {"sqlite", "postgresql", "mariadb"}) {
            QTest::addRow("%s, connection", kind) << QString::fromLatin1(kind) << false;
            QTest::addRow("%s, column", kind) << QString::fromLatin1(kind) << true;
        }
    }

    void encodingsLoadDecodedText()
    {
        QFETCH(QString, kind);
        QFETCH(bool, perColumn);
        if (!startServer(kind))
            QSKIP("server not installed");
        const QString dir = freshDir();
        const Target to = target(kind, dir);
        const Project p = perColumn ? project(to, dir, {}, QStringLiteral("cp1252"))
                                    : project(to, dir, QStringLiteral("?encoding=cp1252"));
        createTargetTables(p, to);
        RunOptions options;
        options.tables = {QStringLiteral("person")};
        const RunRecord record = run(p, options);
        QCOMPARE(record.status, RunStatus::Succeeded);
        QCOMPARE(table(record, QStringLiteral("person")).loaded, 6);
        QCOMPARE(hexColumn(p, to.hexOfText.arg(QStringLiteral("name")), QStringLiteral("person")),
                 numbered(kCp1252Hex, {1, 2, 3, 4, 5, 6}));
        for (const auto method : {ReconcileOptions::Method::Auto, ReconcileOptions::Method::Exact})
            QCOMPARE(table(reconcile(p, method), QStringLiteral("person")).status,
                     ReconcileStatus::Pass);

        // The value an earlier version wrote (the byte as U+0096), or U+FFFD: never a Pass.
        auto session = open(p);
        VERIFY_OK(session);
        VERIFY_OK((*session)->execute(
            QStringLiteral("UPDATE person SET name = 'Bob\u0096' WHERE id = 1")));
        VERIFY_OK((*session)->execute(
            QStringLiteral("UPDATE person SET name = 'a\ufffdb' WHERE id = 3")));
        session->reset();
        for (const auto method :
             {ReconcileOptions::Method::Auto, ReconcileOptions::Method::Exact}) {
            const TableReconciliation &person =
                table(reconcile(p, method), QStringLiteral("person"));
            QVERIFY(person.status != ReconcileStatus::Pass);
            QCOMPARE(person.modified, 2);
        }
    }

    void cleanupTestCase()
    {
        m_postgres.reset();
        m_mariadb.reset();
    }
};

QTEST_GUILESS_MAIN(TestEncodingRun)
#include "tst_encodingrun.moc"
