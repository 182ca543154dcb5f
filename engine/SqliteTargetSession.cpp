#include "SqliteTargetSession.h"

#include "SqlDialect.h"
#include "SqliteValue.h"

#include <sqlite3.h>

namespace cutover {

SqliteTargetSession::SqliteTargetSession(ConnectionSpec spec, sqlite3 *db)
    : m_spec(std::move(spec))
    , m_db(db)
{}

SqliteTargetSession::~SqliteTargetSession()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
    if (m_db && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteTargetSession>> SqliteTargetSession::open(const ConnectionSpec &spec)
{
    sqlite3 *db = nullptr;
    const QByteArray path = spec.path().toUtf8();
    const int rc =
        sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return Error(Error::Code::Connection, QStringLiteral("cannot open: %1").arg(message),
                     spec.path());
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<SqliteTargetSession>(new SqliteTargetSession(spec, db));
}

Error SqliteTargetSession::failure(const QString &what, const QString &sql) const
{
    QString message = what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_db));
    if (!sql.isEmpty())
        message += QStringLiteral(" [%1]").arg(sql.left(200));
    const int code = sqlite3_errcode(m_db) & 0xff;
    const bool io = code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_READONLY ||
                    code == SQLITE_CANTOPEN || code == SQLITE_CORRUPT;
    return Error(io ? Error::Code::Io : Error::Code::Validation, message, m_spec.path());
}

Result<sqlite3_stmt *> SqliteTargetSession::prepare(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK)
        return failure(QStringLiteral("cannot prepare statement"), sql);
    return statement;
}

Result<sqlite3_stmt *> SqliteTargetSession::cached(const QString &key, const QString &sql)
{
    if (sqlite3_stmt *statement = m_statements.value(key))
        return statement;
    auto statement = prepare(sql);
    if (statement)
        m_statements.insert(key, *statement);
    return statement;
}

Result<void> SqliteTargetSession::bindAll(sqlite3_stmt *statement, const QVariantList &params,
                                          const QString &sql)
{
    if (params.size() != sqlite3_bind_parameter_count(statement))
        return Error(Error::Code::Internal,
                     QStringLiteral("%1 values for %2 placeholders [%3]")
                         .arg(params.size())
                         .arg(sqlite3_bind_parameter_count(statement))
                         .arg(sql.left(200)),
                     m_spec.path());
    for (int i = 0; i < params.size(); ++i)
        if (SqliteValue::bind(statement, i + 1, params.at(i)) != SQLITE_OK)
            return failure(QStringLiteral("cannot bind value %1").arg(i + 1), sql);
    return {};
}

Result<void> SqliteTargetSession::execute(const QString &sql, const QVariantList &params)
{
    if (params.isEmpty()) {
        // Without parameters the text may hold several statements (DDL scripts).
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
            sqlite3_free(message);
            return failure(QStringLiteral("statement failed"), sql);
        }
        return {};
    }
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    return {};
}

Result<QList<QVariantList>> SqliteTargetSession::query(const QString &sql,
                                                       const QVariantList &params)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> guard(*statement, sqlite3_finalize);
    if (auto bound = bindAll(*statement, params, sql); !bound)
        return bound.error();
    QList<QVariantList> rows;
    const int columns = sqlite3_column_count(*statement);
    int rc;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(SqliteValue::column(*statement, c));
        rows.append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return failure(QStringLiteral("statement failed"), sql);
    return rows;
}

Result<void> SqliteTargetSession::begin()
{
    return execute(QStringLiteral("BEGIN IMMEDIATE"));
}

Result<void> SqliteTargetSession::commit()
{
    return execute(QStringLiteral("COMMIT"));
}

Result<void> SqliteTargetSession::rollback()
{
    if (!inTransaction())
        return {};
    // Reset cached statements first: a busy statement would keep the rollback from finishing.
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_reset(statement);
    return execute(QStringLiteral("ROLLBACK"));
}

bool SqliteTargetSession::inTransaction() const
{
    return !sqlite3_get_autocommit(m_db);
}

QString SqliteTargetSession::insertSql(const QString &table, const QStringList &columns) const
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(quote(table), SqlDialect::quoteIdentifiers(columns, kind()),
             marks.join(QStringLiteral(", ")));
}

QString SqliteTargetSession::upsertSql(const QString &table, const QStringList &columns,
                                       const QStringList &keyColumns) const
{
    QStringList updates;
    for (const QString &column : columns)
        if (!keyColumns.contains(column))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(quote(column)));
    const QString action =
        updates.isEmpty() ? QStringLiteral("DO NOTHING")
                          : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    return insertSql(table, columns) +
           QStringLiteral(" ON CONFLICT (%1) %2")
               .arg(SqlDialect::quoteIdentifiers(keyColumns, kind()), action);
}

Result<qint64> SqliteTargetSession::writeRows(sqlite3_stmt *statement, const QString &table,
                                              int columnCount, const QList<QVariantList> &rows)
{
    qint64 written = 0;
    for (const QVariantList &row : rows) {
        if (row.size() != columnCount)
            return Error(Error::Code::Internal,
                         QStringLiteral("row %1 has %2 values for %3 columns")
                             .arg(written + 1)
                             .arg(row.size())
                             .arg(columnCount),
                         m_spec.path() + QStringLiteral(", table ") + table);
        for (int i = 0; i < columnCount; ++i)
            if (SqliteValue::bind(statement, i + 1, row.at(i)) != SQLITE_OK)
                return failure(
                    QStringLiteral("cannot bind value %1 of table %2").arg(i + 1).arg(table));
        const int rc = sqlite3_step(statement);
        if (rc != SQLITE_DONE) {
            Error error = failure(QStringLiteral("cannot write row %1 of %2 into table %3")
                                      .arg(written + 1)
                                      .arg(rows.size())
                                      .arg(table));
            sqlite3_reset(statement);
            return error;
        }
        sqlite3_reset(statement);
        ++written;
    }
    sqlite3_clear_bindings(statement);
    return written;
}

Result<qint64> SqliteTargetSession::insertRows(const QString &table, const QStringList &columns,
                                               const QList<QVariantList> &rows)
{
    const QString sql = insertSql(table, columns);
    auto statement = cached(sql, sql);
    if (!statement)
        return statement.error();
    return writeRows(*statement, table, int(columns.size()), rows);
}

Result<qint64> SqliteTargetSession::upsertRows(const QString &table, const QStringList &columns,
                                               const QStringList &keyColumns,
                                               const QList<QVariantList> &rows)
{
    if (keyColumns.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("an upsert needs key columns"),
                     m_spec.path() + QStringLiteral(", table ") + table);
    const QString sql = upsertSql(table, columns, keyColumns);
    auto statement = cached(sql, sql);
    if (!statement)
        return statement.error();
    return writeRows(*statement, table, int(columns.size()), rows);
}

} // namespace cutover
