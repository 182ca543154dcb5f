#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "VerifyOk.h"
#include "connect/SqlConnection.h"
#include "source/SqlRowSource.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;

// SqlRowSource reads timestamps of real PostgreSQL and MariaDB servers the same whatever this
// process's zone is (initTestCase sets America/New_York, whose daylight saving time skips
// 2024-03-10 02:30): timestamps without time zone as their wall-clock reading, timestamptz as
// UTC ending in Z, in ISO 8601 with at least milliseconds (as Qt's drivers gave them at TZ=UTC),
// microseconds kept. Qt's drivers build local QDateTimes: a timestamptz came back as New York
// wall-clock time and a skipped wall-clock time as an empty value.
class TestSqlRowSourceTimeZone : public QObject
{
    Q_OBJECT

private:
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;

    Result<void> exec(const ConnectionSpec &spec, const QStringList &statements)
    {
        auto connection = SqlConnection::open(spec, &m_passwords, SqlConnection::Mode::ReadWrite);
        if (!connection)
            return connection.error();
        QSqlQuery query((*connection)->database());
        for (const QString &sql : statements)
            if (!query.exec(sql))
                return Error(Error::Code::Schema,
                             sql + QStringLiteral(": ") + query.lastError().text());
        return {};
    }

    // Every row of the source through SqlRowSource, values as text ("NULL" for NULL).
    static QList<QStringList> readAll(const ConnectionSpec &spec, const TableMapping &mapping,
                                      const RowQuery &query, const PasswordProvider *passwords,
                                      QStringList *columns = nullptr)
    {
        QList<QStringList> rows;
        auto source = SqlRowSource::open(spec, mapping, query, passwords);
        if (!source) {
            qWarning() << source.error().toString();
            return rows;
        }
        if (columns)
            *columns = (*source)->columns();
        for (;;) {
            auto batch = (*source)->next(2);
            if (!batch) {
                qWarning() << batch.error().toString();
                return rows;
            }
            if (batch->isEmpty())
                break;
            for (const QVariantList &values : std::as_const(batch->rows)) {
                QStringList row;
                for (const QVariant &v : values)
                    row.append(v.isNull() ? QStringLiteral("NULL")
                                          : QStringLiteral("%1:%2").arg(
                                                QString::fromLatin1(v.typeName()), v.toString()));
                rows.append(row);
            }
        }
        return rows;
    }

    static QStringList row(std::initializer_list<const char *> values)
    {
        QStringList out;
        for (const char *v : values)
            out.append(QString::fromUtf8(v));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A local zone with daylight saving time, for this process and the servers it starts.
        qputenv("TZ", "America/New_York");
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/cutover-pgpass");
    }

    void postgresTimestampsDoNotDependOnTheLocalZone()
    {
        const QString missing = PostgresServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_postgres = std::make_unique<PostgresServer>();
        VERIFY_OK(m_postgres->start());
        const ConnectionSpec spec = m_postgres->spec();
        m_passwords.set(spec, m_postgres->password());
        VERIFY_OK(exec(
            spec, {QStringLiteral("CREATE TABLE stamps (id integer PRIMARY KEY, seen timestamp, "
                                  "seen_tz timestamptz, born date, note text)"),
                   QStringLiteral("INSERT INTO stamps VALUES "
                                  "(1, '2024-01-15 10:20:30', '2024-01-15 10:20:30+00', "
                                  "'2024-01-15', 'plain'), "
                                  "(2, '2024-07-04 23:59:59.123', '2024-07-04 23:59:59.123+02', "
                                  "'2024-07-04', 'ms'), "
                                  "(3, '2024-03-10 02:30:00', '2024-03-10 02:30:00+00', "
                                  "'2024-03-10', 'New York gap'), "
                                  "(4, '2024-03-31 02:30:00.5', '2024-11-03 01:30:00-05', "
                                  "'2024-03-31', 'Berlin gap, New York fold'), "
                                  "(5, '2024-03-10 02:30:00.123456', "
                                  "'2024-03-10 07:30:00.000001+00', '2024-03-10', 'us'), "
                                  "(6, NULL, NULL, NULL, NULL)")}));

        TableMapping table;
        table.target = QStringLiteral("stamps");
        table.source = QStringLiteral("stamps");
        RowQuery query;
        query.orderBy = {QStringLiteral("id")};
        QStringList columns;
        const QList<QStringList> expected = {
            row({"qlonglong:1", "QString:2024-01-15T10:20:30.000",
                 "QString:2024-01-15T10:20:30.000Z", "QString:2024-01-15", "QString:plain"}),
            row({"qlonglong:2", "QString:2024-07-04T23:59:59.123",
                 "QString:2024-07-04T21:59:59.123Z", "QString:2024-07-04", "QString:ms"}),
            row({"qlonglong:3", "QString:2024-03-10T02:30:00.000",
                 "QString:2024-03-10T02:30:00.000Z", "QString:2024-03-10", "QString:New York gap"}),
            row({"qlonglong:4", "QString:2024-03-31T02:30:00.500",
                 "QString:2024-11-03T06:30:00.000Z", "QString:2024-03-31",
                 "QString:Berlin gap, New York fold"}),
            row({"qlonglong:5", "QString:2024-03-10T02:30:00.123456",
                 "QString:2024-03-10T07:30:00.000001Z", "QString:2024-03-10", "QString:us"}),
            row({"qlonglong:6", "NULL", "NULL", "NULL", "NULL"})};
        QCOMPARE(readAll(spec, table, query, &m_passwords, &columns), expected);
        QCOMPARE(columns, QStringList({QStringLiteral("id"), QStringLiteral("seen"),
                                       QStringLiteral("seen_tz"), QStringLiteral("born"),
                                       QStringLiteral("note")}));

        // Chosen columns, sorted by a timestamp (in time, not as text), filtered on one and
        // fetched by key; and a mapping query.
        RowQuery some;
        some.columns = {QStringLiteral("seen_tz"), QStringLiteral("id")};
        some.orderBy = {QStringLiteral("seen_tz")};
        some.filters = {QStringLiteral("seen_tz >= '2024-03-10 07:30:00+00'")};
        QCOMPARE(readAll(spec, table, some, &m_passwords),
                 QList<QStringList>({row({"QString:2024-03-10T07:30:00.000001Z", "qlonglong:5"}),
                                     row({"QString:2024-07-04T21:59:59.123Z", "qlonglong:2"}),
                                     row({"QString:2024-11-03T06:30:00.000Z", "qlonglong:4"})}));
        RowQuery keyed;
        keyed.columns = {QStringLiteral("seen"), QStringLiteral("id")};
        keyed.orderBy = {QStringLiteral("seen")};
        keyed.keyColumns = {QStringLiteral("seen")};
        keyed.keyIn = {{QStringLiteral("2024-03-10T02:30:00.000")},
                       {QStringLiteral("2024-03-10T02:30:00.123456")}};
        QCOMPARE(readAll(spec, table, keyed, &m_passwords),
                 QList<QStringList>({row({"QString:2024-03-10T02:30:00.000", "qlonglong:3"}),
                                     row({"QString:2024-03-10T02:30:00.123456", "qlonglong:5"})}));
        TableMapping joined;
        joined.target = QStringLiteral("stamps");
        joined.query = QStringLiteral("SELECT id, seen + interval '1 day' AS next_day, seen_tz "
                                      "FROM stamps WHERE id IN (3, 4)");
        QCOMPARE(readAll(spec, joined, query, &m_passwords),
                 QList<QStringList>({row({"qlonglong:3", "QString:2024-03-11T02:30:00.000",
                                          "QString:2024-03-10T02:30:00.000Z"}),
                                     row({"qlonglong:4", "QString:2024-04-01T02:30:00.500",
                                          "QString:2024-11-03T06:30:00.000Z"})}));
    }

    void mariadbTimestampsDoNotDependOnTheLocalZone()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_mariadb = std::make_unique<MariaDbServer>();
        VERIFY_OK(m_mariadb->start());
        const ConnectionSpec spec = m_mariadb->spec();
        m_passwords.set(spec, m_mariadb->password());
        VERIFY_OK(
            exec(spec, {QStringLiteral("CREATE TABLE stamps (id INT PRIMARY KEY, seen DATETIME, "
                                       "seen_ms DATETIME(3), seen_us DATETIME(6), born DATE)"),
                        QStringLiteral("INSERT INTO stamps VALUES "
                                       "(1, '2024-01-15 10:20:30', '2024-01-15 10:20:30', "
                                       "'2024-01-15 10:20:30', '2024-01-15'), "
                                       "(2, '2024-07-04 23:59:59', '2024-07-04 23:59:59.123', "
                                       "'2024-07-04 23:59:59.120', '2024-07-04'), "
                                       "(3, '2024-03-10 02:30:00', '2024-03-10 02:30:00.250', "
                                       "'2024-03-10 02:30:00.123456', '2024-03-10'), "
                                       "(4, '2024-03-31 02:30:00', '2024-03-31 02:30:00.007', "
                                       "'2024-03-31 02:30:00', '2024-03-31'), "
                                       "(5, NULL, NULL, NULL, NULL)")}));

        TableMapping table;
        table.target = QStringLiteral("stamps");
        table.source = QStringLiteral("stamps");
        RowQuery query;
        query.orderBy = {QStringLiteral("id")};
        const QList<QStringList> expected = {
            row({"qlonglong:1", "QString:2024-01-15T10:20:30.000",
                 "QString:2024-01-15T10:20:30.000", "QString:2024-01-15T10:20:30.000",
                 "QString:2024-01-15"}),
            row({"qlonglong:2", "QString:2024-07-04T23:59:59.000",
                 "QString:2024-07-04T23:59:59.123", "QString:2024-07-04T23:59:59.120",
                 "QString:2024-07-04"}),
            row({"qlonglong:3", "QString:2024-03-10T02:30:00.000",
                 "QString:2024-03-10T02:30:00.250", "QString:2024-03-10T02:30:00.123456",
                 "QString:2024-03-10"}),
            row({"qlonglong:4", "QString:2024-03-31T02:30:00.000",
                 "QString:2024-03-31T02:30:00.007", "QString:2024-03-31T02:30:00.000",
                 "QString:2024-03-31"}),
            row({"qlonglong:5", "NULL", "NULL", "NULL", "NULL"})};
        QStringList columns;
        QCOMPARE(readAll(spec, table, query, &m_passwords, &columns), expected);
        QCOMPARE(columns, QStringList({QStringLiteral("id"), QStringLiteral("seen"),
                                       QStringLiteral("seen_ms"), QStringLiteral("seen_us"),
                                       QStringLiteral("born")}));

        RowQuery some;
        some.columns = {QStringLiteral("seen_us"), QStringLiteral("id")};
        some.orderBy = {QStringLiteral("seen_us")};
        some.filters = {QStringLiteral("seen_us > '2024-01-16'")};
        QCOMPARE(readAll(spec, table, some, &m_passwords),
                 QList<QStringList>({row({"QString:2024-03-10T02:30:00.123456", "qlonglong:3"}),
                                     row({"QString:2024-03-31T02:30:00.000", "qlonglong:4"}),
                                     row({"QString:2024-07-04T23:59:59.120", "qlonglong:2"})}));
        TableMapping joined;
        joined.target = QStringLiteral("stamps");
        joined.query = QStringLiteral("SELECT id, seen_ms + INTERVAL 1 DAY AS next_day "
                                      "FROM stamps WHERE id IN (3, 4)");
        QCOMPARE(readAll(spec, joined, query, &m_passwords),
                 QList<QStringList>({row({"qlonglong:3", "QString:2024-03-11T02:30:00.250"}),
                                     row({"qlonglong:4", "QString:2024-04-01T02:30:00.007"})}));
    }

    void cleanupTestCase()
    {
        m_mariadb.reset();
        m_postgres.reset();
    }
};

QTEST_GUILESS_MAIN(TestSqlRowSourceTimeZone)
#include "tst_sqlrowsourcetimezone.moc"
