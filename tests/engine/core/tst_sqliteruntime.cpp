#include "core/SqliteRuntime.h"

#include <QTest>
#include <sqlite3.h>

using namespace cutover;

// The settings only take hold before SQLite's first use, so this test's process configures
// SQLite in initTestCase, before anything opens a database.
class TestSqliteRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(SqliteRuntime::configure()); }

    void memoryStatisticsStayOff()
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TABLE t (v TEXT);"
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < 5000) INSERT INTO t SELECT printf('row %d', i) FROM n;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        // With statistics on (SQLite's default) this counts the cache and schema just built.
        QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
        sqlite3_close(db);
    }

    void laterCallsKeepTheFirstAnswer()
    {
        // SQLite is in use now: configuring it again would be refused, so nothing is tried.
        QCOMPARE(sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0), SQLITE_MISUSE);
        QVERIFY(SqliteRuntime::configure());
    }
};

QTEST_GUILESS_MAIN(TestSqliteRuntime)
#include "tst_sqliteruntime.moc"
