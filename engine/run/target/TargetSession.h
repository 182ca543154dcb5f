#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QList>
#include <QStringList>
#include <QVariant>

namespace cutover {

// One connection to a target database, owned by the thread that opened it, through which the run
// writes rows and its own ledger (checkpoints, quarantine, written keys) in the same transaction,
// so a batch and its checkpoint commit or vanish together. Each kind uses its fast path:
// SQLite through the sqlite3 C API with prepared statements, PostgreSQL through libpq with COPY,
// MySQL/MariaDB with multi-row INSERT.
class TargetSession
{
public:
    virtual ~TargetSession() = default;

    virtual ConnectionSpec::Kind kind() const = 0;
    virtual const ConnectionSpec &spec() const = 0;
    // The identifier quoted for this database (engine/SqlDialect).
    QString quote(const QString &identifier) const;

    // Statements in the dialect of the target, with '?' placeholders bound positionally.
    virtual Result<void> execute(const QString &sql, const QVariantList &params = {}) = 0;
    virtual Result<QList<QVariantList>> query(const QString &sql,
                                              const QVariantList &params = {}) = 0;

    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual Result<void> rollback() = 0;
    virtual bool inTransaction() const = 0;

    // Appends rows (values in the order of columns) to table in the current transaction.
    virtual Result<qint64> insertRows(const QString &table, const QStringList &columns,
                                      const QList<QVariantList> &rows) = 0;
    // Inserts rows, or updates the non-key columns of rows whose key already exists.
    virtual Result<qint64> upsertRows(const QString &table, const QStringList &columns,
                                      const QStringList &keyColumns,
                                      const QList<QVariantList> &rows) = 0;
    // After insertRows or upsertRows failed: how many of its rows, in order, are written and
    // stay written in the open transaction (the next one is the row refused); -1 when unknown.
    virtual qint64 rowsWrittenBeforeFailure() const { return -1; }
    // As upsertRows, but a row whose key is there already with the same values is left as it
    // is, not written again (for bookkeeping that records the same pairs batch after batch).
    virtual Result<qint64> mergeRows(const QString &table, const QStringList &columns,
                                     const QStringList &keyColumns, const QList<QVariantList> &rows)
    {
        return upsertRows(table, columns, keyColumns, rows);
    }
    // As mergeRows, for rows of texts only, given as UTF-8 cells row after row (columns.size()
    // cells a row). Bookkeeping made on another thread comes this way ready to bind.
    virtual Result<qint64> mergeUtf8Rows(const QString &table, const QStringList &columns,
                                         const QStringList &keyColumns,
                                         const QList<QByteArray> &cells);
};

} // namespace cutover
