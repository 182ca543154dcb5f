#include "run/target/SqliteCheckpointer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace cutover;

// The run's background checkpointer: with a writer that never checkpoints itself, the pages the
// writer commits reach the database file only through the checkpointer, while the writer goes
// on writing; the data stays whole.
class TestSqliteCheckpointer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A connection in WAL mode that never checkpoints, with table t.
    static sqlite3 *openWriter(const QString &path)
    {
        sqlite3 *db = nullptr;
        if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
            return nullptr;
        sqlite3_busy_timeout(db, 10000);
        sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                     "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload BLOB)",
                     nullptr, nullptr, nullptr);
        return db;
    }

    // rows rows of 1,000 random bytes, in transactions of 100.
    static bool insert(sqlite3 *db, int rows)
    {
        for (int done = 0; done < rows; done += 100)
            if (sqlite3_exec(db,
                             "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                             "FROM n WHERE i < 100) INSERT INTO t (payload) SELECT "
                             "randomblob(1000) FROM n; COMMIT",
                             nullptr, nullptr, nullptr) != SQLITE_OK)
                return false;
        return true;
    }

    static qint64 count(sqlite3 *db, const char *sql)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
        const qint64 n =
            sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
        sqlite3_finalize(statement);
        return n;
    }

private Q_SLOTS:
    void copiesTheLogIntoTheFileWhileTheWriterWrites()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy.sqlite"));
        sqlite3 *writer = openWriter(path);
        QVERIFY(writer);
        QVERIFY(insert(writer, 2000));
        // Nothing but a checkpoint moves pages from the log into the file.
        const qint64 before = QFileInfo(path).size();
        QVERIFY2(before < 100 * 1024, qPrintable(QString::number(before)));

        auto checkpointer = SqliteCheckpointer::start(path);
        QVERIFY2(checkpointer,
                 qPrintable(checkpointer ? QString() : checkpointer.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 2000 * 1000, 10000);
        QVERIFY((*checkpointer)->framesCopied() > 400);

        // While it runs, the writer writes on, and those pages follow.
        QVERIFY(insert(writer, 3000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 5000 * 1000, 10000);
        (*checkpointer)->stop();
        QVERIFY2((*checkpointer)->lastError().isEmpty(), qPrintable((*checkpointer)->lastError()));
        sqlite3_close(writer);

        sqlite3 *reader = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &reader), SQLITE_OK);
        QCOMPARE(count(reader, "SELECT COUNT(*) FROM t"), qint64(5000));
        QCOMPARE(count(reader, "SELECT COUNT(*) FROM t WHERE length(payload) = 1000"),
                 qint64(5000));
        QCOMPARE(count(reader, "SELECT COUNT(*) FROM pragma_integrity_check WHERE "
                               "integrity_check <> 'ok'"),
                 qint64(0));
        sqlite3_close(reader);
    }

    void stopsAtOnceAndTwice()
    {
        const QString path = m_dir.filePath(QStringLiteral("stop.sqlite"));
        sqlite3 *writer = openWriter(path);
        QVERIFY(writer);
        auto checkpointer = SqliteCheckpointer::start(path);
        QVERIFY(checkpointer);
        QElapsedTimer timer;
        timer.start();
        (*checkpointer)->stop();
        (*checkpointer)->stop();
        QVERIFY(timer.elapsed() < 2000);
        // A first pass may have copied the table's creation before the stop; none runs after.
        const qint64 copied = (*checkpointer)->framesCopied();
        QVERIFY(copied <= 2);
        QVERIFY(insert(writer, 200));
        QTest::qWait(300); // six times the pause between passes
        QCOMPARE((*checkpointer)->framesCopied(), copied);
        sqlite3_close(writer);
    }

    void refusesADatabaseItCannotOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("missing/dir/target.sqlite"));
        auto checkpointer = SqliteCheckpointer::start(path);
        QVERIFY(!checkpointer);
        QCOMPARE(checkpointer.error().code(), Error::Code::Connection);
        QVERIFY2(checkpointer.error().toString().contains(path),
                 qPrintable(checkpointer.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestSqliteCheckpointer)
#include "tst_sqlitecheckpointer.moc"
