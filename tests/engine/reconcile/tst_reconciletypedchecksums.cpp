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

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::ReconcileKeys;
using cutover::test::SqliteFile;

// Segment checksums equal the exact merge on typed columns and a composite key, in real
// PostgreSQL and MariaDB servers: a SQLite source whose values stress the canonical forms
// (decimals with trailing zeros, extreme integers, timestamps with and without milliseconds,
// offsets, dates at year boundaries, trailing spaces, non-ASCII text, UUIDs in capitals) is run
// into target tables created here with exact types. Clean, both methods pass without checksums
// reading a row; then single values are corrupted and both find exactly those differences.
// A third table holds a double precision column, summed in PostgreSQL and refused by ChecksumSql
// in MariaDB, where it falls back to the exact merge. All of it runs with a local zone other than
// UTC (see initTestCase).
class TestReconcileTypedChecksums : public QObject
{
    Q_OBJECT

private:
    using Method = ReconcileOptions::Method;

    // How the target tables and the corruption are written in each server's SQL.
    struct Dialect
    {
        QStringList createTables;
        QString seenTz;   // transform of item.seen_tz (PostgreSQL timestamptz or MySQL DATETIME)
        QString addCent;  // %1: the column
        QString addHour;  // %1: the column
        QString flipFlag; // %1: the column
    };

    static constexpr int kItems = 300;
    static constexpr int kReadings = 60;
    static inline const QStringList kRegions = {
        QStringLiteral("Åland"),  QStringLiteral("east"),       QStringLiteral("North"),
        QStringLiteral("Zürich"), QStringLiteral("south-west"), QStringLiteral("Ōsaka")};
    static constexpr int kNumbersPerRegion = 50;

    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;

    static QString literal(const QVariant &value)
    {
        if (value.isNull())
            return QStringLiteral("NULL");
        if (value.typeId() == QMetaType::QString)
            return QLatin1Char('\'') +
                   value.toString().replace(QLatin1Char('\''), QStringLiteral("''")) +
                   QLatin1Char('\'');
        if (value.typeId() == QMetaType::Double)
            return QString::number(value.toDouble(), 'g', 17);
        return value.toString();
    }

    static QVariant text(const char *value) { return QVariant(QString::fromUtf8(value)); }

    // numeric(12,2): trailing zeros, zero, negative below one, the largest magnitudes.
    static QVariant priceOf(int i)
    {
        static const char *const fixed[] = {"10.50",         "3.00",           "-0.10", "0.00",
                                            "1000000000.00", "-9999999999.99", "0.01",  "42",
                                            "9999999999.99"};
        const int slot = i % 12;
        if (slot < 9)
            return text(fixed[slot]);
        if (slot == 9)
            return QVariant();
        return QStringLiteral("%1.%2").arg(i * 37 - 5000).arg(i % 100, 2, 10, QLatin1Char('0'));
    }

    // numeric(14,4): four digits of scale, written with fewer or more zeros than the column, a
    // negative zero and a plus sign.
    static QVariant rateOf(int i)
    {
        static const char *const fixed[] = {"0.5000", "-0.0001", "1234567890.1234", "42",
                                            "0.1",    "-7.25",   "-0.0000",         "+3.10"};
        const int slot = i % 10;
        if (slot < 8)
            return text(fixed[slot]);
        if (slot == 8)
            return QVariant();
        return QStringLiteral("%1.%2").arg(i - 150).arg(i * 7 % 10000, 4, 10, QLatin1Char('0'));
    }

    static QVariant flagOf(int i) { return i % 7 == 6 ? QVariant() : QVariant(i % 3 == 0 ? 1 : 0); }

    static QVariant bornOf(int i)
    {
        static const char *const fixed[] = {"1999-12-31", "2000-01-01", "2023-12-31", "2024-01-01",
                                            "2024-02-29", "1970-01-01", "1969-12-31"};
        const int slot = i % 11;
        if (slot < 7)
            return text(fixed[slot]);
        if (slot == 10)
            return QVariant();
        return QDate(1990, 1, 1).addDays(i * 53).toString(Qt::ISODate);
    }

    // timestamp without time zone: whole seconds, milliseconds, a fraction of one digit, wall
    // times that do not exist in New York and Berlin (skipped by daylight saving time).
    static QVariant seenOf(int i)
    {
        static const char *const fixed[] = {"2024-01-01 00:00:00",     "2023-12-31 23:59:59.999",
                                            "2024-03-01 10:00:00.120", "2024-03-01T10:00:00.5",
                                            "1999-12-31 23:59:59",     "2024-03-10 02:30:00",
                                            "2024-03-31 02:30:00.004"};
        const int slot = i % 13;
        if (slot < 7)
            return text(fixed[slot]);
        if (slot == 12)
            return QVariant();
        const QDateTime base(QDate(2021, 6, 1), QTime(8, 0), QTimeZone::utc());
        const QDateTime at = base.addSecs(qint64(i) * 7777).addMSecs(i % 2 == 0 ? i * 3 % 1000 : 0);
        return at.toString(i % 4 == 0 ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                      : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }

    // An instant with an offset: across a year boundary in UTC, with milliseconds, west of UTC.
    static QVariant seenTzOf(int i)
    {
        static const char *const fixed[] = {"2024-01-01T00:30:00+01:00", "2024-06-30T23:59:59.999Z",
                                            "2024-03-10T02:30:00.250-05:00",
                                            "2000-01-01T05:00:00+05:30"};
        const int slot = i % 10;
        if (slot < 4)
            return text(fixed[slot]);
        if (slot == 9)
            return QVariant();
        const QDateTime base(QDate(2022, 12, 31), QTime(20, 0), QTimeZone::utc());
        return base.addSecs(qint64(i) * 3607)
            .addMSecs(i % 3 == 0 ? 7 * i % 1000 : 0)
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    }

    static QVariant refOf(int i)
    {
        if (i % 17 == 16)
            return QVariant();
        const QUuid ns = QUuid::fromString(QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
        const QString uuid =
            QUuid::createUuidV5(ns, QString::number(i)).toString(QUuid::WithoutBraces);
        return i % 5 == 0 ? uuid.toUpper() : uuid;
    }

    static QVariant codeOf(int i)
    {
        static const char *const fixed[] = {"plain",    "trailing  ",     "  leading",
                                            "Ünïcödé ", "日本語テキスト", "emoji 🎉 ok",
                                            "",         "tab\there",      "quote ' and \""};
        const int slot = i % 12;
        if (slot < 9)
            return text(fixed[slot]);
        if (slot == 9)
            return QVariant();
        return QStringLiteral("code-%1 ").arg(i);
    }

    static QVariant noteOf(int i)
    {
        switch (i % 6) {
        case 0:
            return QStringLiteral("line one\nline two %1").arg(i);
        case 1:
            return text("Grüße aus Köln — ½ € ");
        case 2:
            return QVariant();
        case 3:
            return QStringLiteral("Ωμέγα %1   ").arg(i);
        default:
            return QStringLiteral("note %1").arg(i * i);
        }
    }

    static QVariant bigOf(int i)
    {
        switch (i % 8) {
        case 0:
            return QVariant(std::numeric_limits<qint64>::max());
        case 1:
            return QVariant(std::numeric_limits<qint64>::min() + 1);
        case 2:
            return QVariant(qint64(9007199254740993LL));
        case 3:
            return QVariant(qint64(0));
        case 4:
            return QVariant(qint64(-1));
        case 5:
            return QVariant();
        default:
            return QVariant(qint64(i) * 1000003);
        }
    }

    // A real: not checksummed in SQL (ChecksumSql refuses reals), compared with a tolerance.
    static QVariant valueOf(int i)
    {
        static const double fixed[] = {0.1,  1.0 / 3,   1e-300, -2.5, 3.141592653589793,
                                       1e20, 123456.789};
        const int slot = i % 9;
        if (slot < 7)
            return fixed[slot];
        if (slot == 7)
            return QVariant();
        return i * 0.37 - 5;
    }

    static QVariant amountOf(int region, int number)
    {
        if ((region + number) % 9 == 0)
            return QVariant();
        return QStringLiteral("%1.%2")
            .arg(number * 13 - region * 100)
            .arg(number * 10 % 100, 2, 10, QLatin1Char('0'));
    }

    static QVariant updatedOf(int region, int number)
    {
        const QDateTime base(QDate(2023, 12, 31), QTime(22, 0), QTimeZone::utc());
        const QDateTime at = base.addSecs(qint64(region * 50 + number) * 600);
        return number % 3 == 0
                   ? at.addMSecs(number * 11).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                   : at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }

    QString writeSource(const QString &dir)
    {
        QStringList sql = {
            QStringLiteral("CREATE TABLE item (id INTEGER PRIMARY KEY, price TEXT, rate TEXT, "
                           "flag INTEGER, born TEXT, seen TEXT, seen_tz TEXT, ref TEXT, "
                           "code TEXT, note TEXT, big INTEGER)"),
            QStringLiteral("CREATE TABLE stock (region TEXT NOT NULL, number INTEGER NOT NULL, "
                           "qty INTEGER, amount TEXT, updated TEXT, label TEXT, "
                           "PRIMARY KEY (region, number))"),
            QStringLiteral("CREATE TABLE reading (id INTEGER PRIMARY KEY, value REAL, "
                           "label TEXT)")};
        for (int i = 1; i <= kItems; ++i) {
            const QVariantList row = {i,         priceOf(i), rateOf(i),   flagOf(i),
                                      bornOf(i), seenOf(i),  seenTzOf(i), refOf(i),
                                      codeOf(i), noteOf(i),  bigOf(i)};
            QStringList values;
            for (const QVariant &v : row)
                values.append(literal(v));
            sql.append(QStringLiteral("INSERT INTO item VALUES (%1)")
                           .arg(values.join(QStringLiteral(", "))));
        }
        for (int r = 0; r < kRegions.size(); ++r)
            for (int n = 1; n <= kNumbersPerRegion; ++n) {
                const QVariantList row = {kRegions.at(r),
                                          n,
                                          n % 10 == 0 ? QVariant() : QVariant(n * 7 - 100),
                                          amountOf(r, n),
                                          updatedOf(r, n),
                                          QStringLiteral("%1 #%2 ").arg(kRegions.at(r)).arg(n)};
                QStringList values;
                for (const QVariant &v : row)
                    values.append(literal(v));
                sql.append(QStringLiteral("INSERT INTO stock VALUES (%1)")
                               .arg(values.join(QStringLiteral(", "))));
            }
        for (int i = 1; i <= kReadings; ++i)
            sql.append(QStringLiteral("INSERT INTO reading VALUES (%1, %2, %3)")
                           .arg(i)
                           .arg(literal(valueOf(i)), literal(QStringLiteral("r%1").arg(i))));
        const QString path = dir + QStringLiteral("/legacy.sqlite");
        const QString error = SqliteFile::create(path, sql);
        if (!error.isEmpty())
            qFatal("source: %s", qPrintable(error));
        return path;
    }

    static TableMapping mapping(const QString &table, const QStringList &columns,
                                const QHash<QString, QString> &expressions = {})
    {
        TableMapping m;
        m.target = table;
        m.source = table;
        for (const QString &c : columns)
            m.columns.append(ColumnMapping{c, expressions.value(c, c), {}, false, false, {}});
        return m;
    }

    Project project(const QString &targetUrl, const QString &name, const Dialect &dialect)
    {
        const QString dir = m_root.filePath(name);
        QDir().mkpath(dir);
        Project p;
        p.name = QStringLiteral("typed checksums ") + name;
        p.baseDir = dir;
        p.connections = {
            {QStringLiteral("legacy"), QStringLiteral("sqlite:") + writeSource(dir), {}},
            {QStringLiteral("target"), targetUrl, {}}};
        p.sourceConnection = QStringLiteral("legacy");
        p.targetConnection = QStringLiteral("target");
        p.mappings = {
            mapping(QStringLiteral("item"),
                    {QStringLiteral("id"), QStringLiteral("price"), QStringLiteral("rate"),
                     QStringLiteral("flag"), QStringLiteral("born"), QStringLiteral("seen"),
                     QStringLiteral("seen_tz"), QStringLiteral("ref"), QStringLiteral("code"),
                     QStringLiteral("note"), QStringLiteral("big")},
                    {{QStringLiteral("seen_tz"), dialect.seenTz}}),
            mapping(QStringLiteral("stock"),
                    {QStringLiteral("region"), QStringLiteral("number"), QStringLiteral("qty"),
                     QStringLiteral("amount"), QStringLiteral("updated"), QStringLiteral("label")}),
            mapping(QStringLiteral("reading"),
                    {QStringLiteral("id"), QStringLiteral("value"), QStringLiteral("label")})};
        return p;
    }

    Result<RunRecord> run(const Project &project)
    {
        RunOptions options;
        RunEngine engine(project, options, &m_passwords);
        RunControl control;
        return engine.run(control);
    }

    ReconcileReport reconcile(const Project &project, Method method)
    {
        ReconcileOptions options;
        options.store = false;
        options.method = method;
        Reconciler reconciler(project, &m_passwords);
        auto report = reconciler.run(options);
        if (!report)
            qFatal("reconcile: %s", qPrintable(report.error().toString()));
        return *report;
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

    // What a modified row holds, for failure messages.
    static QString describe(const TableReconciliation &t)
    {
        QStringList lines{t.table + QLatin1Char(' ') + t.method + QStringLiteral(": ") +
                          t.notes.join(QStringLiteral("; "))};
        for (const ModifiedRow &m : t.modifiedSamples)
            lines.append(QStringLiteral("  %1 %2: expected [%3] actual [%4]")
                             .arg(m.row.targetKey, m.columns.join(QLatin1Char(',')),
                                  m.expected.join(QStringLiteral("|")),
                                  m.actual.join(QStringLiteral("|"))));
        for (const RowRef &r : t.missingSamples)
            lines.append(QStringLiteral("  missing %1").arg(r.targetKey));
        for (const RowRef &r : t.extraSamples)
            lines.append(QStringLiteral("  extra %1").arg(r.targetKey));
        return lines.join(QLatin1Char('\n'));
    }

    // Checksums and the exact merge agree on everything a reader compares. reading has a double
    // precision column: PostgreSQL writes a double's shortest digits, so it is summed there; in
    // MariaDB ChecksumSql refuses it and that table falls back to the exact merge, with a note.
    static void compareMethods(const ReconcileReport &sums, const ReconcileReport &exact,
                               bool realsSummed)
    {
        QCOMPARE(sums.tables.size(), exact.tables.size());
        for (qsizetype i = 0; i < sums.tables.size(); ++i) {
            const TableReconciliation &s = sums.tables.at(i);
            const TableReconciliation &e = exact.tables.at(i);
            QCOMPARE(s.table, e.table);
            if (s.table == QStringLiteral("reading") && !realsSummed) {
                QCOMPARE(s.method, QStringLiteral("exact merge"));
                QVERIFY2(s.notes.join(QLatin1Char(';'))
                             .contains(QStringLiteral("exact merge instead of segment checksums: "
                                                      "column value")),
                         qPrintable(s.notes.join(QLatin1Char(';'))));
            } else {
                QVERIFY2(s.method == QStringLiteral("segment checksums"), qPrintable(describe(s)));
            }
            QCOMPARE(e.method, QStringLiteral("exact merge"));
            QVERIFY2(s.status == e.status,
                     qPrintable(describe(s) + QLatin1Char('\n') + describe(e)));
            QCOMPARE(s.expectedRows, e.expectedRows);
            QCOMPARE(s.targetRows, e.targetRows);
            QVERIFY2(s.matched == e.matched,
                     qPrintable(describe(s) + QLatin1Char('\n') + describe(e)));
            QCOMPARE(s.missing, e.missing);
            QCOMPARE(s.extra, e.extra);
            QCOMPARE(s.modified, e.modified);
            QCOMPARE(s.quarantined, e.quarantined);
            QCOMPARE(s.duplicateKeys, e.duplicateKeys);
            QCOMPARE(s.duplicateRows(), e.duplicateRows());
            QCOMPARE(s.orphanRows(), e.orphanRows());
            QCOMPARE(ReconcileKeys::of(s.missingSamples), ReconcileKeys::of(e.missingSamples));
            QCOMPARE(ReconcileKeys::of(s.extraSamples), ReconcileKeys::of(e.extraSamples));
            QCOMPARE(ReconcileKeys::modified(s), ReconcileKeys::modified(e));
            QCOMPARE(ReconcileKeys::sample(s), ReconcileKeys::sample(e));
            QCOMPARE(e.rowsTransferred, e.targetRows);
            QCOMPARE(s.targetProfiles.size(), e.targetProfiles.size());
            for (qsizetype p = 0; p < s.targetProfiles.size(); ++p) {
                QCOMPARE(s.targetProfiles.at(p).nulls, e.targetProfiles.at(p).nulls);
                QCOMPARE(s.targetProfiles.at(p).distinct, e.targetProfiles.at(p).distinct);
                QCOMPARE(s.targetProfiles.at(p).min, e.targetProfiles.at(p).min);
                QCOMPARE(s.targetProfiles.at(p).max, e.targetProfiles.at(p).max);
            }
        }
        QCOMPARE(sums.status, exact.status);
    }

    void checkServer(const QString &url, const ConnectionSpec &spec, const Dialect &dialect,
                     const QString &name)
    {
        VERIFY_OK(exec(spec, dialect.createTables));
        const Project p = project(url, name, dialect);
        auto record = run(p);
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        for (const RunTableRecord &t : record->tables) {
            QVERIFY2(t.balances(), qPrintable(t.tableName));
            QVERIFY2(t.quarantined == 0, qPrintable(t.tableName));
            QVERIFY(!t.createdTable);
        }

        const ReconcileReport cleanSums = reconcile(p, Method::Checksums);
        const ReconcileReport cleanExact = reconcile(p, Method::Exact);
        compareMethods(cleanSums, cleanExact, spec.kind() == ConnectionSpec::Kind::PostgreSql);
        QCOMPARE(cleanExact.status, ReconcileStatus::Pass);
        QCOMPARE(cleanSums.status, ReconcileStatus::Pass);
        for (const TableReconciliation &t : cleanSums.tables) {
            QVERIFY(t.targetRows > 0);
            QVERIFY2(t.matched == t.expectedRows, qPrintable(describe(t)));
            QCOMPARE(t.modified, 0);
            if (t.table != QStringLiteral("reading") ||
                spec.kind() == ConnectionSpec::Kind::PostgreSql)
                QVERIFY2(t.rowsTransferred == 0, qPrintable(describe(t))); // no row read
        }
        QCOMPARE(cleanSums.table(QStringLiteral("item"))->targetRows, kItems);
        QCOMPARE(cleanSums.table(QStringLiteral("stock"))->targetRows,
                 kRegions.size() * kNumbersPerRegion);
        QCOMPARE(cleanSums.table(QStringLiteral("stock"))->key,
                 (QStringList{QStringLiteral("region"), QStringLiteral("number")}));

        // Rows whose corrupted value is not NULL: price 10.50 (12), seen with milliseconds
        // (28), flag 1 (33), a deleted row (100), a stock row's quantity and a new stock row.
        QVERIFY(!priceOf(12).isNull() && !seenOf(28).isNull() && flagOf(33) == QVariant(1));
        const QString north = QStringLiteral("North");
        VERIFY_OK(exec(
            spec, {QStringLiteral("UPDATE item SET price = %1 WHERE id = 12")
                       .arg(dialect.addCent.arg(QStringLiteral("price"))),
                   QStringLiteral("UPDATE item SET seen = %1 WHERE id = 28")
                       .arg(dialect.addHour.arg(QStringLiteral("seen"))),
                   QStringLiteral("UPDATE item SET flag = %1 WHERE id = 33")
                       .arg(dialect.flipFlag.arg(QStringLiteral("flag"))),
                   QStringLiteral("DELETE FROM item WHERE id = 100"),
                   QStringLiteral(
                       "UPDATE stock SET qty = qty + 1 WHERE region = 'Zürich' AND number = 7"),
                   QStringLiteral("INSERT INTO stock (region, number, qty, amount, updated, label) "
                                  "VALUES ('%1', 999, 5, 1.10, '2024-01-01 00:00:00', 'new')")
                       .arg(north),
                   QStringLiteral("UPDATE reading SET value = value * 1.001 WHERE id = 5")}));

        const ReconcileReport sums = reconcile(p, Method::Checksums);
        const ReconcileReport exact = reconcile(p, Method::Exact);
        compareMethods(sums, exact, spec.kind() == ConnectionSpec::Kind::PostgreSql);
        QCOMPARE(sums.status, ReconcileStatus::Fail);
        qint64 modified = 0;
        for (const ReconcileReport *report : {&sums, &exact}) {
            const TableReconciliation *item = report->table(QStringLiteral("item"));
            QVERIFY2(item->modified == 3, qPrintable(describe(*item)));
            QCOMPARE(ReconcileKeys::modified(*item),
                     (QStringList{QStringLiteral("12:price"), QStringLiteral("28:seen"),
                                  QStringLiteral("33:flag")}));
            QCOMPARE(item->missing, 1);
            QCOMPARE(ReconcileKeys::of(item->missingSamples), QStringList{QStringLiteral("100")});
            QCOMPARE(item->extra, 0);
            QCOMPARE(item->matched, kItems - 4);

            const TableReconciliation *stock = report->table(QStringLiteral("stock"));
            QVERIFY2(stock->modified == 1, qPrintable(describe(*stock)));
            QCOMPARE(ReconcileKeys::modified(*stock), QStringList{QStringLiteral("Zürich, 7:qty")});
            QCOMPARE(stock->extra, 1);
            QCOMPARE(ReconcileKeys::of(stock->extraSamples),
                     QStringList{QStringLiteral("North, 999")});
            QCOMPARE(stock->missing, 0);

            const TableReconciliation *reading = report->table(QStringLiteral("reading"));
            QCOMPARE(ReconcileKeys::modified(*reading), QStringList{QStringLiteral("5:value")});
            QCOMPARE(reading->missing + reading->extra, 0);
            modified = item->modified + stock->modified;
        }
        QCOMPARE(modified, 4);
        // Checksums read only the rows of the leaves that differ.
        for (const QString &table : {QStringLiteral("item"), QStringLiteral("stock")}) {
            const TableReconciliation *t = sums.table(table);
            qInfo("%s: %lld target rows, %lld read by checksums", qPrintable(table), t->targetRows,
                  t->rowsTransferred);
            QVERIFY2(t->rowsTransferred > 0 && t->rowsTransferred * 3 <= t->targetRows,
                     qPrintable(describe(*t)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        // A local zone with daylight saving time, for this process and the servers it starts:
        // the results must not depend on the machine's zone being UTC (Qt's drivers read
        // timestamps into local time, which moved timestamptz values and lost the wall times
        // New York skips, 2024-03-10 02:30).
        qputenv("TZ", "America/New_York");
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void postgresTypedChecksumsEqualExactMerge()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        m_passwords.set(m_postgres->spec(), m_postgres->password());
        Dialect dialect;
        dialect.createTables = {
            QStringLiteral("CREATE TABLE item (id bigint PRIMARY KEY, price numeric(12,2), "
                           "rate numeric(14,4), flag boolean, born date, seen timestamp, "
                           "seen_tz timestamptz, ref uuid, code varchar(40), note text, "
                           "big bigint)"),
            QStringLiteral("CREATE TABLE stock (region varchar(20) NOT NULL, number integer NOT "
                           "NULL, qty integer, amount numeric(12,2), updated timestamp(3), "
                           "label text, PRIMARY KEY (region, number))"),
            QStringLiteral("CREATE TABLE reading (id integer PRIMARY KEY, "
                           "value double precision, label text)")};
        dialect.seenTz = QStringLiteral("seen_tz");
        dialect.addCent = QStringLiteral("%1 + 0.01");
        dialect.addHour = QStringLiteral("%1 + interval '1 hour'");
        dialect.flipFlag = QStringLiteral("NOT %1");
        checkServer(m_postgres->url(), m_postgres->spec(), dialect, QStringLiteral("pg"));
    }

    void mariadbTypedChecksumsEqualExactMerge()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_mariadb = std::make_unique<MariaDbServer>();
        VERIFY_OK(m_mariadb->start());
        m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        Dialect dialect;
        // MySQL has no timestamp with time zone that ChecksumSql canonicalizes (its TIMESTAMP
        // is converted to the session zone): the instants are loaded as UTC into DATETIME(3).
        dialect.createTables = {
            QStringLiteral("CREATE TABLE item (id BIGINT PRIMARY KEY, price DECIMAL(12,2), "
                           "rate DECIMAL(14,4), flag BOOLEAN, born DATE, seen DATETIME(6), "
                           "seen_tz DATETIME(3), ref CHAR(36), code VARCHAR(40), note TEXT, "
                           "big BIGINT)"),
            QStringLiteral("CREATE TABLE stock (region VARCHAR(20) NOT NULL, number INT NOT "
                           "NULL, qty INT, amount DECIMAL(12,2), updated DATETIME(3), "
                           "label TEXT, PRIMARY KEY (region, number))"),
            QStringLiteral("CREATE TABLE reading (id INT PRIMARY KEY, value DOUBLE, "
                           "label TEXT)")};
        dialect.seenTz = QStringLiteral("from_utc(seen_tz, 'UTC')");
        dialect.addCent = QStringLiteral("%1 + 0.01");
        dialect.addHour = QStringLiteral("%1 + INTERVAL 1 HOUR");
        dialect.flipFlag = QStringLiteral("1 - %1");
        checkServer(m_mariadb->url(), m_mariadb->spec(), dialect, QStringLiteral("mariadb"));
    }

    void cleanupTestCase()
    {
        m_mariadb.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestReconcileTypedChecksums)
#include "tst_reconciletypedchecksums.moc"
