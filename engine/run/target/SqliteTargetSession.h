#pragma once

#include "run/target/TargetSession.h"

#include <QHash>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cutover {

class SqliteFileGate;

// A SQLite target written through the sqlite3 C API: prepared statements cached per table,
// columns and mode, values bound by type (engine/SqliteValue), rows in large transactions.
// The connection waits up to busy_timeout for a lock held by another connection, and keeps a
// page cache of kCacheKib (with the default 2 MB a batch kept re-reading and spilling the pages of
// the indexes it writes).
//
// insertRows/upsertRows write up to kRowsPerStatement rows with one multi-row INSERT: a statement
// per row cost a fifth of the writing (starting and ending it, building the IN lists of CHECK
// constraints again). A multi-row statement that fails is undone by SQLite (statement rollback)
// and its rows are written again one statement each, so the rows left written and the error are
// exactly those of writing row by row. Tables where one statement per row could behave otherwise
// are always written row by row: tables with triggers, with a foreign key to themselves (SQLite
// checks foreign keys at the end of a statement, so a multi-row statement could accept a child
// before its parent) or with an ON CONFLICT clause in their definition (FAIL and ROLLBACK would
// not undo just the statement).
//
// Sessions of this process on one file take turns at writing, first come first served (a
// SqliteFileGate held from BEGIN to COMMIT or ROLLBACK, and around a write outside a transaction):
// SQLite's busy handler polls with sleeps, and two tables loading at once, each committing batch
// after batch without a pause, kept one writer out until its busy timeout ran out ("database is
// locked"). A session waits at most kGateTimeoutMs for its turn, and never for a session of its
// own thread; then SQLite's own locking decides as before. The turn is long: a run's writer holds
// it only while it writes (it commits before it waits for a batch or a pause), so a long wait
// means a slow disk, and with 10 s a 1,000,000-patient run failed ("database is locked") when one
// transaction took longer during an I/O stall.
class SqliteTargetSession : public TargetSession
{
public:
    static Result<std::unique_ptr<SqliteTargetSession>> open(const ConnectionSpec &spec);
    ~SqliteTargetSession() override;
    SqliteTargetSession(const SqliteTargetSession &) = delete;
    SqliteTargetSession &operator=(const SqliteTargetSession &) = delete;

    ConnectionSpec::Kind kind() const override { return ConnectionSpec::Kind::Sqlite; }
    const ConnectionSpec &spec() const override { return m_spec; }

    Result<void> execute(const QString &sql, const QVariantList &params = {}) override;
    Result<QList<QVariantList>> query(const QString &sql, const QVariantList &params = {}) override;

    Result<void> begin() override;
    Result<void> commit() override;
    Result<void> rollback() override;
    bool inTransaction() const override;

    Result<qint64> insertRows(const QString &table, const QStringList &columns,
                              const QList<QVariantList> &rows) override;
    Result<qint64> upsertRows(const QString &table, const QStringList &columns,
                              const QStringList &keyColumns,
                              const QList<QVariantList> &rows) override;
    Result<qint64> mergeRows(const QString &table, const QStringList &columns,
                             const QStringList &keyColumns,
                             const QList<QVariantList> &rows) override;
    // Binds the cells where they are, without a QVariant or a copy.
    Result<qint64> mergeUtf8Rows(const QString &table, const QStringList &columns,
                                 const QStringList &keyColumns,
                                 const QList<QByteArray> &cells) override;
    qint64 rowsWrittenBeforeFailure() const override { return m_writtenBeforeFailure; }

    static constexpr int kBusyTimeoutMs = 10000;          // for other processes' locks
    static constexpr int kGateTimeoutMs = 10 * 60 * 1000; // for this process's other sessions
    static constexpr int kCacheKib = 8 * 1024;
    static constexpr int kRowsPerStatement = 64;

private:
    SqliteTargetSession(ConnectionSpec spec, sqlite3 *db);
    Error failure(const QString &what, const QString &sql = {}) const;
    void syncForJournalMode();
    Result<sqlite3_stmt *> prepare(const QString &sql);
    Result<sqlite3_stmt *> cached(const QString &key, const QString &sql);
    Result<void> bindAll(sqlite3_stmt *statement, const QVariantList &params, const QString &sql);
    // sql(n): the statement writing n rows.
    Result<qint64> writeRows(const QString &table, int columnCount, const QList<QVariantList> &rows,
                             const std::function<QString(int)> &sql);
    Result<void> writeOne(sqlite3_stmt *statement, const QString &table, int columnCount,
                          const QList<QVariantList> &rows, qsizetype first, qsizetype count,
                          qint64 &written);
    bool writeMany(sqlite3_stmt *statement, int columnCount, const QList<QVariantList> &rows,
                   qsizetype first, int count);
    bool allowsMultiRow(const QString &table);
    QString insertSql(const QString &table, const QStringList &columns, int rowCount = 1) const;
    QString upsertSql(const QString &table, const QStringList &columns,
                      const QStringList &keyColumns, int rowCount = 1,
                      bool changedOnly = false) const;

    // Takes this file's turn for a write unless it has it; gives it back when no transaction is
    // left open.
    void enterGate();
    void leaveGate();

    ConnectionSpec m_spec;
    sqlite3 *m_db = nullptr;
    std::shared_ptr<SqliteFileGate> m_gate; // null for an in-memory database
    bool m_gateHeld = false;
    QHash<QString, sqlite3_stmt *> m_statements;
    // table -> (schema_version, whether it may take several rows per statement)
    QHash<QString, std::pair<qint64, bool>> m_multiRow;
    qint64 m_writtenBeforeFailure = -1;
    QByteArray m_text;                 // UTF-8 of the text values bound by writeMany
    std::vector<qsizetype> m_textEnds; // where each of them ends in m_text
};

} // namespace cutover
