#include "run/target/SqliteTargetSession.h"

#include "core/SqliteValue.h"
#include "dialect/SqlDialect.h"
#include "run/target/SqliteFileGate.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QStringView>
#include <algorithm>
#include <chrono>
#include <climits>
#include <sqlite3.h>

namespace cutover {

namespace {

// SQLite's default limit on ? parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER).
constexpr int kMaxVariables = 32766;

// Appends the UTF-8 of text to buffer, byte for byte what text.toUtf8() gives, and a NUL; true
// when the text itself holds no NUL.
bool appendUtf8(QByteArray &buffer, const QString &text)
{
    const qsizetype size = text.size();
    if (!QtPrivate::isAscii(QStringView(text))) {
        const QByteArray utf8 = text.toUtf8();
        buffer.append(utf8);
        buffer.append('\0');
        return !utf8.contains('\0');
    }
    const qsizetype at = buffer.size();
    buffer.resize(at + size + 1);
    char *out = buffer.data() + at;
    const ushort *in = text.utf16();
    bool nul = false;
    for (qsizetype i = 0; i < size; ++i) {
        out[i] = char(in[i]);
        nul = nul || in[i] == 0;
    }
    out[size] = 0;
    return !nul;
}

} // namespace

SqliteTargetSession::SqliteTargetSession(ConnectionSpec spec, sqlite3 *db)
    : m_spec(std::move(spec))
    , m_db(db)
{
    const char *file = sqlite3_db_filename(db, "main");
    if (file && *file)
        m_gate = SqliteFileGate::of(QFileInfo(QString::fromUtf8(file)).absoluteFilePath());
}

SqliteTargetSession::~SqliteTargetSession()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
    if (m_db && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(m_db);
    if (m_gateHeld)
        m_gate->give();
}

void SqliteTargetSession::enterGate()
{
    if (m_gate && !m_gateHeld)
        m_gateHeld = m_gate->take(kGateTimeoutMs);
}

void SqliteTargetSession::leaveGate()
{
    if (m_gateHeld && !inTransaction()) {
        m_gate->give();
        m_gateHeld = false;
    }
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
    // A double-quoted name is always a name, never a string literal (SqlConnection).
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_exec(db,
                 QByteArray("PRAGMA cache_size = -" + QByteArray::number(kCacheKib)).constData(),
                 nullptr, nullptr, nullptr);
    auto session = std::unique_ptr<SqliteTargetSession>(new SqliteTargetSession(spec, db));
    session->syncForJournalMode();
    return session;
}

void SqliteTargetSession::syncForJournalMode()
{
    // In WAL mode, NORMAL syncs at checkpoints only and a commit still survives the process
    // being killed (SqliteJournalMode); with a rollback journal only FULL is safe.
    auto mode = query(QStringLiteral("PRAGMA journal_mode"));
    const bool wal =
        mode && !mode->isEmpty() && !mode->first().isEmpty() &&
        mode->first().first().toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
    sqlite3_exec(m_db, wal ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL", nullptr,
                 nullptr, nullptr);
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
    enterGate();
    const auto leave = qScopeGuard([this] { leaveGate(); });
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
    if (!sqlite3_stmt_readonly(*statement)) // a read does not wait for another session's batch
        enterGate();
    const auto leave = qScopeGuard([this] { leaveGate(); });
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
    return execute(QStringLiteral("BEGIN IMMEDIATE")); // takes the gate till COMMIT or ROLLBACK
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

QString SqliteTargetSession::insertSql(const QString &table, const QStringList &columns,
                                       int rowCount) const
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    const QString row = QStringLiteral("(%1)").arg(marks.join(QStringLiteral(", ")));
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(quote(table), SqlDialect::quoteIdentifiers(columns, kind()),
             QStringList(rowCount, row).join(QStringLiteral(", ")));
}

QString SqliteTargetSession::upsertSql(const QString &table, const QStringList &columns,
                                       const QStringList &keyColumns, int rowCount,
                                       bool changedOnly) const
{
    QStringList updates, changes;
    for (const QString &column : columns) {
        if (keyColumns.contains(column))
            continue;
        updates.append(QStringLiteral("%1 = excluded.%1").arg(quote(column)));
        changes.append(QStringLiteral("%1 IS NOT excluded.%1").arg(quote(column)));
    }
    QString action = updates.isEmpty()
                         ? QStringLiteral("DO NOTHING")
                         : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    if (changedOnly && !updates.isEmpty())
        action += QStringLiteral(" WHERE ") + changes.join(QStringLiteral(" OR "));
    return insertSql(table, columns, rowCount) +
           QStringLiteral(" ON CONFLICT (%1) %2")
               .arg(SqlDialect::quoteIdentifiers(keyColumns, kind()), action);
}

// Whether a multi-row statement writes table exactly as one statement per row would (see the
// header); asked again whenever the schema changed.
bool SqliteTargetSession::allowsMultiRow(const QString &table)
{
    auto version =
        cached(QStringLiteral("PRAGMA schema_version"), QStringLiteral("PRAGMA schema_version"));
    if (!version)
        return false;
    const int rc = sqlite3_step(*version);
    const qint64 schema = rc == SQLITE_ROW ? sqlite3_column_int64(*version, 0) : -1;
    sqlite3_reset(*version);
    if (schema < 0)
        return false;
    const auto known = m_multiRow.constFind(table);
    if (known != m_multiRow.constEnd() && known->first == schema)
        return known->second;
    auto found = query(
        QStringLiteral(
            "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1 "
            "COLLATE NOCASE AND sql NOT LIKE '%ON CONFLICT%'), "
            "(SELECT count(*) FROM sqlite_temp_master WHERE (type = 'trigger' AND tbl_name = ?1 "
            "COLLATE NOCASE) OR (type IN ('table', 'view') AND name = ?1 COLLATE NOCASE)), "
            "(SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 "
            "COLLATE NOCASE), "
            "(SELECT count(*) FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?1 COLLATE "
            "NOCASE)"),
        {table});
    const bool allowed = found && found->size() == 1 && found->first().value(0).toInt() == 1 &&
                         found->first().value(1).toInt() == 0 &&
                         found->first().value(2).toInt() == 0 &&
                         found->first().value(3).toInt() == 0;
    m_multiRow.insert(table, {schema, allowed});
    return allowed;
}

// One statement per row, as the rows' error messages name them.
Result<void> SqliteTargetSession::writeOne(sqlite3_stmt *statement, const QString &table,
                                           int columnCount, const QList<QVariantList> &rows,
                                           qsizetype first, qsizetype count, qint64 &written)
{
    for (qsizetype r = first; r < first + count; ++r) {
        const QVariantList &row = rows.at(r);
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
    return {};
}

// count rows (of columnCount values each) with one statement; false when it failed (bind or
// step), which SQLite undid.
bool SqliteTargetSession::writeMany(sqlite3_stmt *statement, int columnCount,
                                    const QList<QVariantList> &rows, qsizetype first, int count)
{
    // Texts as UTF-8 in one buffer first, bound without a copy once the buffer is complete.
    m_text.resize(0);
    m_textEnds.resize(0);
    for (qsizetype r = first; r < first + count; ++r)
        for (const QVariant &value : rows.at(r))
            if (!value.isNull() && value.typeId() == QMetaType::QString) {
                const bool plain =
                    appendUtf8(m_text, *static_cast<const QString *>(value.constData()));
                // where the text ends (its NUL), negative when it holds a NUL itself
                m_textEnds.push_back(plain ? m_text.size() - 1 : -(m_text.size() - 1) - 1);
            }
    const char *text = m_text.constData();
    qsizetype textAt = 0;
    size_t nextText = 0;
    int parameter = 1;
    for (qsizetype r = first; r < first + count; ++r) {
        for (const QVariant &value : rows.at(r)) {
            int rc;
            if (!value.isNull() && value.typeId() == QMetaType::QString) {
                const qsizetype mark = m_textEnds[nextText++];
                const qsizetype end = mark >= 0 ? mark : -mark - 1;
                // Length -1 when NUL-terminated: SQLite then never copies it to add a NUL (for
                // CHECK constraints, say).
                if (mark >= 0 && end - textAt < INT_MAX)
                    rc = sqlite3_bind_text(statement, parameter, text + textAt, -1, SQLITE_STATIC);
                else
                    rc = sqlite3_bind_text64(statement, parameter, text + textAt,
                                             sqlite3_uint64(end - textAt), SQLITE_STATIC,
                                             SQLITE_UTF8);
                textAt = end + 1;
            } else {
                rc = SqliteValue::bind(statement, parameter, value);
            }
            if (rc != SQLITE_OK) {
                sqlite3_clear_bindings(statement);
                return false;
            }
            ++parameter;
        }
    }
    Q_ASSERT(parameter == count * columnCount + 1);
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement); // no pointer into m_text outlives this call
    return rc == SQLITE_DONE;
}

Result<qint64> SqliteTargetSession::writeRows(const QString &table, int columnCount,
                                              const QList<QVariantList> &rows,
                                              const std::function<QString(int)> &sql)
{
    enterGate(); // a write outside a transaction takes its turn too
    const auto leave = qScopeGuard([this] { leaveGate(); });
    m_writtenBeforeFailure = -1;
    const QString singleSql = sql(1);
    auto single = cached(singleSql, singleSql);
    if (!single)
        return single.error();
    const int most = columnCount > 0 && rows.size() > 1 && allowsMultiRow(table)
                         ? qMin(kRowsPerStatement, kMaxVariables / columnCount)
                         : 1;
    qint64 written = 0;
    QHash<int, sqlite3_stmt *> byCount; // this call's statements, by rows per statement
    for (qsizetype next = 0; next < rows.size();) {
        int count = 1;
        while (count * 2 <= most && next + count * 2 <= rows.size())
            count *= 2;
        bool done = false;
        if (count > 1 && std::all_of(rows.cbegin() + next, rows.cbegin() + next + count,
                                     [columnCount](const QVariantList &row) {
                                         return row.size() == columnCount;
                                     })) {
            const bool wasInTransaction = inTransaction();
            sqlite3_stmt *many = byCount.value(count);
            if (!many) {
                const QString manySql = sql(count);
                if (auto prepared = cached(manySql, manySql))
                    byCount.insert(count, many = *prepared);
            }
            done = many && writeMany(many, columnCount, rows, next, count);
            if (!done && wasInTransaction && !inTransaction())
                // A disk full, I/O or locking error ended the whole transaction: writing on row
                // by row would commit each row on its own (m_writtenBeforeFailure stays -1).
                return failure(QStringLiteral("cannot write row %1 of %2 into table %3")
                                   .arg(written + 1)
                                   .arg(rows.size())
                                   .arg(table));
        }
        if (done) {
            written += count;
        } else if (auto one = writeOne(*single, table, columnCount, rows, next, count, written);
                   !one) {
            // SQLite undid only the refused row's statement, unless the error ended the
            // transaction.
            if (inTransaction())
                m_writtenBeforeFailure = written;
            return one.error();
        }
        next += count;
    }
    sqlite3_clear_bindings(*single);
    return written;
}

Result<qint64> SqliteTargetSession::mergeUtf8Rows(const QString &table, const QStringList &columns,
                                                  const QStringList &keyColumns,
                                                  const QList<QByteArray> &cells)
{
    const int width = int(columns.size());
    if (width == 0 || cells.size() % width != 0 || keyColumns.isEmpty())
        return TargetSession::mergeUtf8Rows(table, columns, keyColumns, cells); // its error
    enterGate();
    const auto leave = qScopeGuard([this] { leaveGate(); });
    const qsizetype rows = cells.size() / width;
    const int most = allowsMultiRow(table) ? qMin(kRowsPerStatement, kMaxVariables / width) : 1;
    QHash<int, std::pair<sqlite3_stmt *, QString>> byCount;
    for (qsizetype next = 0; next < rows;) {
        int count = 1;
        while (count * 2 <= most && next + count * 2 <= rows)
            count *= 2;
        auto &[statement, sql] = byCount[count];
        if (!statement) {
            sql = upsertSql(table, columns, keyColumns, count, true);
            auto prepared = cached(sql, sql);
            if (!prepared)
                return prepared.error();
            statement = *prepared;
        }
        int parameter = 1;
        for (qsizetype c = next * width; c < (next + count) * width; ++c) {
            const QByteArray &cell = cells.at(c);
            if (sqlite3_bind_text64(statement, parameter++, cell.constData(),
                                    sqlite3_uint64(cell.size()), SQLITE_STATIC,
                                    SQLITE_UTF8) != SQLITE_OK) {
                sqlite3_clear_bindings(statement);
                return failure(QStringLiteral("cannot bind value %1").arg(parameter - 1), sql);
            }
        }
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement); // no pointer into cells outlives this call
        if (rc != SQLITE_DONE)
            return failure(QStringLiteral("cannot write rows %1 to %2 of %3 into table %4")
                               .arg(next + 1)
                               .arg(next + count)
                               .arg(rows)
                               .arg(table),
                           sql);
        next += count;
    }
    return rows;
}

Result<qint64> SqliteTargetSession::insertRows(const QString &table, const QStringList &columns,
                                               const QList<QVariantList> &rows)
{
    return writeRows(table, int(columns.size()), rows,
                     [&](int rowCount) { return insertSql(table, columns, rowCount); });
}

Result<qint64> SqliteTargetSession::upsertRows(const QString &table, const QStringList &columns,
                                               const QStringList &keyColumns,
                                               const QList<QVariantList> &rows)
{
    if (keyColumns.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("an upsert needs key columns"),
                     m_spec.path() + QStringLiteral(", table ") + table);
    return writeRows(table, int(columns.size()), rows,
                     [&](int rowCount) { return upsertSql(table, columns, keyColumns, rowCount); });
}

Result<qint64> SqliteTargetSession::mergeRows(const QString &table, const QStringList &columns,
                                              const QStringList &keyColumns,
                                              const QList<QVariantList> &rows)
{
    if (keyColumns.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("an upsert needs key columns"),
                     m_spec.path() + QStringLiteral(", table ") + table);
    return writeRows(table, int(columns.size()), rows, [&](int rowCount) {
        return upsertSql(table, columns, keyColumns, rowCount, true);
    });
}

} // namespace cutover
