#pragma once

#include "connect/SqlConnection.h"
#include "core/SqliteValue.h"
#include "core/TextEncoding.h"
#include "project/TableMapping.h"
#include "source/MySqlTemporalValue.h"
#include "source/RowQuery.h"
#include "source/RowSource.h"

#include <QSqlQuery>
#include <atomic>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cutover {

class PasswordProvider;

// Rows of a SQLite, PostgreSQL or MySQL source through a forward-only QSqlQuery on a connection
// opened on the calling thread (read next() on that thread too). One SELECT:
//   SELECT <columns> FROM <table> | (<mapping query>) AS cutover_source
//   [WHERE (<mapping filter>) AND (<extra filters>) AND <key IN (...)>]
//   [ORDER BY <key>] [LIMIT n]
// Identifiers are quoted with SqlDialect; filters are SQL in the source's dialect, written by the
// user, and used as they are. Decimals arrive as text (QSql::HighPrecision), never through a
// float; integers as qint64, dates and times as ISO 8601 text, booleans as 0/1. PostgreSQL and
// MySQL timestamps are rendered as text by the database (TimestampSelect: wall-clock time,
// timestamptz in UTC with Z), whatever this process's zone; their types are read first with the
// same SELECT and LIMIT 0. Text is never changed on the way (TextEncoding): PostgreSQL and MySQL
// text columns are read as their UTF-8 bytes (TextSelect), SQLite text as the bytes it holds, and
// both are decoded strictly; a value that is not valid text arrives as its bytes (a QByteArray),
// which a text column then refuses with the bytes in hex. The connection's `encoding` option
// names the encoding of a SQLite file's text or of a PostgreSQL SQL_ASCII database's; where the
// server knows its own encoding (any other PostgreSQL database, MySQL) the option is refused.
// Cancellation is checked every 256 rows; a long-running statement itself is not interrupted.
// A SQLite source is read through the sqlite3 C API on the connection's own
// handle, with the values QSqlQuery's SQLite driver makes (NULL, qint64, double, blob; text as
// above) and its error texts: QSqlQuery's row cache and QVariant copies were a third of
// reading. Anything it cannot prepare or start falls back to QSqlQuery, which then reports.
class SqlRowSource : public RowSource
{
public:
    static Result<std::unique_ptr<SqlRowSource>> open(const ConnectionSpec &spec,
                                                      const TableMapping &mapping,
                                                      const RowQuery &query,
                                                      const PasswordProvider *passwords);
    // The SELECT open() runs, with ? placeholders for the keyIn values (for tests and logs). A
    // key part that is NULL is matched with IS NULL.
    static QString selectStatement(ConnectionSpec::Kind kind, const TableMapping &mapping,
                                   const RowQuery &query);
    // The values to bind to selectStatement's placeholders, in order.
    static QVariantList keyInValues(const RowQuery &query);

    ~SqlRowSource() override;

    QStringList columns() const override { return m_columns; }
    Result<RowBatch> next(int maxRows) override;
    void cancel() override { m_cancelled = true; }
    const TextEncoding *textEncoding() const override
    {
        return m_declaresEncoding ? nullptr : &m_encoding;
    }

private:
    SqlRowSource(std::unique_ptr<SqlConnection> connection);
    Result<void> execute(const TableMapping &mapping, const RowQuery &query);
    static QString selectStatement(ConnectionSpec::Kind kind, const TableMapping &mapping,
                                   const RowQuery &query, const QString &columns,
                                   const QString &orderBy);
    Result<void> chooseEncoding();
    QString renderedSelect(const TableMapping &mapping, const RowQuery &query);
    bool executeDirect(const QString &sql, const RowQuery &query);
    void bindKey(int parameter, const QVariant &value);
    Result<RowBatch> nextDirect(int maxRows);
    QVariant directValue(int column) const;
    static QVariant normalized(const QVariant &value);
    QVariant text(QByteArrayView bytes) const;

    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<QSqlQuery> m_query;
    sqlite3 *m_db = nullptr;             // the direct way: the connection's handle
    sqlite3_stmt *m_statement = nullptr; // and the statement, on its first row (m_pending)
    bool m_pending = false;
    mutable std::vector<SqliteTextCache> m_texts; // per column
    TextEncoding m_encoding;                      // of the source's text bytes
    bool m_declaresEncoding = false;              // the database decodes its text itself
    QList<bool> m_textBytes;  // per column: read as bytes to decode (renderedSelect)
    QList<bool> m_mySqlDates; // per column: a MySQL DATE, whose zero dates read as NULL
    QStringList m_columns;
    bool m_done = false;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cutover
