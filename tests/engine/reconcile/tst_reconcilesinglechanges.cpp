#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "ReconcileKeys.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "reconcile/Reconciler.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/target/TargetSessionFactory.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::ReconcileKeys;
using cutover::test::SqliteFile;

// Reconciliation never hides a change the target stores. Per target database (SQLite,
// PostgreSQL, MariaDB), a run loads one small table per column type; then each single-value
// change the column can store (a space appended or prepended, another case, NULL to '' and back,
// a double or a float moved by one unit in the last place, 0.0 to -0.0, 1.5 to 1.50 where the
// type keeps the scale, a timestamp moved by the smallest unit the column keeps, ...) is made
// directly in the target, one at a time, and every method that applies to the database must
// report exactly that row as modified, and Fail: on SQLite the run's digests (Auto) and the
// exact merge, on PostgreSQL and MariaDB the segment checksums and the exact merge. A change the
// database cannot store (char(n) pads, numeric(10,2) keeps two places, ...) leaves the value as
// it was; each such case is listed with the reason, and must not be reported. Then the change is
// undone from a copy of the clean table and the next one is made.
class TestReconcileSingleChanges : public QObject
{
    Q_OBJECT

private:
    using Method = ReconcileOptions::Method;

    // A target column, alone with the key in a table of its own (c_NAME: id, v), so that a type
    // the segment checksums refuse sends only its own table to the exact merge.
    struct Column
    {
        QString name;
        QString targetType;      // the target's type of v
        QString sourceType;      // the SQLite source's type of v: TEXT or REAL
        QString rule;            // how the report says v is compared
        bool checksummed = true; // PostgreSQL and MariaDB: segment checksums compare it in SQL
    };
    // A change of one value in the target, from base (in the source, a SQLite literal) to `to`
    // (a literal in the target's SQL). cannot: empty when the database stores the change, which
    // must then be found; else why the database cannot hold it apart from base.
    struct Change
    {
        QString column;
        QString base;
        QString to;
        QString cannot;
    };
    struct Target
    {
        QString name;
        QString url;
        ConnectionSpec spec;
        QList<Column> columns;
        QList<Change> changes;
        QList<Method> methods;
    };

    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;

    static QString tableOf(const QString &column) { return QStringLiteral("c_") + column; }

    // The five changes of a text value; trailing: why a space appended cannot be stored, if so.
    static QList<Change> textChanges(const QString &column, const QString &trailing = {})
    {
        return {{column, QStringLiteral("'abc'"), QStringLiteral("'abc '"), trailing},
                {column, QStringLiteral("'abc'"), QStringLiteral("' abc'"), {}},
                {column, QStringLiteral("'abc'"), QStringLiteral("'Abc'"), {}},
                {column, QStringLiteral("NULL"), QStringLiteral("''"), {}},
                {column, QStringLiteral("''"), QStringLiteral("NULL"), {}}};
    }

    static QString methodName(Method method)
    {
        return method == Method::Auto    ? QStringLiteral("auto")
               : method == Method::Exact ? QStringLiteral("exact")
                                         : QStringLiteral("checksums");
    }

    // Row ids: the changes of a column in order from 1, then filler rows holding the first base.
    static int rowOf(const Target &target, qsizetype change)
    {
        int row = 0;
        for (qsizetype i = 0; i <= change; ++i)
            row += target.changes.at(i).column == target.changes.at(change).column ? 1 : 0;
        return row;
    }

    QString writeSource(const QString &dir, const Target &target)
    {
        QStringList sql;
        for (const Column &c : target.columns) {
            const QString table = tableOf(c.name);
            sql.append(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, v %2)")
                           .arg(table, c.sourceType));
            QString filler;
            for (qsizetype i = 0; i < target.changes.size(); ++i) {
                const Change &change = target.changes.at(i);
                if (change.column != c.name)
                    continue;
                if (filler.isEmpty())
                    filler = change.base;
                sql.append(QStringLiteral("INSERT INTO %1 VALUES (%2, %3)")
                               .arg(table)
                               .arg(rowOf(target, i))
                               .arg(change.base));
            }
            for (int row = 1001; row <= 1005; ++row)
                sql.append(QStringLiteral("INSERT INTO %1 VALUES (%2, %3)")
                               .arg(table)
                               .arg(row)
                               .arg(filler));
        }
        sql += {QStringLiteral("CREATE TABLE word (w TEXT PRIMARY KEY, n INTEGER)"),
                QStringLiteral("INSERT INTO word VALUES ('abc', 1), ('def', 2), ('ghi', 3)"),
                QStringLiteral("CREATE TABLE pair (a TEXT, b INTEGER)"),
                QStringLiteral("INSERT INTO pair VALUES ('x', 1), ('x', 1), ('y', 2)")};
        const QString path = dir + QStringLiteral("/legacy.sqlite");
        const QString error = SqliteFile::create(path, sql);
        if (!error.isEmpty())
            qFatal("source: %s", qPrintable(error));
        return path;
    }

    Project project(const Target &target)
    {
        const QString dir = m_root.filePath(target.name);
        QDir().mkpath(dir);
        Project p;
        p.name = QStringLiteral("single changes ") + target.name;
        p.baseDir = dir;
        p.connections = {
            {QStringLiteral("legacy"), QStringLiteral("sqlite:") + writeSource(dir, target), {}},
            {QStringLiteral("target"), target.url, {}}};
        p.sourceConnection = QStringLiteral("legacy");
        p.targetConnection = QStringLiteral("target");
        for (const Column &c : target.columns) {
            TableMapping m;
            m.target = tableOf(c.name);
            m.source = tableOf(c.name);
            for (const QString &name : {QStringLiteral("id"), QStringLiteral("v")})
                m.columns.append(ColumnMapping{name, name, {}, false, false, {}});
            p.mappings.append(m);
        }
        TableMapping word;
        word.target = QStringLiteral("word");
        word.source = QStringLiteral("word");
        for (const QString &name : {QStringLiteral("w"), QStringLiteral("n")})
            word.columns.append(ColumnMapping{name, name, {}, false, false, {}});
        p.mappings.append(word);
        TableMapping pair;
        pair.target = QStringLiteral("pair");
        pair.source = QStringLiteral("pair");
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")})
            pair.columns.append(ColumnMapping{name, name, {}, false, false, {}});
        p.mappings.append(pair);
        return p;
    }

    Result<void> exec(const ConnectionSpec &spec, const QStringList &statements)
    {
        auto session = TargetSessionFactory::open(spec, &m_passwords);
        if (!session)
            return session.error();
        for (const QString &sql : statements)
            if (auto ok = (*session)->execute(sql); !ok)
                return ok;
        return {};
    }

    ReconcileReport reconcile(const Project &project, Method method, const QStringList &tables)
    {
        ReconcileOptions options;
        options.store = false;
        options.method = method;
        options.tables = tables;
        // No sample: a method must find each change on its own (the run's digests would else
        // fall back to the exact merge when the sample holds the changed row).
        options.sampleRows = 0;
        Reconciler reconciler(project, &m_passwords);
        auto report = reconciler.run(options);
        if (!report)
            qFatal("reconcile: %s", qPrintable(report.error().toString()));
        return *report;
    }

    static QString describe(const TableReconciliation &t)
    {
        QStringList lines{QStringLiteral("%1 (%2; %3): modified %4, missing %5, extra %6")
                              .arg(t.table, t.method, t.notes.join(QStringLiteral("; ")))
                              .arg(t.modified)
                              .arg(t.missing)
                              .arg(t.extra)};
        for (const ModifiedRow &m : t.modifiedSamples)
            lines.append(QStringLiteral("  %1 %2: expected [%3] actual [%4]")
                             .arg(m.row.targetKey, m.columns.join(QLatin1Char(',')),
                                  m.expected.join(QStringLiteral("|")),
                                  m.actual.join(QStringLiteral("|"))));
        return lines.join(QLatin1Char('\n'));
    }

    // What is wrong with how one method saw one change (empty: nothing).
    static QString judge(const Target &target, const Change &change, int row, Method method,
                         const TableReconciliation &t)
    {
        const Column &column =
            *std::find_if(target.columns.cbegin(), target.columns.cend(),
                          [&](const Column &c) { return c.name == change.column; });
        const bool stored = change.cannot.isEmpty();
        QStringList wrong;
        if (stored && (t.modified != 1 || t.status != ReconcileStatus::Fail ||
                       ReconcileKeys::modified(t) !=
                           QStringList{QString::number(row) + QStringLiteral(":v")}))
            wrong.append(QStringLiteral("not found as modified"));
        if (!stored && (t.modified != 0 || t.status != ReconcileStatus::Pass))
            wrong.append(QStringLiteral("reported, but the database cannot store it (%1)")
                             .arg(change.cannot));
        if (t.missing != 0 || t.extra != 0)
            wrong.append(QStringLiteral("missing or extra rows"));
        if (method == Method::Checksums && column.checksummed &&
            t.method != QStringLiteral("segment checksums"))
            wrong.append(QStringLiteral("not compared by segment checksums"));
        if (stored && t.method == QStringLiteral("run digests"))
            wrong.append(QStringLiteral("proven by the run's digests"));
        if (wrong.isEmpty())
            return {};
        return QStringLiteral("%1 %2 -> %3 (%4): %5\n%6")
            .arg(change.column, change.base, change.to, methodName(method),
                 wrong.join(QStringLiteral(", ")), describe(t));
    }

    void check(const Target &target)
    {
        QStringList create;
        for (const Column &c : target.columns)
            create.append(QStringLiteral("CREATE TABLE %1 (id INTEGER PRIMARY KEY, v %2)")
                              .arg(tableOf(c.name), c.targetType));
        create.append(QStringLiteral("CREATE TABLE word (w VARCHAR(20) PRIMARY KEY, n INTEGER)"));
        create.append(QStringLiteral("CREATE TABLE pair (a VARCHAR(10), b INTEGER)"));
        VERIFY_OK(exec(target.spec, create));
        const Project p = project(target);
        RunEngine engine(p, RunOptions(), &m_passwords);
        RunControl control;
        auto record = engine.run(control);
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        QStringList copies;
        for (const RunTableRecord &t : record->tables) {
            QVERIFY2(t.quarantined == 0, qPrintable(t.tableName));
            copies.append(QStringLiteral("CREATE TABLE k%1 AS SELECT * FROM %2")
                              .arg(t.tableName.startsWith(QStringLiteral("c_")) ? t.tableName.mid(1)
                                                                                : t.tableName,
                                   t.tableName));
        }
        VERIFY_OK(exec(target.spec, copies));

        checkWithoutKey(target, p);
        checkTextKey(target, p);
        if (QTest::currentTestFailed())
            return;
        QStringList failures;
        for (Method method : target.methods) {
            const ReconcileReport clean = reconcile(p, method, {});
            for (const TableReconciliation &t : clean.tables)
                if (t.table.startsWith(QStringLiteral("c_")))
                    QVERIFY2(t.status == ReconcileStatus::Pass && t.modified == 0,
                             qPrintable(methodName(method) + QLatin1Char(' ') + describe(t)));
            for (const Column &c : target.columns) {
                const TableReconciliation *t = clean.table(tableOf(c.name));
                QVERIFY(t);
                QCOMPARE(t->columns.size(), 2);
                // The run's digests prove a clean SQLite table, so a change must break them
                // (a run records none where SQLite's conversion of a value cannot be foretold:
                // text into NUMERIC affinity).
                if (method == Method::Auto && target.spec.kind() == ConnectionSpec::Kind::Sqlite &&
                    c.sourceType == QStringLiteral("REAL") &&
                    t->method != QStringLiteral("run digests"))
                    failures.append(QStringLiteral("%1: not proven by the run's digests when "
                                                   "clean: %2")
                                        .arg(c.name, describe(*t)));
                if (t->columns.at(1).rule != c.rule)
                    failures.append(QStringLiteral("%1: the rule is '%2', not '%3'")
                                        .arg(c.name, t->columns.at(1).rule, c.rule));
            }
        }
        for (qsizetype i = 0; i < target.changes.size(); ++i) {
            const Change &change = target.changes.at(i);
            const QString table = tableOf(change.column);
            const int row = rowOf(target, i);
            VERIFY_OK(exec(target.spec, {QStringLiteral("UPDATE %1 SET v = %2 WHERE id = %3")
                                             .arg(table, change.to)
                                             .arg(row)}));
            for (Method method : target.methods) {
                const ReconcileReport report = reconcile(p, method, {table});
                QCOMPARE(report.tables.size(), 1);
                const QString wrong = judge(target, change, row, method, report.tables.first());
                if (!wrong.isEmpty())
                    failures.append(wrong);
            }
            VERIFY_OK(exec(target.spec,
                           {QStringLiteral("UPDATE %1 SET v = (SELECT v FROM k%2 WHERE k%2.id = "
                                           "%3) WHERE id = %3")
                                .arg(table, table.mid(1))
                                .arg(row)}));
        }
        for (const QString &failure : std::as_const(failures))
            qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 failures, listed above").arg(failures.size())));
        for (Method method : target.methods)
            QCOMPARE(reconcile(p, method, {}).status, ReconcileStatus::Pass);
    }

    // A text key (word: w, n) changed by a space or a case is another key: one row missing and
    // one extra, also where the collation calls the two keys equal (MariaDB's utf8mb4_general_ci
    // pads and ignores case), which the key ranges of segment checksums must not do.
    void checkTextKey(const Target &target, const Project &p)
    {
        for (const QString &to :
             {QStringLiteral("abc "), QStringLiteral(" abc"), QStringLiteral("Abc")}) {
            VERIFY_OK(exec(target.spec,
                           {QStringLiteral("UPDATE word SET w = '%1' WHERE n = 1").arg(to)}));
            for (Method method : target.methods) {
                const ReconcileReport report = reconcile(p, method, {QStringLiteral("word")});
                const TableReconciliation &t = report.tables.first();
                const QString what = QStringLiteral("word 'abc' -> '%1' %2: %3")
                                         .arg(to, methodName(method), describe(t));
                QVERIFY2(t.missing == 1 && t.extra == 1 && t.modified == 0 && t.matched == 2 &&
                             t.status == ReconcileStatus::Fail,
                         qPrintable(what));
                QCOMPARE(ReconcileKeys::of(t.missingSamples), QStringList{QStringLiteral("abc")});
                QCOMPARE(ReconcileKeys::of(t.extraSamples), QStringList{to});
                if (method == Method::Checksums)
                    QVERIFY2(t.method == QStringLiteral("segment checksums"), qPrintable(what));
            }
            VERIFY_OK(exec(target.spec, {QStringLiteral("UPDATE word SET w = 'abc' WHERE n = 1")}));
        }
    }

    // A table without a key (pair: a, b) holding the same row twice in the source and the target
    // is compared as a multiset: the copies match copy for copy, a third copy is extra, a lost
    // copy is missing, and a changed copy is one missing and one extra.
    void checkWithoutKey(const Target &target, const Project &p)
    {
        struct Case
        {
            QString name;
            QStringList statements;
            qint64 matched, missing, extra;
        };
        const QList<Case> cases = {{QStringLiteral("clean"), {}, 3, 0, 0},
                                   {QStringLiteral("a third copy"),
                                    {QStringLiteral("INSERT INTO pair VALUES ('x', 1)")},
                                    3,
                                    0,
                                    1},
                                   {QStringLiteral("one copy lost"),
                                    {QStringLiteral("DELETE FROM pair WHERE b = 1"),
                                     QStringLiteral("INSERT INTO pair VALUES ('x', 1)")},
                                    2,
                                    1,
                                    0},
                                   {QStringLiteral("a copy changed"),
                                    {QStringLiteral("DELETE FROM pair WHERE b = 1"),
                                     QStringLiteral("INSERT INTO pair VALUES ('x', 1), ('x ', 1)")},
                                    2,
                                    1,
                                    1}};
        for (const Case &c : cases) {
            VERIFY_OK(exec(target.spec, c.statements));
            for (Method method : target.methods) {
                const ReconcileReport report = reconcile(p, method, {QStringLiteral("pair")});
                const TableReconciliation &t = report.tables.first();
                const QString what = c.name + QLatin1Char(' ') + methodName(method) +
                                     QStringLiteral(": ") + describe(t) +
                                     QStringLiteral(", matched %1, duplicates %2")
                                         .arg(t.matched)
                                         .arg(t.duplicateRows());
                QVERIFY2(t.matched == c.matched && t.missing == c.missing && t.extra == c.extra &&
                             t.modified == 0 && t.duplicateRows() == 0 && t.duplicateKeys == 0,
                         qPrintable(what));
                QVERIFY2((t.status == ReconcileStatus::Pass) == (c.missing + c.extra == 0),
                         qPrintable(what));
            }
            VERIFY_OK(exec(target.spec, {QStringLiteral("DELETE FROM pair"),
                                         QStringLiteral("INSERT INTO pair SELECT * FROM kpair")}));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    // SQLite never pads and stores any text in any column: every text change is stored, even in
    // a CHAR(10) column (TEXT affinity), and a timestamp's text keeps whatever fraction and
    // offset it is given.
    void sqliteFindsEveryStoredChange()
    {
        Target target;
        target.name = QStringLiteral("sqlite");
        const QString file = m_root.filePath(QStringLiteral("sqlite-target.sqlite"));
        target.url = QStringLiteral("sqlite:") + file;
        target.spec = *ConnectionSpec::parse(target.url);
        target.methods = {Method::Auto, Method::Exact};
        const QString exactText = QStringLiteral("exact text");
        target.columns = {
            {QStringLiteral("txt"), QStringLiteral("TEXT"), QStringLiteral("TEXT"), exactText},
            {QStringLiteral("vc"), QStringLiteral("VARCHAR(20)"), QStringLiteral("TEXT"),
             exactText},
            {QStringLiteral("ch"), QStringLiteral("CHAR(10)"), QStringLiteral("TEXT"), exactText},
            {QStringLiteral("dbl"), QStringLiteral("REAL"), QStringLiteral("REAL"),
             QStringLiteral("exact value")},
            // No declared type: BLOB affinity keeps every value as it is given, even -0.0.
            {QStringLiteral("raw"), QString(), QStringLiteral("REAL"), exactText},
            {QStringLiteral("dec"), QStringLiteral("DECIMAL(10,2)"), QStringLiteral("TEXT"),
             QStringLiteral("exact value")},
            {QStringLiteral("ts"), QStringLiteral("TIMESTAMP"), QStringLiteral("TEXT"),
             QStringLiteral("exactly as SQLite keeps it")},
            {QStringLiteral("uid"), QStringLiteral("UUID"), QStringLiteral("TEXT"),
             QStringLiteral("exactly as SQLite keeps it")},
            {QStringLiteral("flag"), QStringLiteral("BOOLEAN"), QStringLiteral("INTEGER"),
             QStringLiteral("exactly as SQLite keeps it")},
            {QStringLiteral("js"), QStringLiteral("JSON"), QStringLiteral("TEXT"), exactText}};
        for (const QString &c : {QStringLiteral("txt"), QStringLiteral("vc"), QStringLiteral("ch")})
            target.changes += textChanges(c);
        target.changes +=
            {{QStringLiteral("dbl"),
              QStringLiteral("0.1"),
              QStringLiteral("0.10000000000000002"),
              {}},
             {QStringLiteral("dbl"), QStringLiteral("0.0"), QStringLiteral("-0.0"),
              QStringLiteral("a REAL column keeps a whole number as an integer on disk: -0.0 is "
                             "stored as 0")},
             {QStringLiteral("raw"), QStringLiteral("0.0"), QStringLiteral("-0.0"), {}},
             {QStringLiteral("dec"), QStringLiteral("'1.5'"), QStringLiteral("'1.50'"),
              QStringLiteral("DECIMAL(10,2) has NUMERIC affinity: '1.50' is stored as the REAL "
                             "1.5")},
             {QStringLiteral("dec"), QStringLiteral("'1.5'"), QStringLiteral("'1.51'"), {}},
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00.123456'"),
              QStringLiteral("'2024-03-01T10:00:00.123457'"),
              {}},
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00.123456'"),
              QStringLiteral("'2024-03-01T10:00:00.1234561'"),
              {}},
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00.123456'"),
              QStringLiteral("'2024-03-01T10:00:00.123456+02:00'"),
              {}},
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00'"),
              QStringLiteral("'2024-03-01T10:00:01'"),
              {}},
             // The same wall time, spelt as SQLite's datetime() does not: WHERE ts > datetime(..)
             // sees it apart, so it is a change the target stores.
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00'"),
              QStringLiteral("'2024-03-01T10:00:00'"),
              {}},
             {QStringLiteral("uid"),
              QStringLiteral("'1b4e28ba-2fa1-11d2-883f-0016d3cca427'"),
              QStringLiteral("'1B4E28BA-2FA1-11D2-883F-0016D3CCA427'"),
              {}},
             {QStringLiteral("flag"), QStringLiteral("1"), QStringLiteral("'true'"), {}},
             {QStringLiteral("js"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"b\": [1, \"x\"], \"a\": 1.0}'"),
              {}},
             {QStringLiteral("js"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\": 1.00, \"b\": [1, \"x\"]}'"),
              {}}};
        check(target);
    }

    void postgresFindsEveryStoredChange()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        m_passwords.set(m_postgres->spec(), m_postgres->password());
        Target target;
        target.name = QStringLiteral("postgres");
        target.url = m_postgres->url();
        target.spec = m_postgres->spec();
        target.methods = {Method::Checksums, Method::Exact};
        const QString exactText = QStringLiteral("exact text");
        target.columns = {
            {QStringLiteral("txt"), QStringLiteral("text"), QStringLiteral("TEXT"), exactText},
            {QStringLiteral("vc"), QStringLiteral("varchar(20)"), QStringLiteral("TEXT"),
             exactText},
            {QStringLiteral("ch"), QStringLiteral("char(10)"), QStringLiteral("TEXT"),
             QStringLiteral("exact text, ignoring trailing spaces")},
            {QStringLiteral("dbl"), QStringLiteral("double precision"), QStringLiteral("REAL"),
             QStringLiteral("exact value"), false},
            {QStringLiteral("flt"), QStringLiteral("real"), QStringLiteral("REAL"),
             QStringLiteral("exact value in single precision"), false},
            {QStringLiteral("num"), QStringLiteral("numeric"), QStringLiteral("TEXT"),
             QStringLiteral("exact value and scale")},
            {QStringLiteral("dec"), QStringLiteral("numeric(10,2)"), QStringLiteral("TEXT"),
             QStringLiteral("exact value")},
            {QStringLiteral("ts"), QStringLiteral("timestamp"), QStringLiteral("TEXT"),
             QStringLiteral("to the microsecond")},
            {QStringLiteral("ts3"), QStringLiteral("timestamp(3)"), QStringLiteral("TEXT"),
             QStringLiteral("to the millisecond")},
            {QStringLiteral("ts0"), QStringLiteral("timestamp(0)"), QStringLiteral("TEXT"),
             QStringLiteral("to the second")},
            {QStringLiteral("tsz"), QStringLiteral("timestamptz"), QStringLiteral("TEXT"),
             QStringLiteral("to the microsecond, as UTC instants")},
            {QStringLiteral("js"), QStringLiteral("json"), QStringLiteral("TEXT"), exactText,
             false},
            {QStringLiteral("jb"), QStringLiteral("jsonb"), QStringLiteral("TEXT"),
             QStringLiteral("same JSON as jsonb keeps it (key order and spacing ignored)"), false}};
        target.changes += textChanges(QStringLiteral("txt"));
        target.changes += textChanges(QStringLiteral("vc"));
        target.changes += textChanges(QStringLiteral("ch"),
                                      QStringLiteral("char(n) pads with spaces: 'abc ' is 'abc'"));
        target.changes +=
            {{QStringLiteral("dbl"),
              QStringLiteral("0.1"),
              QStringLiteral("0.10000000000000002"),
              {}},
             {QStringLiteral("dbl"), QStringLiteral("0.0"), QStringLiteral("'-0'"), {}},
             {QStringLiteral("dbl"), QStringLiteral("0.1"), QStringLiteral("'NaN'"), {}},
             {QStringLiteral("dbl"), QStringLiteral("NULL"), QStringLiteral("'NaN'"), {}},
             {QStringLiteral("dbl"), QStringLiteral("1e308"), QStringLiteral("'Infinity'"), {}},
             // The float next to 0.1f: 0x3dccccce.
             {QStringLiteral("flt"), QStringLiteral("0.1"), QStringLiteral("'0.10000001'"), {}},
             {QStringLiteral("flt"), QStringLiteral("0.0"), QStringLiteral("'-0'"), {}},
             {QStringLiteral("num"), QStringLiteral("'1.5'"), QStringLiteral("1.50"), {}},
             // The run keeps the scale it reads (2.50 arrives as 2.50), so 2.5 is a change.
             {QStringLiteral("num"), QStringLiteral("'2.50'"), QStringLiteral("2.5"), {}},
             {QStringLiteral("num"),
              QStringLiteral("'1.5'"),
              QStringLiteral("1.5000000000000001"),
              {}},
             {QStringLiteral("dec"), QStringLiteral("'1.5'"), QStringLiteral("1.5"),
              QStringLiteral("numeric(10,2) keeps two places: 1.5 is stored as 1.50")},
             {QStringLiteral("dec"), QStringLiteral("'1.5'"), QStringLiteral("1.51"), {}},
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00.123456'"),
              QStringLiteral("'2024-03-01 10:00:00.123457'"),
              {}},
             {QStringLiteral("ts"),
              QStringLiteral("'2024-03-01 10:00:00.123'"),
              QStringLiteral("'2024-03-01 10:00:00.123001'"),
              {}},
             {QStringLiteral("ts3"),
              QStringLiteral("'2024-03-01 10:00:00.123'"),
              QStringLiteral("'2024-03-01 10:00:00.124'"),
              {}},
             {QStringLiteral("ts0"),
              QStringLiteral("'2024-03-01 10:00:00'"),
              QStringLiteral("'2024-03-01 10:00:01'"),
              {}},
             // More digits than timestamp(0) keeps: PostgreSQL rounds .4 down and .6 up, and the
             // second it stored is the only one that matches.
             {QStringLiteral("ts0"),
              QStringLiteral("'2024-03-01 10:00:00.4'"),
              QStringLiteral("'2024-03-01 10:00:01'"),
              {}},
             {QStringLiteral("ts0"),
              QStringLiteral("'2024-03-01 10:00:00.6'"),
              QStringLiteral("'2024-03-01 10:00:00'"),
              {}},
             {QStringLiteral("tsz"),
              QStringLiteral("'2024-03-01T10:00:00.123456Z'"),
              QStringLiteral("'2024-03-01 10:00:00.123457+00'"),
              {}},
             {QStringLiteral("tsz"), QStringLiteral("'2024-03-01T10:00:00.123456Z'"),
              QStringLiteral("'2024-03-01 12:00:00.123456+02'"),
              QStringLiteral("timestamptz stores the instant, not the offset it was given in")},
             {QStringLiteral("js"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"b\": [1, \"x\"], \"a\": 1.0}'"),
              {}},
             {QStringLiteral("js"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\":1.0,\"b\":[1,\"x\"]}'"),
              {}},
             {QStringLiteral("js"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\": 1.00, \"b\": [1, \"x\"]}'"),
              {}},
             {QStringLiteral("jb"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\": 1.00, \"b\": [1, \"x\"]}'"),
              {}},
             {QStringLiteral("jb"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\": 1.0000000000000000001, \"b\": [1, \"x\"]}'"),
              {}},
             {QStringLiteral("jb"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"X\"]}'"),
              {}},
             // jsonb keeps the last of a repeated key, decodes escapes and reads 1.50e1 as 15.0.
             {QStringLiteral("jb"),
              QStringLiteral("'{\"a\": 1, \"a\": 2, \"e\": \"\\u00e9\", \"n\": 1.50e1}'"),
              QStringLiteral(R"('{"a": 1, "a": 3, "e": "\u00e9", "n": 1.50e1}')"),
              {}},
             {QStringLiteral("jb"),
              QStringLiteral("'{\"a\": 1, \"a\": 2, \"e\": \"\\u00e9\", \"n\": 1.50e1}'"),
              QStringLiteral(R"('{"n": 15.0, "e": "é", "a": 2}')"),
              QStringLiteral("the same jsonb: the last a, an e-acute, 15.0")},
             {QStringLiteral("jb"), QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"b\": [1, \"x\"], \"a\": 1.0}'"),
              QStringLiteral("jsonb keeps an object's keys in its own order")},
             {QStringLiteral("jb"), QStringLiteral("'{\"a\": 1.0, \"b\": [1, \"x\"]}'"),
              QStringLiteral("'{\"a\": 10e-1, \"b\": [1, \"x\"]}'"),
              QStringLiteral("jsonb keeps 10e-1 as the numeric 1.0")}};
        check(target);
    }

    void mariadbFindsEveryStoredChange()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_mariadb = std::make_unique<MariaDbServer>();
        VERIFY_OK(m_mariadb->start());
        m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        Target target;
        target.name = QStringLiteral("mariadb");
        target.url = m_mariadb->url();
        target.spec = m_mariadb->spec();
        target.methods = {Method::Checksums, Method::Exact};
        const QString exactText = QStringLiteral("exact text");
        // The server's default collation, utf8mb4_general_ci, ignores case and pads with spaces
        // when it compares: 'abc' = 'Abc ' in SQL.
        target.columns = {
            {QStringLiteral("txt"), QStringLiteral("TEXT"), QStringLiteral("TEXT"), exactText},
            {QStringLiteral("vc"), QStringLiteral("VARCHAR(20)"), QStringLiteral("TEXT"),
             exactText},
            {QStringLiteral("ch"), QStringLiteral("CHAR(10)"), QStringLiteral("TEXT"),
             QStringLiteral("exact text, ignoring trailing spaces")},
            {QStringLiteral("dbl"), QStringLiteral("DOUBLE"), QStringLiteral("REAL"),
             QStringLiteral("exact value"), false},
            {QStringLiteral("flt"), QStringLiteral("FLOAT"), QStringLiteral("REAL"),
             QStringLiteral("exact value in single precision"), false},
            {QStringLiteral("dec"), QStringLiteral("DECIMAL(10,2)"), QStringLiteral("TEXT"),
             QStringLiteral("exact value")},
            {QStringLiteral("dt"), QStringLiteral("DATETIME(6)"), QStringLiteral("TEXT"),
             QStringLiteral("to the microsecond, finer digits rounded or cut")},
            {QStringLiteral("dt3"), QStringLiteral("DATETIME(3)"), QStringLiteral("TEXT"),
             QStringLiteral("to the millisecond, finer digits rounded or cut")},
            {QStringLiteral("dt0"), QStringLiteral("DATETIME"), QStringLiteral("TEXT"),
             QStringLiteral("to the second, finer digits rounded or cut")}};
        target.changes += textChanges(QStringLiteral("txt"));
        target.changes += textChanges(QStringLiteral("vc"));
        target.changes += textChanges(
            QStringLiteral("ch"),
            QStringLiteral("CHAR(n) strips trailing spaces when it is read: 'abc ' is 'abc'"));
        target.changes +=
            {{QStringLiteral("dbl"),
              QStringLiteral("0.1"),
              QStringLiteral("0.10000000000000002e0"),
              {}},
             {QStringLiteral("dbl"), QStringLiteral("0.0"), QStringLiteral("-0.0e0"),
              QStringLiteral("MariaDB stores -0.0 as 0")},
             {QStringLiteral("flt"), QStringLiteral("0.1"), QStringLiteral("0.10000001e0"), {}},
             {QStringLiteral("dec"), QStringLiteral("'1.5'"), QStringLiteral("1.5"),
              QStringLiteral("DECIMAL(10,2) keeps two places: 1.5 is stored as 1.50")},
             {QStringLiteral("dec"), QStringLiteral("'1.5'"), QStringLiteral("1.51"), {}},
             {QStringLiteral("dt"),
              QStringLiteral("'2024-03-01 10:00:00.123456'"),
              QStringLiteral("'2024-03-01 10:00:00.123457'"),
              {}},
             {QStringLiteral("dt"),
              QStringLiteral("'2024-03-01 10:00:00.123'"),
              QStringLiteral("'2024-03-01 10:00:00.123001'"),
              {}},
             {QStringLiteral("dt3"),
              QStringLiteral("'2024-03-01 10:00:00.123'"),
              QStringLiteral("'2024-03-01 10:00:00.124'"),
              {}},
             {QStringLiteral("dt0"),
              QStringLiteral("'2024-03-01 10:00:00'"),
              QStringLiteral("'2024-03-01 10:00:01'"),
              {}},
             // More digits than DATETIME keeps: MariaDB cuts .4 and .6 to 10:00:00 (MySQL rounds
             // .6 up). Either way 10:00:00.4 can only be 10:00:00.
             {QStringLiteral("dt0"),
              QStringLiteral("'2024-03-01 10:00:00.4'"),
              QStringLiteral("'2024-03-01 10:00:01'"),
              {}},
             {QStringLiteral("dt0"), QStringLiteral("'2024-03-01 10:00:00.6'"),
              QStringLiteral("'2024-03-01 10:00:01'"),
              QStringLiteral("10:00:00.6 is 10:00:01 where MySQL rounds it and 10:00:00 where "
                             "MariaDB cuts it: the rule accepts either second")}};
        check(target);
    }

    void cleanupTestCase()
    {
        m_mariadb.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestReconcileSingleChanges)
#include "tst_reconcilesinglechanges.moc"
