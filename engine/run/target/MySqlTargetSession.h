#pragma once

#include "run/target/TargetSession.h"

#include <QHash>
#include <memory>

class QSqlQuery;
class QSqlError;

namespace cutover {

class PasswordProvider;
class SqlConnection;

// A MySQL/MariaDB target written through QMYSQL: inserts as multi-row
// INSERT ... VALUES (...),(...) with bound values, at most kMaxRowsPerStatement rows, 65,535
// placeholders or about kMaxBytesPerStatement bytes per statement (well under the default
// max_allowed_packet); upserts with ON DUPLICATE KEY UPDATE col = VALUES(col). Prepared
// statements are kept per table, columns, row count and mode.
//
// The session runs in UTC (time_zone '+00:00'), in strict mode with NO_BACKSLASH_ESCAPES. MySQL
// has no timestamp with time zone: ISO values bound for DATETIME and TIMESTAMP columns lose their
// 'T' and their 'Z' (the instant is kept in UTC). ON DUPLICATE KEY fires on any unique key of
// the table, not only the key columns given.
class MySqlTargetSession : public TargetSession
{
public:
    static Result<std::unique_ptr<MySqlTargetSession>> open(const ConnectionSpec &spec,
                                                            const PasswordProvider *passwords);
    ~MySqlTargetSession() override;
    MySqlTargetSession(const MySqlTargetSession &) = delete;
    MySqlTargetSession &operator=(const MySqlTargetSession &) = delete;

    ConnectionSpec::Kind kind() const override { return ConnectionSpec::Kind::MySql; }
    const ConnectionSpec &spec() const override;

    Result<void> execute(const QString &sql, const QVariantList &params = {}) override;
    Result<QList<QVariantList>> query(const QString &sql, const QVariantList &params = {}) override;

    Result<void> begin() override;
    Result<void> commit() override;
    Result<void> rollback() override;
    bool inTransaction() const override { return m_inTransaction; }

    Result<qint64> insertRows(const QString &table, const QStringList &columns,
                              const QList<QVariantList> &rows) override;
    Result<qint64> upsertRows(const QString &table, const QStringList &columns,
                              const QStringList &keyColumns,
                              const QList<QVariantList> &rows) override;

    static constexpr int kMaxRowsPerStatement = 1000;
    static constexpr int kMaxPlaceholders = 65535;
    static constexpr qint64 kMaxBytesPerStatement = 4 * 1024 * 1024;

private:
    explicit MySqlTargetSession(std::unique_ptr<SqlConnection> connection);
    Error failure(const QString &what, const QSqlError &error) const;
    Result<void> configure();
    Result<QSqlQuery *> prepared(const QString &sql);
    Result<qint64> writeRows(const QString &table, const QStringList &columns,
                             const QList<QVariantList> &rows, const QString &suffix);
    Result<qint64> writeChunk(const QString &table, const QStringList &columns,
                              const QList<QVariantList> &rows, qsizetype first, qsizetype count,
                              const QString &suffix, const QList<bool> &temporal);
    Result<QList<bool>> temporalColumns(const QString &table, const QStringList &columns);
    static QVariant bindable(const QVariant &value, bool temporal);
    static qint64 sizeOf(const QVariantList &row);

    std::unique_ptr<SqlConnection> m_connection;
    QHash<QString, QSqlQuery *> m_statements;
    QHash<QString, QHash<QString, QString>> m_columnTypes; // table -> column -> DATA_TYPE
    bool m_inTransaction = false;
};

} // namespace cutover
