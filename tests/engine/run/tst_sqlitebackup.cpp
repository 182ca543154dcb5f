#include "SqliteFile.h"
#include "VerifyOk.h"
#include "run/target/SqliteBackup.h"
#include "run/target/SqliteTargetSession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::SqliteFile;

// SQLite's online backup API: back up in steps with progress, change the database, restore,
// and the contents are those of the backup; failures name the files.
class TestSqliteBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QString contents(const QString &database)
    {
        return SqliteFile::scalar(
            database, QStringLiteral("SELECT COUNT(*) || ':' || COALESCE(SUM(id), 0) || "
                                     "':' || COALESCE(group_concat(name, ','), '') FROM "
                                     "(SELECT * FROM patients ORDER BY id)"));
    }

    // Enough rows for many pages, so the backup takes several steps.
    static QStringList seed()
    {
        QStringList statements = {
            QStringLiteral("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT)")};
        for (int i = 1; i <= 2000; ++i)
            statements.append(QStringLiteral("INSERT INTO patients VALUES (%1, 'patient %1 %2')")
                                  .arg(i)
                                  .arg(QString(50, QLatin1Char('x'))));
        return statements;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void backsUpAndRestores()
    {
        const QString db = path(QStringLiteral("target.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        const QString before = contents(db);
        const QString backup = SqliteBackup::backupPath(db, QStringLiteral("run-1"));
        QCOMPARE(backup, db + QStringLiteral(".cutover-backup-run-1"));

        int steps = 0;
        int lastDone = -1;
        int lastTotal = 0;
        VERIFY_OK(SqliteBackup::backup(
            db, backup,
            [&](int done, int total) {
                ++steps;
                lastDone = done;
                lastTotal = total;
                return true;
            },
            4));
        QVERIFY(steps > 1);
        QCOMPARE(lastDone, lastTotal);
        QVERIFY(QFile::exists(backup));
        QVERIFY(!QFile::exists(backup + QStringLiteral(".part")));
        QCOMPARE(contents(backup), before);

        QCOMPARE(SqliteFile::create(db, {QStringLiteral("DELETE FROM patients WHERE id > 100"),
                                         QStringLiteral("UPDATE patients SET name = 'changed'"),
                                         QStringLiteral("CREATE TABLE extra (x)")}),
                 QString());
        QVERIFY(contents(db) != before);

        VERIFY_OK(SqliteBackup::restore(backup, db));
        QCOMPARE(contents(db), before);
        QCOMPARE(SqliteFile::scalar(
                     db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'")),
                 QStringLiteral("0"));
        QCOMPARE(SqliteFile::scalar(db, QStringLiteral("PRAGMA integrity_check")),
                 QStringLiteral("ok"));
    }

    void restoresUnderAnOpenSession()
    {
        const QString db = path(QStringLiteral("open.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        const QString backup = SqliteBackup::backupPath(db, QStringLiteral("run-2"));
        VERIFY_OK(SqliteBackup::backup(db, backup));
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + db);
        QVERIFY(spec.ok());
        auto session = SqliteTargetSession::open(*spec);
        VERIFY_OK(session);
        VERIFY_OK((*session)->execute(QStringLiteral("DELETE FROM patients")));
        VERIFY_OK(SqliteBackup::restore(backup, db));
        auto rows = (*session)->query(QStringLiteral("SELECT COUNT(*) FROM patients"));
        VERIFY_OK(rows);
        QCOMPARE(rows->value(0).value(0).toLongLong(), 2000);
    }

    void replacesAnOldBackup()
    {
        const QString db = path(QStringLiteral("again.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        const QString backup = path(QStringLiteral("again.backup"));
        VERIFY_OK(SqliteBackup::backup(db, backup));
        QCOMPARE(SqliteFile::create(db, {QStringLiteral("DELETE FROM patients WHERE id > 5")}),
                 QString());
        VERIFY_OK(SqliteBackup::backup(db, backup));
        QCOMPARE(contents(backup), contents(db));
    }

    void cancelLeavesNoBackup()
    {
        const QString db = path(QStringLiteral("cancel.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        const QString backup = path(QStringLiteral("cancel.backup"));
        auto result = SqliteBackup::backup(
            db, backup, [](int, int) { return false; }, 1);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), Error::Code::Cancelled);
        QVERIFY(!QFile::exists(backup));
        QVERIFY(!QFile::exists(backup + QStringLiteral(".part")));
    }

    void errorsNameTheFiles()
    {
        const QString missing = path(QStringLiteral("missing.db"));
        const QString backup = path(QStringLiteral("missing.backup"));
        auto backedUp = SqliteBackup::backup(missing, backup);
        QVERIFY(!backedUp.ok());
        QVERIFY(backedUp.error().toString().contains(missing));
        QVERIFY(backedUp.error().toString().contains(backup));
        QVERIFY(!QFile::exists(missing));

        const QString db = path(QStringLiteral("target2.db"));
        QCOMPARE(SqliteFile::create(db, seed()), QString());
        auto restored = SqliteBackup::restore(backup, db);
        QVERIFY(!restored.ok());
        QVERIFY(restored.error().toString().contains(backup));
        QVERIFY(restored.error().toString().contains(db));

        const QString notSqlite = path(QStringLiteral("not-sqlite.backup"));
        QFile file(notSqlite);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'z'));
        file.close();
        const QString before = contents(db);
        auto garbage = SqliteBackup::restore(notSqlite, db);
        QVERIFY(!garbage.ok());
        QVERIFY(garbage.error().toString().contains(notSqlite));
        QCOMPARE(contents(db), before);
    }
};

QTEST_GUILESS_MAIN(TestSqliteBackup)
#include "tst_sqlitebackup.moc"
