#pragma once

#include "run/target/TargetSession.h"

#include <QHash>
#include <QSet>
#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;

namespace cutover {

class PasswordProvider;

// A PostgreSQL target written through libpq: statements with PQexecParams (text parameters,
// bytea as binary), inserts with COPY ... FROM STDIN in text format sent in large chunks, and
// upserts through a temporary staging table filled by COPY and merged with
// INSERT ... ON CONFLICT. The session runs in UTC with ISO dates, and reads doubles in their
// shortest exact form. A lost connection is reported as Error::Code::Connection.
//
// Upserts on the table's primary key first try a plain COPY into the table inside a savepoint:
// when no key is there yet (a first load) that is the whole upsert, at a fraction of the merge's
// cost. When the COPY fails the savepoint is rolled back and the rows merged as above; a table
// where it met an existing key is merged directly for the rest of the session. The staging table
// of a table and column list is created once per session (ON COMMIT DELETE ROWS) rather than per
// upsert: catalog rows created and dropped batch after batch pile up when autovacuum is off.
//
// '?' placeholders become $1, $2, ... outside quotes and comments; jsonb's ? operators cannot be
// written in a statement with parameters (use jsonb_exists() instead).
class PostgresTargetSession : public TargetSession
{
public:
    static Result<std::unique_ptr<PostgresTargetSession>> open(const ConnectionSpec &spec,
                                                               const PasswordProvider *passwords);
    ~PostgresTargetSession() override;
    PostgresTargetSession(const PostgresTargetSession &) = delete;
    PostgresTargetSession &operator=(const PostgresTargetSession &) = delete;

    ConnectionSpec::Kind kind() const override { return ConnectionSpec::Kind::PostgreSql; }
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

    // '?' placeholders numbered $1, $2, ... (public for tests).
    static QString numberPlaceholders(const QString &sql);

private:
    static pg_conn *connect(const QList<QPair<QByteArray, QByteArray>> &settings);
    PostgresTargetSession(ConnectionSpec spec, pg_conn *conn);
    Error failure(const QString &what, pg_result *result = nullptr) const;
    Result<QList<QVariantList>> run(const QString &sql, const QVariantList &params);
    Result<qint64> copyRows(const QString &table, const QStringList &columns,
                            const QList<QVariantList> &rows);
    Result<qint64> finishCopy(const QString &table);
    Result<qint64> mergeStaging(const QString &table, const QString &staging,
                                const QStringList &columns, const QStringList &keyColumns,
                                bool changedOnly);
    Result<qint64> upsert(const QString &table, const QStringList &columns,
                          const QStringList &keyColumns, const QList<QVariantList> &rows,
                          bool changedOnly);
    Result<qint64> upsertThroughStaging(const QString &table, const QStringList &columns,
                                        const QStringList &keyColumns,
                                        const QList<QVariantList> &rows, bool changedOnly);
    // The rows copied straight into table, or nullopt when they must be merged instead.
    Result<std::optional<qint64>> copyInstead(const QString &table, const QStringList &columns,
                                              const QStringList &keyColumns,
                                              const QList<QVariantList> &rows);
    Result<bool> isPrimaryKey(const QString &table, const QStringList &keyColumns);
    void forgetSchema(const QString &sql);
    static QVariantList rowValues(pg_result *result, int row);

    ConnectionSpec m_spec;
    pg_conn *m_conn = nullptr;
    quint64 m_stagingCounter = 0;
    QHash<QString, QString> m_staging;  // table and columns -> its staging table
    QHash<QString, bool> m_primaryKeys; // table and key columns -> whether its primary key
    QSet<QString> m_merged;             // tables where a COPY met an existing key
    mutable QByteArray m_lastState;     // SQLSTATE of the last failure
};

} // namespace cutover
