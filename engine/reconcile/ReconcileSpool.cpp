#include "reconcile/ReconcileSpool.h"

#include "core/SqliteValue.h"
#include "core/ValueText.h"

#include <sqlite3.h>

namespace cutover {

namespace {

QString databaseFilledText(const QBitArray &bits)
{
    QStringList columns;
    for (qsizetype i = 0; i < bits.size(); ++i)
        if (bits.testBit(i))
            columns.append(QString::number(i));
    return columns.join(QLatin1Char(','));
}

QBitArray databaseFilledBits(const QString &text, int columns)
{
    QBitArray bits(columns);
    if (text.isEmpty())
        return bits;
    for (const QString &part : text.split(QLatin1Char(',')))
        if (const int i = part.toInt(); i >= 0 && i < columns)
            bits.setBit(i);
    return bits;
}

QString textColumn(sqlite3_stmt *statement, int index)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, index));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(statement, index)) : QString();
}

} // namespace

ReconcileSpool::Cursor::Cursor(sqlite3_stmt *statement, Side side, int columns)
    : m_statement(statement)
    , m_side(side)
    , m_columns(columns)
{}

ReconcileSpool::Cursor::Cursor(Cursor &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_side(other.m_side)
    , m_columns(other.m_columns)
    , m_error(std::move(other.m_error))
{}

ReconcileSpool::Cursor::~Cursor()
{
    sqlite3_finalize(m_statement);
}

bool ReconcileSpool::Cursor::next(Row &row)
{
    if (!m_statement)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE)
            m_error =
                Error(Error::Code::Io, QStringLiteral("cannot read the reconciliation spool: %1")
                                           .arg(QString::fromUtf8(sqlite3_errstr(rc))));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return false;
    }
    const auto *key = static_cast<const char *>(sqlite3_column_blob(m_statement, 0));
    row.key = QByteArray(key, sqlite3_column_bytes(m_statement, 0));
    row.keyText = textColumn(m_statement, 1);
    int at = 2;
    if (m_side == Side::Expected) {
        row.sourceKey = textColumn(m_statement, at++);
        row.runQuarantined = sqlite3_column_int(m_statement, at++) != 0;
        row.databaseFilled = databaseFilledBits(textColumn(m_statement, at++), m_columns);
    }
    row.values.resize(m_columns);
    for (int c = 0; c < m_columns; ++c)
        row.values[c] = SqliteValue::column(m_statement, at + c);
    return true;
}

Result<std::unique_ptr<ReconcileSpool>> ReconcileSpool::create(int columnCount)
{
    std::unique_ptr<ReconcileSpool> spool(new ReconcileSpool(columnCount));
    for (Side side : {Side::Expected, Side::Actual})
        if (auto opened = spool->open(side); !opened)
            return opened.error();
    return spool;
}

Result<void> ReconcileSpool::open(Side side)
{
    Store &s = store(side);
    // An empty file name: a private temporary file, deleted when the connection closes.
    if (sqlite3_open_v2("", &s.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK)
        return Error(Error::Code::Io, QStringLiteral("cannot create the reconciliation spool: %1")
                                          .arg(QString::fromUtf8(sqlite3_errmsg(s.db))));
    const QString columns = columnList();
    const QString table =
        side == Side::Expected
            ? QStringLiteral("CREATE TABLE e (k BLOB, kd TEXT, src TEXT, q INTEGER, d TEXT%1)")
                  .arg(columns)
            : QStringLiteral("CREATE TABLE a (k BLOB, kd TEXT%1)").arg(columns);
    for (const QString &sql :
         {QStringLiteral("PRAGMA journal_mode = OFF"), QStringLiteral("PRAGMA synchronous = OFF"),
          QStringLiteral("PRAGMA temp_store = FILE"),
          QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKib / 2), table})
        if (auto ok = exec(side, sql); !ok)
            return ok;
    QString values =
        side == Side::Expected ? QStringLiteral("?, ?, ?, ?, ?") : QStringLiteral("?, ?");
    for (int c = 0; c < m_columns; ++c)
        values += QStringLiteral(", ?");
    auto insert =
        prepare(side, QStringLiteral("INSERT INTO %1 VALUES (%2)").arg(tableOf(side), values));
    if (!insert)
        return insert.error();
    s.insert = *insert;
    return {};
}

ReconcileSpool::ReconcileSpool(int columnCount)
    : m_columns(columnCount)
{}

ReconcileSpool::~ReconcileSpool()
{
    for (Store &s : m_stores) {
        sqlite3_finalize(s.insert);
        sqlite3_close(s.db);
    }
}

QString ReconcileSpool::columnList() const
{
    QString columns;
    for (int c = 0; c < m_columns; ++c)
        columns += QStringLiteral(", c%1").arg(c);
    return columns;
}

QString ReconcileSpool::tableOf(Side side)
{
    return side == Side::Expected ? QStringLiteral("e") : QStringLiteral("a");
}

Error ReconcileSpool::sqliteError(Side side, const QString &what) const
{
    return Error(Error::Code::Io,
                 QStringLiteral("reconciliation spool: cannot %1: %2")
                     .arg(what, QString::fromUtf8(sqlite3_errmsg(store(side).db))));
}

Result<void> ReconcileSpool::exec(Side side, const QString &sql)
{
    if (sqlite3_exec(store(side).db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) !=
        SQLITE_OK)
        return sqliteError(side, sql);
    return {};
}

Result<sqlite3_stmt *> ReconcileSpool::prepare(Side side, const QString &sql)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(store(side).db, utf8.constData(), int(utf8.size()), &statement,
                           nullptr) != SQLITE_OK)
        return sqliteError(side, QStringLiteral("prepare %1").arg(sql));
    return statement;
}

Result<void> ReconcileSpool::add(Side side, const Row &row)
{
    Store &s = store(side);
    if (!s.inTransaction) {
        if (auto ok = exec(side, QStringLiteral("BEGIN")); !ok)
            return ok;
        s.inTransaction = true;
    }
    if (s.inKeyOrder) {
        // the order of ORDER BY k on a BLOB: memcmp, then the shorter first
        s.inKeyOrder = s.lastKey.isNull() || s.lastKey <= row.key;
        s.lastKey = row.key;
    }
    sqlite3_stmt *statement = s.insert;
    sqlite3_bind_blob(statement, 1, row.key.constData(), int(row.key.size()), SQLITE_TRANSIENT);
    SqliteValue::bind(statement, 2, row.keyText);
    int at = 3;
    if (side == Side::Expected) {
        SqliteValue::bind(statement, at++, row.sourceKey);
        sqlite3_bind_int(statement, at++, row.runQuarantined ? 1 : 0);
        const QString filled = databaseFilledText(row.databaseFilled);
        SqliteValue::bind(statement, at++, filled.isEmpty() ? QVariant() : QVariant(filled));
    }
    for (int c = 0; c < m_columns; ++c)
        SqliteValue::bind(statement, at + c, row.values.value(c));
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE)
        return sqliteError(side, QStringLiteral("write a row"));
    return {};
}

Result<void> ReconcileSpool::finishWriting(Side side)
{
    Store &s = store(side);
    if (!s.inTransaction)
        return {};
    s.inTransaction = false;
    return exec(side, QStringLiteral("COMMIT"));
}

Result<void> ReconcileSpool::finishWriting()
{
    if (auto ok = finishWriting(Side::Expected); !ok)
        return ok;
    return finishWriting(Side::Actual);
}

Result<ReconcileSpool::Cursor> ReconcileSpool::rows(Side side)
{
    const QString extra = side == Side::Expected ? QStringLiteral(", src, q, d") : QString();
    // Sorting millions of spooled rows costs more than all the rest of a reconciliation; rows
    // that came in key order are read back in the order they were written.
    const QString order = store(side).inKeyOrder ? QStringLiteral("rowid") : QStringLiteral("k");
    auto statement = prepare(side, QStringLiteral("SELECT k, kd%1%2 FROM %3 ORDER BY %4")
                                       .arg(extra, columnList(), tableOf(side), order));
    if (!statement)
        return statement.error();
    return Cursor(*statement, side, m_columns);
}

Result<qint64> ReconcileSpool::count(Side side)
{
    auto statement = prepare(side, QStringLiteral("SELECT count(*) FROM %1").arg(tableOf(side)));
    if (!statement)
        return statement.error();
    const bool ok = sqlite3_step(*statement) == SQLITE_ROW;
    const qint64 rows = ok ? sqlite3_column_int64(*statement, 0) : -1;
    sqlite3_finalize(*statement);
    if (!ok)
        return sqliteError(side, QStringLiteral("count rows"));
    return rows;
}

Result<QList<qint64>> ReconcileSpool::distinctCounts(Side side)
{
    if (m_columns == 0)
        return QList<qint64>();
    QStringList counts;
    for (int c = 0; c < m_columns; ++c)
        counts.append(QStringLiteral("count(DISTINCT c%1)").arg(c));
    auto statement = prepare(
        side,
        QStringLiteral("SELECT %1 FROM %2").arg(counts.join(QStringLiteral(", ")), tableOf(side)));
    if (!statement)
        return statement.error();
    QList<qint64> result;
    if (sqlite3_step(*statement) == SQLITE_ROW)
        for (int c = 0; c < m_columns; ++c)
            result.append(sqlite3_column_int64(*statement, c));
    sqlite3_finalize(*statement);
    if (result.size() != m_columns)
        return sqliteError(side, QStringLiteral("count distinct values"));
    return result;
}

Result<std::pair<qint64, QStringList>>
ReconcileSpool::duplicates(Side side, const QList<int> &columns, int sampleLimit)
{
    QStringList names;
    QStringList notNull;
    for (int c : columns) {
        names.append(QStringLiteral("c%1").arg(c));
        notNull.append(QStringLiteral("c%1 IS NOT NULL").arg(c));
    }
    auto statement = prepare(
        side, QStringLiteral("SELECT count(*), %1 FROM %2 WHERE %3 GROUP BY %1 HAVING count(*) > 1")
                  .arg(names.join(QStringLiteral(", ")), tableOf(side),
                       notNull.join(QStringLiteral(" AND "))));
    if (!statement)
        return statement.error();
    std::pair<qint64, QStringList> found{0, {}};
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(*statement)) == SQLITE_ROW) {
        found.first += sqlite3_column_int64(*statement, 0) - 1;
        if (found.second.size() >= sampleLimit)
            continue;
        QStringList values;
        for (qsizetype i = 0; i < columns.size(); ++i)
            values.append(ValueText::display(SqliteValue::column(*statement, int(i) + 1)));
        found.second.append(values.join(QStringLiteral(", ")));
    }
    sqlite3_finalize(*statement);
    if (rc != SQLITE_DONE)
        return sqliteError(side, QStringLiteral("find duplicates"));
    return found;
}

} // namespace cutover
