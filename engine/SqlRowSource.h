#pragma once

#include "RowQuery.h"
#include "RowSource.h"
#include "SqlConnection.h"
#include "TableMapping.h"

#include <QSqlQuery>
#include <atomic>
#include <memory>

namespace cutover {

class PasswordProvider;

// Rows of a SQLite, PostgreSQL or MySQL source through a forward-only QSqlQuery on a connection
// opened on the calling thread (read next() on that thread too). One SELECT:
//   SELECT <columns> FROM <table> | (<mapping query>) AS cutover_source
//   [WHERE (<mapping filter>) AND (<extra filters>) AND <key IN (...)>]
//   [ORDER BY <key>] [LIMIT n]
// Identifiers are quoted with SqlDialect; filters are SQL in the source's dialect, written by the
// user, and used as they are. Decimals arrive as text (QSql::HighPrecision), never through a
// float; integers as qint64, dates and times as ISO 8601 text, booleans as 0/1.
// Cancellation is checked every 256 rows; a long-running statement itself is not interrupted.
class SqlRowSource : public RowSource
{
public:
    static Result<std::unique_ptr<SqlRowSource>> open(const ConnectionSpec &spec,
                                                      const TableMapping &mapping,
                                                      const RowQuery &query,
                                                      const PasswordProvider *passwords);
    // The SELECT open() runs, with ? placeholders for the keyIn values (for tests and logs).
    static QString selectStatement(ConnectionSpec::Kind kind, const TableMapping &mapping,
                                   const RowQuery &query);

    QStringList columns() const override { return m_columns; }
    Result<RowBatch> next(int maxRows) override;
    void cancel() override { m_cancelled = true; }

private:
    SqlRowSource(std::unique_ptr<SqlConnection> connection);
    Result<void> execute(const TableMapping &mapping, const RowQuery &query);
    static QVariant normalized(const QVariant &value);

    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<QSqlQuery> m_query;
    QStringList m_columns;
    bool m_done = false;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cutover
