#include "run/target/PostgresTargetSession.h"

#include "connect/PasswordProvider.h"
#include "core/TextEncoding.h"
#include "dialect/SqlDialect.h"
#include "run/target/PostgresCopyText.h"

#include <algorithm>
#include <libpq-fe.h>
#include <vector>

namespace cutover {

namespace {

constexpr qsizetype kCopyChunkBytes = 1 << 20;
constexpr Oid kByteaOid = 17;

struct ResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

QVariant fieldValue(PGresult *result, int row, int column)
{
    if (PQgetisnull(result, row, column))
        return QVariant();
    const char *text = PQgetvalue(result, row, column);
    const int length = PQgetlength(result, row, column);
    switch (PQftype(result, column)) {
    case 16: // bool
        return QVariant(text[0] == 't');
    case 20: // int8
    case 21: // int2
    case 23: // int4
    case 26: // oid
        return QVariant(QByteArray(text, length).toLongLong());
    case 700:   // float4
    case 701: { // float8
        const QByteArray bytes(text, length);
        if (bytes == "NaN")
            return QVariant(std::nan(""));
        if (bytes == "Infinity" || bytes == "-Infinity")
            return QVariant(bytes.startsWith('-') ? -INFINITY : INFINITY);
        return QVariant(bytes.toDouble());
    }
    case kByteaOid: {
        size_t size = 0;
        unsigned char *bytes =
            PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &size);
        QByteArray value(reinterpret_cast<const char *>(bytes), qsizetype(size));
        PQfreemem(bytes);
        return QVariant(value);
    }
    default: // exactly: a leading U+FEFF kept, a SQL_ASCII database's other bytes as bytes
        return TextEncoding().textOrBytes(QByteArrayView(text, length));
    }
}

} // namespace

PostgresTargetSession::PostgresTargetSession(ConnectionSpec spec, PGconn *conn)
    : m_spec(std::move(spec))
    , m_conn(conn)
{
    // libpq prints NOTICEs ("relation ... already exists, skipping") on stderr by default:
    // they are expected answers to CREATE ... IF NOT EXISTS, not news for the user.
    PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr);
}

PostgresTargetSession::~PostgresTargetSession()
{
    PQfinish(m_conn);
}

pg_conn *PostgresTargetSession::connect(const QList<QPair<QByteArray, QByteArray>> &settings)
{
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    for (const auto &[key, value] : settings) {
        if (value.isEmpty())
            continue;
        keywords.push_back(key.constData());
        values.push_back(value.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    return PQconnectdbParams(keywords.data(), values.data(), 0);
}

Result<std::unique_ptr<PostgresTargetSession>>
PostgresTargetSession::open(const ConnectionSpec &spec, const PasswordProvider *passwords)
{
    QList<QPair<QByteArray, QByteArray>> settings = {
        {"host", spec.host().toUtf8()},
        {"port", spec.port() > 0 ? QByteArray::number(spec.port()) : QByteArray()},
        {"user", spec.user().toUtf8()},
        {"dbname", spec.database().toUtf8()},
        {"connect_timeout",
         spec.option(QStringLiteral("connect_timeout"), QStringLiteral("10")).toUtf8()},
        {"application_name", "cutover"},
        {"client_encoding", "UTF8"},
        {"options", "-c TimeZone=UTC -c DateStyle=ISO,YMD -c extra_float_digits=3"},
    };
    if (spec.options().contains(QStringLiteral("sslmode")))
        settings.append({"sslmode", spec.option(QStringLiteral("sslmode")).toUtf8()});
    // The password is asked for only when the server wants one (SqlConnection::open).
    PGconn *conn = connect(settings);
    if (PQstatus(conn) != CONNECTION_OK && PQconnectionNeedsPassword(conn) && passwords)
        if (auto password = passwords->password(spec)) {
            PQfinish(conn);
            settings.append({"password", password->toUtf8()});
            conn = connect(settings);
        }
    if (PQstatus(conn) != CONNECTION_OK) {
        // libpq's message names host and user but never the password.
        const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return Error(Error::Code::Connection, QStringLiteral("cannot connect: %1").arg(message),
                     spec.displayName(),
                     QStringLiteral("check host, port, user and that the password is in "
                                    "CUTOVER_PASSWORD or the keychain"));
    }
    return std::unique_ptr<PostgresTargetSession>(new PostgresTargetSession(spec, conn));
}

Error PostgresTargetSession::failure(const QString &what, PGresult *result) const
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    m_lastState = state ? QByteArray(state) : QByteArray();
    if (PQstatus(m_conn) == CONNECTION_BAD)
        return Error(Error::Code::Connection,
                     QStringLiteral("the connection was lost during %1: %2")
                         .arg(what, QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()),
                     m_spec.displayName(), QStringLiteral("the run can retry"));
    const QString message =
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn)).trimmed();
    return Error(Error::Code::Validation, QStringLiteral("%1 failed: %2").arg(what, message),
                 m_spec.displayName());
}

QString PostgresTargetSession::numberPlaceholders(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    int number = 0;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (quote == QLatin1Char('\n') && c == QLatin1Char('\n'))
                quote = QChar();
            out.append(c);
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            quote = c;
        else if (c == QLatin1Char('-') && sql.mid(i, 2) == QLatin1String("--"))
            quote = QLatin1Char('\n');
        if (c == QLatin1Char('?') && quote.isNull())
            out.append(QLatin1Char('$') + QString::number(++number));
        else
            out.append(c);
    }
    return out;
}

QVariantList PostgresTargetSession::rowValues(PGresult *result, int row)
{
    QVariantList values;
    const int columns = PQnfields(result);
    values.reserve(columns);
    for (int c = 0; c < columns; ++c)
        values.append(fieldValue(result, row, c));
    return values;
}

Result<QList<QVariantList>> PostgresTargetSession::run(const QString &sql,
                                                       const QVariantList &params)
{
    forgetSchema(sql);
    ResultPtr result;
    if (params.isEmpty()) {
        // Without parameters the text may hold several statements (DDL scripts).
        result.reset(PQexec(m_conn, sql.toUtf8().constData()));
    } else {
        std::vector<QByteArray> texts(size_t(params.size()));
        std::vector<const char *> values(size_t(params.size()), nullptr);
        std::vector<int> lengths(size_t(params.size()), 0);
        std::vector<int> formats(size_t(params.size()), 0);
        std::vector<Oid> types(size_t(params.size()), 0);
        for (qsizetype i = 0; i < params.size(); ++i) {
            const QVariant &value = params.at(i);
            if (value.isNull())
                continue;
            if (value.typeId() == QMetaType::QByteArray) {
                texts[size_t(i)] = value.toByteArray();
                formats[size_t(i)] = 1;
                types[size_t(i)] = kByteaOid;
            } else {
                texts[size_t(i)] = PostgresCopyText::valueText(value);
            }
            values[size_t(i)] = texts[size_t(i)].constData();
            lengths[size_t(i)] = int(texts[size_t(i)].size());
        }
        result.reset(PQexecParams(m_conn, numberPlaceholders(sql).toUtf8().constData(),
                                  int(params.size()), types.data(), values.data(), lengths.data(),
                                  formats.data(), 0));
    }
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return failure(QStringLiteral("statement [%1]").arg(sql.left(200)), result.get());
    QList<QVariantList> rows;
    const int count = PQntuples(result.get());
    rows.reserve(count);
    for (int r = 0; r < count; ++r)
        rows.append(rowValues(result.get(), r));
    return rows;
}

Result<void> PostgresTargetSession::execute(const QString &sql, const QVariantList &params)
{
    auto rows = run(sql, params);
    if (!rows)
        return rows.error();
    return {};
}

Result<QList<QVariantList>> PostgresTargetSession::query(const QString &sql,
                                                         const QVariantList &params)
{
    return run(sql, params);
}

Result<void> PostgresTargetSession::begin()
{
    return execute(QStringLiteral("BEGIN"));
}

Result<void> PostgresTargetSession::commit()
{
    return execute(QStringLiteral("COMMIT"));
}

Result<void> PostgresTargetSession::rollback()
{
    if (!inTransaction())
        return {};
    return execute(QStringLiteral("ROLLBACK"));
}

bool PostgresTargetSession::inTransaction() const
{
    const PGTransactionStatusType status = PQtransactionStatus(m_conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

Result<qint64> PostgresTargetSession::finishCopy(const QString &table)
{
    const QString what = QStringLiteral("COPY into table %1").arg(table);
    qint64 copied = -1;
    Error error;
    bool failed = false;
    while (PGresult *raw = PQgetResult(m_conn)) {
        ResultPtr result(raw);
        if (PQresultStatus(raw) == PGRES_COMMAND_OK) {
            copied = QByteArray(PQcmdTuples(raw)).toLongLong();
        } else if (!failed) {
            failed = true;
            error = failure(what, raw);
        }
    }
    if (failed)
        return error;
    if (copied < 0)
        return failure(what);
    return copied;
}

Result<qint64> PostgresTargetSession::copyRows(const QString &table, const QStringList &columns,
                                               const QList<QVariantList> &rows)
{
    const QString sql = QStringLiteral("COPY %1 (%2) FROM STDIN")
                            .arg(quote(table), SqlDialect::quoteIdentifiers(columns, kind()));
    ResultPtr start(PQexec(m_conn, sql.toUtf8().constData()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN)
        return failure(QStringLiteral("COPY into table %1").arg(table), start.get());
    QByteArray buffer;
    buffer.reserve(kCopyChunkBytes + 64 * 1024);
    QString problem;
    for (qsizetype r = 0; r < rows.size() && problem.isEmpty(); ++r) {
        const QVariantList &row = rows.at(r);
        if (row.size() != columns.size()) {
            problem = QStringLiteral("row %1 has %2 values for %3 columns")
                          .arg(r + 1)
                          .arg(row.size())
                          .arg(columns.size());
            break;
        }
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                buffer.append('\t');
            PostgresCopyText::appendValue(buffer, row.at(c));
        }
        buffer.append('\n');
        if (buffer.size() >= kCopyChunkBytes) {
            if (PQputCopyData(m_conn, buffer.constData(), int(buffer.size())) != 1)
                break;
            buffer.clear();
        }
    }
    if (problem.isEmpty() && !buffer.isEmpty())
        PQputCopyData(m_conn, buffer.constData(), int(buffer.size()));
    const QByteArray reason = problem.toUtf8();
    PQputCopyEnd(m_conn, problem.isEmpty() ? nullptr : reason.constData());
    auto copied = finishCopy(table);
    if (!problem.isEmpty())
        return Error(Error::Code::Internal, problem,
                     m_spec.displayName() + QStringLiteral(", table ") + table);
    return copied;
}

Result<qint64> PostgresTargetSession::insertRows(const QString &table, const QStringList &columns,
                                                 const QList<QVariantList> &rows)
{
    if (rows.isEmpty())
        return qint64(0);
    return copyRows(table, columns, rows);
}

Result<qint64> PostgresTargetSession::mergeStaging(const QString &table, const QString &staging,
                                                   const QStringList &columns,
                                                   const QStringList &keyColumns, bool changedOnly)
{
    QStringList updates, before, after;
    for (const QString &column : columns) {
        if (keyColumns.contains(column))
            continue;
        updates.append(QStringLiteral("%1 = EXCLUDED.%1").arg(quote(column)));
        before.append(QStringLiteral("cutover_t.") + quote(column));
        after.append(QStringLiteral("EXCLUDED.") + quote(column));
    }
    QString action = updates.isEmpty()
                         ? QStringLiteral("DO NOTHING")
                         : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    if (changedOnly && !updates.isEmpty())
        action += QStringLiteral(" WHERE ROW(%1) IS DISTINCT FROM ROW(%2)")
                      .arg(before.join(QStringLiteral(", ")), after.join(QStringLiteral(", ")));
    const QString list = SqlDialect::quoteIdentifiers(columns, kind());
    const QString keys = SqlDialect::quoteIdentifiers(keyColumns, kind());
    // The last row of a key wins, as if the rows had been upserted one by one.
    const QString sql = QStringLiteral("INSERT INTO %1 AS cutover_t (%2) SELECT %2 FROM (SELECT "
                                       "DISTINCT ON (%3) %2 FROM %4 ORDER BY %3, ctid DESC) AS s "
                                       "ON CONFLICT (%3) %5")
                            .arg(quote(table), list, keys, quote(staging), action);
    ResultPtr result(PQexec(m_conn, sql.toUtf8().constData()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        return failure(QStringLiteral("upsert into table %1").arg(table), result.get());
    return QByteArray(PQcmdTuples(result.get())).toLongLong();
}

Result<qint64> PostgresTargetSession::upsertRows(const QString &table, const QStringList &columns,
                                                 const QStringList &keyColumns,
                                                 const QList<QVariantList> &rows)
{
    return upsert(table, columns, keyColumns, rows, false);
}

Result<qint64> PostgresTargetSession::mergeRows(const QString &table, const QStringList &columns,
                                                const QStringList &keyColumns,
                                                const QList<QVariantList> &rows)
{
    return upsert(table, columns, keyColumns, rows, true);
}

Result<qint64> PostgresTargetSession::upsert(const QString &table, const QStringList &columns,
                                             const QStringList &keyColumns,
                                             const QList<QVariantList> &rows, bool changedOnly)
{
    if (keyColumns.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("an upsert needs key columns"),
                     m_spec.displayName() + QStringLiteral(", table ") + table);
    if (rows.isEmpty())
        return qint64(0);
    const bool ownTransaction = !inTransaction();
    if (ownTransaction)
        if (auto started = begin(); !started)
            return started.error();
    auto result = [&]() -> Result<qint64> {
        auto copied = copyInstead(table, columns, keyColumns, rows);
        if (!copied)
            return copied.error();
        if (copied->has_value())
            return **copied;
        return upsertThroughStaging(table, columns, keyColumns, rows, changedOnly);
    }();
    if (ownTransaction) {
        if (!result) {
            (void)rollback();
            return result;
        }
        if (auto committed = commit(); !committed)
            return committed.error();
    }
    return result;
}

Result<std::optional<qint64>> PostgresTargetSession::copyInstead(const QString &table,
                                                                 const QStringList &columns,
                                                                 const QStringList &keyColumns,
                                                                 const QList<QVariantList> &rows)
{
    const bool keysWritten = std::all_of(keyColumns.cbegin(), keyColumns.cend(),
                                         [&](const QString &k) { return columns.contains(k); });
    if (m_merged.contains(table) || !keysWritten)
        return std::optional<qint64>();
    // Only a primary key checked at once makes the COPY fail on a key that is there already
    // (or twice in rows), as the merge needs: a deferred one would let duplicates through.
    auto primary = isPrimaryKey(table, keyColumns);
    if (!primary)
        return primary.error();
    if (!*primary)
        return std::optional<qint64>();
    const QString savepoint = QStringLiteral("cutover_copy");
    if (auto saved = execute(QStringLiteral("SAVEPOINT ") + savepoint); !saved)
        return saved.error();
    auto copied = copyRows(table, columns, rows);
    if (copied) {
        if (auto released = execute(QStringLiteral("RELEASE SAVEPOINT ") + savepoint); !released)
            return released.error();
        return std::optional<qint64>(*copied);
    }
    if (copied.error().code() == Error::Code::Connection)
        return copied.error();
    // A key that is there already: merge this table from now on. Any other refusal: the merge
    // finds it again and reports it as an upsert would.
    if (m_lastState == "23505")
        m_merged.insert(table);
    if (auto undone = execute(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint); !undone)
        return undone.error();
    if (auto released = execute(QStringLiteral("RELEASE SAVEPOINT ") + savepoint); !released)
        return released.error();
    return std::optional<qint64>();
}

Result<bool> PostgresTargetSession::isPrimaryKey(const QString &table,
                                                 const QStringList &keyColumns)
{
    const QString cacheKey = table + QChar(0x1f) + keyColumns.join(QChar(0x1f));
    if (const auto known = m_primaryKeys.constFind(cacheKey); known != m_primaryKeys.constEnd())
        return *known;
    auto names = query(QStringLiteral("SELECT a.attname::text FROM pg_index i JOIN pg_attribute a "
                                      "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                                      "WHERE i.indrelid = to_regclass(?) AND i.indisprimary AND "
                                      "i.indimmediate"),
                       {quote(table)});
    if (!names)
        return names.error();
    QSet<QString> primary;
    for (const QVariantList &row : std::as_const(*names))
        primary.insert(row.value(0).toString());
    const QSet<QString> keys(keyColumns.cbegin(), keyColumns.cend());
    const bool same = !primary.isEmpty() && primary == keys && keys.size() == keyColumns.size();
    m_primaryKeys.insert(cacheKey, same);
    return same;
}

// What the session knows about tables may be stale after DDL.
void PostgresTargetSession::forgetSchema(const QString &sql)
{
    const QString head = sql.left(16).trimmed().toUpper();
    if (head.startsWith(QLatin1String("CREATE")) || head.startsWith(QLatin1String("DROP")) ||
        head.startsWith(QLatin1String("ALTER"))) {
        m_primaryKeys.clear();
        m_merged.clear();
        m_staging.clear();
    }
}

Result<qint64> PostgresTargetSession::upsertThroughStaging(const QString &table,
                                                           const QStringList &columns,
                                                           const QStringList &keyColumns,
                                                           const QList<QVariantList> &rows,
                                                           bool changedOnly)
{
    const QString list = SqlDialect::quoteIdentifiers(columns, kind());
    QString &name = m_staging[quote(table) + QChar(0x1f) + list];
    if (name.isEmpty())
        name = QStringLiteral("cutover_staging_%1").arg(++m_stagingCounter);
    const QString staging = name;
    // IF NOT EXISTS: a rolled-back transaction takes the table it created with it.
    const QString create = QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 ON COMMIT DELETE "
                                          "ROWS AS SELECT %2 FROM %3 WITH NO DATA")
                               .arg(quote(staging), list, quote(table));
    ResultPtr created(PQexec(m_conn, create.toUtf8().constData()));
    if (PQresultStatus(created.get()) != PGRES_COMMAND_OK)
        return failure(QStringLiteral("statement [%1]").arg(create.left(200)), created.get());
    if (auto copied = copyRows(staging, columns, rows); !copied)
        return copied.error();
    auto merged = mergeStaging(table, staging, columns, keyColumns, changedOnly);
    if (!merged)
        return merged.error();
    // Empty for the next upsert of this transaction (a commit empties it anyway).
    if (auto emptied = execute(QStringLiteral("DELETE FROM %1").arg(quote(staging))); !emptied)
        return emptied.error();
    return merged;
}

} // namespace cutover
