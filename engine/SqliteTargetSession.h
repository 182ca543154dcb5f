#pragma once

#include "TargetSession.h"

#include <QHash>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace cutover {

// A SQLite target written through the sqlite3 C API: prepared statements cached per table,
// columns and mode, values bound by type (engine/SqliteValue), rows in large transactions.
// The connection waits up to busy_timeout for a lock held by another connection.
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

    static constexpr int kBusyTimeoutMs = 10000;

private:
    SqliteTargetSession(ConnectionSpec spec, sqlite3 *db);
    Error failure(const QString &what, const QString &sql = {}) const;
    Result<sqlite3_stmt *> prepare(const QString &sql);
    Result<sqlite3_stmt *> cached(const QString &key, const QString &sql);
    Result<void> bindAll(sqlite3_stmt *statement, const QVariantList &params, const QString &sql);
    Result<qint64> writeRows(sqlite3_stmt *statement, const QString &table, int columnCount,
                             const QList<QVariantList> &rows);
    QString insertSql(const QString &table, const QStringList &columns) const;
    QString upsertSql(const QString &table, const QStringList &columns,
                      const QStringList &keyColumns) const;

    ConnectionSpec m_spec;
    sqlite3 *m_db = nullptr;
    QHash<QString, sqlite3_stmt *> m_statements;
};

} // namespace cutover
