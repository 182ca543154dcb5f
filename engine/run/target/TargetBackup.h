#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QByteArray>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <utility>

struct sqlite3;

namespace cutover {

class PasswordProvider;

// Backs up a project's target database to a file in a folder and verifies the copy, for the
// runbook's "backups completed and verified" step:
// - SQLite: SqliteBackup (the online backup API), then PRAGMA quick_check on the copy.
// - PostgreSQL: pg_dump --format=custom, then pg_restore --list counts the tables' data.
// - MySQL/MariaDB: mariadb-dump or mysqldump --single-transaction --routines, then the dump must
//   end with its "-- Dump completed" trailer and hold a CREATE TABLE for each table on the server.
// The password goes to the tool in its environment only (PGPASSWORD, MYSQL_PWD), never on its
// command line, and is kept out of every notice and error. The file is
// "<connection>-<yyyyMMdd-HHmmss>.{sqlite,dump,sql}" (UTC), "-2", "-3"... added rather than
// overwrite; it is written as "<file>.part" and renamed once verified, and the part is removed on
// any failure or cancel. Blocking: call it off the GUI thread. Tools have no timeout of their
// own: cancelling stops them.
class TargetBackup
{
public:
    using Notice = std::function<void(const QString &)>;
    // Polled while the backup runs; true stops it.
    using CancelCheck = std::function<bool()>;

    struct Outcome
    {
        QString file;
        qint64 bytes = 0;
        double seconds = 0;
        int tables = 0;
        QString verification; // "quick_check ok, 5 tables", "pg_restore lists 5 tables' data"
        QString summary;      // one line, for the runbook step's evidence
    };

    // connectionName (the target connection's name in the project) names the file; passwords
    // may be null (the tools then find one themselves, e.g. in ~/.pgpass).
    TargetBackup(QString connectionName, ConnectionSpec spec,
                 const PasswordProvider *passwords = nullptr);

    void setNotice(Notice notice) { m_notice = std::move(notice); }
    void setCancelCheck(CancelCheck check) { m_cancelCheck = std::move(check); }
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancelFlag = flag; }

    // Backs the target up into folder (made when missing) and verifies the backup.
    Result<Outcome> run(const QString &folder);

    // "sqlite", "dump" or "sql"; empty for a CSV folder.
    static QString extension(ConnectionSpec::Kind kind);
    // "<connectionName>-<yyyyMMdd-HHmmss>.<extension>" with when in UTC; characters a file name
    // cannot hold become '_'.
    static QString fileName(const QString &connectionName, ConnectionSpec::Kind kind,
                            const QDateTime &when);
    // The folder of pg_dump and pg_restore: the newest /usr/lib/postgresql/*/bin, else PATH's;
    // empty when neither has them.
    static QString postgresBinDir();
    // mariadb-dump or mysqldump from PATH, /usr/bin or /usr/local/bin; empty when missing.
    static QString mysqlDumpProgram();

private:
    struct Verified
    {
        int tables = 0;
        QString text;
    };
    struct ToolRun
    {
        int exitCode = 0;
        bool crashed = false;
        QByteArray output; // stdout, when asked for
        QString errorTail; // the last lines of stderr
    };

    static constexpr int kPollMs = 100;
    static constexpr int kStopWaitMs = 3000;
    static constexpr int kErrorTailLines = 6;

    bool cancelled() const;
    void notify(const QString &text) const;
    QString scrub(QString text) const;
    Error scrub(const Error &error) const;
    Error cancelledError() const;
    Result<QString> reserveFile(const QString &folder) const;
    Result<Verified> backUp(const QString &part);
    Outcome outcome(const QString &file, const Verified &verified, double seconds) const;

    Result<Verified> backUpSqlite(const QString &part);
    Result<Verified> verifySqlite(const QString &part);
    Result<QStringList> sqliteColumn(sqlite3 *db, const char *sql) const;
    static int sqliteProgress(void *self);

    Result<Verified> backUpPostgres(const QString &part);
    Result<Verified> verifyPostgres(const QString &part, const QString &binDir);
    Result<Verified> backUpMySql(const QString &part);
    Result<Verified> verifyMySql(const QString &part);
    // The tables the dump creates; an error when it lacks its trailer.
    Result<QSet<QString>> dumpedTables(const QString &part) const;
    Result<QStringList> mySqlTables() const;

    QProcessEnvironment toolEnvironment(const QString &passwordVariable) const;
    Result<ToolRun> runTool(const QString &program, const QStringList &arguments,
                            const QProcessEnvironment &environment, bool keepOutput) const;
    Error toolFailed(const QString &program, const ToolRun &run, Error::Code code) const;
    Error toolMissing(const QString &tools, const QString &where, const QString &package) const;

    QString m_connectionName;
    ConnectionSpec m_spec;
    const PasswordProvider *m_passwords = nullptr;
    Notice m_notice;
    CancelCheck m_cancelCheck;
    const std::atomic<bool> *m_cancelFlag = nullptr;
    QString m_password; // asked once per run, for the tools' environment
};

} // namespace cutover
