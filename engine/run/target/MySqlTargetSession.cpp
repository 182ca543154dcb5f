#include "run/target/MySqlTargetSession.h"

#include "connect/SqlConnection.h"
#include "dialect/SqlDialect.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace cutover {

namespace {

// MySQL client error numbers that mean the server went away.
bool isConnectionLoss(const QSqlError &error)
{
    static const QStringList codes = {QStringLiteral("2006"), QStringLiteral("2013"),
                                      QStringLiteral("2055"), QStringLiteral("2002"),
                                      QStringLiteral("2003"), QStringLiteral("4031")};
    return codes.contains(error.nativeErrorCode());
}

constexpr int kMySqlNewDecimal = 246;
constexpr int kMySqlDecimal = 0;

QVariant resultValue(const QSqlQuery &query, const QSqlRecord &record, int column)
{
    const QVariant value = query.value(column);
    if (value.isNull())
        return QVariant();
    const QSqlField field = record.field(column);
    if (field.metaType().id() == QMetaType::Double) {
        // High precision gives every floating column as text: decimals stay text, the rest
        // become doubles again.
        if (field.typeID() == kMySqlNewDecimal || field.typeID() == kMySqlDecimal)
            return QVariant(value.toString());
        return QVariant(value.toDouble());
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::UChar:
    case QMetaType::SChar:
        return QVariant(value.toLongLong());
    case QMetaType::ULongLong:
    case QMetaType::ULong:
        return value.toULongLong() > quint64(std::numeric_limits<qint64>::max())
                   ? QVariant(value.toString())
                   : QVariant(value.toLongLong());
    case QMetaType::QDateTime:
        return QVariant(value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDate:
        return QVariant(value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return QVariant(value.toTime().toString(Qt::ISODateWithMs));
    default:
        return value;
    }
}

} // namespace

MySqlTargetSession::MySqlTargetSession(std::unique_ptr<SqlConnection> connection)
    : m_connection(std::move(connection))
{}

MySqlTargetSession::~MySqlTargetSession()
{
    qDeleteAll(m_statements);
    if (m_inTransaction)
        m_connection->database().rollback();
}

const ConnectionSpec &MySqlTargetSession::spec() const
{
    return m_connection->spec();
}

Result<std::unique_ptr<MySqlTargetSession>>
MySqlTargetSession::open(const ConnectionSpec &spec, const PasswordProvider *passwords)
{
    auto connection = SqlConnection::open(spec, passwords, SqlConnection::Mode::ReadWrite);
    if (!connection)
        return connection.error();
    std::unique_ptr<MySqlTargetSession> session(
        new MySqlTargetSession(std::move(connection).value()));
    if (auto configured = session->configure(); !configured)
        return configured.error();
    return session;
}

Result<void> MySqlTargetSession::configure()
{
    const QStringList statements = {
        QStringLiteral("SET NAMES utf8mb4"),
        QStringLiteral("SET time_zone = '+00:00'"),
        QStringLiteral("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                       "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_BACKSLASH_ESCAPES'"),
    };
    for (const QString &statement : statements)
        if (auto done = execute(statement); !done)
            return done;
    return {};
}

Error MySqlTargetSession::failure(const QString &what, const QSqlError &error) const
{
    const QString text = error.text().trimmed();
    if (isConnectionLoss(error))
        return Error(Error::Code::Connection,
                     QStringLiteral("the connection was lost during %1: %2").arg(what, text),
                     spec().displayName(), QStringLiteral("the run can retry"));
    return Error(Error::Code::Validation, QStringLiteral("%1 failed: %2").arg(what, text),
                 spec().displayName());
}

Result<QList<QVariantList>> MySqlTargetSession::query(const QString &sql,
                                                      const QVariantList &params)
{
    QSqlQuery query(m_connection->database());
    query.setForwardOnly(true);
    query.setNumericalPrecisionPolicy(QSql::HighPrecision);
    const QString what = QStringLiteral("statement [%1]").arg(sql.left(200));
    bool ok;
    if (params.isEmpty()) {
        ok = query.exec(sql);
    } else {
        if (!query.prepare(sql))
            return failure(what, query.lastError());
        for (qsizetype i = 0; i < params.size(); ++i)
            query.bindValue(int(i), bindable(params.at(i), false));
        ok = query.exec();
    }
    if (!ok)
        return failure(what, query.lastError());
    QList<QVariantList> rows;
    if (!query.isSelect())
        return rows;
    const QSqlRecord record = query.record();
    while (query.next()) {
        QVariantList row;
        row.reserve(record.count());
        for (int c = 0; c < record.count(); ++c)
            row.append(resultValue(query, record, c));
        rows.append(std::move(row));
    }
    if (query.lastError().isValid())
        return failure(what, query.lastError());
    return rows;
}

Result<void> MySqlTargetSession::execute(const QString &sql, const QVariantList &params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    return {};
}

Result<void> MySqlTargetSession::begin()
{
    QSqlDatabase db = m_connection->database();
    if (!db.transaction())
        return failure(QStringLiteral("BEGIN"), db.lastError());
    m_inTransaction = true;
    return {};
}

Result<void> MySqlTargetSession::commit()
{
    QSqlDatabase db = m_connection->database();
    m_inTransaction = false;
    if (!db.commit())
        return failure(QStringLiteral("COMMIT"), db.lastError());
    return {};
}

Result<void> MySqlTargetSession::rollback()
{
    if (!m_inTransaction)
        return {};
    QSqlDatabase db = m_connection->database();
    m_inTransaction = false;
    if (!db.rollback())
        return failure(QStringLiteral("ROLLBACK"), db.lastError());
    return {};
}

QVariant MySqlTargetSession::bindable(const QVariant &value, bool temporal)
{
    if (value.isNull())
        return QVariant(QMetaType::fromType<QString>());
    if (value.typeId() == QMetaType::Bool)
        return QVariant(qint64(value.toBool() ? 1 : 0));
    // QMYSQL binds a null QByteArray or QString as NULL: an empty value must stay empty.
    if (value.typeId() == QMetaType::QByteArray && value.toByteArray().isNull())
        return QVariant(QByteArray("", 0));
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QVariant(QString(QLatin1String("")));
    if (temporal && value.typeId() == QMetaType::QString) {
        QString text = value.toString();
        if (text.endsWith(QLatin1Char('Z')))
            text.chop(1);
        else if (text.endsWith(QLatin1String("+00:00")))
            text.chop(6);
        if (text.size() > 10 && text.at(10) == QLatin1Char('T'))
            text[10] = QLatin1Char(' ');
        return QVariant(text);
    }
    return value;
}

qint64 MySqlTargetSession::sizeOf(const QVariantList &row)
{
    qint64 bytes = 0;
    for (const QVariant &value : row) {
        if (value.typeId() == QMetaType::QString)
            bytes += 3 * value.toString().size() + 8;
        else if (value.typeId() == QMetaType::QByteArray)
            bytes += value.toByteArray().size() + 8;
        else
            bytes += 16;
    }
    return bytes;
}

Result<QList<bool>> MySqlTargetSession::temporalColumns(const QString &table,
                                                        const QStringList &columns)
{
    if (!m_columnTypes.contains(table)) {
        auto rows = query(QStringLiteral("SELECT COLUMN_NAME, DATA_TYPE FROM "
                                         "information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                                         "DATABASE() AND TABLE_NAME = ?"),
                          {table});
        if (!rows)
            return rows.error();
        QHash<QString, QString> types;
        for (const QVariantList &row : std::as_const(*rows))
            types.insert(row.value(0).toString(), row.value(1).toString().toLower());
        m_columnTypes.insert(table, types);
    }
    const QHash<QString, QString> &types = m_columnTypes[table];
    QList<bool> temporal;
    for (const QString &column : columns) {
        const QString type = types.value(column);
        temporal.append(type == QLatin1String("datetime") || type == QLatin1String("timestamp"));
    }
    return temporal;
}

Result<QSqlQuery *> MySqlTargetSession::prepared(const QString &sql)
{
    if (QSqlQuery *statement = m_statements.value(sql))
        return statement;
    auto statement = std::make_unique<QSqlQuery>(m_connection->database());
    if (!statement->prepare(sql))
        return failure(QStringLiteral("preparing [%1]").arg(sql.left(200)), statement->lastError());
    QSqlQuery *raw = statement.release();
    m_statements.insert(sql, raw);
    return raw;
}

Result<qint64> MySqlTargetSession::writeChunk(const QString &table, const QStringList &columns,
                                              const QList<QVariantList> &rows, qsizetype first,
                                              qsizetype count, const QString &suffix,
                                              const QList<bool> &temporal)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    const QString tuple = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    QStringList tuples;
    for (qsizetype i = 0; i < count; ++i)
        tuples.append(tuple);
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                            .arg(quote(table), SqlDialect::quoteIdentifiers(columns, kind()),
                                 tuples.join(QStringLiteral(", ")), suffix);
    auto statement = prepared(sql);
    if (!statement)
        return statement.error();
    QSqlQuery *q = *statement;
    int index = 0;
    for (qsizetype r = first; r < first + count; ++r) {
        const QVariantList &row = rows.at(r);
        if (row.size() != columns.size())
            return Error(Error::Code::Internal,
                         QStringLiteral("row %1 has %2 values for %3 columns")
                             .arg(r + 1)
                             .arg(row.size())
                             .arg(columns.size()),
                         spec().displayName() + QStringLiteral(", table ") + table);
        for (qsizetype c = 0; c < row.size(); ++c)
            q->bindValue(index++, bindable(row.at(c), temporal.at(c)));
    }
    if (!q->exec())
        return failure(QStringLiteral("writing rows %1 to %2 into table %3")
                           .arg(first + 1)
                           .arg(first + count)
                           .arg(table),
                       q->lastError());
    const qint64 affected = q->numRowsAffected();
    q->finish();
    return affected;
}

Result<qint64> MySqlTargetSession::writeRows(const QString &table, const QStringList &columns,
                                             const QList<QVariantList> &rows, const QString &suffix)
{
    if (columns.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no columns to write"),
                     spec().displayName() + QStringLiteral(", table ") + table);
    auto temporal = temporalColumns(table, columns);
    if (!temporal)
        return temporal.error();
    const qsizetype maxRows = std::max<qsizetype>(
        1, std::min<qsizetype>(kMaxRowsPerStatement, kMaxPlaceholders / columns.size()));
    qint64 affected = 0;
    qsizetype first = 0;
    while (first < rows.size()) {
        qsizetype count = 0;
        qint64 bytes = 0;
        while (first + count < rows.size() && count < maxRows &&
               (count == 0 || bytes < kMaxBytesPerStatement)) {
            bytes += sizeOf(rows.at(first + count));
            ++count;
        }
        auto written = writeChunk(table, columns, rows, first, count, suffix, *temporal);
        if (!written)
            return written.error();
        affected += *written;
        first += count;
    }
    return affected;
}

Result<qint64> MySqlTargetSession::insertRows(const QString &table, const QStringList &columns,
                                              const QList<QVariantList> &rows)
{
    return writeRows(table, columns, rows, QString());
}

Result<qint64> MySqlTargetSession::upsertRows(const QString &table, const QStringList &columns,
                                              const QStringList &keyColumns,
                                              const QList<QVariantList> &rows)
{
    if (keyColumns.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("an upsert needs key columns"),
                     spec().displayName() + QStringLiteral(", table ") + table);
    QStringList updates;
    for (const QString &column : columns)
        if (!keyColumns.contains(column))
            updates.append(QStringLiteral("%1 = VALUES(%1)").arg(quote(column)));
    if (updates.isEmpty()) // nothing to update: a no-op assignment keeps existing rows
        updates.append(QStringLiteral("%1 = %1").arg(quote(keyColumns.first())));
    auto written =
        writeRows(table, columns, rows,
                  QStringLiteral(" ON DUPLICATE KEY UPDATE ") + updates.join(QStringLiteral(", ")));
    if (!written)
        return written.error();
    // MySQL counts an updated row twice and an unchanged one not at all: report rows applied.
    return qint64(rows.size());
}

} // namespace cutover
